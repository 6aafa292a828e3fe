#include "context.h"

#include "liquiderror.h"

#include "json/jsnumber.h"
#include "json/jssemantics.h"
#include "json/object.h"

#include <cmath>

namespace inkmapper::mapping::liquid::Internal {

namespace {

// liquidjs runs with ownPropertyOnly, so nothing on a prototype is reachable from a template: no
// `constructor`, no `toString`, no Array.prototype methods. Strings and arrays own their indexes and
// `length`, objects their keys.

/** The element at a numeric index of a string or array, if it is an own property. */
json::Value indexed(const json::Value &base, quint32 index)
{
    if (base.isArray()) {
        const json::Array &a = base.toArray();
        return index < a.size() ? a[index] : json::Value();
    }
    if (base.isString()) {
        const QString &s = base.toString();
        return qsizetype(index) < s.size() ? json::Value(QString(s.at(index))) : json::Value();
    }
    return {};
}

/** `base[key]` restricted to own properties (liquidjs's ownPropertyOnly). */
json::Value ownProperty(const json::Value &base, const QString &key)
{
    switch (base.type()) {
    case json::Value::Type::Object:
        return base.toObject().value(key);
    case json::Value::Type::Array:
    case json::Value::Type::String: {
        if (key == u"length")
            return json::Value(double(base.isArray() ? base.toArray().size() : base.toString().size()));
        quint32 index = 0;
        if (json::Object::isArrayIndex(key, &index))
            return indexed(base, index);
        return {};
    }
    default:
        return {};
    }
}

/** liquidjs readArrayElement(): negative indexes count from the end; only own elements. */
json::Value readArrayElement(const json::Value &base, double index)
{
    if (index < 0) {
        const double length = base.isArray() ? double(base.toArray().size())
                              : base.isString() ? double(base.toString().size())
                                                : json::toJsNumber(ownProperty(base, QStringLiteral("length")));
        index = length + index;
    }
    return ownProperty(base, json::numberToString(index));
}

/** liquidjs readSize(): an own `size`, else the length of strings and arrays or the key count of objects. */
json::Value readSize(const json::Value &base)
{
    switch (base.type()) {
    case json::Value::Type::Object: {
        if (const json::Value *size = base.toObject().find(u"size"))
            return *size;
        return json::Value(double(base.toObject().size()));
    }
    case json::Value::Type::Array:
        return json::Value(double(base.toArray().size()));
    case json::Value::Type::String:
        return json::Value(double(base.toString().size()));
    default:
        return {};
    }
}

/** A property of a drop: its methods are called without arguments, anything else is undefined.
 *  liquidjs reads drops without the own-property restriction, so the methods of Drop and of
 *  Object.prototype are reachable (`{{ nil.valueOf }}`); `size`, `first` and `last` are not special. */
LiquidValue dropProperty(const LiquidValue &drop, const QString &key)
{
    const bool isBlock = drop.dropKind() == LiquidValue::Drop::Block;
    if (key == u"valueOf")
        return isBlock ? drop : drop.toValue();
    if (key == u"toString" || key == u"toLocaleString")
        return json::Value(QStringLiteral("[object Object]"));
    if (key == u"hasOwnProperty" || key == u"isPrototypeOf" || key == u"propertyIsEnumerable")
        return json::Value(false);
    if (key == u"constructor" || key == u"__defineGetter__" || key == u"__defineSetter__")
        throw LiquidError(QStringLiteral("TypeError: cannot call %1 of a drop").arg(key));
    if (key == u"__proto__")
        return json::Value(json::Object());
    if (isBlock) {
        // `block.super` renders the parent block, which outside a layout is empty.
        if (key == u"super" || key == u"superBlockRender")
            return json::Value(QString());
        return {};
    }
    if (key == u"equals")
        return json::Value(liquidEquals(drop, LiquidValue()));
    if (key == u"gt" || key == u"geq" || key == u"lt" || key == u"leq")
        return json::Value(false);
    return {};
}

/** A prototype-less scope object read like liquidjs reads it (own keys, and `size` as its key count). */
LiquidValue readScope(const Context::Scope &scope, const LiquidValue &key)
{
    const LiquidValue k = key.toValue();
    const QString name = propertyKey(k);
    const auto it = scope.constFind(name);
    if (it != scope.constEnd())
        return *it;
    if (k.isString() && name == u"size")
        return json::Value(double(scope.size()));
    return {};
}

} // namespace

Context::Context(const json::Value &environment, double memoryLimit, Clock::duration renderLimit)
    : Context(environment, std::make_shared<Shared>(Shared{
                               std::make_unique<Limiter>(QStringLiteral("memory alloc"), memoryLimit),
                               Clock::now() + renderLimit}))
{
}

// liquidjs wraps a primitive environment with Object(); null and undefined become an empty object.
Context::Context(const json::Value &environment, std::shared_ptr<Shared> shared)
    : m_scopes(1), m_environment(environment.isNullish() ? json::Value(json::Object()) : environment),
      m_shared(std::move(shared))
{
}

// A spawned context (the `where` filter) draws from the same memory and time budgets.
Context Context::spawn(const json::Value &scope) const
{
    return Context(scope, m_shared);
}

void Context::checkRenderLimit()
{
    // liquidjs reads the clock before every template; reading it every 16th time is as good a guard
    // against runaway work and keeps the clock off the profile of short templates.
    if ((m_checks++ & 15) == 0 && Clock::now() > m_shared->deadline)
        throw LiquidError(QStringLiteral("template render limit exceeded"));
}

LiquidValue Context::get(std::span<const LiquidValue> paths)
{
    // Only an own property of the event (or a counter written into it) selects the event; names that
    // exist on Object.prototype would read undefined from either place, so they need no special case.
    // Anything else is read from the empty globals object, which is why `{{ size }}` prints 0.
    if (paths.empty())
        return {};
    // findScope uses `key in scope`, which converts the raw key (a drop is "[object Object]" there).
    const QString name = propertyKey(paths.front());
    LiquidValue value;
    bool found = false;
    for (auto it = m_scopes.rbegin(); it != m_scopes.rend(); ++it) {
        if (it->contains(name)) {
            value = readScope(*it, paths.front());
            found = true;
            break;
        }
    }
    if (!found) {
        if (m_counters.contains(name) || !ownProperty(m_environment, name).isUndefined())
            value = readEnvironment(paths.front());
        else
            value = readScope(Scope(), paths.front());
    }
    for (size_t i = 1; i < paths.size(); ++i)
        value = readProperty(value, paths[i]);
    return value;
}

LiquidValue Context::readEnvironment(const LiquidValue &key)
{
    if (!m_counters.isEmpty()) {
        const auto it = m_counters.constFind(propertyKey(key.toValue()));
        if (it != m_counters.constEnd())
            return json::Value(*it);
    }
    return readProperty(LiquidValue(m_environment), key);
}

LiquidValue Context::getFromScope(LiquidValue base, std::span<const LiquidValue> paths)
{
    for (const LiquidValue &key : paths)
        base = readProperty(base, key);
    return base;
}

// The string form splits on "." only; brackets have no meaning there.
LiquidValue Context::getFromScope(LiquidValue base, const QString &dottedPath)
{
    const QStringList parts = dottedPath.split(u'.');
    for (const QString &part : parts)
        base = readProperty(base, LiquidValue(json::Value(part)));
    return base;
}

LiquidValue Context::readProperty(const LiquidValue &object, const LiquidValue &keyValue)
{
    if (object.isNil())
        return object;
    // Keys are read through toValue (nil is null there); most keys are plain strings already.
    const LiquidValue plainKey = keyValue.isDrop() ? keyValue.toValue() : LiquidValue();
    const LiquidValue &key = keyValue.isDrop() ? plainKey : keyValue;
    if (object.isDrop())
        return dropProperty(object, propertyKey(key));
    const json::Value &base = object.json();
    if (base.isArray() && key.isNumber())
        return readArrayElement(base, key.json().toNumber());
    const QString name = propertyKey(key);
    if (key.isString()) {
        if (name == u"size")
            return readSize(base);
        if (name == u"first")
            return base.isArray() ? readArrayElement(base, 0) : ownProperty(base, name);
        if (name == u"last")
            return base.isArray() ? readArrayElement(base, -1) : ownProperty(base, name);
    }
    return ownProperty(base, name);
}

double &Context::counter(const QString &name)
{
    // A counter starts from the event's own number of that name, else from 0.
    auto it = m_counters.find(name);
    if (it == m_counters.end()) {
        const json::Value current = ownProperty(m_environment, name);
        it = m_counters.insert(name, current.isNumber() ? current.toNumber() : 0.0);
    }
    return *it;
}

double Context::increment(const QString &name)
{
    double &value = counter(name);
    const double before = value;
    value = before + 1;
    return before;
}

double Context::decrement(const QString &name)
{
    double &value = counter(name);
    value -= 1;
    return value;
}

} // namespace inkmapper::mapping::liquid::Internal
