#pragma once

#include "util/result.h"

#include <QAbstractHttpServer>
#include <QByteArray>
#include <QDateTime>
#include <QHostAddress>
#include <QList>
#include <QPair>
#include <QSslConfiguration>
#include <QString>

#include <memory>
#include <optional>
#include <vector>

class QHttpServerResponder;

namespace inkmapper::inspector {

/** One request the inspector received, as it arrived. */
struct ReceivedRequest
{
    QDateTime at;
    QByteArray method;
    QString target; ///< path and query
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    bool authorized = false; ///< the basic auth matched the configured credentials (or none are configured)
    int answeredStatus = 0;  ///< 0 when it is not answered (yet)

    /** The value of the first header `name` (case-insensitive), or a null QByteArray. */
    QByteArray header(QByteArrayView name) const;
    /** "Name: value" lines as received, the Authorization value redacted to its scheme. */
    QString redactedHeaderLines() const;
};

/**
 * A receiver that stands in for Movable Ink's events endpoint on this machine, so that a mapping can be sent
 * without an account: it checks HTTP basic auth against the configured credentials, answers with the
 * behaviour chosen (accept, or one of the failures Movable Ink can give), and keeps every request it
 * received. Listens on 127.0.0.1 only.
 */
class Inspector : public QAbstractHttpServer
{
    Q_OBJECT

public:
    enum class Answer {
        Accept,          ///< 200, or 401 when the basic auth does not match the credentials
        Unauthorized,    ///< 401 whatever the credentials
        NotFound,        ///< 404
        BadRequest,      ///< 400 with a JSON body naming the problem
        TooManyRequests, ///< 429 with Retry-After
        ServerError,     ///< 500
        Slow,            ///< accepts after a delay
        NoAnswer,        ///< reads the request and never answers
    };
    struct Behaviour
    {
        Answer answer = Answer::Accept;
        int delayMs = 5000;         ///< for Slow
        int retryAfterSeconds = 30; ///< for TooManyRequests
    };

    /** The path the inspector's URL names, like Movable Ink's endpoint. */
    static QString endpointPath() { return QStringLiteral("/v1/segment/events"); }
    static constexpr quint16 DefaultPort = 8787;
    /** The URL of an inspector listening on `port` of this machine (http, the demo project's by default). */
    static QString localUrl(quint16 port = DefaultPort)
    {
        return QStringLiteral("http://127.0.0.1:%1%2").arg(port).arg(endpointPath());
    }

    explicit Inspector(QObject *parent = nullptr);
    ~Inspector() override;

    /** Serves https with this certificate and key (for tests of certificate problems); call before start(). */
    void setTls(const QSslCertificate &certificate, const QSslKey &key);

    /** Starts listening on 127.0.0.1:`port` (0: a free port); the port, or why it could not. */
    Result<quint16> start(quint16 port = DefaultPort);
    quint16 port() const { return m_port; }
    /** The URL to give the destination: http://127.0.0.1:PORT/v1/segment/events (https://localhost:PORT/... with TLS). */
    QString endpointUrl() const;
    bool isTls() const { return m_tls.has_value(); }

    /** The credentials basic auth is checked against; without a username every request is authorized. */
    void setCredentials(const QString &username, const QString &secret);
    void setBehaviour(const Behaviour &behaviour) { m_behaviour = behaviour; }
    const Behaviour &behaviour() const { return m_behaviour; }

    const std::vector<ReceivedRequest> &received() const { return m_received; }
    /** Forgets the requests received; one still waiting for its answer is answered but no longer listed. */
    void clearReceived()
    {
        m_received.clear();
        ++m_epoch;
        Q_EMIT cleared();
    }

    /** The name of an answer as the CLI and the app offer it ("accept", "401", "slow", ...). */
    static QString answerName(Answer answer);
    static std::optional<Answer> answerFromName(QStringView name);

Q_SIGNALS:
    /** A request arrived (`index` into received()); answered() follows when it is answered. */
    void requestReceived(int index);
    void answered(int index);
    /** clearReceived() forgot every request. */
    void cleared();

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    void answer(int index, quint64 epoch, QHttpServerResponder &responder, Answer answer);

    Behaviour m_behaviour;
    QByteArray m_expectedAuthorization; ///< empty: no check
    quint16 m_port = 0;
    quint64 m_epoch = 0; ///< counts clearReceived(): an index from before it names nothing
    std::optional<QSslConfiguration> m_tls;
    std::vector<ReceivedRequest> m_received;
    std::vector<std::shared_ptr<QHttpServerResponder>> m_unanswered; ///< kept open for NoAnswer
};

} // namespace inkmapper::inspector
