#include "exchangecodec.h"

#include "json/object.h"
#include "json/valuepath.h"

#include <QSslError>

#include <cmath>

namespace inkmapper::delivery {

namespace {

using destination::HttpHeader;

json::Value bytes(const QByteArray &data)
{
    json::Object out;
    if (QUtf8StringView(data).isValidUtf8())
        out.set(QStringLiteral("text"), json::Value(QString::fromUtf8(data)));
    else
        out.set(QStringLiteral("base64"), json::Value(QString::fromLatin1(data.toBase64())));
    return json::Value(std::move(out));
}

json::Value latin1(const QByteArray &data)
{
    return json::Value(QString::fromLatin1(data));
}

json::Value headerList(const QList<QPair<QByteArray, QByteArray>> &headers)
{
    json::Array out;
    for (const auto &[name, value] : headers)
        out.push_back(json::Value(json::Array{latin1(name), latin1(value)}));
    return json::Value(std::move(out));
}

json::Value certificate(const QSslCertificate &certificate)
{
    return certificate.isNull() ? json::Value::null() : json::Value(QString::fromLatin1(certificate.toPem()));
}

/**
 * Reads members of one object, remembering the first problem: every getter returns a harmless value after
 * an error, so a reading function is a straight sequence of gets and one check at the end.
 */
class Reader
{
public:
    Reader(const json::Value &value, QString path, std::optional<Error> *error)
        : m_path(std::move(path)), m_error(error)
    {
        if (value.isObject())
            m_object = &value.toObject();
        else
            fail(m_path, QStringLiteral("an object"));
    }

