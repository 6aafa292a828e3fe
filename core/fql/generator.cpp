#include "generator.h"

#include "jsconversions.h"

#include "json/jsnumber.h"
#include "json/jssemantics.h"
#include "json/object.h"

#include <optional>

namespace inkmapper::fql {

namespace {

const QString KeyError = QStringLiteral("error");
const QString KeyType = QStringLiteral("type");
const QString KeyName = QStringLiteral("name");
const QString KeyOperator = QStringLiteral("operator");
const QString KeyValue = QStringLiteral("value");
const QString KeyChildren = QStringLiteral("children");
const QString KeyMessage = QStringLiteral("message");

QString cannotRead(const json::Value &base, QStringView key)
{
    return QStringLiteral("Cannot read properties of %1 (reading '%2')")
        .arg(base.isNull() ? QStringLiteral("null") : QStringLiteral("undefined"), key);
}

class Generator
{
public:
    std::optional<QString> group(const json::Value &node)
    {
        // node.children.map(...).join(` ${node.operator} `)
        const json::Value children = json::getProperty(node, KeyChildren);
        if (!children.isArray())
            return fail(children.isNullish() ? cannotRead(children, u"map")
                                             : QStringLiteral("node.children.map is not a function"));
        std::vector<QString> parts;
        parts.reserve(children.toArray().size());
        for (const json::Value &child : children.toArray()) {
            if (child.isNullish())
                return fail(cannotRead(child, KeyType));
            const json::Value type = json::getProperty(child, KeyType);
            std::optional<QString> text;
            if (type.isString() && type.toString() == u"group") {
                text = group(child);
                if (text)
                    text = u'(' + *text + u')';
            } else {
                text = condition(child, type);
            }
            if (!text)
                return std::nullopt;
            parts.push_back(std::move(*text));
        }
        const auto op = string(json::getProperty(node, KeyOperator));
        if (!op)
            return std::nullopt;
        const QString separator = u' ' + *op + u' ';
        QString out;
        for (size_t i = 0; i < parts.size(); ++i) {
            if (i > 0)
                out += separator;
            out += parts[i];
        }
        return out;
    }

    QString error;

private:
    std::optional<QString> fail(const QString &message)
    {
        error = message;
        return std::nullopt;
    }

    // String(v) / a template literal's ${v}.
    std::optional<QString> string(const json::Value &v)
    {
        auto s = Internal::jsString(v);
        if (!s)
            error = Internal::cannotConvertMessage();
        return s;
    }

    // `${Number(v)}`
    std::optional<QString> number(const json::Value &v)
    {
        const auto n = Internal::jsNumber(v);
        if (!n) {
            error = Internal::cannotConvertMessage();
            return std::nullopt;
        }
        return json::numberToString(*n);
    }

    // stringifyValue: booleans and numbers bare, anything else in double quotes, unescaped.
    std::optional<QString> value(const json::Value &v)
    {
        if (v.isBool() || v.isNumber())
            return string(v);
        auto s = string(v);
        if (!s)
            return std::nullopt;
        return u'"' + *s + u'"';
    }

