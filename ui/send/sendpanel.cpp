#include "sendpanel.h"

#include "util/plural.h"
#include "widgets/messagebar.h"

#include "delivery/failure.h"
#include "delivery/sender.h"
#include "inspector/inspector.h"
#include "json/parser.h"
#include "json/writer.h"
#include "preview/preview.h"
#include "preview/previewer.h"

#include <QAction>
#include <QComboBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace inkmapper::ui {

namespace {

using Answer = inspector::Inspector::Answer;

const Answer inspectorAnswers[] = {Answer::Accept,          Answer::Unauthorized, Answer::NotFound,
                                   Answer::BadRequest,      Answer::TooManyRequests, Answer::ServerError,
                                   Answer::Slow,            Answer::NoAnswer};

QString answerLabel(Answer answer)
{
    switch (answer) {
    case Answer::Accept: return SendPanel::tr("Accept (200, or 401 for wrong credentials)");
    case Answer::Unauthorized: return SendPanel::tr("401 Unauthorized");
    case Answer::NotFound: return SendPanel::tr("404 Not Found");
    case Answer::BadRequest: return SendPanel::tr("400 Bad Request, with a body");
    case Answer::TooManyRequests: return SendPanel::tr("429 Too Many Requests, retry after 30 s");
    case Answer::ServerError: return SendPanel::tr("500 Internal Server Error");
    case Answer::Slow: return SendPanel::tr("Slow: accept after 5 s");
    case Answer::NoAnswer: return SendPanel::tr("No answer (the send times out)");
    }
    return {};
}

/** The body as a person reads it: pretty JSON when it is JSON, else the text as it came. */
QString readableBody(const QByteArray &body)
{
    const Result<json::Value> parsed = json::parse(QByteArrayView(body));
    return parsed && !body.isEmpty() ? json::toJsonString(*parsed, json::WriteOptions{2}) : QString::fromUtf8(body);
}

} // namespace

SendPanel::SendPanel(QWidget *parent)
    : QWidget(parent)
    , m_sender(new delivery::Sender(this))
    , m_sendAction(new QAction(QIcon::fromTheme(QStringLiteral("mail-send")), tr("Send &Test"), this))
    , m_cancelAction(new QAction(QIcon::fromTheme(QStringLiteral("process-stop")), tr("&Cancel Sending"), this))
    , m_sendButton(new QPushButton(this))
    , m_target(new QLabel(this))
    , m_notice(new MessageBar(this))
    , m_status(new QLabel(this))
    , m_failure(new MessageBar(this))
    , m_headers(new QTreeWidget(this))
    , m_body(new QPlainTextEdit(this))
    , m_inspectorLine(new QLabel(this))
    , m_inspectorAnswer(new QComboBox(this))
{
    m_sendAction->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)});
    m_sendAction->setToolTip(tr("Send the previewed request to the Movable Ink URL for real (Ctrl+Enter)"));
    m_cancelAction->setEnabled(false);
    connect(m_sendAction, &QAction::triggered, this, &SendPanel::send);
    connect(m_cancelAction, &QAction::triggered, this, &SendPanel::cancel);
    connect(m_sender, &delivery::Sender::finished, this, [this](quint64 id, const delivery::Exchange &exchange) {
        if (id != m_sending)
            return;
        m_sending = 0;
        m_sendButton->setText(m_sendAction->text());
        m_sendAction->setEnabled(true);
        m_cancelAction->setEnabled(false);
        show(exchange);
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
    m_notice->hide();
    m_failure->hide();
    m_failure->setObjectName(QStringLiteral("responseFailure"));

    m_headers->setObjectName(QStringLiteral("responseHeaders"));
    m_headers->setHeaderLabels({tr("Response header"), tr("Value")});
    m_headers->setRootIsDecorated(false);
    m_headers->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_body->setObjectName(QStringLiteral("responseBody"));
    m_body->setReadOnly(true);
    m_body->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_body->setPlaceholderText(tr("Send a test to see Movable Ink's answer here."));

    m_inspectorLine->setObjectName(QStringLiteral("inspectorLine"));
    m_inspectorLine->setWordWrap(true);
    for (const Answer answer : inspectorAnswers)
        m_inspectorAnswer->addItem(answerLabel(answer), int(answer));
    m_inspectorAnswer->setObjectName(QStringLiteral("inspectorAnswer"));
    m_inspectorAnswer->setToolTip(tr("How the local inspector answers, to rehearse each failure"));
    connect(m_inspectorAnswer, &QComboBox::currentIndexChanged, this, [this] {
        if (m_inspector) {
            inspector::Inspector::Behaviour behaviour = m_inspector->behaviour();
            behaviour.answer = Answer(m_inspectorAnswer->currentData().toInt());
            m_inspector->setBehaviour(behaviour);
        }
    });

    auto *top = new QHBoxLayout;
    top->addWidget(m_target, 1);
    top->addWidget(m_sendButton, 0, Qt::AlignTop);
    auto *inspectorRow = new QHBoxLayout;
    inspectorRow->addWidget(m_inspectorLine, 1);
    inspectorRow->addWidget(m_inspectorAnswer);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_headers);
    splitter->addWidget(m_body);
    splitter->setStretchFactor(1, 3);
    splitter->setSizes({110, 400}); // a few headers; the body gets the room

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_notice);
    layout->addWidget(m_status);
    layout->addWidget(m_failure);
    layout->addWidget(splitter, 1);
    layout->addLayout(inspectorRow);
    updateInspectorLine();
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
    if (isSending() || !m_inputs)
        return;
    const preview::PreviewInputs &in = *m_inputs;
    const preview::PreviewResult result = preview::Previewer(in.settings, in.secret, in.mapping).compute(in.event);
    if (!result.request) {
        const QString why = preview::Preview::whyNothingIsSent(result);
        m_status->setText(tr("Nothing sent"));
        m_failure->showMessage(tr("Nothing to send for this event and mapping: %1").arg(why), MessageBar::Level::Warning);
        Q_EMIT statusMessage(tr("Nothing sent: %1").arg(why));
        return;
    }
    if (!prepareInspector(QUrl(result.request->url())))
        return;
    m_failure->hide();
    m_status->setText(tr("Sending to %1…").arg(result.request->url()));
    m_sendButton->setText(tr("Cancel"));
    m_sendAction->setEnabled(false);
    m_cancelAction->setEnabled(true);
    m_sending = m_sender->send(*result.request);
}

