#pragma once

#include "exchange.h"

#include <QHash>
#include <QObject>

class QNetworkAccessManager;
class QNetworkReply;

namespace inkmapper::delivery {

/**
 * Sends the requests RequestBuilder makes, for real, and reports each as an Exchange. Built on
 * QNetworkAccessManager: the system proxy is honoured and HTTP/2 is used where the server offers it over TLS.
 * Redirects are followed as Segment's client does (RedirectPolicy: at most 20, the credentials only to the
 * same host over the same scheme). Certificate errors fail the exchange; they are never ignored.
 *
 * What goes on the wire: the request's method, URL, body and every header the destination sets, in order;
 * the transport's own fields (Host, Content-Length, Connection, Accept-Encoding) are Qt's.
 */
class Sender : public QObject
{
    Q_OBJECT

public:
    static constexpr int DefaultTimeoutMs = 30'000;

    explicit Sender(QObject *parent = nullptr);
    ~Sender() override;

    /** Time allowed for a whole exchange, from sending to the last byte of the answer. */
    void setTimeout(int milliseconds) { m_timeoutMs = milliseconds; }
    int timeout() const { return m_timeoutMs; }

    /** Sends `request`; finished() follows with the id returned here. */
    quint64 send(const destination::HttpRequest &request);
    /** Stops exchange `id`: finished() follows with Exchange::cancelled set. Nothing for an id that ended. */
    void cancel(quint64 id);
    void cancelAll();
    /** How many exchanges are under way. */
    int pending() const { return int(m_replies.size()); }

Q_SIGNALS:
    void finished(quint64 id, const inkmapper::delivery::Exchange &exchange);

private:
    struct Transfer;
    /** Puts the transfer's current request on the wire. */
    void sendHop(quint64 id, Transfer *transfer);
    /** One request of the transfer answered: follow a redirect, or finish. */
    void hopFinished(quint64 id);
    void finish(quint64 id);

    QNetworkAccessManager *m_network;
    QHash<quint64, Transfer *> m_replies;
    quint64 m_nextId = 1;
    int m_timeoutMs = DefaultTimeoutMs;
};

} // namespace inkmapper::delivery