    const json::Value &get(const QString &key)
    {
        static const json::Value nothing;
        const json::Value *v = m_object ? m_object->find(key) : nullptr;
        return v ? *v : nothing;
    }
    QString string(const QString &key)
    {
        const json::Value &v = get(key);
        if (v.isString())
            return v.toString();
        fail(at(key), QStringLiteral("a string"));
        return {};
    }
    qint64 integer(const QString &key)
    {
        const json::Value &v = get(key);
        if (v.isNumber() && std::isfinite(v.toNumber()) && std::floor(v.toNumber()) == v.toNumber())
            return qint64(v.toNumber());
        fail(at(key), QStringLiteral("a whole number"));
        return 0;
    }
    bool boolean(const QString &key)
    {
        const json::Value &v = get(key);
        if (v.isBool())
            return v.toBool();
        fail(at(key), QStringLiteral("true or false"));
        return false;
    }
    QByteArray byteString(const QString &key) { return string(key).toLatin1(); }
    QByteArray data(const QString &key)
    {
        Reader inner(get(key), at(key), m_error);
        const json::Value &text = inner.get(QStringLiteral("text"));
        if (text.isString())
            return text.toString().toUtf8();
        return QByteArray::fromBase64(inner.byteString(QStringLiteral("base64")));
    }
    QList<QPair<QByteArray, QByteArray>> pairs(const QString &key)
    {
        QList<QPair<QByteArray, QByteArray>> out;
        const json::Value &list = get(key);
        if (!list.isArray()) {
            fail(at(key), QStringLiteral("an array"));
            return out;
        }
        for (const json::Value &pair : list.toArray()) {
            if (!pair.isArray() || pair.toArray().size() != 2 || !pair.toArray()[0].isString() || !pair.toArray()[1].isString()) {
                fail(at(key), QStringLiteral("an array of [name, value] pairs"));
                return out;
            }
            out.append({pair.toArray()[0].toString().toLatin1(), pair.toArray()[1].toString().toLatin1()});
        }
        return out;
    }
    QSslCertificate certificate(const QString &key)
    {
        const json::Value &v = get(key);
        if (v.isNull() || v.isUndefined())
            return QSslCertificate();
        const QSslCertificate certificate(string(key).toLatin1(), QSsl::Pem);
        if (certificate.isNull())
            fail(at(key), QStringLiteral("a PEM certificate"));
        return certificate;
    }
    QString at(const QString &key) const { return json::memberPath(m_path, key); }
    void fail(const QString &path, const QString &expected)
    {
        if (!*m_error)
            *m_error = Error{QStringLiteral("expected %1").arg(expected), Location{0, 0, path}};
    }

private:
    const json::Object *m_object = nullptr;
    QString m_path;
    std::optional<Error> *m_error;
};

constexpr HttpHeader::Origin origins[] = {HttpHeader::Origin::Client, HttpHeader::Origin::Mapping,
                                          HttpHeader::Origin::Transport, HttpHeader::Origin::UrlCredentials};
const QString originNames[] = {QStringLiteral("client"), QStringLiteral("mapping"), QStringLiteral("transport"),
                               QStringLiteral("url-credentials")};

json::Value requestJson(const destination::HttpRequest &request)
{
    json::Array headers;
    for (const HttpHeader &header : request.headers()) {
        const auto origin = std::find(std::begin(origins), std::end(origins), header.origin) - std::begin(origins);
        headers.push_back(json::Value(json::Array{latin1(header.name), latin1(header.value), json::Value(originNames[origin])}));
    }
    json::Object out;
    out.set(QStringLiteral("method"), latin1(request.method()));
    out.set(QStringLiteral("scheme"), json::Value(request.scheme()));
    out.set(QStringLiteral("hostname"), json::Value(request.hostname()));
    out.set(QStringLiteral("port"), json::Value(request.port()));
    out.set(QStringLiteral("target"), latin1(request.target()));
    out.set(QStringLiteral("url"), json::Value(request.url()));
    out.set(QStringLiteral("headers"), json::Value(std::move(headers)));
    out.set(QStringLiteral("body"), bytes(request.body()));
    return json::Value(std::move(out));
}

destination::HttpRequest readRequest(Reader &in)
{
    destination::HttpRequest request;
    request.setMethod(in.byteString(QStringLiteral("method")));
    const QString scheme = in.string(QStringLiteral("scheme"));
    const QString hostname = in.string(QStringLiteral("hostname"));
    const int port = int(in.integer(QStringLiteral("port")));
    const QByteArray target = in.byteString(QStringLiteral("target"));
    request.setEndpoint(scheme, hostname, port, target, in.string(QStringLiteral("url")));
    QList<HttpHeader> headers;
    const json::Value &list = in.get(QStringLiteral("headers"));
    for (const json::Value &field : list.isArray() ? list.toArray() : json::Array()) {
        const json::Array *parts = field.isArray() ? &field.toArray() : nullptr;
        const QString *origin = parts && parts->size() == 3 && (*parts)[2].isString() ? &(*parts)[2].toString() : nullptr;
        const auto known = origin ? std::find(std::begin(originNames), std::end(originNames), *origin) : std::end(originNames);
        if (known == std::end(originNames) || !(*parts)[0].isString() || !(*parts)[1].isString()) {
            in.fail(in.at(QStringLiteral("headers")), QStringLiteral("[name, value, origin] triples"));
            break;
        }
        headers.append({(*parts)[0].toString().toLatin1(), (*parts)[1].toString().toLatin1(),
                        origins[known - std::begin(originNames)]});
    }
    if (!list.isArray())
        in.fail(in.at(QStringLiteral("headers")), QStringLiteral("an array"));
    request.setHeaders(std::move(headers));
    request.setBody(in.data(QStringLiteral("body")));
    return request;
}

const QString timingNames[] = {QStringLiteral("connecting"), QStringLiteral("encrypted"), QStringLiteral("requestSent"),
                               QStringLiteral("firstByte"), QStringLiteral("total")};

std::array<qint64 *, 5> timingMembers(Timings &t)
{
    return {&t.connecting, &t.encrypted, &t.requestSent, &t.firstByte, &t.total};
}

} // namespace

json::Value ExchangeCodec::toJson(const Exchange &exchange)
{
    json::Array sslErrors;
    for (const QSslError &error : exchange.sslErrors)
        sslErrors.push_back(json::Value(json::Array{json::Value(int(error.error())), certificate(error.certificate())}));
    json::Object timings;
    Timings copy = exchange.timings;
    const auto members = timingMembers(copy);
    for (size_t i = 0; i < members.size(); ++i)
        timings.set(timingNames[i], json::Value(*members[i]));

    json::Object out;
    out.set(QStringLiteral("startedAt"), json::Value(exchange.startedAt.toUTC().toString(Qt::ISODateWithMs)));
    out.set(QStringLiteral("request"), requestJson(exchange.request));
    out.set(QStringLiteral("status"), json::Value(exchange.status));
    out.set(QStringLiteral("httpVersion"), latin1(exchange.httpVersion));
    out.set(QStringLiteral("reasonPhrase"), latin1(exchange.reasonPhrase));
    out.set(QStringLiteral("responseHeaders"), headerList(exchange.responseHeaders));
    out.set(QStringLiteral("responseBody"), bytes(exchange.responseBody));
    out.set(QStringLiteral("networkError"), json::Value(int(exchange.networkError)));
    out.set(QStringLiteral("networkErrorText"), json::Value(exchange.networkErrorText));
    out.set(QStringLiteral("timedOut"), json::Value(exchange.timedOut));
    out.set(QStringLiteral("cancelled"), json::Value(exchange.cancelled));
    out.set(QStringLiteral("sslErrors"), json::Value(std::move(sslErrors)));
    out.set(QStringLiteral("peerCertificate"), certificate(exchange.peerCertificate));
    json::Array redirects;
    for (const QString &url : exchange.redirects)
        redirects.push_back(json::Value(url));
    out.set(QStringLiteral("redirects"), json::Value(std::move(redirects)));
    out.set(QStringLiteral("credentialsDropped"), json::Value(exchange.credentialsDropped));
    out.set(QStringLiteral("timings"), json::Value(std::move(timings)));
    return json::Value(std::move(out));
}

Result<Exchange> ExchangeCodec::fromJson(const json::Value &value)
{
    std::optional<Error> error;
    Reader in(value, QString(), &error);
    Exchange exchange;
    exchange.startedAt = QDateTime::fromString(in.string(QStringLiteral("startedAt")), Qt::ISODateWithMs);
    if (!exchange.startedAt.isValid())
        in.fail(QStringLiteral("startedAt"), QStringLiteral("a date and time (ISO 8601)"));
    Reader request(in.get(QStringLiteral("request")), QStringLiteral("request"), &error);
    exchange.request = readRequest(request);
    exchange.status = int(in.integer(QStringLiteral("status")));
    exchange.httpVersion = in.byteString(QStringLiteral("httpVersion"));
    exchange.reasonPhrase = in.byteString(QStringLiteral("reasonPhrase"));
    exchange.responseHeaders = in.pairs(QStringLiteral("responseHeaders"));
    exchange.responseBody = in.data(QStringLiteral("responseBody"));
    exchange.networkError = QNetworkReply::NetworkError(in.integer(QStringLiteral("networkError")));
    exchange.networkErrorText = in.string(QStringLiteral("networkErrorText"));
    exchange.timedOut = in.boolean(QStringLiteral("timedOut"));
    exchange.cancelled = in.boolean(QStringLiteral("cancelled"));
    const json::Value &sslErrors = in.get(QStringLiteral("sslErrors"));
    for (const json::Value &entry : sslErrors.isArray() ? sslErrors.toArray() : json::Array()) {
        const json::Array *parts = entry.isArray() ? &entry.toArray() : nullptr;
        if (!parts || parts->size() != 2 || !(*parts)[0].isNumber()) {
            in.fail(QStringLiteral("sslErrors"), QStringLiteral("[error, certificate] pairs"));
            break;
        }
        const QSslCertificate certificate = (*parts)[1].isString()
            ? QSslCertificate((*parts)[1].toString().toLatin1(), QSsl::Pem) : QSslCertificate();
        exchange.sslErrors.append(QSslError(QSslError::SslError(int((*parts)[0].toNumber())), certificate));
    }
    if (!sslErrors.isArray())
        in.fail(QStringLiteral("sslErrors"), QStringLiteral("an array"));
    exchange.peerCertificate = in.certificate(QStringLiteral("peerCertificate"));
    const json::Value &redirects = in.get(QStringLiteral("redirects"));
    for (const json::Value &url : redirects.isArray() ? redirects.toArray() : json::Array()) {
        if (!url.isString()) {
            in.fail(QStringLiteral("redirects"), QStringLiteral("an array of URLs"));
            break;
        }
        exchange.redirects.append(url.toString());
    }
    if (!redirects.isArray())
        in.fail(QStringLiteral("redirects"), QStringLiteral("an array of URLs"));
    exchange.credentialsDropped = in.boolean(QStringLiteral("credentialsDropped"));
    Reader timings(in.get(QStringLiteral("timings")), QStringLiteral("timings"), &error);
    const auto members = timingMembers(exchange.timings);
    for (size_t i = 0; i < members.size(); ++i)
        *members[i] = timings.integer(timingNames[i]);
    if (error)
        return *error;
    return exchange;
}

} // namespace inkmapper::delivery
