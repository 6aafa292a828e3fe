#include "httprequest.h"

namespace inkmapper::destination {

void HttpRequest::setEndpoint(QString scheme, QString hostname, int port, QByteArray target, QString url)
{
    m_scheme = std::move(scheme);
    m_hostname = std::move(hostname);
    m_port = port;
    m_target = std::move(target);
    m_url = std::move(url);
}

QList<HttpHeader> HttpRequest::destinationHeaders() const
{
    QList<HttpHeader> out;
    for (const HttpHeader &h : m_headers) {
        if (h.origin != HttpHeader::Origin::Transport)
            out.append(h);
    }
    return out;
}

QByteArray HttpRequest::header(QByteArrayView name) const
{
    for (const HttpHeader &h : m_headers) {
        if (h.name.compare(name, Qt::CaseInsensitive) == 0)
            return h.value;
    }
    return {};
}

bool HttpRequest::hasHeader(QByteArrayView name) const
{
    for (const HttpHeader &h : m_headers) {
        if (h.name.compare(name, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

HttpRequest HttpRequest::redacted() const
{
    HttpRequest copy = *this;
    for (HttpHeader &h : copy.m_headers)
        h.value = redactedValue(h.name, h.value);
    return copy;
}

QByteArray HttpRequest::redactedValue(QByteArrayView name, const QByteArray &value)
{
    if (name.compare("authorization", Qt::CaseInsensitive) != 0)
        return value;
    // Keep the scheme ("Basic", "Bearer") so the preview still says what kind of credential it is.
    const qsizetype space = value.indexOf(' ');
    return space > 0 ? value.left(space) + " [redacted]" : QByteArray("[redacted]");
}

} // namespace inkmapper::destination
