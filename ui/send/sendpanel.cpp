#include "sendpanel.h"

#include "exchangediffdialog.h"
#include "inspectorcontrols.h"

#include "models/responseheadersmodel.h"
#include "models/testhistorymodel.h"

#include "util/plural.h"
#include "widgets/messagebar.h"
#include "widgets/setting.h"

#include "delivery/exchangetext.h"
#include "delivery/failure.h"
#include "delivery/har.h"
#include "delivery/sender.h"
#include "destination/basicauth.h"
#include "preview/preview.h"
#include "preview/previewer.h"

#include <QAction>
#include <QClipboard>
#include <QCoreApplication>
#include <QFileDialog>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QSplitter>
#include <QTreeView>
#include <QVBoxLayout>

namespace inkmapper::ui {

namespace {

/** How long a test may take before it counts as unanswered: the user's choice, kept between sessions. */
const Setting<int> timeoutSeconds{"send/timeoutSeconds", delivery::Sender::DefaultTimeoutMs / 1000};

/** The phases of an exchange in one line, the way browsers' network panels name them. */
QString describeTimings(const delivery::Timings &timings)
{
    const delivery::Timings::Phases p = timings.phases();
    QStringList parts;
    const auto add = [&parts](qint64 ms, const QString &label) {
        if (ms >= 0)
            parts << label.arg(ms);
    };
    if (p.dns < 0 && p.send >= 0)
        parts << SendPanel::tr("connection reused");
    add(p.dns, SendPanel::tr("DNS %1 ms"));
    add(p.connect, SendPanel::tr("connect %1 ms"));
    add(p.send, SendPanel::tr("send %1 ms"));
    add(p.wait, SendPanel::tr("wait %1 ms"));
    add(p.receive, SendPanel::tr("receive %1 ms"));
    return parts.join(QStringLiteral(" · "));
}

} // namespace

SendPanel::SendPanel(QWidget *parent)
    : QWidget(parent)
    , m_sender(new delivery::Sender(this))
    , m_sendAction(new QAction(QIcon::fromTheme(QStringLiteral("mail-send")), tr("Send &Test"), this))
    , m_sendAllAction(new QAction(tr("Send to &All Matching Mappings"), this))
    , m_cancelAction(new QAction(QIcon::fromTheme(QStringLiteral("process-stop")), tr("&Cancel Sending"), this))
    , m_sendButton(new QPushButton(this))
    , m_target(new QLabel(this))
    , m_notice(new MessageBar(this))
    , m_problem(new MessageBar(this))
    , m_status(new QLabel(this))
    , m_timings(new QLabel(this))
    , m_failure(new MessageBar(this))
    , m_responseHeaders(new ResponseHeadersModel(this))
    , m_headers(new QTreeView(this))
    , m_body(new QPlainTextEdit(this))
    , m_inspectorControls(new InspectorControls(this))
    , m_historyModel(new TestHistoryModel(this))
    , m_historyView(new QTreeView(this))
    , m_copyCurl(new QPushButton(tr("Copy as &curl"), this))
    , m_compare(new QPushButton(tr("Co&mpare"), this))
    , m_saveHar(new QPushButton(tr("Save as &HAR…"), this))
    , m_sendAgain(new QPushButton(tr("Send A&gain"), this))
{
    m_sendAction->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)});
    m_sendAction->setToolTip(tr("Send the previewed request to the Movable Ink URL for real (Ctrl+Enter)"));
    m_sendAllAction->setShortcuts({QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Enter)});
    m_sendAllAction->setToolTip(tr("Send the selected event through every enabled mapping whose trigger matches it"));
    m_cancelAction->setEnabled(false);
    connect(m_sendAction, &QAction::triggered, this, &SendPanel::send);
    connect(m_sendAllAction, &QAction::triggered, this, &SendPanel::sendToAllMatching);
    connect(m_cancelAction, &QAction::triggered, this, &SendPanel::cancel);
    connect(m_sender, &delivery::Sender::finished, this, [this](quint64 id, const delivery::Exchange &exchange) {
        const auto sending = m_sending.constFind(id);
        if (sending == m_sending.cend())
            return;
        const QString mapping = *sending;
        m_sending.erase(sending);
        updateSendingState();
        record(exchange, mapping);
    });
    m_sendButton->setText(m_sendAction->text());
    m_sendButton->setIcon(m_sendAction->icon());
    m_sendButton->setToolTip(m_sendAction->toolTip());
    m_sendButton->setObjectName(QStringLiteral("sendButton"));
    connect(m_sendButton, &QPushButton::clicked, this, [this] { isSending() ? cancel() : send(); });

    m_target->setObjectName(QStringLiteral("sendTarget"));
    m_target->setWordWrap(true);
    m_target->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setObjectName(QStringLiteral("responseStatus"));
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont bold = m_status->font();
    bold.setBold(true);
    m_status->setFont(bold);
    m_timings->setObjectName(QStringLiteral("responseTimings"));
    m_timings->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_timings->setToolTip(tr("Where the time went: looking the host up, connecting (with TLS for https), sending, "
                             "waiting for Movable Ink's answer, receiving it"));
    m_notice->hide();
    m_problem->hide();
    m_problem->setObjectName(QStringLiteral("sendProblem"));
    m_failure->hide();
    m_failure->setObjectName(QStringLiteral("responseFailure"));

    m_headers->setObjectName(QStringLiteral("responseHeaders"));
    m_headers->setModel(m_responseHeaders);
    m_headers->setRootIsDecorated(false);
    m_headers->setUniformRowHeights(true);
    m_headers->header()->setSectionResizeMode(ResponseHeadersModel::NameColumn, QHeaderView::ResizeToContents);
    m_body->setObjectName(QStringLiteral("responseBody"));
    m_body->setReadOnly(true);
    m_body->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_body->setPlaceholderText(tr("Send a test to see Movable Ink's answer here."));

    auto *timeout = new QSpinBox(this);
    timeout->setObjectName(QStringLiteral("sendTimeout"));
    timeout->setRange(1, 600);
    timeout->setSuffix(tr(" s"));
    timeout->setPrefix(tr("Time limit: "));
    timeout->setToolTip(tr("How long a test may take, from sending to the last byte of the answer, before it counts as unanswered"));
    timeout->setValue(std::clamp(timeoutSeconds.get(), 1, 600));
    m_sender->setTimeout(timeout->value() * 1000);
    connect(timeout, &QSpinBox::valueChanged, this, [this](int seconds) {
        m_sender->setTimeout(seconds * 1000);
        timeoutSeconds.set(seconds);
    });
    auto *sendColumn = new QVBoxLayout;
    sendColumn->addWidget(m_sendButton);
    sendColumn->addWidget(timeout);
    auto *top = new QHBoxLayout;
    top->addWidget(m_target, 1);
    top->addLayout(sendColumn);
    m_historyView->setObjectName(QStringLiteral("sendHistory"));
    m_historyView->setModel(m_historyModel);
    m_historyView->setRootIsDecorated(false);
    m_historyView->setUniformRowHeights(true);
    m_historyView->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_historyView->setToolTip(tr("The tests sent from this project; select one to see it again, two to compare them"));
    m_historyView->header()->setStretchLastSection(false);
    m_historyView->header()->setSectionResizeMode(TestHistoryModel::MappingColumn, QHeaderView::Stretch);
    connect(m_historyView->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex &current) {
        if (current.isValid())
            show(m_historyModel->test(current.row()).exchange);
    });
    connect(m_historyView->selectionModel(), &QItemSelectionModel::selectionChanged, this, &SendPanel::updateHistoryButtons);
    connect(m_historyModel, &QAbstractItemModel::modelReset, this, [this] {
        // Another project's tests: nothing of the previous one stays on display.
        m_last.reset();
        m_responseHeaders->setHeaders({});
        m_body->clear();
        m_status->clear();
        m_timings->clear();
        m_failure->hide();
        updateHistoryButtons();
    });
    m_copyCurl->setObjectName(QStringLiteral("copyExchangeAsCurl"));
    m_copyCurl->setToolTip(tr("Copy the request shown as a curl command"));
    m_copyCurl->setEnabled(false);
    auto *curlMenu = new QMenu(m_copyCurl);
    curlMenu->addAction(tr("Copy as curl (Secret Redacted)"), this, [this] {
        QGuiApplication::clipboard()->setText(curlCommand());
    });
    curlMenu->addAction(tr("Copy as curl with the Access Secret"), this, [this] {
        QGuiApplication::clipboard()->setText(curlCommand(true));
        Q_EMIT statusMessage(tr("Copied with the Access Secret in clear: clear the clipboard once it is pasted."));
    });
    m_copyCurl->setMenu(curlMenu);
    m_compare->setObjectName(QStringLiteral("compareTests"));
    m_compare->setToolTip(tr("Select two tests in the list (Ctrl+click) to see what differs between them"));
    m_compare->setEnabled(false);
    connect(m_compare, &QPushButton::clicked, this, &SendPanel::compareSelected);
    m_saveHar->setObjectName(QStringLiteral("saveHar"));
    m_saveHar->setToolTip(tr("Save every test of this session as a HAR file (secrets redacted)"));
    m_saveHar->setEnabled(false);
    connect(m_saveHar, &QPushButton::clicked, this, &SendPanel::saveHar);

    // The list of tests first: selecting one shows it below without moving the list (a failure's message
    // above the list pushed the rows away from under the pointer).
    auto *details = new QWidget(this);
    auto *detailsLayout = new QVBoxLayout(details);
    detailsLayout->setContentsMargins(0, 0, 0, 0);
    detailsLayout->addWidget(m_status);
    detailsLayout->addWidget(m_timings);
    detailsLayout->addWidget(m_failure);
    auto *answerSplitter = new QSplitter(Qt::Vertical, details);
    answerSplitter->addWidget(m_headers);
    answerSplitter->addWidget(m_body);
    answerSplitter->setStretchFactor(1, 3);
    answerSplitter->setSizes({90, 400}); // a few headers; the body gets the room
    detailsLayout->addWidget(answerSplitter, 1);
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_historyView);
    splitter->addWidget(details);
    splitter->setStretchFactor(1, 4);
    splitter->setSizes({110, 500});
    splitter->setChildrenCollapsible(false);
    m_sendAgain->setObjectName(QStringLiteral("sendAgain"));
    m_sendAgain->setToolTip(tr("Send the selected test again, signed with the current Access Key ID and Secret"));
    m_sendAgain->setEnabled(false);
    connect(m_historyView, &QTreeView::activated, this, [this] {
        if (selectedRows().size() == 2)
            compareSelected();
    });
    connect(m_sendAgain, &QPushButton::clicked, this, &SendPanel::sendAgain);
    auto *exports = new QHBoxLayout;
    exports->addWidget(m_sendAgain);
    exports->addWidget(m_compare);
    exports->addStretch(1);
    exports->addWidget(m_copyCurl);
    exports->addWidget(m_saveHar);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_notice);
    layout->addWidget(m_problem);
    layout->addWidget(splitter, 1);
    layout->addLayout(exports);
    layout->addWidget(m_inspectorControls);
}

