#pragma once

#include "delivery/exchange.h"
#include "preview/previewinputs.h"

#include <QWidget>

#include <optional>

class QAction;
class QComboBox;
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

    /** "Send Test" (Ctrl+Enter) and "Cancel" (Esc while sending), for the window's menus. */
    QAction *sendAction() const { return m_sendAction; }
    QAction *cancelAction() const { return m_cancelAction; }

    /** The exchange shown, if any. */
    const std::optional<delivery::Exchange> &lastExchange() const { return m_last; }
    bool isSending() const { return m_sending != 0; }
    /** The in-app inspector, or nullptr before it is started. */
    inspector::Inspector *localInspector() const { return m_inspector; }

public Q_SLOTS:
    void send();
    void cancel();

Q_SIGNALS:
    /** An exchange ended and is shown. */
    void exchangeFinished();
    void statusMessage(const QString &text);

private:
    void show(const delivery::Exchange &exchange);
    /** Starts the in-app inspector when `url` names it; false with a message when it cannot. */
    bool prepareInspector(const QUrl &url);
    void updateInspectorLine();

    std::optional<preview::PreviewInputs> m_inputs;
    delivery::Sender *m_sender;
    inspector::Inspector *m_inspector = nullptr;
    quint64 m_sending = 0; ///< the exchange under way, 0 when none
    std::optional<delivery::Exchange> m_last;

    QAction *m_sendAction;
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
};

} // namespace inkmapper::ui
