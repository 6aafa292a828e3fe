#include "previewpanel.h"

#include "conditionsmodel.h"
#include "requestheadersmodel.h"

#include "models/findinglistmodel.h"
#include "util/plural.h"
#include "widgets/changedtext.h"
#include "widgets/icons.h"
#include "widgets/jsonsyntaxhighlighter.h"
#include "widgets/setting.h"

#include "preview/preview.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QFontDatabase>
#include <QFrame>
#include <QFutureWatcher>
#include <QResizeEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPlainTextEdit>
#include <QPromise>
#include <QPushButton>
#include <QSplitter>
#include <QStyle>
#include <QTabWidget>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace inkmapper::ui {

namespace {

using Match = preview::PreviewResult::Match;
using Delivery = preview::PreviewResult::Delivery;
using Text = PreviewRendering::Text;

// Long enough to let a burst of keystrokes settle, short enough to feel immediate.
constexpr int DebounceMs = 60;
// Only a computation that takes this long shows "Updating…", so that fast ones do not flicker.
constexpr int BusyDelayMs = 200;
// The exact bytes are one line: Qt lays a highlighted line out again for every format range in it, which
// takes seconds for a 100 KB body, so only a short one is highlighted.
constexpr int MaxHighlightedLineChars = 16'000;

enum Tab { TriggerTab, PayloadTab, RequestTab };

// The secret's reveal toggle is deliberately not remembered: every session starts redacted.
const Setting<bool> showExactBytes{"preview/showExactBytes", false};

QFont monospace()
{
    return QFontDatabase::systemFont(QFontDatabase::FixedFont);
}

QPlainTextEdit *jsonView(const QString &accessibleName, QWidget *parent)
{
    auto *edit = new QPlainTextEdit(parent);
    edit->setReadOnly(true);
    edit->setFont(monospace());
    edit->setLineWrapMode(QPlainTextEdit::NoWrap);
    edit->setAccessibleName(accessibleName);
    // Read-only text stays reachable by keyboard for selecting and copying; Tab leaves it.
    edit->setTextInteractionFlags(Qt::TextSelectableByKeyboard | Qt::TextSelectableByMouse);
    edit->setTabChangesFocus(true);
    return edit;
}

QTableView *tableView(const QString &accessibleName, QWidget *parent)
{
    auto *view = new QTableView(parent);
    view->setAccessibleName(accessibleName);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setWordWrap(false);
    view->setAlternatingRowColors(true);
    view->verticalHeader()->hide();
    view->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    view->horizontalHeader()->setHighlightSections(false);
    view->setTabKeyNavigation(false);
    return view;
}

QLabel *statusLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setTextFormat(Qt::PlainText);
    return label;
}

void setErrorStyle(QLabel *label, bool error)
{
    label->setStyleSheet(error ? QStringLiteral("color: #b02020;") : QString());
}

} // namespace

PreviewPanel::PreviewPanel(QWidget *parent)
    : QWidget(parent)
    , m_latest(std::make_shared<std::atomic<quint64>>(0))
{
    // One worker: previews replace each other, so they never need to run side by side.
    m_pool.setMaxThreadCount(1);
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(DebounceMs);
    connect(&m_debounce, &QTimer::timeout, this, &PreviewPanel::refresh);
    m_busyDelay.setSingleShot(true);
    m_busyDelay.setInterval(BusyDelayMs);
    connect(&m_busyDelay, &QTimer::timeout, this, [this] { m_busyLabel->setVisible(m_computing); });
    buildUi();
    setBanner(Tone::Neutral, tr("Select an event and a mapping to see what Movable Ink would receive."));
}

PreviewPanel::~PreviewPanel()
{
    // A queued computation is pointless now; a running one is waited for by the pool's destructor.
    m_latest->store(~quint64(0));
    m_pool.clear();
}