SendPanel::~SendPanel() = default;

void SendPanel::setInputs(const preview::PreviewInputs &inputs)
{
    m_inputs = inputs;
    m_target->setText(tr("Sends the request the preview shows to %1").arg(inputs.settings.movableInkUrl.isEmpty()
                                                                             ? tr("(no Movable Ink URL yet)")
                                                                             : inputs.settings.movableInkUrl));
    const std::optional<QString> warning = delivery::Failure::plaintextWarning(QUrl(inputs.settings.movableInkUrl));
    if (warning)
        m_notice->showMessage(*warning, MessageBar::Level::Warning);
    else
        m_notice->hide();
}

void SendPanel::send()
{
    if (!isSending() && m_inputs)
        start({m_inputs->mapping});
}

void SendPanel::sendToAllMatching()
{
    if (isSending() || !m_inputs)
        return;
    std::vector<project::MappingConfig> enabled;
    std::copy_if(m_mappings.cbegin(), m_mappings.cend(), std::back_inserter(enabled),
                 [](const project::MappingConfig &mapping) { return mapping.enabled; });
    start(enabled);
}

bool SendPanel::start(const std::vector<project::MappingConfig> &mappings)
{
    const preview::PreviewInputs &in = *m_inputs;
    std::vector<std::pair<QString, destination::HttpRequest>> requests;
    QString why;
    for (const project::MappingConfig &mapping : mappings) {
        const preview::PreviewResult result = preview::Previewer(in.settings, in.secret, mapping).compute(in.event);
        if (result.request)
            requests.emplace_back(mapping.name, *result.request);
        else if (mappings.size() == 1)
            why = preview::Preview::whyNothingIsSent(result);
    }
    if (requests.empty()) {
        if (why.isEmpty())
            why = tr("no enabled mapping's trigger matches this event");
        m_status->setText(tr("Nothing sent"));
        m_failure->showMessage(tr("Nothing to send for this event: %1").arg(why), MessageBar::Level::Warning);
        Q_EMIT statusMessage(tr("Nothing sent: %1").arg(why));
        return false;
    }
    prepareInspector(QUrl(requests.front().second.url()));
    m_failure->hide();
    m_timings->clear();
    m_status->setText(requests.size() == 1 ? tr("Sending to %1…").arg(requests.front().second.url())
                                           : tr("Sending %1 requests to %2…").arg(requests.size()).arg(requests.front().second.url()));
    for (const auto &[mapping, request] : requests)
        m_sending.insert(m_sender->send(request), mapping);
    updateSendingState();
    return true;
}

