#include "sender.h"

#include "redirectpolicy.h"

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QNetworkProxyFactory>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslConfiguration>
#include <QTimer>
#include <QUrl>

namespace inkmapper::delivery {

namespace {

QUrl urlOf(const destination::HttpRequest &request)
{
    QUrl url;
    url.setScheme(request.scheme());
    url.setHost(request.hostname());
    url.setPort(request.port());
    // The target's bytes are what Node writes on the request line: latin-1 for characters past ASCII.
    const QUrl target = QUrl::fromEncoded(QByteArray("http://x") + request.target(), QUrl::TolerantMode);
    url.setPath(target.path(QUrl::FullyEncoded), QUrl::TolerantMode);
    if (target.hasQuery())
        url.setQuery(target.query(QUrl::FullyEncoded), QUrl::TolerantMode);
    return url;
}

} // namespace

struct Sender::Transfer
{
    QNetworkReply *reply = nullptr;
    QTimer timeout;
    QElapsedTimer clock;
    Exchange exchange;
    destination::HttpRequest hop; ///< the request on the wire now: the first, or the one a redirect asks for
};

Sender::Sender(QObject *parent)
    : QObject(parent)
    , m_network(new QNetworkAccessManager(this))
{
    QNetworkProxyFactory::setUseSystemConfiguration(true);
    // Redirects are followed by hand (RedirectPolicy): Qt's policies keep the credentials for another host.
    m_network->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
}

Sender::~Sender()
{
    // Each reply is a child of the network manager: no finished() from here on.
    for (Transfer *transfer : std::as_const(m_replies)) {
        transfer->reply->disconnect(this);
        delete transfer;
    }
}

quint64 Sender::send(const destination::HttpRequest &request)
{
    const quint64 id = m_nextId++;
    auto *transfer = new Transfer;
    transfer->exchange.request = request;
    transfer->exchange.startedAt = QDateTime::currentDateTimeUtc();
    transfer->hop = request;
    m_replies.insert(id, transfer);
    transfer->clock.start();
    transfer->timeout.setSingleShot(true);
    connect(&transfer->timeout, &QTimer::timeout, this, [transfer] {
        transfer->exchange.timedOut = true;
        transfer->reply->abort();
    });
    transfer->timeout.start(m_timeoutMs);
    sendHop(id, transfer);
    return id;
}

void Sender::sendHop(quint64 id, Transfer *transfer)
{
    const destination::HttpRequest &request = transfer->hop;
    QNetworkRequest wire(urlOf(request));
    wire.setAttribute(QNetworkRequest::Http2AllowedAttribute, true);
    for (const destination::HttpHeader &header : request.headers()) {
        if (header.origin != destination::HttpHeader::Origin::Transport)
            wire.setRawHeader(header.name, header.value);
    }
    transfer->reply = m_network->sendCustomRequest(wire, request.method(), request.body());

    QNetworkReply *reply = transfer->reply;
    // The phases are those of the first request: a redirect connects and sends again, and a connection
    // retried on another address of the host starts connecting again (the last start counts).
    Timings &timings = transfer->exchange.timings;
    connect(reply, &QNetworkReply::socketStartedConnecting, this, [transfer, &timings] {
        if (timings.requestSent < 0)
            timings.connecting = transfer->clock.elapsed();
    });
    connect(reply, &QNetworkReply::requestSent, this, [transfer, &timings] {
        if (timings.requestSent < 0)
            timings.requestSent = transfer->clock.elapsed();
    });
    connect(reply, &QNetworkReply::metaDataChanged, this, [transfer, &timings] {
        if (timings.firstByte < 0)
            timings.firstByte = transfer->clock.elapsed();
    });
    connect(reply, &QNetworkReply::encrypted, this, [transfer, &timings] {
        if (timings.requestSent < 0)
            timings.encrypted = transfer->clock.elapsed();
        transfer->exchange.peerCertificate = transfer->reply->sslConfiguration().peerCertificate();
    });
    connect(reply, &QNetworkReply::sslErrors, this, [transfer](const QList<QSslError> &errors) {
        transfer->exchange.sslErrors = errors;
        if (!errors.isEmpty() && transfer->exchange.peerCertificate.isNull())
            transfer->exchange.peerCertificate = errors.front().certificate();
    });
    connect(reply, &QNetworkReply::finished, this, [this, id] { hopFinished(id); });
}

void Sender::hopFinished(quint64 id)
{
    Transfer *transfer = m_replies.value(id);
    if (!transfer)
        return;
    QNetworkReply *reply = transfer->reply;
    Exchange &exchange = transfer->exchange;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray location = reply->rawHeader("Location");
    const bool stopped = exchange.timedOut || exchange.cancelled;
    if (!stopped && RedirectPolicy::isRedirect(status) && !location.isEmpty()) {
        if (exchange.redirects.size() >= RedirectPolicy::MaxRedirects) {
            exchange.networkError = QNetworkReply::TooManyRedirectsError;
            exchange.networkErrorText = QStringLiteral("more than %1 redirects, the most Segment's client follows")
                                            .arg(RedirectPolicy::MaxRedirects);
            finish(id);
            return;
        }
        const QUrl from(transfer->hop.url());
        const QUrl to = from.resolved(QUrl::fromEncoded(location));
        exchange.redirects.append(to.toString());
        if (!RedirectPolicy::keepsCredentials(from, to) && transfer->hop.hasHeader("authorization"))
            exchange.credentialsDropped = true;
        transfer->hop = RedirectPolicy::follow(transfer->hop, status, to);
        reply->disconnect(this);
        reply->deleteLater();
        sendHop(id, transfer);
        return;
    }
    finish(id);
}

void Sender::cancel(quint64 id)
{
    Transfer *transfer = m_replies.value(id);
    if (!transfer)
        return;
    transfer->exchange.cancelled = true;
    transfer->reply->abort();
}

void Sender::cancelAll()
{
    for (const quint64 id : m_replies.keys())
        cancel(id);
}

void Sender::finish(quint64 id)
{
    Transfer *transfer = m_replies.take(id);
    if (!transfer)
        return;
    transfer->timeout.stop();
    QNetworkReply *reply = transfer->reply;
    Exchange &exchange = transfer->exchange;
    exchange.timings.total = transfer->clock.elapsed();
    exchange.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    exchange.reasonPhrase = reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toByteArray();
    if (exchange.status > 0)
        exchange.httpVersion = reply->attribute(QNetworkRequest::Http2WasUsedAttribute).toBool() ? "HTTP/2" : "HTTP/1.1";
    exchange.responseHeaders = reply->rawHeaderPairs();
    if (reply->isOpen()) // an aborted reply is closed
        exchange.responseBody = reply->readAll();
    // An HTTP error status is an answer, not a network failure: only failures without a status count.
    if (exchange.networkError == QNetworkReply::NoError && (exchange.status == 0 || exchange.timedOut || exchange.cancelled)) {
        exchange.networkError = reply->error();
        exchange.networkErrorText = reply->errorString();
    }
    if (exchange.timedOut || exchange.cancelled || exchange.networkError == QNetworkReply::TooManyRedirectsError)
        exchange.status = 0; // whatever arrived is not a complete answer
    reply->disconnect(this);
    reply->deleteLater();
    const Exchange result = exchange;
    delete transfer;
    Q_EMIT finished(id, result);
}

} // namespace inkmapper::delivery