void PreviewPanel::buildUi()
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->setSpacing(6);

    // The banner: the answer in one sentence.
    m_banner = new QFrame(this);
    m_banner->setObjectName(QStringLiteral("previewBanner"));
    m_banner->setFrameShape(QFrame::StyledPanel);
    auto *bannerLayout = new QHBoxLayout(m_banner);
    bannerLayout->setContentsMargins(8, 6, 8, 6);
    m_bannerIcon = new QLabel(m_banner);
    m_bannerIcon->setFixedSize(20, 20);
    m_bannerText = statusLabel(m_banner);
    m_bannerText->setObjectName(QStringLiteral("bannerText"));
    m_bannerText->setAccessibleName(tr("Match result"));
    QFont bannerFont = m_bannerText->font();
    bannerFont.setBold(true);
    m_bannerText->setFont(bannerFont);
    m_busyLabel = new QLabel(tr("Updating\u2026"), m_banner);
    m_busyLabel->setVisible(false);
    bannerLayout->addWidget(m_bannerIcon, 0, Qt::AlignTop);
    bannerLayout->addWidget(m_bannerText, 1);
    bannerLayout->addWidget(m_busyLabel, 0, Qt::AlignTop);
    layout->addWidget(m_banner);

    // Warnings and notes, only when there are some.
    m_messagesFrame = new QFrame(this);
    m_messagesFrame->setObjectName(QStringLiteral("previewMessages"));
    m_messagesFrame->setStyleSheet(QStringLiteral(
        "#previewMessages { background: #fff6dc; border: 1px solid #e0c060; border-radius: 4px; }"
        "#previewMessages QLabel { color: #5a4300; }"));
    auto *messagesLayout = new QHBoxLayout(m_messagesFrame);
    messagesLayout->setContentsMargins(8, 4, 8, 4);
    auto *warningIcon = new QLabel(m_messagesFrame);
    warningIcon->setPixmap(Icons::icon(Icons::Id::Warning).pixmap(16, 16));
    m_messages = statusLabel(m_messagesFrame);
    m_messages->setObjectName(QStringLiteral("warnings"));
    m_messages->setAccessibleName(tr("Warnings"));
    messagesLayout->addWidget(warningIcon, 0, Qt::AlignTop);
    messagesLayout->addWidget(m_messages, 1);
    m_messagesFrame->setVisible(false);
    layout->addWidget(m_messagesFrame);

    // Movable Ink readiness: can Movable Ink use what is sent? Only when something is sent.
    m_readinessBox = new QWidget(this);
    m_readinessBox->setObjectName(QStringLiteral("readiness"));
    auto *readinessLayout = new QVBoxLayout(m_readinessBox);
    readinessLayout->setContentsMargins(0, 0, 0, 0);
    readinessLayout->setSpacing(2);
    m_readinessTitle = statusLabel(m_readinessBox);
    m_readinessTitle->setObjectName(QStringLiteral("readinessTitle"));
    m_readinessTitle->setAccessibleName(tr("Movable Ink readiness"));
    m_readinessTitle->setToolTip(tr("Whether Movable Ink can use what this mapping sends: the properties its product, "
                                    "cart and conversion features read, and an identity to attribute the event to"));
    m_readiness = new FindingListModel(this);
    m_readinessView = new QListView(m_readinessBox);
    m_readinessView->setObjectName(QStringLiteral("readinessView"));
    m_readinessView->setAccessibleName(tr("Movable Ink readiness findings"));
    m_readinessView->setModel(m_readiness);
    m_readinessView->setWordWrap(true);
    m_readinessView->setUniformItemSizes(false);
    m_readinessView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    readinessLayout->addWidget(m_readinessTitle);
    readinessLayout->addWidget(m_readinessView);
    m_readinessBox->setVisible(false);
    layout->addWidget(m_readinessBox);

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("previewTabs"));
    m_tabs->setDocumentMode(true);
    layout->addWidget(m_tabs, 1);

    // Trigger: every condition with its outcome and the event's value.
    auto *triggerPage = new QWidget(m_tabs);
    auto *triggerLayout = new QVBoxLayout(triggerPage);
    triggerLayout->setContentsMargins(0, 6, 0, 0);
    m_triggerError = statusLabel(triggerPage);
    m_triggerError->setObjectName(QStringLiteral("triggerError"));
    m_triggerError->setFont(monospace());
    m_triggerError->setWordWrap(false);
    m_triggerError->setAccessibleName(tr("Trigger error"));
    m_triggerError->setStyleSheet(QStringLiteral(
        "#triggerError { color: #7f1d1d; background: #fdecea; border: 1px solid #e2a09a; border-radius: 4px; "
        "padding: 6px; }"));
    m_triggerError->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    m_triggerError->setVisible(false);
    m_conditions = new ConditionsModel(this);
    m_conditionsView = tableView(tr("Conditions"), triggerPage);
    m_conditionsView->setObjectName(QStringLiteral("conditionsView"));
    m_conditionsView->setModel(m_conditions);
    m_conditionsView->horizontalHeader()->setSectionResizeMode(ConditionsModel::ConditionColumn, QHeaderView::Stretch);
    m_conditionsView->horizontalHeader()->setSectionResizeMode(ConditionsModel::ResultColumn,
                                                               QHeaderView::ResizeToContents);
    // The conditions are what the user reads: the values get what they need, up to a third of the width.
    m_conditionsView->horizontalHeader()->setSectionResizeMode(ConditionsModel::ValueColumn, QHeaderView::Interactive);
    triggerLayout->addWidget(m_triggerError);
    triggerLayout->addWidget(m_conditionsView, 1);
    // Keeps the error at the top when there are no conditions to list.
    triggerLayout->addStretch(0);
    m_tabs->addTab(triggerPage, tr("&Trigger"));

    // Payload: what the mapping makes of the event.
    auto *payloadPage = new QWidget(m_tabs);
    auto *payloadLayout = new QVBoxLayout(payloadPage);
    payloadLayout->setContentsMargins(0, 6, 0, 0);
    m_payloadStatus = statusLabel(payloadPage);
    m_payloadStatus->setObjectName(QStringLiteral("payloadStatus"));
    m_payloadStatus->setAccessibleName(tr("Payload status"));
    m_payloadEdit = jsonView(tr("Payload"), payloadPage);
    m_payloadEdit->setObjectName(QStringLiteral("payloadView"));
    m_payloadEdit->setPlaceholderText(tr("No payload: the mapping does not produce one for this event."));
    m_payloadHighlighter = new JsonSyntaxHighlighter(m_payloadEdit->document());
    payloadLayout->addWidget(m_payloadStatus);
    payloadLayout->addWidget(m_payloadEdit, 1);
    m_tabs->addTab(payloadPage, tr("&Payload"));

    // Request: method, URL, headers and body, exactly as Segment would send them.
    auto *requestPage = new QWidget(m_tabs);
    auto *requestLayout = new QVBoxLayout(requestPage);
    requestLayout->setContentsMargins(0, 6, 0, 0);
    m_requestStatus = statusLabel(requestPage);
    m_requestStatus->setObjectName(QStringLiteral("requestStatus"));
    m_requestStatus->setAccessibleName(tr("Request status"));
    requestLayout->addWidget(m_requestStatus);
    m_requestDetails = new QWidget(requestPage);
    m_requestDetails->setObjectName(QStringLiteral("requestDetails"));
    auto *detailsLayout = new QVBoxLayout(m_requestDetails);
    detailsLayout->setContentsMargins(0, 0, 0, 0);
    m_requestLine = new QLineEdit(m_requestDetails);
    m_requestLine->setObjectName(QStringLiteral("requestLine"));
    m_requestLine->setReadOnly(true);
    m_requestLine->setFont(monospace());
    m_requestLine->setAccessibleName(tr("Request line"));
    m_requestLine->setToolTip(tr("The method and the URL the request goes to"));
    detailsLayout->addWidget(m_requestLine);
    auto *splitter = new QSplitter(Qt::Vertical, m_requestDetails);
    splitter->setChildrenCollapsible(false);
    m_headers = new RequestHeadersModel(this);
    m_headersView = tableView(tr("Request headers"), splitter);
    m_headersView->setObjectName(QStringLiteral("headersView"));
    m_headersView->setModel(m_headers);
    m_headersView->horizontalHeader()->setSectionResizeMode(RequestHeadersModel::NameColumn,
                                                            QHeaderView::ResizeToContents);
    m_headersView->horizontalHeader()->setSectionResizeMode(RequestHeadersModel::ValueColumn, QHeaderView::Stretch);
    m_headersView->horizontalHeader()->setSectionResizeMode(RequestHeadersModel::OriginColumn,
                                                            QHeaderView::ResizeToContents);
    m_headersView->setFont(monospace());
    auto *bodyPage = new QWidget(splitter);
    auto *bodyLayout = new QVBoxLayout(bodyPage);
    bodyLayout->setContentsMargins(0, 0, 0, 0);
    auto *bodyBar = new QHBoxLayout;
    auto *bodyTitle = new QLabel(tr("Body"), bodyPage);
    QFont titleFont = bodyTitle->font();
    titleFont.setBold(true);
    bodyTitle->setFont(titleFont);
    m_bodySize = new QLabel(bodyPage);
    m_bodySize->setObjectName(QStringLiteral("bodySize"));
    m_exactBytes = new QCheckBox(tr("Show e&xact bytes"), bodyPage);
    m_exactBytes->setObjectName(QStringLiteral("exactBytes"));
    m_exactBytes->setToolTip(tr("Show the body exactly as sent (one line, JSON.stringify's bytes) instead of "
                                "laid out for reading"));
    bodyBar->addWidget(bodyTitle);
    bodyBar->addWidget(m_bodySize);
    bodyBar->addStretch(1);
    bodyBar->addWidget(m_exactBytes);
    m_bodyEdit = jsonView(tr("Request body"), bodyPage);
    m_bodyEdit->setObjectName(QStringLiteral("bodyView"));
    m_bodyHighlighter = new JsonSyntaxHighlighter(m_bodyEdit->document());
    bodyLayout->addLayout(bodyBar);
    bodyLayout->addWidget(m_bodyEdit, 1);
    splitter->addWidget(m_headersView);
    splitter->addWidget(bodyPage);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    detailsLayout->addWidget(splitter, 1);
    requestLayout->addWidget(m_requestDetails, 1);
    requestLayout->addStretch(0);
    m_tabs->addTab(requestPage, tr("&Request"));

    // Actions.
    auto *actions = new QHBoxLayout;
    m_reveal = new QCheckBox(tr("Re&veal secret"), this);
    m_reveal->setObjectName(QStringLiteral("revealSecret"));
    m_reveal->setToolTip(tr("Show the Authorization header in clear, here and in \u201cCopy as curl\u201d"));
    m_copiedLabel = new QLabel(this);
    m_refreshAction = new QAction(Icons::icon(Icons::Id::Refresh), tr("Refresh Preview"), this);
    m_refreshAction->setShortcut(QKeySequence::Refresh);
    // Within the panel only, so that the window can bind F5 globally without an ambiguous shortcut.
    m_refreshAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_refreshAction->setToolTip(tr("Recompute the preview now (F5)"));
    addAction(m_refreshAction);
    connect(m_refreshAction, &QAction::triggered, this, &PreviewPanel::refresh);
    m_refreshButton = new QToolButton(this);
    m_refreshButton->setDefaultAction(m_refreshAction);
    m_refreshButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon); // an icon alone was too faint to find
    m_refreshButton->setAccessibleName(tr("Refresh preview"));
    m_copyButton = new QPushButton(QIcon::fromTheme(QStringLiteral("edit-copy")), tr("Copy as &curl"), this);
    m_copyButton->setObjectName(QStringLiteral("copyAsCurl"));
    m_copyButton->setToolTip(tr("Copy a curl command that sends exactly this request (the secret stays redacted "
                                "unless revealed)"));
    m_copyButton->setEnabled(false);
    actions->addWidget(m_reveal);
    actions->addStretch(1);
    actions->addWidget(m_copiedLabel);
    actions->addWidget(m_refreshButton);
    actions->addWidget(m_copyButton);
    layout->addLayout(actions);

    connect(m_reveal, &QCheckBox::toggled, this, [this](bool on) { m_headers->setRevealSecret(on); });
    m_exactBytes->setChecked(showExactBytes.get());
    connect(m_exactBytes, &QCheckBox::toggled, this, [this](bool on) {
        showExactBytes.set(on);
        showBody();
    });
    connect(m_copyButton, &QPushButton::clicked, this, &PreviewPanel::copyAsCurl);
    connect(m_tabs, &QTabWidget::currentChanged, this, [this] {
        showPayloadText();
        showBody();
    });

    setTabOrder(m_tabs, m_reveal);
    setTabOrder(m_reveal, m_refreshButton);
    setTabOrder(m_refreshButton, m_copyButton);
}

