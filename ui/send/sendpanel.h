#pragma once

#include "delivery/exchange.h"
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
class QTreeWidget;

namespace inkmapper::delivery {
class Sender;
}
namespace inkmapper::inspector {
class Inspector;
}

namespace inkmapper::ui {

class MessageBar;

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
    inspector::Inspector *localInspector() const { return m_inspector; }

    /** Every exchange of this session, oldest first, secrets redacted. */
    struct HistoryEntry
    {
        QString mapping;
        delivery::Exchange exchange;
    };
    const std::vector<HistoryEntry> &history() const { return m_history; }
    /** The session's exchanges as a HAR 1.2 document (what "Save as HAR…" writes). */
    QByteArray harDocument() const;
    /** The curl command of the exchange shown, its secret redacted (what "Copy as curl" copies). */
    QString curlCommand() const;

public Q_SLOTS:
    void send();
    void sendToAllMatching();
    /** Sends the exchange selected in the history again, signed with the current credentials. */
    void sendAgain();
    /** Opens the list of what the local inspector received. */
    void showInspectorRequests();
    void cancel();

Q_SIGNALS:
    /** An exchange ended and is shown. */
    void exchangeFinished();
    void statusMessage(const QString &text);

private:
    void show(const delivery::Exchange &exchange);
    void record(const delivery::Exchange &exchange, const QString &mapping);
    /** Sends the requests `mappings` make for the selected event; false when none makes one. */
    bool start(const std::vector<project::MappingConfig> &mappings);
    void updateSendingState();
    void saveHar();
    /**
     * Starts the in-app inspector when `url` names it (unless another program listens there already) and gives
     * it the project's credentials.
     */
    void prepareInspector(const QUrl &url);
    void updateInspectorLine();

    std::optional<preview::PreviewInputs> m_inputs;
    delivery::Sender *m_sender;
    inspector::Inspector *m_inspector = nullptr;
    QHash<quint64, QString> m_sending; ///< the exchanges under way, with their mapping's name
    std::optional<delivery::Exchange> m_last;
    std::vector<project::MappingConfig> m_mappings;
    std::vector<HistoryEntry> m_history;

    QAction *m_sendAction;
    QAction *m_sendAllAction;
    QAction *m_cancelAction;
    QPushButton *m_sendButton;
    QLabel *m_target;
    MessageBar *m_notice;
    QLabel *m_status;
    MessageBar *m_failure;
    QTreeWidget *m_headers;
    QPlainTextEdit *m_body;
    QLabel *m_inspectorLine;
    QComboBox *m_inspectorAnswer;
    QTreeWidget *m_historyView;
    QPushButton *m_copyCurl;
    QPushButton *m_saveHar;
    QPushButton *m_sendAgain;
    QPushButton *m_showReceived;
    QPointer<QDialog> m_inspectorDialog;
};

} // namespace inkmapper::ui
