#pragma once

#include "httpheader.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <utility>

namespace inkmapper::destination {

/**
 * The HTTP request Segment would send for one event: method, target, header fields in wire order with
 * their exact bytes, and the body bytes. A value; build it with RequestBuilder.
 */
class HttpRequest
{
public:
    HttpRequest() = default;

    const QByteArray &method() const { return m_method; }
    void setMethod(QByteArray method) { m_method = std::move(method); }

    /** "http" or "https". */
    const QString &scheme() const { return m_scheme; }
    /** The host to connect to (IPv6 without brackets, IDN as punycode). */
    const QString &hostname() const { return m_hostname; }
    /** The port to connect to. */
    int port() const { return m_port; }
    /** The request target (path and query) as the bytes on the request line; non-ASCII characters of
     *  the URL are single latin-1 bytes here, as Node writes them. */
    const QByteArray &target() const { return m_target; }
    /** The URL the request goes to: scheme, the host as the default Host header names it, and the
     *  target decoded as latin-1. Fragment and credentials are never part of it. */
    const QString &url() const { return m_url; }
    void setEndpoint(QString scheme, QString hostname, int port, QByteArray target, QString url);

    /** Every header field in wire order, including the ones the transport adds. */
    const QList<HttpHeader> &headers() const { return m_headers; }
    void setHeaders(QList<HttpHeader> headers) { m_headers = std::move(headers); }
    /** The fields the destination itself sets: all but HttpHeader::Origin::Transport. */
    QList<HttpHeader> destinationHeaders() const;
    /** The value of the first field with this name (case-insensitive), or a null QByteArray. */
    QByteArray header(QByteArrayView name) const;
    bool hasHeader(QByteArrayView name) const;

    const QByteArray &body() const { return m_body; }
    void setBody(QByteArray body) { m_body = std::move(body); }

    /** A copy safe to show or export: every Authorization value reduced to its scheme plus "[redacted]". */
    HttpRequest redacted() const;
    /** A header value safe to show: `value` itself, or for an Authorization header its scheme plus "[redacted]". */
    static QByteArray redactedValue(QByteArrayView name, const QByteArray &value);

    friend bool operator==(const HttpRequest &, const HttpRequest &) = default;

private:
    QByteArray m_method;
    QString m_scheme;
    QString m_hostname;
    int m_port = 0;
    QByteArray m_target;
    QString m_url;
    QList<HttpHeader> m_headers;
    QByteArray m_body;
};

} // namespace inkmapper::destination
