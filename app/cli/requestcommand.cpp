#include "enginecommands.h"

#include "enginecommand.h"

#include "destination/requestbuilder.h"

#include <map>

namespace inkmapper::cli {

// docs/CLI.md's request form: header names in lower case and sorted, values decoded as latin-1, only
// the fields the destination sets (not host, content-length, connection or accept-encoding, which the
// transport adds), the body as UTF-8 text.
json::Value requestJson(const destination::HttpRequest &request)
{
    std::map<QString, QString> sorted;
    for (const destination::HttpHeader &h : request.destinationHeaders())
        sorted.emplace(QString::fromLatin1(h.name).toLower(), QString::fromLatin1(h.value));
    json::Object headers;
    for (const auto &[name, value] : sorted)
        headers.set(name, json::Value(value));

    json::Object out;
    out.set(QStringLiteral("method"), json::Value(QString::fromLatin1(request.method())));
    out.set(QStringLiteral("url"), json::Value(request.url()));
    out.set(QStringLiteral("headers"), json::Value(std::move(headers)));
    out.set(QStringLiteral("body"), json::Value(QString::fromUtf8(request.body())));
    return json::Value(std::move(out));
}

json::Value requestLine(const json::Object &line)
{
    for (const auto key : {u"settings", u"mapping", u"event"}) {
        if (!line.contains(QStringView(key)))
            return errorLine(QStringLiteral("the input line has no \"%1\" key").arg(QStringView(key)));
    }
    // Without "subscribe" the preset's trigger applies, as it does for a new Movable Ink mapping.
    const destination::Subscription subscription(line.value(u"subscribe"));
    const destination::RequestBuilder builder;
    Result<destination::RequestOutcome> outcome =
        builder.build(line.value(u"settings"), line.value(u"mapping"), line.value(u"event"), subscription);
    if (!outcome)
        return errorLine(outcome.error().message);

    json::Object out;
    out.set(QStringLiteral("ok"), true);
    out.set(QStringLiteral("request"), outcome->isSent() ? requestJson(outcome->request()) : json::Value::null());
    return json::Value(std::move(out));
}

} // namespace inkmapper::cli
