#include "jssemantics.h"

#include "jsnumber.h"
#include "object.h"

#include <QSet>

#include <cmath>

namespace inkmapper::json {

namespace {

void appendArrayJoin(QString &out, const Array &a)
{
    bool first = true;
    for (const Value &item : a) {
        if (!first)
            out += u',';
        first = false;
        if (!item.isNullish())
            appendJsString(out, item);
    }
}

// Names of the members that JavaScript's built-in prototypes put on every value of a type.
const QSet<QString> &objectPrototypeMembers()
{
    static const QSet<QString> names = {
        QStringLiteral("__defineGetter__"), QStringLiteral("__defineSetter__"),
        QStringLiteral("hasOwnProperty"), QStringLiteral("__lookupGetter__"),
        QStringLiteral("__lookupSetter__"), QStringLiteral("isPrototypeOf"),
        QStringLiteral("propertyIsEnumerable"), QStringLiteral("toString"), QStringLiteral("valueOf"),
        QStringLiteral("toLocaleString")};
    return names;
}

const QSet<QString> &arrayPrototypeMembers()
{
    static const QSet<QString> names = [] {
        QSet<QString> s;
        for (const char *n : {"at", "concat", "copyWithin", "entries", "every", "fill", "filter", "find",
                              "findIndex", "findLast", "findLastIndex", "flat", "flatMap", "forEach",
                              "includes", "indexOf", "join", "keys", "lastIndexOf", "map", "pop", "push",
                              "reduce", "reduceRight", "reverse", "shift", "slice", "some", "sort", "splice",
                              "toLocaleString", "toReversed", "toSorted", "toSpliced", "toString", "unshift",
                              "values", "with"})
            s.insert(QString::fromLatin1(n));
        return s;
    }();
    return names;
}

const QSet<QString> &stringPrototypeMembers()
{
    static const QSet<QString> names = [] {
        QSet<QString> s;
        for (const char *n : {"anchor", "at", "big", "blink", "bold", "charAt", "charCodeAt", "codePointAt",
                              "concat", "endsWith", "fontcolor", "fontsize", "fixed", "includes", "indexOf",
                              "isWellFormed", "italics", "lastIndexOf", "link", "localeCompare", "match",
                              "matchAll", "normalize", "padEnd", "padStart", "repeat", "replace", "replaceAll",
                              "search", "slice", "small", "split", "strike", "sub", "substr", "substring",
                              "sup", "startsWith", "toString", "toWellFormed", "trim", "trimStart", "trimLeft",
                              "trimEnd", "trimRight", "toLocaleLowerCase", "toLocaleUpperCase", "toLowerCase",
                              "toUpperCase", "valueOf"})
            s.insert(QString::fromLatin1(n));
        return s;
    }();
    return names;
}

const QSet<QString> &numberPrototypeMembers()
{
    static const QSet<QString> names = {QStringLiteral("toExponential"), QStringLiteral("toFixed"),
                                        QStringLiteral("toPrecision"), QStringLiteral("toString"),
                                        QStringLiteral("toLocaleString"), QStringLiteral("valueOf")};
    return names;
}

const QSet<QString> &booleanPrototypeMembers()
{
    static const QSet<QString> names = {QStringLiteral("toString"), QStringLiteral("valueOf")};
    return names;
}

Value builtinFunction(const QString &key)
{
    // trimLeft/trimRight are aliases whose function objects carry the newer names.
    if (key == u"trimLeft")
        return Value(Function{QStringLiteral("trimStart")});
    if (key == u"trimRight")
        return Value(Function{QStringLiteral("trimEnd")});
    return Value(Function{key});
}

/** Members every value reaches through Object.prototype at the end of its prototype chain. */
Value objectPrototypeMember(const QString &key, const QString &constructorName)
{
    if (key == u"constructor")
        return Value(Function{constructorName});
    if (key == u"__proto__")
        return Value(Object()); // the prototype object itself; it has no enumerable members
    if (objectPrototypeMembers().contains(key))
        return builtinFunction(key);
    return {};
}

} // namespace

void appendJsString(QString &out, const Value &v)
{
    switch (v.type()) {
    case Value::Type::Undefined:
        out += u"undefined";
        return;
    case Value::Type::Null:
        out += u"null";
        return;
    case Value::Type::Boolean:
        out += v.toBool() ? u"true" : u"false";
        return;
    case Value::Type::Number: {
        std::string s;
        appendNumber(s, v.toNumber());
        out += QLatin1StringView(s.data(), qsizetype(s.size()));
        return;
    }
    case Value::Type::String:
        out += v.toString();
        return;
    case Value::Type::Array:
        appendArrayJoin(out, v.toArray());
        return;
    case Value::Type::Object:
        out += u"[object Object]";
        return;
    case Value::Type::Function:
        out += QStringLiteral("function %1() { [native code] }").arg(v.toFunction().name);
        return;
    }
}

QString toJsString(const Value &v)
{
    if (v.isString())
        return v.toString();
    QString out;
    appendJsString(out, v);
    return out;
}

QString realTypeOf(const Value &v)
{
    switch (v.type()) {
    case Value::Type::Undefined: return QStringLiteral("undefined");
    case Value::Type::Null: return QStringLiteral("null");
    case Value::Type::Boolean: return QStringLiteral("boolean");
    case Value::Type::Number: return QStringLiteral("number");
    case Value::Type::String: return QStringLiteral("string");
    case Value::Type::Array: return QStringLiteral("array");
    case Value::Type::Object: return QStringLiteral("object");
    case Value::Type::Function: return QStringLiteral("function");
    }
    return {};
}

double toJsNumber(const Value &v)
{
    switch (v.type()) {
    case Value::Type::Undefined: return std::nan("");
    case Value::Type::Null: return 0;
    case Value::Type::Boolean: return v.toBool() ? 1 : 0;
    case Value::Type::Number: return v.toNumber();
    case Value::Type::String: return stringToNumber(v.toString());
    case Value::Type::Array: return stringToNumber(toJsString(v));
    case Value::Type::Object:
    case Value::Type::Function: return std::nan("");
    }
    return std::nan("");
}

Value getProperty(const Value &base, const QString &key)
{
    switch (base.type()) {
    case Value::Type::Undefined:
    case Value::Type::Null:
        return {};
    case Value::Type::Object: {
        if (const Value *own = base.toObject().find(key))
            return *own;
        return objectPrototypeMember(key, QStringLiteral("Object"));
    }
    case Value::Type::Array: {
        const Array &a = base.toArray();
        quint32 index = 0;
        if (Object::isArrayIndex(key, &index))
            return index < a.size() ? a[index] : Value();
        if (key == u"length")
            return Value(double(a.size()));
        if (arrayPrototypeMembers().contains(key))
            return builtinFunction(key);
        if (key == u"__proto__")
            return Value(Array());
        return objectPrototypeMember(key, QStringLiteral("Array"));
    }
    case Value::Type::String: {
        const QString &s = base.toString();
        quint32 index = 0;
        if (Object::isArrayIndex(key, &index))
            return index < quint32(s.size()) ? Value(QString(s[index])) : Value();
        if (key == u"length")
            return Value(double(s.size()));
        if (stringPrototypeMembers().contains(key))
            return builtinFunction(key);
        if (key == u"__proto__")
            return Value(QString());
        return objectPrototypeMember(key, QStringLiteral("String"));
    }
    case Value::Type::Number:
        if (numberPrototypeMembers().contains(key))
            return builtinFunction(key);
        if (key == u"__proto__")
            return Value(0.0);
        return objectPrototypeMember(key, QStringLiteral("Number"));
    case Value::Type::Boolean:
        if (booleanPrototypeMembers().contains(key))
            return builtinFunction(key);
        if (key == u"__proto__")
            return Value(false);
        return objectPrototypeMember(key, QStringLiteral("Boolean"));
    case Value::Type::Function:
        if (key == u"name")
            return Value(base.toFunction().name);
        return objectPrototypeMember(key, QStringLiteral("Function"));
    }
    return {};
}

bool looseEqualsEmptyString(const Value &v)
{
    switch (v.type()) {
    case Value::Type::Undefined:
    case Value::Type::Null:
        return false;
    case Value::Type::Boolean:
        return !v.toBool();
    case Value::Type::Number:
        return v.toNumber() == 0;
    case Value::Type::String:
        return v.toString().isEmpty();
    case Value::Type::Array:
    case Value::Type::Object:
    case Value::Type::Function:
        // ToPrimitive, then string comparison with "".
        return toJsString(v).isEmpty();
    }
    return false;
}

bool strictEquals(const Value &a, const Value &b)
{
    if (a.type() != b.type())
        return false;
    if (a.isNumber())
        return a.toNumber() == b.toNumber();
    return a == b;
}

} // namespace inkmapper::json
