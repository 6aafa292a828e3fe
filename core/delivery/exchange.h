#pragma once

#include "destination/httprequest.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QNetworkReply>
#include <QPair>
#include <QSslCertificate>
#include <QString>

#include <optional>

namespace inkmapper::delivery {

/** How long the stages of one exchange took, in milliseconds from the start; -1 where it did not happen. */
struct Timings
{
    qint64 encrypted = -1; ///< TLS handshake done (https only)
    qint64 firstByte = -1; ///< the response's status line and headers arrived
    qint64 total = -1;     ///< the exchange ended (answered, failed or cancelled)
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
    QByteArray reasonPhrase;
    QList<QPair<QByteArray, QByteArray>> responseHeaders;
    QByteArray responseBody;
    QNetworkReply::NetworkError networkError = QNetworkReply::NoError;
    QString networkErrorText;
    bool timedOut = false;
    bool cancelled = false;
    QList<QSslError> sslErrors;        ///< why the server's certificate was refused
    QSslCertificate peerCertificate;   ///< the certificate the server showed (https)
    Timings timings;

    /** A complete HTTP answer arrived (any status). */
    bool hasResponse() const { return status > 0; }
    /** The value of the first response header `name` (case-insensitive), or a null QByteArray. */
    QByteArray responseHeader(QByteArrayView name) const;
    /** A copy whose request carries no secret (Authorization reduced to its scheme). */
    Exchange redacted() const;
};

} // namespace inkmapper::delivery
