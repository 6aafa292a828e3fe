#include "har.h"

#include "json/object.h"
#include "json/writer.h"

#include <QUrl>
#include <QUrlQuery>

namespace inkmapper::delivery {

namespace {

json::Value header(const QByteArray &name, const QByteArray &value)
{
    json::Object h;
    h.set(QStringLiteral("name"), json::Value(QString::fromLatin1(name)));
    h.set(QStringLiteral("value"), json::Value(QString::fromLatin1(value)));
    return json::Value(std::move(h));
}

json::Value requestOf(const Exchange &exchange)
{
    const destination::HttpRequest &request = exchange.request;
    json::Array headers;
    for (const destination::HttpHeader &h : request.headers())
        headers.push_back(header(h.name, h.value));
    json::Array query;
    for (const auto &[name, value] : QUrlQuery(QUrl(request.url())).queryItems(QUrl::FullyDecoded)) {
        json::Object item;
        item.set(QStringLiteral("name"), json::Value(name));
        item.set(QStringLiteral("value"), json::Value(value));
        query.push_back(json::Value(std::move(item)));
    }
    json::Object postData;
    postData.set(QStringLiteral("mimeType"), json::Value(QString::fromLatin1(request.header("content-type"))));
    postData.set(QStringLiteral("text"), json::Value(QString::fromUtf8(request.body())));

    json::Object out;
    out.set(QStringLiteral("method"), json::Value(QString::fromLatin1(request.method())));
    out.set(QStringLiteral("url"), json::Value(request.url()));
    // The request went with the answer's protocol; without an answer, as HTTP/1.1 (what is tried first over http).
    out.set(QStringLiteral("httpVersion"), json::Value(exchange.httpVersion.isEmpty() ? QStringLiteral("HTTP/1.1")
                                                                                      : QString::fromLatin1(exchange.httpVersion)));
    out.set(QStringLiteral("cookies"), json::Value(json::Array()));
    out.set(QStringLiteral("headers"), json::Value(std::move(headers)));
    out.set(QStringLiteral("queryString"), json::Value(std::move(query)));
    out.set(QStringLiteral("postData"), json::Value(std::move(postData)));
    out.set(QStringLiteral("headersSize"), json::Value(-1));
    out.set(QStringLiteral("bodySize"), json::Value(qint64(request.body().size())));
    return json::Value(std::move(out));
}

json::Value responseOf(const Exchange &exchange)
{
    json::Array headers;
    for (const auto &[name, value] : exchange.responseHeaders)
        headers.push_back(header(name, value));
    json::Object content;
    content.set(QStringLiteral("size"), json::Value(qint64(exchange.responseBody.size())));
    content.set(QStringLiteral("mimeType"), json::Value(QString::fromLatin1(exchange.responseHeader("content-type"))));
    content.set(QStringLiteral("text"), json::Value(QString::fromUtf8(exchange.responseBody)));

    json::Object out;
    // HAR has no place for "no answer": status 0 with the error as the status text, as browsers write it.
    out.set(QStringLiteral("status"), json::Value(exchange.status));
    out.set(QStringLiteral("statusText"), json::Value(exchange.hasResponse() ? QString::fromLatin1(exchange.reasonPhrase)
                                                                             : exchange.networkErrorText));
    out.set(QStringLiteral("httpVersion"), json::Value(QString::fromLatin1(exchange.httpVersion)));
    out.set(QStringLiteral("cookies"), json::Value(json::Array()));
    out.set(QStringLiteral("headers"), json::Value(std::move(headers)));
    out.set(QStringLiteral("content"), json::Value(std::move(content)));
    out.set(QStringLiteral("redirectURL"), json::Value(QString::fromLatin1(exchange.responseHeader("location"))));
    out.set(QStringLiteral("headersSize"), json::Value(-1));
    out.set(QStringLiteral("bodySize"), json::Value(qint64(exchange.responseBody.size())));
    return json::Value(std::move(out));
}

json::Value timingsOf(const Timings &t)
{
    // HAR 1.2: dns and connect are -1 when they did not happen (a reused connection), connect includes TLS
    // (ssl, its part, is not measured apart: -1); send, wait and receive are never negative.
    const Timings::Phases p = t.phases();
    json::Object out;
    out.set(QStringLiteral("blocked"), json::Value(-1));
    out.set(QStringLiteral("dns"), json::Value(p.dns));
    out.set(QStringLiteral("connect"), json::Value(p.connect));
    out.set(QStringLiteral("ssl"), json::Value(-1));
    out.set(QStringLiteral("send"), json::Value(std::max<qint64>(0, p.send)));
    out.set(QStringLiteral("wait"), json::Value(std::max<qint64>(0, p.wait)));
    out.set(QStringLiteral("receive"), json::Value(std::max<qint64>(0, p.receive)));
    return json::Value(std::move(out));
}

} // namespace

QByteArray Har::write(const std::vector<Exchange> &exchanges, const QString &creatorVersion)
{
    json::Array entries;
    for (const Exchange &exchange : exchanges) {
        json::Object entry;
        entry.set(QStringLiteral("startedDateTime"), json::Value(exchange.startedAt.toString(Qt::ISODateWithMs)));
        entry.set(QStringLiteral("time"), json::Value(std::max<qint64>(0, exchange.timings.total)));
        entry.set(QStringLiteral("request"), requestOf(exchange));
        entry.set(QStringLiteral("response"), responseOf(exchange));
        entry.set(QStringLiteral("cache"), json::Value(json::Object()));
        entry.set(QStringLiteral("timings"), timingsOf(exchange.timings));
        entries.push_back(json::Value(std::move(entry)));
    }
    json::Object creator;
    creator.set(QStringLiteral("name"), json::Value(QStringLiteral("InkMapper")));
    creator.set(QStringLiteral("version"), json::Value(creatorVersion));
    json::Object log;
    log.set(QStringLiteral("version"), json::Value(QStringLiteral("1.2")));
    log.set(QStringLiteral("creator"), json::Value(std::move(creator)));
    log.set(QStringLiteral("entries"), json::Value(std::move(entries)));
    json::Object document;
    document.set(QStringLiteral("log"), json::Value(std::move(log)));
    return json::toJsonString(json::Value(std::move(document)), json::WriteOptions{2}).toUtf8();
}

} // namespace inkmapper::delivery
