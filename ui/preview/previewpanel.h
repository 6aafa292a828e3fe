#pragma once

#include "previewrendering.h"

#include "preview/previewer.h"
#include "preview/previewinputs.h"

#include <QThreadPool>
#include <QTimer>
#include <QWidget>

#include <atomic>
#include <memory>
#include <optional>

class QAction;
class QCheckBox;
class QFrame;
class QLabel;
class QLineEdit;
class QListView;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;
class QTableView;
class QToolButton;

namespace inkmapper::ui {

class ConditionsModel;
class FindingListModel;
class JsonSyntaxHighlighter;
class RequestHeadersModel;

/**
 * The preview for the selected event and mapping: a banner saying whether the trigger matches and which
 * condition decided it, the per-condition story, the payload as formatted JSON, the exact HTTP request
 * (Authorization redacted unless "Reveal secret" is on; body pretty or as exact bytes), warnings where
 * they arise, and "Copy as curl". Inputs come through setInputs(); the preview follows them after a short
 * pause (so typing stays smooth) and is computed off the GUI thread, so a 1 MB event never freezes it.
 */
class PreviewPanel : public QWidget
{
    Q_OBJECT

public:
    explicit PreviewPanel(QWidget *parent = nullptr);
    ~PreviewPanel() override;

    /** New inputs; the preview follows after a short pause (refresh() forces it at once). */
    void setInputs(const preview::PreviewInputs &inputs);
    /** How long the inputs must stay the same before the preview follows them (60 ms; benchmarks use 0). */
    void setTypingPause(int milliseconds);

    /** The result on display, or nullptr before the first preview. */
    const preview::PreviewResult *result() const;
    /** True while a preview is being computed or waits for the typing pause to end. */
    bool isUpdating() const;

    /** Whether the Authorization value is shown in clear (in the table and in "Copy as curl"). */
    bool isSecretRevealed() const;
    void setSecretRevealed(bool revealed);

    /** The command "Copy as curl" puts on the clipboard (empty when nothing would be sent). */
    QString curlCommand() const;

    /** The "Refresh preview" action (F5 while the panel has focus); the window may add it to a menu. */
    QAction *refreshAction() const { return m_refreshAction; }

public Q_SLOTS:
    /** Recomputes the preview now (F5). */
    void refresh();
    /** Puts curlCommand() on the clipboard. */
    void copyAsCurl();

Q_SIGNALS:
    /** A new preview is on display. */
    void previewUpdated();

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    enum class Tone { Neutral, Success, Failure };
    static constexpr qsizetype MaxHighlighted = 400'000; ///< highlighting re-scans every line: larger texts are plain

    void buildUi();
    void display(const PreviewRendering &rendering);
    void showTrigger(const PreviewRendering &rendering);
    void showPayload(const PreviewRendering &rendering);
    void showRequest(const PreviewRendering &rendering);
    void showMessages(const PreviewRendering &rendering);
    void showReadiness(const PreviewRendering &rendering);
    void fitReadinessHeight();
    void showBody();
    void showPayloadText();
    void fitValueColumn();
    /** The text the current tab shows: only that one is made at once for a large body. */
    PreviewRendering::Text textOnDisplay() const;
    void setBanner(Tone tone, const QString &text);
    static void setJsonText(QPlainTextEdit *edit, JsonSyntaxHighlighter *highlighter, const QString &text,
                            qsizetype maxHighlighted = MaxHighlighted);

    std::optional<preview::PreviewInputs> m_inputs;
    std::shared_ptr<const preview::Previewer> m_previewer;
    std::optional<PreviewRendering> m_rendering;

    // The newest computation; an older one that finishes later is dropped (and skipped if not started).
    std::shared_ptr<std::atomic<quint64>> m_latest;
    quint64 m_generation = 0;
    bool m_computing = false;
    QThreadPool m_pool;
    QTimer m_debounce;
    QTimer m_busyDelay;

    QFrame *m_banner = nullptr;
    QLabel *m_bannerIcon = nullptr;
    QLabel *m_bannerText = nullptr;
    QLabel *m_busyLabel = nullptr;
    QFrame *m_messagesFrame = nullptr;
    QLabel *m_messages = nullptr;
    QWidget *m_readinessBox = nullptr;
    QLabel *m_readinessTitle = nullptr;
    QListView *m_readinessView = nullptr;
    FindingListModel *m_readiness = nullptr;
    QTabWidget *m_tabs = nullptr;

    QLabel *m_triggerError = nullptr;
    QTableView *m_conditionsView = nullptr;
    ConditionsModel *m_conditions = nullptr;

    QLabel *m_payloadStatus = nullptr;
    QPlainTextEdit *m_payloadEdit = nullptr;
    JsonSyntaxHighlighter *m_payloadHighlighter = nullptr;

    QLabel *m_requestStatus = nullptr;
    QWidget *m_requestDetails = nullptr;
    QLineEdit *m_requestLine = nullptr;
    QTableView *m_headersView = nullptr;
    RequestHeadersModel *m_headers = nullptr;
    QLabel *m_bodySize = nullptr;
    QCheckBox *m_exactBytes = nullptr;
    QPlainTextEdit *m_bodyEdit = nullptr;
    JsonSyntaxHighlighter *m_bodyHighlighter = nullptr;

    QCheckBox *m_reveal = nullptr;
    QToolButton *m_refreshButton = nullptr;
    QPushButton *m_copyButton = nullptr;
    QLabel *m_copiedLabel = nullptr;
    QAction *m_refreshAction = nullptr;
};

} // namespace inkmapper::ui
