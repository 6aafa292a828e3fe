#include "failure.h"

#include <QHostAddress>
#include <QSslError>

namespace inkmapper::delivery {

namespace {

/** The response body as text for a message, shortened: Movable Ink's errors are short JSON objects. */
QString bodyExcerpt(const QByteArray &body)
{
    constexpr qsizetype MaxChars = 600;
    QString text = QString::fromUtf8(body).trimmed();
    if (text.size() > MaxChars)
        text = text.left(MaxChars) + QStringLiteral("…");
    return text.isEmpty() ? QStringLiteral("(empty body)") : text;
}

QString statusLine(const Exchange &exchange)
{
    const QString reason = QString::fromLatin1(exchange.reasonPhrase);
    return reason.isEmpty() ? QString::number(exchange.status) : QString::number(exchange.status) + u' ' + reason;
}

Failure fromStatus(const Exchange &exchange)
{
    const int status = exchange.status;
    const QString line = statusLine(exchange);
    const QString body = bodyExcerpt(exchange.responseBody);
    if ((status == 401 || status == 403) && exchange.credentialsDropped) {
        return {Failure::Kind::Unauthorized, QStringLiteral("%1: the credentials stayed behind at a redirect").arg(line),
                QStringLiteral("The request was redirected to %1, on another host or scheme than the Movable Ink URL, "
                               "and Segment's client does not send the Access Key ID and Secret there, so that server "
                               "saw none. Its answer: %2").arg(exchange.redirects.join(QStringLiteral(" → ")), body),
                QStringLiteral("Use the URL the redirect leads to as the Movable Ink URL, if it is Movable Ink's; "
                               "Segment would meet the same redirect.")};
    }
    if (status == 401 || status == 403) {
        return {Failure::Kind::Unauthorized, QStringLiteral("%1: Movable Ink refused the credentials").arg(line),
                QStringLiteral("The request reached Movable Ink, which did not accept the Access Key ID and Access "
                               "Secret sent as HTTP basic auth. Its answer: %1").arg(body),
                QStringLiteral("Check the Username (Access Key ID) and the Access Secret in the destination settings; "
                               "copy them again from Movable Ink if in doubt.")};
    }
    if (status == 404) {
        return {Failure::Kind::NotFound, QStringLiteral("%1: nothing at this URL").arg(line),
                QStringLiteral("The server answered, but knows no endpoint at %1. Its answer: %2")
                    .arg(exchange.request.url(), body),
                QStringLiteral("Check the Movable Ink URL in the destination settings: it is the events endpoint "
                               "Movable Ink gave you, path included.")};
    }
    if (status == 429) {
        const QByteArray retryAfter = exchange.responseHeader("retry-after");
        const QString wait = retryAfter.isEmpty()
            ? QStringLiteral("Movable Ink did not say how long to wait.")
            : QStringLiteral("Movable Ink asks to wait %1 before retrying (Retry-After: %1).")
                  .arg(QString::fromLatin1(retryAfter));
        return {Failure::Kind::RateLimited, QStringLiteral("%1: rate limited").arg(line),
                QStringLiteral("Too many requests reached Movable Ink in a short time. %1").arg(wait),
                QStringLiteral("Send again after the wait; for replays, lower the rate or the concurrency.")};
    }
    if (status >= 500) {
        return {Failure::Kind::ServerError, QStringLiteral("%1: a failure on Movable Ink's side").arg(line),
                QStringLiteral("The request arrived, but the server failed to handle it. Its answer: %1").arg(body),
                QStringLiteral("Retry later; Segment itself retries such answers. If it persists, contact Movable Ink "
                               "support with the time of the request.")};
    }
    if (status >= 400) {
        return {Failure::Kind::Refused, QStringLiteral("%1: Movable Ink refused the payload").arg(line),
                QStringLiteral("The credentials and URL were accepted, but not the request. Movable Ink's answer: %1")
                    .arg(body),
                QStringLiteral("Compare the payload with what Movable Ink expects for this event (the answer above "
                               "usually names the field); fix the mapping's data field and send again.")};
    }
    return {Failure::Kind::UnexpectedStatus, QStringLiteral("%1: an unexpected answer").arg(line),
            QStringLiteral("Movable Ink answers a successful request with a 2xx status. Its answer: %1").arg(body),
            QStringLiteral("Check the Movable Ink URL: a redirect or an informational answer means it does not "
                           "name the events endpoint itself.")};
}

Failure fromNetworkError(const Exchange &exchange)
{
    const QString host = exchange.request.hostname();
    const QString where = QStringLiteral("%1:%2").arg(host).arg(exchange.request.port());
    if (exchange.cancelled) {
        return {Failure::Kind::Cancelled, QStringLiteral("Cancelled"),
                QStringLiteral("The request was stopped before an answer arrived; it may or may not have reached %1.")
                    .arg(where),
                QStringLiteral("Send it again when ready.")};
    }
    if (exchange.timedOut) {
        return {Failure::Kind::Timeout, QStringLiteral("No answer in time"),
                QStringLiteral("%1 did not answer completely within the time allowed (%2 ms elapsed).")
                    .arg(where)
                    .arg(exchange.timings.total),
                QStringLiteral("Retry; if it keeps happening, check the URL and your network, or allow more time.")};
    }
    if (!exchange.sslErrors.isEmpty() || exchange.networkError == QNetworkReply::SslHandshakeFailedError) {
        QStringList reasons;
        for (const QSslError &error : exchange.sslErrors)
            reasons.append(error.errorString());
        if (reasons.isEmpty())
            reasons.append(exchange.networkErrorText);
        QString explanation = QStringLiteral("The connection to %1 was not trusted, so nothing was sent: %2.")
                                  .arg(where, reasons.join(QStringLiteral("; ")));
        if (!exchange.peerCertificate.isNull())
            explanation += u'\n' + Failure::describeCertificate(exchange.peerCertificate);
        return {Failure::Kind::Tls, QStringLiteral("TLS error: the server's certificate was refused"), explanation,
                QStringLiteral("Check that the URL names Movable Ink's host exactly; a certificate that is expired, "
                               "self-signed or for another host means you are not talking to Movable Ink.")};
    }
    switch (exchange.networkError) {
    case QNetworkReply::ConnectionRefusedError:
        return {Failure::Kind::ConnectionRefused, QStringLiteral("Connection refused"),
                QStringLiteral("Nothing accepts connections at %1.").arg(where),
                QStringLiteral("Check the host and port of the Movable Ink URL; for the local inspector, start it "
                               "first.")};
    case QNetworkReply::TooManyRedirectsError:
        return {Failure::Kind::Network, QStringLiteral("Too many redirects"),
                QStringLiteral("%1 kept redirecting the request (%2 redirects, the most Segment's client follows; the "
                               "last to %3).").arg(where).arg(exchange.redirects.size()).arg(exchange.redirects.value(exchange.redirects.size() - 1)),
                QStringLiteral("Check the Movable Ink URL: it should name the events endpoint itself, not an address "
                               "that redirects.")};
    case QNetworkReply::HostNotFoundError:
        return {Failure::Kind::HostNotFound, QStringLiteral("Host not found"),
                QStringLiteral("The name %1 does not resolve to an address.").arg(host),
                QStringLiteral("Check the spelling of the host in the Movable Ink URL, and your network or DNS.")};
    default:
        return {Failure::Kind::Network, QStringLiteral("Network error"),
                QStringLiteral("The exchange with %1 failed: %2.").arg(where, exchange.networkErrorText),
                QStringLiteral("Retry; if it persists, check the URL, your network and any proxy.")};
    }
}

} // namespace

std::optional<Failure> Failure::of(const Exchange &exchange)
{
    if (!exchange.hasResponse())
        return fromNetworkError(exchange);
    if (exchange.accepted())
        return std::nullopt;
    return fromStatus(exchange);
}

std::optional<QString> Failure::plaintextWarning(const QUrl &url)
{
    if (url.scheme().compare(QLatin1String("http"), Qt::CaseInsensitive) != 0)
        return std::nullopt;
    const QString host = url.host();
    const QHostAddress address(host);
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0 || (!address.isNull() && address.isLoopback()))
        return std::nullopt;
    return QStringLiteral("This URL is http://, not https://: the Access Secret would travel unencrypted to %1.").arg(host);
}

std::optional<QString> Failure::redirectWarning(const Exchange &exchange)
{
    if (exchange.request.scheme() != u"https")
        return std::nullopt;
    for (const QString &url : exchange.redirects) {
        if (url.startsWith(QLatin1String("http:"), Qt::CaseInsensitive))
            return QStringLiteral("The request was redirected to %1, a plain http:// address: the credentials were not "
                                  "sent there, but the event's data travelled unencrypted (as Segment's client would "
                                  "send it).").arg(url);
    }
    return std::nullopt;
}

QString Failure::describeCertificate(const QSslCertificate &certificate)
{
    const auto names = [](const QStringList &parts) { return parts.join(QStringLiteral(", ")); };
    return QStringLiteral("Certificate: subject %1; issuer %2; valid from %3 to %4.")
        .arg(names(certificate.subjectInfo(QSslCertificate::CommonName)),
             names(certificate.issuerInfo(QSslCertificate::CommonName)),
             certificate.effectiveDate().toUTC().toString(Qt::ISODate),
             certificate.expiryDate().toUTC().toString(Qt::ISODate));
}

} // namespace inkmapper::delivery