void SendPanel::updateSendingState()
{
    const bool sending = isSending();
    m_sendButton->setText(sending ? tr("Cancel") : m_sendAction->text());
    m_sendAction->setEnabled(!sending);
    m_sendAllAction->setEnabled(!sending);
    m_cancelAction->setEnabled(sending);
}

void SendPanel::cancel()
{
    for (const quint64 id : m_sending.keys())
        m_sender->cancel(id);
}

void SendPanel::prepareInspector(const QUrl &url)
{
    m_inspectorControls->prepareFor(url, m_inputs->settings.username, m_inputs->secret);
}

destination::HttpRequest SendPanel::signedAgain(destination::HttpRequest request) const
{
    if (!m_inputs)
        return request;
    QList<destination::HttpHeader> headers = request.headers();
    for (destination::HttpHeader &header : headers) {
        if (header.origin == destination::HttpHeader::Origin::Client
            && QByteArrayView(header.name).compare("authorization", Qt::CaseInsensitive) == 0)
            header.value = destination::BasicAuth::headerValue(m_inputs->settings.username, m_inputs->secret);
    }
    request.setHeaders(headers);
    return request;
}

void SendPanel::sendAgain()
{
    const QModelIndex current = m_historyView->currentIndex();
    if (!current.isValid() || isSending() || !m_inputs)
        return;
    const delivery::SentTest test = m_historyModel->test(current.row());
    // The history holds no secret: the request is signed again with the credentials the project has now.
    const destination::HttpRequest request = signedAgain(test.exchange.request);
    prepareInspector(QUrl(request.url()));
    m_failure->hide();
    m_status->setText(tr("Sending again to %1…").arg(request.url()));
    m_timings->clear();
    m_sending.insert(m_sender->send(request), test.mapping);
    updateSendingState();
}

