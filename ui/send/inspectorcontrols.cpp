#include "inspectorcontrols.h"

#include "inspectordialog.h"

#include "util/plural.h"

#include "inspector/inspector.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QUrl>
#include <QVBoxLayout>

namespace inkmapper::ui {

namespace {

using Answer = inspector::Inspector::Answer;

const Answer answers[] = {Answer::Accept,     Answer::Unauthorized,    Answer::NotFound,    Answer::BadRequest,
                          Answer::TooManyRequests, Answer::ServerError, Answer::Slow, Answer::NoAnswer};

QString answerLabel(Answer answer)
{
    switch (answer) {
    case Answer::Accept: return InspectorControls::tr("Accept (200, or 401 for wrong credentials)");
    case Answer::Unauthorized: return InspectorControls::tr("401 Unauthorized");
    case Answer::NotFound: return InspectorControls::tr("404 Not Found");
    case Answer::BadRequest: return InspectorControls::tr("400 Bad Request, with a body");
    case Answer::TooManyRequests: return InspectorControls::tr("429 Too Many Requests, retry after 30 s");
    case Answer::ServerError: return InspectorControls::tr("500 Internal Server Error");
    case Answer::Slow: return InspectorControls::tr("Slow: accept after 5 s");
    case Answer::NoAnswer: return InspectorControls::tr("No answer (the send times out)");
    }
    return {};
}

} // namespace

InspectorControls::InspectorControls(QWidget *parent)
    : QWidget(parent)
    , m_line(new QLabel(this))
    , m_answerLabel(new QLabel(tr("It &answers:"), this))
    , m_answer(new QComboBox(this))
    , m_showRequests(new QPushButton(tr("&Requests Received…"), this))
{
    m_line->setObjectName(QStringLiteral("inspectorLine"));
    m_line->setWordWrap(true);
    for (const Answer answer : answers)
        m_answer->addItem(answerLabel(answer), int(answer));
    m_answer->setObjectName(QStringLiteral("inspectorAnswer"));
    m_answer->setToolTip(tr("How the local inspector answers, to rehearse each failure"));
    m_answer->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_answer->setMinimumContentsLength(16);
    m_answerLabel->setBuddy(m_answer);
    connect(m_answer, &QComboBox::currentIndexChanged, this, [this] {
        if (m_inspector) {
            inspector::Inspector::Behaviour behaviour = m_inspector->behaviour();
            behaviour.answer = Answer(m_answer->currentData().toInt());
            m_inspector->setBehaviour(behaviour);
        }
    });
    m_showRequests->setObjectName(QStringLiteral("showInspectorRequests"));
    m_showRequests->setToolTip(tr("Every request the local inspector received, headers and body"));
    connect(m_showRequests, &QPushButton::clicked, this, &InspectorControls::showRequests);

    // The state on a line of its own, the answer and the requests below: squeezed beside the combo box the
    // sentence wrapped into a column of single words.
    auto *row = new QHBoxLayout;
    row->addWidget(m_answerLabel);
    row->addWidget(m_answer, 1);
    row->addWidget(m_showRequests);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_line);
    layout->addLayout(row);
    updateLine();
}

void InspectorControls::prepareFor(const QUrl &url, const QString &username, const QString &secret)
{
    const bool local = (url.host() == u"127.0.0.1" || url.host().compare(u"localhost", Qt::CaseInsensitive) == 0)
        && url.port() == inspector::Inspector::DefaultPort && url.scheme() == u"http";
    if (!local)
        return;
    if (!m_inspector) {
        auto *receiver = new inspector::Inspector(this);
        const Result<quint16> started = receiver->start(inspector::Inspector::DefaultPort);
        if (!started) {
            // Another program (an inkmapper-cli inspector, perhaps) listens there: the test goes to it.
            delete receiver;
            return;
        }
        m_inspector = receiver;
        m_inspector->setBehaviour({Answer(m_answer->currentData().toInt()), 5000, 30});
        connect(m_inspector, &inspector::Inspector::requestReceived, this, &InspectorControls::updateLine);
    }
    // It stands in for the project's Movable Ink account: the project's credentials are the right ones.
    m_inspector->setCredentials(username, secret);
    updateLine();
}

void InspectorControls::showRequests()
{
    if (!m_inspector)
        return;
    if (!m_dialog) {
        m_dialog = new InspectorDialog(m_inspector, this);
        m_dialog->setAttribute(Qt::WA_DeleteOnClose);
    }
    m_dialog->show();
    m_dialog->raise();
    m_dialog->activateWindow();
}

void InspectorControls::updateLine()
{
    const bool running = m_inspector != nullptr;
    m_answerLabel->setVisible(running);
    m_answer->setVisible(running);
    m_showRequests->setVisible(running);
    if (!running) {
        m_line->setText(tr("Local inspector: starts when you send to %1 (the demo project does).")
                            .arg(inspector::Inspector::localUrl()));
        return;
    }
    m_line->setText(plural(qsizetype(m_inspector->received().size()), tr("Local inspector on port %1: %n request received."),
                           tr("Local inspector on port %1: %n requests received."))
                        .arg(m_inspector->port()));
    m_line->setToolTip(m_inspector->endpointUrl());
}

} // namespace inkmapper::ui