void PreviewPanel::setInputs(const preview::PreviewInputs &inputs)
{
    m_inputs = inputs;
    m_debounce.start();
}

void PreviewPanel::setTypingPause(int milliseconds)
{
    m_debounce.setInterval(std::max(0, milliseconds));
}

const preview::PreviewResult *PreviewPanel::result() const
{
    return m_rendering ? &m_rendering->result : nullptr;
}

bool PreviewPanel::isUpdating() const
{
    return m_computing || m_debounce.isActive();
}

bool PreviewPanel::isSecretRevealed() const
{
    return m_reveal->isChecked();
}

void PreviewPanel::setSecretRevealed(bool revealed)
{
    m_reveal->setChecked(revealed);
}

QString PreviewPanel::curlCommand() const
{
    if (!m_rendering || !m_rendering->result.request)
        return {};
    return preview::Preview::toCurl(*m_rendering->result.request, m_reveal->isChecked());
}

void PreviewPanel::refresh()
{
    m_debounce.stop();
    if (!m_inputs)
        return;
    const preview::PreviewInputs &in = *m_inputs;
    // Compiling is cheap, but reusing the compiled trigger and mapping while only the event changes is free.
    if (!m_previewer || !m_previewer->isFor(in.settings, in.secret, in.mapping))
        m_previewer = std::make_shared<const preview::Previewer>(in.settings, in.secret, in.mapping);

    const quint64 generation = ++m_generation;
    m_latest->store(generation);
    m_computing = true;
    m_busyDelay.start();

    auto promise = std::make_shared<QPromise<PreviewRendering>>();
    auto *watcher = new QFutureWatcher<PreviewRendering>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation != m_generation)
            return;
        m_computing = false;
        m_busyDelay.stop();
        m_busyLabel->setVisible(false);
        if (watcher->future().resultCount() > 0)
            display(watcher->future().result());
    });
    watcher->setFuture(promise->future());
    m_pool.start([promise, latest = m_latest, generation, previewer = m_previewer, event = in.event,
                  shown = textOnDisplay()] {
        promise->start();
        // A newer request arrived while this one waited: skip the work, the newer one will report.
        if (latest->load() == generation)
            promise->addResult(PreviewRendering::render(*previewer, event, shown));
        promise->finish();
    });
}

