// liquidjs's misc, base64 and crypto filters: default, raw, json/jsonify/inspect, to_integer,
// base64_encode/base64_decode, sha256, hmac_sha256.
#include "context.h"
#include "filterregistry.h"
#include "jsstring.h"
#include "liquiderror.h"

#include "json/jsnumber.h"
#include "json/object.h"
#include "json/writer.h"

#include <QCryptographicHash>
#include <QMessageAuthenticationCode>

#include <cmath>
#include <optional>

namespace inkmapper::mapping::liquid::Internal {

namespace {

/** `new Map(args).get('allow_false')`: each extra argument must be an entry object [key, value]. */
bool allowFalse(const FilterCall &call)
{
    bool allow = false;
    for (size_t i = 1; i < call.count(); ++i) {
        const LiquidValue entry = call.arg(i);
        LiquidValue key;
        LiquidValue value;
        if (entry.isDrop()) {
            // An object without "0" and "1": the key and value are both undefined.
        } else if (entry.isArray() || entry.isObject()) {
            key = call.context().readProperty(entry, json::Value(QStringLiteral("0")));
            value = call.context().readProperty(entry, json::Value(QStringLiteral("1")));
        } else {
            throw LiquidError(QStringLiteral("TypeError: Iterator value %1 is not an entry object").arg(toJsString(entry)));
        }
        if (key.isString() && key.json().toString() == u"allow_false")
            allow = isJsTruthy(value);
    }
    return allow;
}

LiquidValue defaultFilter(const FilterCall &call)
{
    // Empty strings and arrays take the default as well as nil, undefined and false; 0 does not.
    const LiquidValue value = call.input().toValue();
    const LiquidValue fallback = call.arg(0);
    if (value.isArray())
        return value.json().toArray().empty() ? fallback : value;
    if (value.isString())
        return value.json().toString().isEmpty() ? fallback : value;
    if (!value.isDrop() && value.json().isBool() && !value.json().toBool() && allowFalse(call))
        return json::Value(false);
    return isFalsy(value) ? fallback : value;
}

/** `raw`: the input unchanged. */
LiquidValue identity(const FilterCall &call)
{
    return call.input();
}

/** JSON.stringify(value, replacer, space) where the replacer only charges the memory budget. */
class JsonWriter
{
public:
    /** `gap` is absent for compact output; V8 also pretty-prints (without indentation) for an empty gap
     *  that came from a `space` between 0 and 1. */
    JsonWriter(Limiter &memory, std::optional<QString> gap)
        : m_memory(memory), m_pretty(gap.has_value()), m_gap(gap.value_or(QString()))
    {
    }

    /** False when the value serialises to undefined. */
    bool write(const LiquidValue &value)
    {
        if (value.isDrop()) {
            // Drops are class instances without enumerable data properties.
            m_memory.use(2);
            m_out += "{}";
            return true;
        }
        return write(value.json(), QString());
    }

    QString result() const { return QString::fromUtf8(m_out); }

private:
    void charge(const json::Value &v)
    {
        switch (v.type()) {
        case json::Value::Type::String:
            m_memory.use(double(v.toString().size()));
            break;
        case json::Value::Type::Null:
            m_memory.use(4);
            break;
        case json::Value::Type::Boolean:
            m_memory.use(v.toBool() ? 4 : 5);
            break;
        case json::Value::Type::Number:
            m_memory.use(std::isfinite(v.toNumber()) ? double(json::numberToString(v.toNumber()).size()) : 4);
            break;
        case json::Value::Type::Array:
            m_memory.use(double(v.toArray().size() + 1));
            break;
        case json::Value::Type::Object:
            m_memory.use(2);
            break;
        default:
            break;
        }
    }

    void newline(const QString &indent)
    {
        m_out += '\n';
        m_out += indent.toStdString();
    }