QList<int> SendPanel::selectedRows() const
{
    QList<int> rows;
    for (const QModelIndex &index : m_historyView->selectionModel()->selectedRows())
        rows.append(index.row());
    std::sort(rows.begin(), rows.end());
    return rows;
}

void SendPanel::updateHistoryButtons()
{
    const bool any = m_historyModel->rowCount() > 0;
    m_saveHar->setEnabled(any);
    m_sendAgain->setEnabled(m_historyView->currentIndex().isValid());
    m_compare->setEnabled(selectedRows().size() == 2);
}

void SendPanel::compareSelected()
{
    const QList<int> rows = selectedRows();
    if (rows.size() != 2)
        return;
    // The older one first, as a diff reads: what changed from then to now.
    const int older = rows[1], newer = rows[0];
    auto *dialog = new ExchangeDiffDialog(m_historyModel->test(older), m_historyModel->number(older),
                                          m_historyModel->test(newer), m_historyModel->number(newer), this);
    dialog->setObjectName(QStringLiteral("compareTestsDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
}

void SendPanel::showProblem(const QString &message)
{
    m_problem->showMessage(message, MessageBar::Level::Warning);
}

void SendPanel::showInspectorRequests()
{
    m_inspectorControls->showRequests();
}

inspector::Inspector *SendPanel::localInspector() const
{
    return m_inspectorControls->inspector();
}

void SendPanel::record(const delivery::Exchange &exchange, const QString &mapping)
{
    // What stays in memory, in the workspace file and in exports carries no secret.
    const delivery::Exchange kept = exchange.redacted();
    m_historyModel->append({mapping, kept});
    {
        const QSignalBlocker quiet(m_historyView->selectionModel()); // shown just below, once
        m_historyView->selectionModel()->setCurrentIndex(m_historyModel->index(0, 0),
                                                         QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    }
    updateHistoryButtons();
    show(kept);
    const std::optional<delivery::Failure> failure = delivery::Failure::of(kept);
    Q_EMIT statusMessage(failure ? tr("Test failed: %1").arg(failure->title)
                                 : tr("Test sent: Movable Ink answered %1.").arg(kept.status));
    Q_EMIT exchangeFinished();
}

const std::vector<delivery::SentTest> &SendPanel::history() const
{
    return m_historyModel->tests();
}

QByteArray SendPanel::harDocument() const
{
    std::vector<delivery::Exchange> exchanges;
    for (const delivery::SentTest &test : history())
        exchanges.push_back(test.exchange);
    return delivery::Har::write(exchanges, QCoreApplication::applicationVersion());
}

QString SendPanel::curlCommand(bool withSecret) const
{
    if (!m_last)
        return {};
    return withSecret ? preview::Preview::toCurl(signedAgain(m_last->request), true)
                      : preview::Preview::toCurl(m_last->request, false);
}

void SendPanel::saveHar()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Save Tests as HAR"), QStringLiteral("inkmapper-tests.har"),
                                                      tr("HTTP Archive (*.har);;All files (*)"));
    if (path.isEmpty())
        return;
    QSaveFile file(path);
    const QByteArray har = harDocument();
    if (!file.open(QIODevice::WriteOnly) || file.write(har) != har.size() || !file.commit()) {
        m_failure->showMessage(tr("%1 cannot be written: %2").arg(path, file.errorString()), MessageBar::Level::Error);
        return;
    }
    Q_EMIT statusMessage(plural(qsizetype(history().size()), tr("Saved %n test to %1."), tr("Saved %n tests to %1.")).arg(path));
}

void SendPanel::show(const delivery::Exchange &exchange)
{
    m_last = exchange;
    m_copyCurl->setEnabled(true);
    m_responseHeaders->setHeaders(exchange.responseHeaders);
    m_body->setPlainText(delivery::ExchangeText::readableBody(exchange.responseBody));
    QString timings = describeTimings(exchange.timings);
    if (!exchange.redirects.isEmpty()) {
        timings += tr(" · redirected to %1").arg(exchange.redirects.join(QStringLiteral(" → ")));
        if (exchange.credentialsDropped)
            timings += tr(" (another host or scheme: the credentials were not sent there)");
    }
    m_timings->setText(timings);
    const std::optional<delivery::Failure> failure = delivery::Failure::of(exchange);
    if (exchange.hasResponse()) {
        m_status->setText(tr("%1 %2 · %3 ms · %4 · %5")
                              .arg(exchange.status)
                              .arg(QString::fromLatin1(exchange.reasonPhrase))
                              .arg(exchange.timings.total)
                              .arg(plural(exchange.responseBody.size(), tr("%n byte"), tr("%n bytes")),
                                   QString::fromLatin1(exchange.httpVersion)));
    } else {
        m_status->setText(tr("No answer · %1 ms").arg(exchange.timings.total));
    }
    if (failure) {
        m_failure->showMessage(QStringLiteral("%1\n%2\n%3").arg(failure->title, failure->explanation, failure->nextStep),
                               MessageBar::Level::Error);
    } else if (const std::optional<QString> warning = delivery::Failure::redirectWarning(exchange)) {
        m_failure->showMessage(*warning, MessageBar::Level::Warning);
    } else {
        m_failure->hide();
    }
}

} // namespace inkmapper::ui
