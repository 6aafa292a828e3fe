#include "requestclient.h"

#include "basicauth.h"
#include "headermap.h"
#include "legacyurl.h"

#include "json/object.h"
#include "json/writer.h"

#include <QHash>

#include <optional>

namespace inkmapper::destination::Internal {

namespace {

using Origin = HttpHeader::Origin;

/** The header map of a request in flight plus who set each field, keyed by lower-case name. */
struct TrackedHeaders
{
    HeaderMap map;
    QHash<QString, Origin> origins;
};

QString lower(const QString &s)
{
    return s.toLower();
}

// `name in {}`: the own-or-inherited properties of a fresh object, which request-client's merge()
// recurses into when the value is an object.
bool isObjectPrototypeKey(const QString &key)
{
    static const QStringList keys{QStringLiteral("constructor"), QStringLiteral("__defineGetter__"),
                                  QStringLiteral("__defineSetter__"), QStringLiteral("hasOwnProperty"),
                                  QStringLiteral("__lookupGetter__"), QStringLiteral("__lookupSetter__"),
                                  QStringLiteral("isPrototypeOf"), QStringLiteral("propertyIsEnumerable"),
                                  QStringLiteral("toString"), QStringLiteral("valueOf"), QStringLiteral("__proto__"),
                                  QStringLiteral("toLocaleString")};
    return keys.contains(key);
}

bool isObjectLike(const json::Value &v)
{
    return v.isObject() || v.isArray();
}

// request-client's merge() walking an object source: it recurses into object values whose key is already
// "in" the result (always "headers" and Object.prototype's names), and builds `new Headers(source.headers)`
// for every object source — which throws for invalid names or values even where the outer merge would
// only ever see "[object Object]".
Result<Ok> checkMergeSource(const json::Object &source)
{
    for (const auto &[key, value] : source) {
        if (value.isObject() && (key == QLatin1String("headers") || isObjectPrototypeKey(key))) {
            const Result<Ok> nested = checkMergeSource(value.toObject());
            if (!nested)
                return nested;
        }
    }
    const json::Value *headers = source.find(u"headers");
    if (headers && isObjectLike(*headers)) {
        const Result<HeaderMap> check = HeaderMap::fromInit(*headers);
        if (!check)
            return check.error();
    }
    return Ok{};
}

// request-client's mergeHeaders(source1, source2): a copy of source1 with every field of source2 set in
// sorted order, a value of "undefined" deleting the field instead.
Result<TrackedHeaders> mergeHeaders(const TrackedHeaders &target, const json::Value &source, Origin origin)
{
    const Result<HeaderMap> incoming = HeaderMap::fromInit(source);
    if (!incoming)
        return incoming.error();
    TrackedHeaders out{target.map.copy(), target.origins};
    for (const auto &[name, value] : incoming->sortedEntries()) {
        if (value == QLatin1String("undefined")) {
            (void)out.map.remove(name);
            out.origins.remove(name);
        } else {
            (void)out.map.set(name, value);
            out.origins.insert(name, origin);
        }
    }
    return out;
}

// mergeHeaders({}, headers): what every mergeOptions() does first — a copy in sorted order.
TrackedHeaders sortedCopy(const TrackedHeaders &source)
{
    TrackedHeaders out{HeaderMap(), source.origins};
    for (const auto &[name, value] : source.map.sortedEntries())
        (void)out.map.set(name, value);
    return out;
}

// Request.url followed by a new Request: url.parse(url.format(parsed)).
Result<LegacyUrl> reparse(const LegacyUrl &url)
{
    const Result<QString> text = url.format();
    if (!text)
        return text.error();
    return LegacyUrl::parse(text.value());
}

// ERR_SOCKET_BAD_PORT's description of a string port: util.inspect, cut after 25 characters.
QString describePort(const QString &port)
{
    QString inspected = u'\'' + port + u'\'';
    if (inspected.size() > 28)
        inspected = inspected.left(25) + QStringLiteral("...");
    return QStringLiteral("type string (%1)").arg(inspected);
}

// The value of the first field with this name, empty when there is none.
QByteArray header(const QList<HttpHeader> &headers, QByteArrayView name)
{
    for (const HttpHeader &h : headers) {
        if (h.name.compare(name, Qt::CaseInsensitive) == 0)
            return h.value;
    }
    return {};
}

bool isValidRequestPath(const QString &path)
{
    for (QChar c : path) {
        if (c.unicode() < 0x21 || c.unicode() > 0xff)
            return false;
    }
    return true;
}

} // namespace

QByteArray RequestClient::userAgent()
{
    return QByteArrayLiteral("Segment (Actions)");
}

Result<HttpRequest> RequestClient::execute(const Call &call)
{
    // createRequestClient's defaults, merged (and so re-sorted) by every extend().
    TrackedHeaders defaults;
    (void)defaults.map.set(QStringLiteral("user-agent"), QString::fromLatin1(userAgent()));
    defaults.origins.insert(QStringLiteral("user-agent"), Origin::Client);

    // client(url, options): mergeOptions(defaults, options).
    TrackedHeaders merged = sortedCopy(defaults);
    if (call.headers.isObject()) {
        const Result<Ok> nested = checkMergeSource(call.headers.toObject());
        if (!nested)
            return nested.error();
        Result<TrackedHeaders> withMapped = mergeHeaders(merged, call.headers, Origin::Mapping);
        if (!withMapped)
            return withMapped.error();
        merged = std::move(withMapped).value();
    }

    // setOptions(): new Request(url, options) parses the URL; a `json` option becomes the body and sets
    // content-type on the request's own copy of the headers, then the request is copied again.
    Result<LegacyUrl> url = LegacyUrl::parse(call.url);
    if (!url)
        return url.error();
    TrackedHeaders request{merged.map.copy(), merged.origins};
    std::optional<QByteArray> body;
    if (!call.json.isUndefined())
        body = json::stringify(call.json);
    auto applyJson = [&]() -> Result<Ok> {
        if (call.json.isUndefined())
            return Ok{};
        (void)request.map.set(QStringLiteral("content-type"), QStringLiteral("application/json"));
        request.origins.insert(QStringLiteral("content-type"), Origin::Client);
        url = reparse(url.value());
        if (!url)
            return url.error();
        return Ok{};
    };
    if (const Result<Ok> r = applyJson(); !r)
        return r.error();

    // The basic-auth beforeRequest hook: mergeOptions(this.options, {headers: {Authorization}}), then
    // setOptions(this.request.url, …) again — the options' headers, not the request's, so content-type
    // comes back through node-fetch's body sniffing and is then set again.
    if (BasicAuth::applies(call.username, call.password)) {
        json::Object auth;
        auth.set(QStringLiteral("Authorization"),
                 json::Value(QString::fromLatin1(BasicAuth::headerValue(call.username, call.password))));
        Result<TrackedHeaders> withAuth = mergeHeaders(sortedCopy(merged), json::Value(std::move(auth)), Origin::Client);
        if (!withAuth)
            return withAuth.error();
        url = reparse(url.value());
        if (!url)
            return url.error();
        request = TrackedHeaders{withAuth->map.copy(), withAuth->origins};
        if (body && !request.map.has(QStringLiteral("Content-Type"))) {
            (void)request.map.append(QStringLiteral("Content-Type"), QStringLiteral("text/plain;charset=UTF-8"));
            request.origins.insert(QStringLiteral("content-type"), Origin::Client);
        }
        if (const Result<Ok> r = applyJson(); !r)
            return r.error();
    }

    // fetch(this.request.clone()) and node-fetch's own new Request(request): two more copies.
    for (int i = 0; i < 2; ++i) {
        url = reparse(url.value());
        if (!url)
            return url.error();
    }
    const LegacyUrl &parsed = url.value();

    // node-fetch getNodeRequestOptions().
    TrackedHeaders wire{request.map.copy(), request.origins};
    auto setIfMissing = [&](const QString &name, const QString &value, Origin origin) {
        if (wire.map.has(name))
            return;
        (void)wire.map.set(name, value);
        wire.origins.insert(lower(name), origin);
    };
    setIfMissing(QStringLiteral("Accept"), QStringLiteral("*/*"), Origin::Client);
    if (!parsed.protocol || !parsed.hostname || parsed.hostname->isEmpty())
        return Error{QStringLiteral("Only absolute URLs are supported"), {}};
    const QString protocol = *parsed.protocol;
    if (protocol != QLatin1String("http:") && protocol != QLatin1String("https:"))
        return Error{QStringLiteral("Only HTTP(S) protocols are supported"), {}};
    const QByteArray bodyBytes = body.value_or(QByteArray());
    // A POST without a body still says Content-Length: 0.
    (void)wire.map.set(QStringLiteral("Content-Length"), QString::number(body ? bodyBytes.size() : 0));
    wire.origins.insert(QStringLiteral("content-length"), Origin::Transport);
    setIfMissing(QStringLiteral("User-Agent"), QStringLiteral("node-fetch/1.0 (+https://github.com/bitinn/node-fetch)"),
                 Origin::Client);
    setIfMissing(QStringLiteral("Accept-Encoding"), QStringLiteral("gzip,deflate"), Origin::Transport);
    setIfMissing(QStringLiteral("Connection"), QStringLiteral("close"), Origin::Transport);

    // Node's http.ClientRequest.
    const QString path = parsed.path.value_or(QStringLiteral("/"));
    if (!isValidRequestPath(path))
        return Error{QStringLiteral("Request path contains unescaped characters"), {}};
    const bool https = protocol == QLatin1String("https:");
    const int defaultPort = https ? 443 : 80;
    const QString portText = parsed.port.value_or(QString());
    const QString &host = *parsed.hostname;

    // The default Host header: IPv6 literals in brackets, the port unless it is the default one.
    QString hostHeader = host;
    const qsizetype colon = hostHeader.indexOf(u':');
    if (colon != -1 && hostHeader.indexOf(u':', colon + 1) != -1 && !hostHeader.startsWith(u'['))
        hostHeader = u'[' + hostHeader + u']';
    if (!portText.isEmpty() && portText.toLongLong() != defaultPort)
        hostHeader += u':' + portText;

    QList<HttpHeader> headers;
    for (const auto &[name, values] : wire.map.entries()) {
        const Origin origin = wire.origins.value(lower(name), Origin::Mapping);
        for (const QString &value : values)
            headers.append(HttpHeader{name.toLatin1(), value.toLatin1(), origin});
    }
    // node's setHeader keys its fields by lower-case name: setting an existing one replaces it in place.
    auto setNodeHeader = [&headers](const QByteArray &name, const QByteArray &value, Origin origin) {
        for (HttpHeader &h : headers) {
            if (h.name.compare(name, Qt::CaseInsensitive) == 0) {
                h = HttpHeader{name, value, origin};
                return;
            }
        }
        headers.append(HttpHeader{name, value, origin});
    };
    // `!this.getHeader('host')`: a missing or empty Host gets node's default.
    if (header(headers, "host").isEmpty()) {
        if (!HeaderMap::isValidValue(hostHeader))
            return Error{QStringLiteral("Invalid character in header content [\"Host\"]"), {}};
        setNodeHeader(QByteArrayLiteral("Host"), hostHeader.toLatin1(), Origin::Transport);
    }
    if (parsed.auth && !parsed.auth->isEmpty() && header(headers, "authorization").isEmpty()) {
        setNodeHeader(QByteArrayLiteral("Authorization"),
                      QByteArrayLiteral("Basic ") + BasicAuth::nodeUtf8(*parsed.auth).toBase64(), Origin::UrlCredentials);
    }

    // net.connect's validatePort, reached synchronously through the agent.
    int port = defaultPort;
    if (!portText.isEmpty()) {
        bool ok = false;
        const qlonglong value = portText.size() <= 10 ? portText.toLongLong(&ok) : -1;
        if (!ok || value > 0xFFFF)
            return Error{QStringLiteral("Port should be >= 0 and < 65536. Received %1.").arg(describePort(portText)), {}};
        port = int(value);
    }

    HttpRequest out;
    out.setMethod(call.method);
    out.setEndpoint(https ? QStringLiteral("https") : QStringLiteral("http"), host, port, path.toLatin1(),
                    protocol + QStringLiteral("//") + hostHeader + path);
    out.setHeaders(std::move(headers));
    out.setBody(bodyBytes);
    return out;
}

} // namespace inkmapper::destination::Internal
