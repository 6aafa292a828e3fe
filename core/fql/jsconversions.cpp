#include "jsconversions.h"

#include "json/jsnumber.h"
#include "json/jssemantics.h"
#include "json/object.h"

namespace inkmapper::fql::Internal {

bool appendString(QString &out, const json::Value &v)
{
    switch (v.type()) {
    case json::Value::Type::Object:
        if (v.toObject().contains(u"toString"))
            return false;
        out += u"[object Object]";
        return true;
    case json::Value::Type::Array: {
        // Array.prototype.join: null and undefined elements are empty, others go through String().
        bool first = true;
        for (const json::Value &item : v.toArray()) {
            if (!first)
                out += u',';
            first = false;
            if (!item.isNullish() && !appendString(out, item))
                return false;
        }
        return true;
    }
    default:
        json::appendJsString(out, v);
        return true;
    }
}

std::optional<QString> jsString(const json::Value &v)
{
    if (v.isString())
        return v.toString();
    QString out;
    if (!appendString(out, v))
        return std::nullopt;
    return out;
}

std::optional<double> jsNumber(const json::Value &v)
{
    switch (v.type()) {
    case json::Value::Type::Object:
        // ToPrimitive(hint number): valueOf gives the object back, then toString must be the built-in.
        if (v.toObject().contains(u"toString"))
            return std::nullopt;
        return json::toJsNumber(v);
    case json::Value::Type::Array: {
        const auto text = jsString(v);
        if (!text)
            return std::nullopt;
        return json::stringToNumber(*text);
    }
    default:
        return json::toJsNumber(v);
    }
}

QString cannotConvertMessage()
{
    return QStringLiteral("Cannot convert object to primitive value");
}

} // namespace inkmapper::fql::Internal