    bool write(const json::Value &v, const QString &indent)
    {
        if (LiquidValue(v).isDrop()) {
            m_memory.use(2);
            m_out += "{}";
            return true;
        }
        charge(v);
        switch (v.type()) {
        case json::Value::Type::Undefined:
        case json::Value::Type::Function:
            return false;
        case json::Value::Type::Array: {
            const json::Array &a = v.toArray();
            if (a.empty()) {
                m_out += "[]";
                return true;
            }
            const QString inner = indent + m_gap;
            m_out += '[';
            for (size_t i = 0; i < a.size(); ++i) {
                if (i > 0)
                    m_out += ',';
                if (m_pretty)
                    newline(inner);
                if (!write(a[i], inner))
                    m_out += "null";
            }
            if (m_pretty)
                newline(indent);
            m_out += ']';
            return true;
        }
        case json::Value::Type::Object: {
            const json::Object &o = v.toObject();
            const QString inner = indent + m_gap;
            m_out += '{';
            bool any = false;
            for (const auto &[key, member] : o) {
                if (member.isUndefined() || member.isFunction())
                    continue;
                if (any)
                    m_out += ',';
                any = true;
                if (m_pretty)
                    newline(inner);
                std::string keyText;
                json::appendJsonString(keyText, key);
                m_out += keyText;
                m_out += m_pretty ? ": " : ":";
                write(member, inner);
            }
            if (any && m_pretty)
                newline(indent);
            m_out += '}';
            return true;
        }
        default:
            json::appendJson(m_out, v);
            return true;
        }
    }

    Limiter &m_memory;
    bool m_pretty;
    QString m_gap;
    std::string m_out;
};

/** The indentation JSON.stringify derives from its `space` argument, as V8 computes it. */
std::optional<QString> jsonGap(const LiquidValue &space)
{
    if (space.isNumber()) {
        const double n = std::min(space.json().toNumber(), 10.0);
        if (n > 0)
            return QString(qsizetype(n), u' ');
        return std::nullopt;
    }
    if (space.isString() && !space.json().toString().isEmpty())
        return space.json().toString().left(10);
    return std::nullopt;
}

LiquidValue json(const FilterCall &call)
{
    // undefined serialises to nothing, which the output then prints as "".
    JsonWriter writer(call.context().memoryLimit(), jsonGap(call.argOr(0, json::Value(0))));
    if (!writer.write(call.input()))
        return {};
    return json::Value(writer.result());
}

/** `to_integer`: Number(input); despite the name, fractions are kept. */
LiquidValue toInteger(const FilterCall &call)
{
    return json::Value(toJsNumber(call.input()));
}

/** `base64_encode`: the UTF-8 bytes of the string form, in standard base64 with padding. */
LiquidValue base64Encode(const FilterCall &call)
{
    const QString str = stringify(call.input());
    call.context().memoryLimit().use(double(str.size()));
    return json::Value(QString::fromLatin1(toUtf8(str).toBase64()));
}

LiquidValue base64Decode(const FilterCall &call)
{
    // Node decodes leniently (skipping what is not base64) and replaces invalid UTF-8 with U+FFFD.
    const QString str = stringify(call.input());
    call.context().memoryLimit().use(double(str.size()));
    return json::Value(fromUtf8(base64DecodeLikeNode(str)));
}

/** `sha256`: the hex digest of the UTF-8 bytes. */
LiquidValue sha256(const FilterCall &call)
{
    const QString str = stringify(call.input());
    call.context().memoryLimit().use(double(str.size()));
    return json::Value(QString::fromLatin1(QCryptographicHash::hash(toUtf8(str), QCryptographicHash::Sha256).toHex()));
}

/** `hmac_sha256: key`: the hex HMAC-SHA256 with the UTF-8 key. */
LiquidValue hmacSha256(const FilterCall &call)
{
    const QString str = stringify(call.input());
    const QString key = stringify(call.arg(0));
    call.context().memoryLimit().use(double(str.size() + key.size()));
    return json::Value(QString::fromLatin1(
        QMessageAuthenticationCode::hash(toUtf8(str), toUtf8(key), QCryptographicHash::Sha256).toHex()));
}

} // namespace

void registerMiscFilters(FilterRegistry &registry)
{
    registry.add("default", &defaultFilter);
    registry.add("raw", &identity);
    registry.add("jsonify", &json);
    registry.add("json", &json);
    registry.add("inspect", &json);
    registry.add("to_integer", &toInteger);
    registry.add("base64_encode", &base64Encode);
    registry.add("base64_decode", &base64Decode);
    registry.add("sha256", &sha256);
    registry.add("hmac_sha256", &hmacSha256);
}

} // namespace inkmapper::mapping::liquid::Internal
