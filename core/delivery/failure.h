#pragma once

#include "exchange.h"

#include <QString>
#include <QUrl>

#include <optional>

namespace inkmapper::delivery {

/**
 * What an exchange's outcome means for the person testing a mapping, in plain words with the next step:
 * each failure class Movable Ink's endpoint or the network can produce.
 */
struct Failure
{
    enum class Kind {
        Unauthorized,      ///< 401 or 403: the Access Key ID or Secret
        NotFound,          ///< 404: the Movable Ink URL
        Refused,           ///< another 4xx: Movable Ink refused the payload (its body says why)
        RateLimited,       ///< 429: too many requests (retry-after)
        ServerError,       ///< 5xx: Movable Ink's side
        Timeout,           ///< no complete answer in time
        Cancelled,         ///< stopped by the user
        ConnectionRefused, ///< nothing listens at that host and port
        HostNotFound,      ///< the host name does not resolve
        Tls,               ///< the server's certificate was refused, or the TLS handshake failed
        Network,           ///< any other network failure (reset, closed early, proxy, ...)
        UnexpectedStatus,  ///< 1xx or 3xx left over after redirects
    };

    Kind kind;
    QString title;       ///< one line: "401 Unauthorized: Movable Ink refused the credentials"
    QString explanation; ///< what happened, with the details that matter (server's body, certificate, ...)
    QString nextStep;    ///< what to do about it

    /** The failure an exchange shows, or nothing when Movable Ink accepted the request (2xx). */
    static std::optional<Failure> of(const Exchange &exchange);
    /**
     * A warning for a URL that would carry the secret unencrypted: http:// to anything but this machine.
     * Nothing for https or loopback.
     */
    static std::optional<QString> plaintextWarning(const QUrl &url);
    /**
     * A warning for an exchange redirected from https to http: the credentials stayed behind, but the event's
     * data went on unencrypted (as Segment's client would send it). Nothing otherwise.
     */
    static std::optional<QString> redirectWarning(const Exchange &exchange);
    /** The certificate as a person checks it: subject, issuer and validity dates. */
    static QString describeCertificate(const QSslCertificate &certificate);
};

} // namespace inkmapper::delivery