void PreviewPanel::copyAsCurl()
{
    const QString command = curlCommand();
    if (command.isEmpty())
        return;
    QApplication::clipboard()->setText(command);
    m_copiedLabel->setText(m_reveal->isChecked() ? tr("Copied, with the secret") : tr("Copied (secret redacted)"));
    QTimer::singleShot(2500, m_copiedLabel, &QLabel::clear);
}

void PreviewPanel::display(const PreviewRendering &rendering)
{
    m_rendering = rendering;
    const preview::PreviewResult &r = m_rendering->result;

    Tone tone = Tone::Neutral;
    if (r.hasError())
        tone = Tone::Failure;
    else if (r.match == Match::Matches)
        tone = Tone::Success;
    setBanner(tone, preview::Preview::summary(r));

    showMessages(*m_rendering);
    showReadiness(*m_rendering);
    showTrigger(*m_rendering);
    showPayload(*m_rendering);
    showRequest(*m_rendering);
    m_copyButton->setEnabled(r.request.has_value());
    Q_EMIT previewUpdated();
}

void PreviewPanel::setBanner(Tone tone, const QString &text)
{
    QString colours;
    QIcon icon = Icons::icon(Icons::Id::Info);
    switch (tone) {
    case Tone::Success:
        colours = QStringLiteral("background: #e6f4ea; border: 1px solid #8cc79a; color: #14532d;");
        icon = style()->standardIcon(QStyle::SP_DialogApplyButton);
        break;
    case Tone::Failure:
        colours = QStringLiteral("background: #fdecea; border: 1px solid #e2a09a; color: #7f1d1d;");
        icon = Icons::icon(Icons::Id::Error);
        break;
    case Tone::Neutral:
        colours = QStringLiteral("background: #eef1f5; border: 1px solid #c3cad5; color: #1f2937;");
        break;
    }
    m_banner->setStyleSheet(QStringLiteral("#previewBanner { %1 border-radius: 4px; } #previewBanner QLabel { %2 }")
                                .arg(colours, colours.section(u';', 2, 2) + u';'));
    m_bannerIcon->setPixmap(icon.pixmap(20, 20));
    m_bannerText->setText(text);
    m_bannerText->setToolTip(text);
}

