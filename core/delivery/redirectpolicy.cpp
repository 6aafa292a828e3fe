#include "redirectpolicy.h"

namespace inkmapper::delivery {

namespace {

bool isCredential(QByteArrayView name)
{
    for (const char *credential : {"authorization", "www-authenticate", "cookie", "cookie2"}) {
        if (name.compare(credential, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

} // namespace

bool RedirectPolicy::isRedirect(int status)
{
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
}

bool RedirectPolicy::keepsCredentials(const QUrl &from, const QUrl &to)
{
    if (from.scheme().compare(to.scheme(), Qt::CaseInsensitive) != 0)
        return false;
    const QString original = from.host().toLower();
    const QString destination = to.host().toLower();
    // node-fetch: the same host, or the original is a subdomain of the destination ("api.x.com" → "x.com").
    return original == destination
        || (original.endsWith(destination) && original.size() > destination.size()
            && original[original.size() - destination.size() - 1] == u'.');
}

destination::HttpRequest RedirectPolicy::follow(const destination::HttpRequest &from, int status, const QUrl &to)
{
    destination::HttpRequest next = from;
    const int port = to.port(to.scheme().compare(QLatin1String("https"), Qt::CaseInsensitive) == 0 ? 443 : 80);
    QByteArray target = to.path(QUrl::FullyEncoded).toLatin1();
    if (target.isEmpty())
        target = "/";
    if (to.hasQuery())
        target += '?' + to.query(QUrl::FullyEncoded).toLatin1();
    next.setEndpoint(to.scheme().toLower(), QString::fromLatin1(QUrl::toAce(to.host())), port, target,
                     to.adjusted(QUrl::RemoveUserInfo | QUrl::RemoveFragment).toString(QUrl::FullyEncoded));
    const bool toGet = status == 303 || ((status == 301 || status == 302) && from.method() == "POST");
    if (toGet) {
        next.setMethod("GET");
        next.setBody({});
    }
    const bool credentials = keepsCredentials(QUrl(from.url()), to);
    QList<destination::HttpHeader> headers;
    for (const destination::HttpHeader &header : from.headers()) {
        if (!credentials && isCredential(header.name))
            continue;
        // The transport writes its own framing for the next request (Host, Content-Length).
        if (header.origin == destination::HttpHeader::Origin::Transport)
            continue;
        headers.append(header);
    }
    next.setHeaders(headers);
    return next;
}

} // namespace inkmapper::delivery