void SendPanel::cancel()
{
    if (m_sending)
        m_sender->cancel(m_sending);
}

bool SendPanel::prepareInspector(const QUrl &url)
{
    const bool local = (url.host() == u"127.0.0.1" || url.host().compare(u"localhost", Qt::CaseInsensitive) == 0)
        && url.port() == inspector::Inspector::DefaultPort && url.scheme() == u"http";
    if (!local)
        return true;
    if (!m_inspector) {
        auto *receiver = new inspector::Inspector(this);
        const Result<quint16> started = receiver->start(inspector::Inspector::DefaultPort);
        if (!started) {
            // Another program (an inkmapper-cli inspector, perhaps) listens there: send to it.
            delete receiver;
            return true;
        }
        m_inspector = receiver;
        m_inspector->setBehaviour({Answer(m_inspectorAnswer->currentData().toInt()), 5000, 30});
        connect(m_inspector, &inspector::Inspector::requestReceived, this, &SendPanel::updateInspectorLine);
    }
    // It stands in for the project's Movable Ink account: the project's credentials are the right ones.
    m_inspector->setCredentials(m_inputs->settings.username, m_inputs->secret);
    updateInspectorLine();
    return true;
}

void SendPanel::updateInspectorLine()
{
    m_inspectorAnswer->setVisible(m_inspector != nullptr);
    if (!m_inspector) {
        m_inspectorLine->setText(tr("Local inspector: starts when you send to %1 (the demo project does).")
                                     .arg(QStringLiteral("http://127.0.0.1:%1%2")
                                              .arg(inspector::Inspector::DefaultPort)
                                              .arg(inspector::Inspector::endpointPath())));
        return;
    }
    m_inspectorLine->setText(plural(qsizetype(m_inspector->received().size()),
                                    tr("Local inspector on port %1: %n request received; it answers"),
                                    tr("Local inspector on port %1: %n requests received; it answers"))
                                 .arg(m_inspector->port()));
    m_inspectorLine->setToolTip(m_inspector->endpointUrl());
}

void SendPanel::show(const delivery::Exchange &exchange)
{
    m_last = exchange.redacted(); // what stays in memory for display carries no secret
    m_headers->clear();
    for (const auto &[name, value] : exchange.responseHeaders)
        m_headers->addTopLevelItem(new QTreeWidgetItem({QString::fromLatin1(name), QString::fromLatin1(value)}));
    m_body->setPlainText(readableBody(exchange.responseBody));
    const std::optional<delivery::Failure> failure = delivery::Failure::of(exchange);
    if (exchange.hasResponse()) {
        m_status->setText(tr("%1 %2 · %3 ms · %4")
                              .arg(exchange.status)
                              .arg(QString::fromLatin1(exchange.reasonPhrase))
                              .arg(exchange.timings.total)
                              .arg(plural(exchange.responseBody.size(), tr("%n byte"), tr("%n bytes"))));
    } else {
        m_status->setText(tr("No answer · %1 ms").arg(exchange.timings.total));
    }
    if (failure) {
        m_failure->showMessage(QStringLiteral("%1\n%2\n%3").arg(failure->title, failure->explanation, failure->nextStep),
                               MessageBar::Level::Error);
    } else {
        m_failure->hide();
    }
    Q_EMIT statusMessage(failure ? tr("Test failed: %1").arg(failure->title)
                                 : tr("Test sent: Movable Ink answered %1.").arg(exchange.status));
    Q_EMIT exchangeFinished();
}

} // namespace inkmapper::ui