void PreviewPanel::showMessages(const PreviewRendering &rendering)
{
    QStringList lines = rendering.result.notes;
    // What the readiness findings already say about a header is not said again here.
    for (const destination::RequestWarning &w : preview::Preview::warningsBeyond(rendering.result, rendering.readiness))
        lines << w.message;
    m_messages->setText(lines.join(u'\n'));
    m_messagesFrame->setVisible(!lines.isEmpty());
}

void PreviewPanel::showReadiness(const PreviewRendering &rendering)
{
    m_readiness->setFindings(rendering.readiness);
    const preview::PreviewResult &r = rendering.result;
    const bool judged = r.match == Match::Matches && r.payloadComputed && !r.payloadError;
    m_readinessBox->setVisible(judged);
    if (!judged)
        return;
    using Level = FindingListModel::Finding::Level;
    QStringList counts;
    if (const int errors = m_readiness->count(Level::Error))
        counts << plural(errors, tr("%n error"), tr("%n errors"));
    if (const int warnings = m_readiness->count(Level::Warning))
        counts << plural(warnings, tr("%n warning"), tr("%n warnings"));
    if (const int hints = m_readiness->count(Level::Hint))
        counts << plural(hints, tr("%n hint"), tr("%n hints"));
    m_readinessTitle->setText(counts.isEmpty() ? tr("Movable Ink readiness: nothing to report, Movable Ink can use this event.")
                                               : tr("Movable Ink readiness: %1").arg(counts.join(QStringLiteral(", "))));
    m_readinessView->setVisible(!counts.isEmpty());
    fitReadinessHeight();
}

