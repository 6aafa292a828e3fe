#pragma once

#include "delivery/senttest.h"
#include "preview/previewinputs.h"
#include "project/mappingconfig.h"

#include <QHash>
#include <QPointer>
#include <QWidget>

#include <optional>
#include <vector>

class QAction;
class QComboBox;
class QDialog;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTreeView;

namespace inkmapper::delivery {
class Sender;
}
namespace inkmapper::inspector {
class Inspector;
}

namespace inkmapper::ui {

class InspectorControls;
class MessageBar;
class ResponseHeadersModel;
class TestHistoryModel;

/**
 * "Send test": sends the request the preview shows for the selected event and mapping, for real, and shows
 * what came back — status, time, size, headers and the body — or the failure in plain words with the next
 * step. A Movable Ink URL naming the local inspector (http://127.0.0.1:8787/v1/segment/events, the demo
 * project's) starts it in the app on the first send, accepting the project's credentials, so a test works
 * without an account; the answer it gives can be chosen to rehearse each failure.
 */
class SendPanel : public QWidget
{
    Q_OBJECT

public:
    explicit SendPanel(QWidget *parent = nullptr);
    ~SendPanel() override;

    /** What a send sends: the request the preview makes for these inputs. */
    void setInputs(const preview::PreviewInputs &inputs);
    /** The project's mappings, for "Send to All Matching Mappings". */
    void setMappings(const std::vector<project::MappingConfig> &mappings) { m_mappings = mappings; }

    /** "Send Test" (Ctrl+Enter) and "Cancel" (Esc while sending), for the window's menus. */
    QAction *sendAction() const { return m_sendAction; }
    /** "Send to All Matching Mappings" (Ctrl+Shift+Enter): the selected event through every enabled mapping. */
    QAction *sendAllAction() const { return m_sendAllAction; }
    QAction *cancelAction() const { return m_cancelAction; }

    /** The exchange shown, if any. */
    const std::optional<delivery::Exchange> &lastExchange() const { return m_last; }
    bool isSending() const { return !m_sending.isEmpty(); }
    /** The in-app inspector, or nullptr before it is started. */
    inspector::Inspector *localInspector() const;

    /** The tests sent from the project (this session's and those kept in its workspace), newest first. */
    TestHistoryModel *historyModel() const { return m_historyModel; }
    /** The same, oldest first, secrets redacted. */
    const std::vector<delivery::SentTest> &history() const;
    /** The history as a HAR 1.2 document (what "Save as HAR…" writes). */
    QByteArray harDocument() const;
    /**
     * The curl command of the exchange shown (what "Copy as curl" copies): its secret redacted, or with
     * `withSecret` signed with the current credentials (the history keeps no secret).
     */
    QString curlCommand(bool withSecret = false) const;

public Q_SLOTS:
    void send();
    void sendToAllMatching();
    /** Sends the exchange selected in the history again, signed with the current credentials. */
    void sendAgain();
    /** Opens the list of what the local inspector received. */
    void showInspectorRequests();
    /** Compares the two tests selected in the history (a window showing what differs). */
    void compareSelected();
    void cancel();
    /** Shows a problem of the panel's surroundings (the workspace could not be read) until closed. */
    void showProblem(const QString &message);

Q_SIGNALS:
    /** An exchange ended and is shown. */
    void exchangeFinished();
    void statusMessage(const QString &text);

private:
    void show(const delivery::Exchange &exchange);
    void record(const delivery::Exchange &exchange, const QString &mapping);
    /** The rows selected in the history, in view order. */
    QList<int> selectedRows() const;
    void updateHistoryButtons();
    /** `request` with its Authorization header made again from the current Username and secret. */
    destination::HttpRequest signedAgain(destination::HttpRequest request) const;
    /** Sends the requests `mappings` make for the selected event; false when none makes one. */
    bool start(const std::vector<project::MappingConfig> &mappings);
    void updateSendingState();
    void saveHar();
    /** Starts the in-app inspector when `url` names it, with the project's credentials (InspectorControls). */
    void prepareInspector(const QUrl &url);

    std::optional<preview::PreviewInputs> m_inputs;
    delivery::Sender *m_sender;
    QHash<quint64, QString> m_sending; ///< the exchanges under way, with their mapping's name
    std::optional<delivery::Exchange> m_last;
    std::vector<project::MappingConfig> m_mappings;

    QAction *m_sendAction;
    QAction *m_sendAllAction;
    QAction *m_cancelAction;
    QPushButton *m_sendButton;
    QLabel *m_target;
    MessageBar *m_notice;
    MessageBar *m_problem;
    QLabel *m_status;
    QLabel *m_timings;
    MessageBar *m_failure;
    ResponseHeadersModel *m_responseHeaders;
    QTreeView *m_headers;
    QPlainTextEdit *m_body;
    InspectorControls *m_inspectorControls;
    TestHistoryModel *m_historyModel;
    QTreeView *m_historyView;
    QPushButton *m_copyCurl;
    QPushButton *m_compare;
    QPushButton *m_saveHar;
    QPushButton *m_sendAgain;
};

} // namespace inkmapper::ui
