#pragma once

#include "destination/httprequest.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QNetworkReply>
#include <QPair>
#include <QSslCertificate>
#include <QString>
#include <QStringList>

#include <optional>

namespace inkmapper::delivery {

/**
 * When the stages of one exchange happened, in milliseconds from the start; -1 where a stage did not happen
 * (a reused connection has no lookup or connect, plain http no TLS, a failed exchange no first byte).
 * QNetworkAccessManager reports when the socket starts connecting (the host is looked up by then), when the
 * TLS handshake is done and when the request is written; TCP's own handshake is not reported apart from TLS.
 */
struct Timings
{
    qint64 connecting = -1;  ///< the host was looked up and the socket started connecting
    qint64 encrypted = -1;   ///< TLS handshake done (https only)
    qint64 requestSent = -1; ///< the request was written on the connection
    qint64 firstByte = -1;   ///< the response's status line and headers arrived
    qint64 total = -1;       ///< the exchange ended (answered, failed or cancelled)

    /** The length of each phase in milliseconds, -1 for a phase that did not happen (HAR's timings). */
    struct Phases
    {
        qint64 dns = -1;     ///< looking the host up (and waiting for a free connection)
        qint64 connect = -1; ///< TCP connect, and the TLS handshake for https (not measured apart)
        qint64 send = -1;    ///< writing the request
        qint64 wait = -1;    ///< the server's time: request written to first byte
        qint64 receive = -1; ///< first byte to the end
    };
    Phases phases() const;

    friend bool operator==(const Timings &, const Timings &) = default;
};

/**
 * One request sent and what came back: the request exactly as previewed, the response's status, headers
 * and body, the network error if there was no complete answer, and timings. A value, safe to keep in a
 * history once redacted().
 */
struct Exchange
{
    destination::HttpRequest request;
    QDateTime startedAt;
    int status = 0;           ///< HTTP status, 0 without a response
    QByteArray httpVersion;   ///< "HTTP/1.1", or "HTTP/2" when the server offered it; empty without a response
    QByteArray reasonPhrase;
    QList<QPair<QByteArray, QByteArray>> responseHeaders;
    QByteArray responseBody;
    QNetworkReply::NetworkError networkError = QNetworkReply::NoError;
    QString networkErrorText;
    bool timedOut = false;
    bool cancelled = false;
    QList<QSslError> sslErrors;        ///< why the server's certificate was refused
    QSslCertificate peerCertificate;   ///< the certificate the server showed (https)
    QStringList redirects;             ///< the URLs the request was redirected to, in order (RedirectPolicy)
    bool credentialsDropped = false;   ///< a redirect to another host or scheme left the Authorization behind
    Timings timings;

    /** A complete HTTP answer arrived (any status). */
    bool hasResponse() const { return status > 0; }
    /** Movable Ink accepted the request: a 2xx answer (anything else is a Failure). */
    bool accepted() const { return status >= 200 && status < 300; }
    /** The value of the first response header `name` (case-insensitive), or a null QByteArray. */
    QByteArray responseHeader(QByteArrayView name) const;
    /** A copy whose request carries no secret (Authorization reduced to its scheme). */
    Exchange redacted() const;

    friend bool operator==(const Exchange &, const Exchange &) = default;
};

} // namespace inkmapper::delivery