void PreviewPanel::fitReadinessHeight()
{
    // As tall as its findings wrapped to the width at hand, up to six lines of text; more scroll.
    const QFontMetrics metrics = m_readinessView->fontMetrics();
    const int iconRoom = m_readinessView->iconSize().width() > 0 ? m_readinessView->iconSize().width() + 8 : 24;
    const int textWidth = std::max(100, m_readinessView->viewport()->width() - iconRoom - 8);
    const int maxHeight = 6 * metrics.lineSpacing() + 8;
    int height = 0;
    for (int row = 0; row < m_readiness->rowCount() && height < maxHeight; ++row) {
        const QString text = m_readiness->index(row).data().toString();
        height += metrics.boundingRect(QRect(0, 0, textWidth, 10'000), Qt::TextWordWrap, text).height() + 4;
    }
    m_readinessView->setFixedHeight(std::min(height, maxHeight) + 2 * m_readinessView->frameWidth());
}

void PreviewPanel::showTrigger(const PreviewRendering &rendering)
{
    const preview::PreviewResult &r = rendering.result;
    m_conditions->setExplanation(r.explanation, r.decidingCondition);
    if (r.match == Match::TriggerError) {
        QString text;
        const int column = r.triggerError.location.column;
        if (column > 0) {
            // The trigger with a caret under the column the parser stopped at.
            text = rendering.fql + u'\n' + QString(column - 1, u' ') + u'^' + u'\n';
            text += tr("Column %1: %2").arg(column).arg(r.triggerError.message);
        } else {
            text = r.triggerError.message;
        }
        m_triggerError->setText(text);
    } else if (r.match == Match::EvaluationError) {
        m_triggerError->setText(tr("Segment's evaluator stops on this event: %1").arg(r.triggerError.message));
    }
    m_triggerError->setVisible(r.match == Match::TriggerError || r.match == Match::EvaluationError);
    m_conditionsView->setVisible(!r.explanation.conditions.empty());
    fitValueColumn();
    const bool failed = r.match == Match::TriggerError || r.match == Match::EvaluationError;
    m_tabs->setTabIcon(TriggerTab, failed ? Icons::icon(Icons::Id::Error) : QIcon());
}

void PreviewPanel::fitValueColumn()
{
    const int third = m_conditionsView->viewport()->width() / 3;
    m_conditionsView->resizeColumnToContents(ConditionsModel::ValueColumn);
    const int needed = m_conditionsView->columnWidth(ConditionsModel::ValueColumn);
    m_conditionsView->setColumnWidth(ConditionsModel::ValueColumn, std::clamp(needed, 60, std::max(60, third)));
}

void PreviewPanel::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    fitValueColumn();
    if (m_readinessView->isVisible())
        fitReadinessHeight();
}

void PreviewPanel::showPayload(const PreviewRendering &rendering)
{
    const preview::PreviewResult &r = rendering.result;
    QString status;
    bool error = false;
    if (r.payloadError) {
        status = r.payloadError->location.path.isEmpty()
            ? tr("The mapping fails: %1").arg(r.payloadError->message)
            : tr("The mapping fails at %1: %2").arg(r.payloadError->location.path, r.payloadError->message);
        error = true;
    } else if (r.delivery == Delivery::Sent) {
        status = tr("The payload Segment sends, after removing empty values and validating it; its \u201cdata\u201d "
                    "is the request body.");
    } else if (r.delivery == Delivery::Failed && r.requestError) {
        status = tr("The mapping works, but Segment stops after it: %1").arg(r.requestError->describe());
        error = true;
    } else if (!r.payloadComputed) {
        status = tr("Nothing is sent, so the mapping was not applied.");
    } else {
        status = r.match == Match::TriggerError
            ? tr("The trigger has an error, so nothing is sent. This is what the mapping would make of the event.")
            : tr("The trigger does not match, so nothing is sent. This is what the mapping would make of the "
                 "event.");
    }
    m_payloadStatus->setText(status);
    setErrorStyle(m_payloadStatus, error);
    showPayloadText();
    m_tabs->setTabIcon(PayloadTab, error ? Icons::icon(Icons::Id::Error) : QIcon());
}

void PreviewPanel::showRequest(const PreviewRendering &rendering)
{
    const preview::PreviewResult &r = rendering.result;
    QString status;
    switch (r.delivery) {
    case Delivery::Sent:
        status = tr("Segment sends this request to Movable Ink.");
        break;
    case Delivery::NotSent:
        status = r.match == Match::NoMatch
            ? tr("Nothing would be sent: the trigger does not match this event (Segment: \u201c%1\u201d).")
                  .arg(r.notSentReason)
            : tr("Nothing would be sent (Segment: \u201c%1\u201d).").arg(r.notSentReason);
        break;
    case Delivery::Failed:
        status = tr("Nothing is sent: Segment fails before sending. %1")
                     .arg(r.requestError ? r.requestError->describe() : QString());
        break;
    }
    m_requestStatus->setText(status);
    setErrorStyle(m_requestStatus, r.delivery == Delivery::Failed);
    m_headers->setRequest(r.request, r.warnings);
    m_requestDetails->setVisible(r.request.has_value());
    if (r.request)
        m_requestLine->setText(QString::fromLatin1(r.request->method()) + u' ' + r.request->url());
    else
        m_requestLine->clear();
    showBody();
    QIcon icon;
    if (r.delivery == Delivery::Failed)
        icon = Icons::icon(Icons::Id::Error);
    else if (!r.warnings.isEmpty())
        icon = Icons::icon(Icons::Id::Warning);
    m_tabs->setTabIcon(RequestTab, icon);
}

void PreviewPanel::showBody()
{
    const bool hasRequest = m_rendering && m_rendering->result.request;
    const qsizetype bytes = hasRequest ? m_rendering->result.request->body().size() : 0;
    m_bodySize->setText(hasRequest ? plural(bytes, tr("%n byte"), tr("%n bytes")) : QString());
    const Text which = m_exactBytes->isChecked() ? Text::BodyExact : Text::BodyPretty;
    if (hasRequest && !m_rendering->hasText(which) && m_tabs->currentIndex() != RequestTab)
        return; // a large body's text is made when the tab is shown
    const QString &text = hasRequest ? m_rendering->text(which) : QString();
    // The exact bytes are a single line: wrap it so that it can be read without scrolling sideways — unless it
    // is long, since Qt lays a wrapped line out in time that grows with the square of its length.
    const bool wrap = which == Text::BodyExact && text.size() <= MaxHighlightedLineChars;
    m_bodyEdit->setLineWrapMode(wrap ? QPlainTextEdit::WidgetWidth : QPlainTextEdit::NoWrap);
    setJsonText(m_bodyEdit, m_bodyHighlighter, text, which == Text::BodyExact ? MaxHighlightedLineChars : MaxHighlighted);
}

void PreviewPanel::showPayloadText()
{
    if (!m_rendering)
        return;
    if (!m_rendering->hasText(Text::Payload) && m_tabs->currentIndex() != PayloadTab)
        return; // a large payload's text is made when the tab is shown
    setJsonText(m_payloadEdit, m_payloadHighlighter, m_rendering->text(Text::Payload));
}

PreviewRendering::Text PreviewPanel::textOnDisplay() const
{
    if (m_tabs->currentIndex() == RequestTab)
        return m_exactBytes->isChecked() ? Text::BodyExact : Text::BodyPretty;
    return Text::Payload; // also behind the trigger tab: the payload is the likeliest next
}

void PreviewPanel::setJsonText(QPlainTextEdit *edit, JsonSyntaxHighlighter *highlighter, const QString &text,
                               qsizetype maxHighlighted)
{
    // The text last set is kept on the widget: comparing with it is cheaper than reading a large document back.
    static const char *const lastText = "inkmapperJsonText";
    const QString shown = edit->property(lastText).toString();
    if (shown == text && !text.isEmpty())
        return;
    edit->setProperty(lastText, text);
    showChangedHighlightedText(edit, highlighter, maxHighlighted, shown, text);
}

} // namespace inkmapper::ui
