#include "schemavalidator.h"

#include "json/jsnumber.h"

#include <QStringList>

#include <optional>

namespace inkmapper::destination::Internal {

namespace {

QString capitalize(const QString &s)
{
    return s.isEmpty() ? s : s.front().toUpper() + s.mid(1);
}

QString typeError(const QString &preamble, const QString &expected, const json::Value &data)
{
    const QString article = QStringView(u"aeiou").contains(expected.front()) ? QStringLiteral("an") : QStringLiteral("a");
    return capitalize(QStringLiteral("%1 must be %2 %3 but it was %4.")
                          .arg(preamble, article, expected, SchemaValidator::humanizeTypeOf(data)));
}

// ajv's coerceData for `type: "string"` under coerceTypes "array". Returns the coerced text, or
// nullopt with *reported set to the value the type error describes (the unwrapped element, if any).
std::optional<QString> coerceToString(const json::Value &value, json::Value *reported)
{
    json::Value data = value;
    if (data.isArray() && data.toArray().size() == 1) {
        data = data.toArray().front();
        if (data.isString())
            return data.toString();
    }
    if (data.isNumber())
        return json::numberToString(data.toNumber());
    if (data.isBool())
        return data.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    if (data.isNull())
        return QString();
    *reported = data;
    return std::nullopt;
}

// ajv's `type: "object"` test: typeof data == "object" && data && !Array.isArray(data).
bool isAjvObject(const json::Value &v)
{
    return v.isObject();
}

Error joined(const QStringList &messages)
{
    return Error{messages.join(u'\n'), {}};
}

} // namespace

QString SchemaValidator::humanizeTypeOf(const json::Value &v)
{
    switch (v.type()) {
    case json::Value::Type::Undefined: return QStringLiteral("undefined");
    case json::Value::Type::Null: return QStringLiteral("null");
    case json::Value::Type::Boolean: return QStringLiteral("a boolean");
    case json::Value::Type::Number: return QStringLiteral("a number");
    case json::Value::Type::String: return QStringLiteral("a string");
    case json::Value::Type::Array: return QStringLiteral("an array");
    case json::Value::Type::Object: return QStringLiteral("an object");
    case json::Value::Type::Function: return QStringLiteral("a function");
    }
    return QString();
}

Result<json::Object> SchemaValidator::validateSettings(const json::Object &settings, const QList<SettingField> &fields)
{
    QStringList errors;
    // ajv checks `required` for every field first, then each declared property in schema order.
    for (const SettingField &f : fields) {
        if (f.isRequired() && !settings.contains(f.key()))
            errors.append(QStringLiteral("The root value is missing the required field '%1'.").arg(f.key()));
    }
    json::Object out;
    for (const SettingField &f : fields) {
        const json::Value *value = settings.find(f.key());
        if (!value)
            continue;
        if (value->isString()) {
            out.set(f.key(), *value);
            continue;
        }
        json::Value reported;
        const std::optional<QString> coerced = coerceToString(*value, &reported);
        if (coerced)
            out.set(f.key(), json::Value(*coerced));
        else
            errors.append(typeError(f.label(), QStringLiteral("string"), reported));
    }
    if (!errors.isEmpty())
        return joined(errors);
    return out;
}

Result<json::Object> SchemaValidator::validatePayload(const json::Value &payload, const QList<ActionField> &fields)
{
    // removeEmptyValues at the root: a null or "" payload becomes undefined, other non-objects stay.
    if (!payload.isObject()) {
        const bool empty = payload.isNull() || (payload.isString() && payload.toString().isEmpty());
        return joined({typeError(QStringLiteral("the root value"), QStringLiteral("object"),
                                 empty ? json::Value() : payload)});
    }
    const json::Object &object = payload.toObject();
    QStringList errors;
    json::Object coerced;
    for (const ActionField &f : fields) {
        const json::Value *value = object.find(f.key());
        // Declared fields that are null or "" are dropped before validation (neither type allows them).
        if (!value || value->isUndefined() || value->isNull() || (value->isString() && value->toString().isEmpty()))
            continue;
        if (f.type() == ActionField::Type::Object) {
            if (isAjvObject(*value))
                coerced.set(f.key(), *value);
            else
                errors.append(typeError(f.label(), QStringLiteral("object"), *value));
            continue;
        }
        json::Value reported;
        const std::optional<QString> text = value->isString() ? value->toString() : coerceToString(*value, &reported);
        if (text)
            coerced.set(f.key(), json::Value(*text));
        else
            errors.append(typeError(f.label(), QStringLiteral("string"), reported));
    }
    // The payload keeps its own key order; undeclared keys are removed (removeAdditional).
    json::Object out;
    for (const auto &[key, value] : object) {
        if (const json::Value *kept = coerced.find(key))
            out.set(key, *kept);
    }
    if (!errors.isEmpty())
        return joined(errors);
    return out;
}

} // namespace inkmapper::destination::Internal
