#include "vectorjudge.h"

#include "json/object.h"
#include "json/parser.h"
#include "json/writer.h"

#include <QSet>

namespace inkmapper::conformance {

namespace {

QString shorten(const QByteArray &text)
{
    return QString::fromUtf8(text.left(200));
}

QString shorten(const json::Value &v)
{
    return shorten(json::stringify(v).value_or("undefined"));
}

/** Header fields a transport adds on the wire; the request subcommand does not list them. */
bool isTransportHeader(const QString &name)
{
    static const QSet<QString> names = {
        QStringLiteral("host"), QStringLiteral("content-length"), QStringLiteral("connection"),
        QStringLiteral("accept-encoding"), QStringLiteral("transfer-encoding"), QStringLiteral("accept"),
        QStringLiteral("accept-language")};
    return names.contains(name);
}

json::Object destinationHeaders(const json::Value &headers, bool lowerCaseNames)
{
    json::Object result;
    if (!headers.isObject())
        return result;
    for (const auto &[name, value] : headers.toObject()) {
        const QString key = lowerCaseNames ? name.toLower() : name;
        if (!isTransportHeader(key))
            result.set(key, value);
    }
    return result;
}

bool sameMembers(const json::Object &a, const json::Object &b)
{
    if (a.size() != b.size())
        return false;
    for (const auto &[key, value] : a) {
        const json::Value *other = b.find(key);
        if (!other || !(*other == value))
            return false;
    }
    return true;
}

} // namespace

QString judge(Subcommand subcommand, const QByteArray &vectorLine, const QByteArray &outputLine)
{
    const auto vectorParsed = json::parse(QByteArrayView(vectorLine));
    if (!vectorParsed.ok() || !vectorParsed.value().isObject())
        return QStringLiteral("the vector line itself does not parse");
    const json::Object &vector = vectorParsed.value().toObject();

    const auto outputParsed = json::parse(QByteArrayView(outputLine));
    if (!outputParsed.ok() || !outputParsed.value().isObject() || !outputParsed.value().toObject().contains(u"ok"))
        return QStringLiteral("unparsable output: ") + shorten(outputLine);
    const json::Object &got = outputParsed.value().toObject();
    const bool ok = got.value(u"ok").isBool() && got.value(u"ok").toBool();

    if (vector.contains(u"error")) {
        if (got.value(u"ok").isBool() && !got.value(u"ok").toBool())
            return {};
        return QStringLiteral("expected an error (%1), got %2")
            .arg(vector.value(u"error").toString().left(120), shorten(outputLine));
    }
    if (!ok)
        return QStringLiteral("unexpected error: ") + shorten(outputLine);

    switch (subcommand) {
    case Subcommand::Transform: {
        const json::Value want = vector.value(u"output");
        if (want.isNull())
            return got.contains(u"output") ? QStringLiteral("expected no output (undefined), got ") + shorten(outputLine) : QString();
        const QByteArray prefix = R"({"ok":true,"output":)";
        if (!outputLine.startsWith(prefix) || !outputLine.endsWith('}'))
            return QStringLiteral("output line is not {\"ok\":true,\"output\":...}: ") + shorten(outputLine);
        const QByteArray body = outputLine.mid(prefix.size(), outputLine.size() - prefix.size() - 1);
        const QByteArray wantText = want.toString().toUtf8();
        if (body != wantText)
            return QStringLiteral("expected %1\n     got %2").arg(shorten(wantText), shorten(body));
        return {};
    }
    case Subcommand::Fql: {
        if (!(got.value(u"ast") == vector.value(u"ast")))
            return QStringLiteral("ast differs: want %1 got %2").arg(shorten(vector.value(u"ast")), shorten(got.value(u"ast")));
        json::Array wantMatches;
        for (const json::Value &e : vector.value(u"events").toArray()) {
            const json::Object &entry = e.toObject();
            wantMatches.push_back(entry.contains(u"error") ? json::Value::null() : entry.value(u"match"));
        }
        const json::Value want(std::move(wantMatches));
        if (!(got.value(u"matches") == want))
            return QStringLiteral("matches want %1 got %2").arg(shorten(want), shorten(got.value(u"matches")));
        return {};
    }
    case Subcommand::GenerateFql:
        if (!(got.value(u"fql") == vector.value(u"fql")))
            return QStringLiteral("want %1 got %2").arg(shorten(vector.value(u"fql")), shorten(got.value(u"fql")));
        return {};
    case Subcommand::Request: {
        const json::Value want = vector.value(u"request");
        if (!got.contains(u"request"))
            return QStringLiteral("no request member: ") + shorten(outputLine);
        const json::Value request = got.value(u"request");
        if (want.isNull())
            return request.isNull() ? QString() : QStringLiteral("expected no request (no match), got ") + shorten(outputLine);
        if (!request.isObject())
            return QStringLiteral("request is not an object: ") + shorten(outputLine);
        for (const char16_t *key : {u"method", u"url", u"body"}) {
            const QStringView k(key);
            if (!(request.toObject().value(k) == want.toObject().value(k)))
                return QStringLiteral("%1: want %2 got %3").arg(k, shorten(want.toObject().value(k)), shorten(request.toObject().value(k)));
        }
        const json::Object wantHeaders = destinationHeaders(want.toObject().value(u"headers"), false);
        const json::Object gotHeaders = destinationHeaders(request.toObject().value(u"headers"), true);
        if (!sameMembers(wantHeaders, gotHeaders))
            return QStringLiteral("headers want %1 got %2").arg(shorten(json::Value(wantHeaders)), shorten(json::Value(gotHeaders)));
        return {};
    }
    }
    return QStringLiteral("unknown subcommand");
}

} // namespace inkmapper::conformance