    // escapeFieldPathWithBackslash: for strings only; other names print through String().
    std::optional<QString> fieldPath(const QString &prefix, const json::Value &name)
    {
        if (!name.isString()) {
            auto s = string(name);
            if (!s)
                return std::nullopt;
            return prefix + *s;
        }
        QString out = prefix;
        out.reserve(prefix.size() + name.toString().size() * 2);
        for (QChar c : name.toString()) {
            const char16_t u = c.unicode();
            const bool plain = (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') || (u >= u'0' && u <= u'9')
                || u == u'.' || u == u'_' || u == u'-';
            if (!plain)
                out += u'\\';
            out += c;
        }
        return out;
    }

    std::optional<QString> condition(const json::Value &node, const json::Value &type)
    {
        std::optional<QString> name;
        const QString t = type.isString() ? type.toString() : QString();
        if (type.isString() && (t == u"name" || t == u"userId" || t == u"event"))
            name = t;
        else if (type.isString() && t == u"event-type")
            name = QStringLiteral("type");
        else if (type.isString() && t == u"event-property")
            name = fieldPath(QStringLiteral("properties."), json::getProperty(node, KeyName));
        else if (type.isString() && t == u"event-trait")
            name = fieldPath(QStringLiteral("traits."), json::getProperty(node, KeyName));
        else if (type.isString() && t == u"event-context")
            name = fieldPath(QStringLiteral("context."), json::getProperty(node, KeyName));
        else
            return fail(QStringLiteral("Unknown condition type"));
        if (!name)
            return std::nullopt;
        return expression(*name, json::getProperty(node, KeyOperator), json::getProperty(node, KeyValue));
    }

    // fqlExpression(name, operator, value)
    std::optional<QString> expression(const QString &name, const json::Value &op, const json::Value &v)
    {
        const QString o = op.isString() ? op.toString() : QString();
        const bool isString = op.isString();
        auto is = [&](QStringView s) { return isString && o == s; };
        auto wrap = [](const std::optional<QString> &inner, const QString &before, const QString &after) {
            return inner ? std::optional<QString>(before + *inner + after) : std::nullopt;
        };
        if (is(u"contains"))
            return wrap(value(v), QStringLiteral("contains(%1, ").arg(name), QStringLiteral(")"));
        if (is(u"not_contains"))
            return wrap(value(v), QStringLiteral("!contains(%1, ").arg(name), QStringLiteral(")"));
        if (is(u"exists"))
            return name + QStringLiteral(" != null");
        if (is(u"not_exists"))
            return name + QStringLiteral(" = null");
        if (is(u"is_true"))
            return name + QStringLiteral(" = true");
        if (is(u"is_false"))
            return name + QStringLiteral(" = false");
        if (is(u"starts_with"))
            return wrap(string(v), QStringLiteral("match(%1, \"").arg(name), QStringLiteral("*\")"));
        if (is(u"not_starts_with"))
            return wrap(string(v), QStringLiteral("!match(%1, \"").arg(name), QStringLiteral("*\")"));
        if (is(u"ends_with"))
            return wrap(string(v), QStringLiteral("match(%1, \"*").arg(name), QStringLiteral("\")"));
        if (is(u"not_ends_with"))
            return wrap(string(v), QStringLiteral("!match(%1, \"*").arg(name), QStringLiteral("\")"));
        if (is(u"<") || is(u">") || is(u"<=") || is(u">="))
            return wrap(number(v), name + u' ' + o + u' ', QString());
        if (is(u"number_equals"))
            return wrap(number(v), name + QStringLiteral(" = "), QString());
        if (is(u"number_not_equals"))
            return wrap(number(v), name + QStringLiteral(" != "), QString());
        // default: `${name} ${operator} ${stringifyValue(value)}`, operator through String().
        const auto opText = string(op);
        if (!opText)
            return std::nullopt;
        return wrap(value(v), name + u' ' + *opText + u' ', QString());
    }
};

/** The message of what `throw ast.error` throws, as a caller would show it. */
QString thrownMessage(const json::Value &thrown)
{
    const json::Value message = json::getProperty(thrown, KeyMessage);
    if (thrown.isObject() && message.isString())
        return message.toString();
    return Internal::jsString(thrown).value_or(QStringLiteral("the AST holds an error"));
}

} // namespace

Result<QString> generate(const json::Value &ast)
{
    if (ast.isNullish())
        return Error{cannotRead(ast, KeyError), {}};
    const json::Value error = json::getProperty(ast, KeyError);
    if (error.isTruthy())
        return Error{thrownMessage(error), {}};
    Generator generator;
    std::optional<QString> fql = generator.group(ast);
    if (!fql)
        return Error{generator.error, {}};
    // Drop the outer parentheses of a lone group, counting every parenthesis in the text.
    if (fql->startsWith(u'(') && fql->endsWith(u')')
        && fql->count(u'(') + fql->count(u')') == 2)
        return fql->sliced(1, fql->size() - 2);
    return std::move(*fql);
}

} // namespace inkmapper::fql
