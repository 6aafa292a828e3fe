#include "inspector.h"

#include "destination/basicauth.h"
#include "destination/httprequest.h"

#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QMetaEnum>
#include <QSslKey>
#include <QSslServer>
#include <QTcpServer>
#include <QTimer>

namespace inkmapper::inspector {

namespace {

using Status = QHttpServerResponder::StatusCode;

QByteArray methodName(QHttpServerRequest::Method method)
{
    const char *name = QMetaEnum::fromType<QHttpServerRequest::Method>().valueToKey(int(method));
    return name ? QByteArray(name).toUpper() : QByteArrayLiteral("UNKNOWN");
}

const QByteArray Json = QByteArrayLiteral("application/json");

} // namespace

QByteArray ReceivedRequest::header(QByteArrayView name) const
{
    for (const auto &[key, value] : headers) {
        if (QByteArrayView(key).compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

QString ReceivedRequest::redactedHeaderLines() const
{
    QString text;
    for (const auto &[name, value] : headers) {
        text += QString::fromLatin1(name) + QStringLiteral(": ")
            + QString::fromLatin1(destination::HttpRequest::redactedValue(name, value)) + u'\n';
    }
    return text;
}

Inspector::Inspector(QObject *parent)
    : QAbstractHttpServer(parent)
{
}

Inspector::~Inspector() = default;

void Inspector::setTls(const QSslCertificate &certificate, const QSslKey &key)
{
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setLocalCertificate(certificate);
    configuration.setPrivateKey(key);
    configuration.setPeerVerifyMode(QSslSocket::VerifyNone); // clients are not asked for certificates
    m_tls = configuration;
}

Result<quint16> Inspector::start(quint16 port)
{
    QTcpServer *server = nullptr;
    if (m_tls) {
        auto *tlsServer = new QSslServer(this);
        tlsServer->setSslConfiguration(*m_tls);
        server = tlsServer;
    } else {
        server = new QTcpServer(this);
    }
    if (!server->listen(QHostAddress::LocalHost, port)) {
        const QString why = server->errorString();
        delete server;
        return Error{tr("The inspector cannot listen on 127.0.0.1:%1: %2").arg(port).arg(why), {}};
    }
    bind(server);
    m_port = server->serverPort();
    return m_port;
}

QString Inspector::endpointUrl() const
{
    return m_tls ? QStringLiteral("https://localhost:%1%2").arg(m_port).arg(endpointPath())
                 : localUrl(m_port);
}

void Inspector::setCredentials(const QString &username, const QString &secret)
{
    m_expectedAuthorization = username.isEmpty() ? QByteArray() : destination::BasicAuth::headerValue(username, secret);
}

QString Inspector::answerName(Answer answer)
{
    switch (answer) {
    case Answer::Accept: return QStringLiteral("accept");
    case Answer::Unauthorized: return QStringLiteral("401");
    case Answer::NotFound: return QStringLiteral("404");
    case Answer::BadRequest: return QStringLiteral("400");
    case Answer::TooManyRequests: return QStringLiteral("429");
    case Answer::ServerError: return QStringLiteral("500");
    case Answer::Slow: return QStringLiteral("slow");
    case Answer::NoAnswer: return QStringLiteral("no-answer");
    }
    return {};
}

std::optional<Inspector::Answer> Inspector::answerFromName(QStringView name)
{
    for (const Answer answer : {Answer::Accept, Answer::Unauthorized, Answer::NotFound, Answer::BadRequest,
                                Answer::TooManyRequests, Answer::ServerError, Answer::Slow, Answer::NoAnswer}) {
        if (answerName(answer) == name)
            return answer;
    }
    return std::nullopt;
}

bool Inspector::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    ReceivedRequest received;
    received.at = QDateTime::currentDateTimeUtc();
    received.method = methodName(request.method());
    received.target = request.url().path(QUrl::FullyEncoded);
    if (request.url().hasQuery())
        received.target += u'?' + request.url().query(QUrl::FullyEncoded);
    received.headers = request.headers();
    received.body = request.body();
    received.authorized = m_expectedAuthorization.isEmpty() || received.header("authorization") == m_expectedAuthorization;
    m_received.push_back(std::move(received));
    const int index = int(m_received.size()) - 1;
    Q_EMIT requestReceived(index);

    Answer answer = m_behaviour.answer;
    if (answer == Answer::Accept && !m_received.back().authorized)
        answer = Answer::Unauthorized;
    if (answer == Answer::Accept && m_received.back().target.section(u'?', 0, 0) != endpointPath())
        answer = Answer::NotFound;

    auto responder = std::make_shared<QHttpServerResponder>(makeResponder(request, socket));
    if (answer == Answer::NoAnswer) {
        m_unanswered.push_back(responder); // the connection stays open until the client gives up
    } else if (answer == Answer::Slow) {
        QTimer::singleShot(m_behaviour.delayMs, this, [this, index, epoch = m_epoch, responder] {
            this->answer(index, epoch, *responder, Answer::Accept);
        });
    } else {
        this->answer(index, m_epoch, *responder, answer);
    }
    return true;
}

void Inspector::missingHandler(const QHttpServerRequest &, QTcpSocket *)
{
    // handleRequest() takes every request.
}

void Inspector::answer(int index, quint64 epoch, QHttpServerResponder &responder, Answer answer)
{
    // The list may have been cleared while a slow answer waited: the answer still goes out, unrecorded.
    const bool listed = epoch == m_epoch && size_t(index) < m_received.size();
    const auto note = [&](int status) {
        if (!listed)
            return;
        m_received[size_t(index)].answeredStatus = status;
        Q_EMIT answered(index);
    };
    Status status = Status::Ok;
    QByteArray body = QByteArrayLiteral(R"({"status":"ok","message":"Received by the InkMapper inspector"})");
    switch (answer) {
    case Answer::Accept:
    case Answer::Slow:
    case Answer::NoAnswer:
        break;
    case Answer::Unauthorized:
        status = Status::Unauthorized;
        body = R"({"error":"Unauthorized","message":"Invalid Access Key ID or Access Secret"})";
        break;
    case Answer::NotFound:
        status = Status::NotFound;
        body = R"({"error":"Not Found","message":"No endpoint at this path"})";
        break;
    case Answer::BadRequest:
        status = Status::BadRequest;
        body = R"({"error":"Bad Request","message":"Invalid payload: properties.products[0].price must be a number"})";
        break;
    case Answer::TooManyRequests: {
        const QByteArray retryAfter = QByteArray::number(m_behaviour.retryAfterSeconds);
        responder.write(QByteArrayLiteral(R"({"error":"Too Many Requests"})"),
                        {{"Content-Type", Json}, {"Retry-After", retryAfter}}, Status::TooManyRequests);
        note(429);
        return;
    }
    case Answer::ServerError:
        status = Status::InternalServerError;
        body = R"({"error":"Internal Server Error"})";
        break;
    }
    responder.write(body, Json, status);
    note(int(status));
}

} // namespace inkmapper::inspector
