// The array filters of liquidjs (src/filters/array.ts) that Segment leaves enabled.
#include "context.h"
#include "expression.h"
#include "filterregistry.h"
#include "jsstring.h"
#include "tokenizer.h"

#include "json/jssemantics.h"
#include "json/object.h"

#include <QRandomGenerator>

#include <algorithm>
#include <cmath>

namespace inkmapper::mapping::liquid::Internal {

namespace {

void use(const FilterCall &call, double count)
{
    call.context().memoryLimit().use(count);
}

/** `join: sep`: elements as String() would print them (nil as ""), a space when no separator is given. */
LiquidValue join(const FilterCall &call)
{
    const json::Array array = toLiquidArray(call.input());
    const LiquidValue arg = call.arg(0).toValue();
    const QString separator = arg.isNil() ? QStringLiteral(" ") : stringify(arg);
    QString out;
    double outputSize = double(separator.size()) * double(std::max<qsizetype>(qsizetype(array.size()) - 1, 0));
    for (const json::Value &item : array) {
        // Memory is charged for String(element) ("null" for null), the output uses join's "" for nullish.
        const LiquidValue element(item);
        outputSize += double(element.isDrop() ? 15 : json::toJsString(item).size());
    }
    use(call, outputSize);
    appendArrayString(out, array, separator);
    return json::Value(out);
}

/** liquidjs first/last: array-likes (arrays, non-empty strings, objects with a numeric length), else "". */
LiquidValue arrayLikeElement(const FilterCall &call, bool last)
{
    const LiquidValue v = call.input().toValue();
    if (!isJsTruthy(v) || v.isDrop())
        return json::Value(QString());
    const json::Value &j = v.json();
    double length = 0;
    if (j.isArray()) {
        length = double(j.toArray().size());
    } else if (j.isString()) {
        length = double(j.toString().size());
    } else if (j.isObject()) {
        const json::Value *l = j.toObject().find(u"length");
        if (!l || !l->isNumber())
            return json::Value(QString());
        length = l->toNumber();
    } else {
        return json::Value(QString());
    }
    return call.context().readProperty(v, json::Value(last ? length - 1 : 0.0));
}

/** `first`: element 0 of an array or string; "" for anything that is not array-like. */
LiquidValue first(const FilterCall &call)
{
    return arrayLikeElement(call, false);
}

/** `last`: the final element of an array or string; "" for anything that is not array-like. */
LiquidValue last(const FilterCall &call)
{
    return arrayLikeElement(call, true);
}

/** `size`: the length of strings and arrays, an object's own `length` if truthy, else 0. */
LiquidValue size(const FilterCall &call)
{
    // `(v && v.length) || 0`, on the raw value: drops have no length.
    const LiquidValue &v = call.input();
    if (v.isDrop() || !v.json().isTruthy())
        return json::Value(0);
    const json::Value &j = v.json();
    json::Value length;
    if (j.isArray())
        length = json::Value(double(j.toArray().size()));
    else if (j.isString())
        length = json::Value(double(j.toString().size()));
    else if (j.isObject())
        length = j.toObject().value(u"length");
    return length.isTruthy() ? length : json::Value(0);
}

/** `sum[: property]`: Number() of each item (or of its property), NaN counting as 0. */
LiquidValue sum(const FilterCall &call)
{
    const json::Array array = toLiquidArray(call.input());
    const LiquidValue property = call.arg(0);
    const bool byProperty = isJsTruthy(property);
    const QString path = byProperty ? stringify(property) : QString();
    double total = 0;
    for (const json::Value &item : array) {
        const double data = toJsNumber(byProperty ? call.context().getFromScope(LiquidValue(item), path) : LiquidValue(item));
        total += std::isnan(data) ? 0 : data;
    }
    return json::Value(total);
}

/** `compact`: the array without nil and undefined elements. */
LiquidValue compact(const FilterCall &call)
{
    const json::Array array = toLiquidArray(call.input());
    use(call, double(array.size()));
    json::Array out;
    for (const json::Value &item : array) {
        if (!LiquidValue(item).toValue().isNil())
            out.push_back(item);
    }
    return json::Value(std::move(out));
}

/** `push: value`: a copy of the array with the value appended. */
LiquidValue push(const FilterCall &call)
{
    json::Array array = toLiquidArray(call.input());
    use(call, double(array.size() + 1));
    array.push_back(call.arg(0).toElement());
    return json::Value(std::move(array));
}

/** `unshift: value`: a copy of the array with the value in front. */
LiquidValue unshift(const FilterCall &call)
{
    json::Array array = toLiquidArray(call.input());
    use(call, double(array.size()));
    array.insert(array.begin(), call.arg(0).toElement());
    return json::Value(std::move(array));
}

/** `pop`: a copy of the array without its last element. */
LiquidValue pop(const FilterCall &call)
{
    json::Array array = toLiquidArray(call.input());
    use(call, double(array.size()));
    if (!array.empty())
        array.pop_back();
    return json::Value(std::move(array));
}

/** `shift`: a copy of the array without its first element. */
LiquidValue shift(const FilterCall &call)
{
    json::Array array = toLiquidArray(call.input());
    use(call, double(array.size()));
    if (!array.empty())
        array.erase(array.begin());
    return json::Value(std::move(array));
}

/** The relative index of Array.prototype.slice / String.prototype.slice. */
qsizetype relative(const LiquidValue &index, qsizetype length)
{
    const double n = toIntegerOrInfinity(index);
    if (n < 0)
        return std::max<qsizetype>(0, qsizetype(std::max(double(length) + n, 0.0)));
    return qsizetype(std::min(n, double(length)));
}

/** `slice: start[, length]`: part of an array, or of the string form of anything else. */
LiquidValue slice(const FilterCall &call)
{
    // liquidjs does arithmetic on the raw arguments, so a string start concatenates ("1" + 1 is "11")
    // before slice converts it; negative starts count from the end.
    const LiquidValue v = call.input().toValue();
    if (v.isNil())
        return json::Value(json::Array());
    const bool isArray = v.isArray();
    const QString text = isArray ? QString() : stringify(v);
    const qsizetype length = isArray ? qsizetype(v.json().toArray().size()) : text.size();
    LiquidValue begin = call.arg(0);
    const LiquidValue count = call.argOr(1, json::Value(1));
    if (jsRelation(Relation::Less, begin, json::Value(0)))
        begin = jsAdd(json::Value(double(length)), begin);
    if (jsRelation(Relation::Less, begin, json::Value(0)) || jsRelation(Relation::Less, count, json::Value(0)))
        return isArray ? json::Value(json::Array()) : json::Value(QString());
    use(call, toJsNumber(count));
    const qsizetype from = relative(begin, length);
    const qsizetype to = relative(jsAdd(begin, count), length);
    if (isArray) {
        const json::Array &a = v.json().toArray();
        return json::Value(from < to ? json::Array(a.begin() + from, a.begin() + to) : json::Array());
    }
    return json::Value(from < to ? text.mid(from, to - from) : QString());
}

/** `where: property[, value]`: the items whose property equals the value (or is truthy). */
LiquidValue where(const FilterCall &call)
{
    // The property is parsed as a path and read in a context whose environment is each item; without
    // an expected value, items whose property is truthy are kept.
    const json::Array array = toLiquidArray(call.input());
    use(call, double(array.size()));
    Tokenizer tokenizer(stringify(call.arg(0)));
    const ValueTokenPtr token = tokenizer.readScopeValue();
    const LiquidValue expected = call.arg(1);
    json::Array out;
    for (const json::Value &item : array) {
        Context itemContext = call.context().spawn(item);
        const LiquidValue value = evaluateToken(token.get(), itemContext);
        const bool matches = expected.isUndefined() ? !isFalsy(value) : liquidEquals(value, expected);
        if (matches)
            out.push_back(item);
    }
    return json::Value(std::move(out));
}

/** `sample[: count]`: one random element, or `count` of them. */
LiquidValue sample(const FilterCall &call)
{
    // Random by definition: only the shape of the result can agree with liquidjs.
    const LiquidValue v = call.input().toValue();
    if (v.isNil())
        return json::Value(json::Array());
    json::Array items;
    if (v.isArray()) {
        items = v.json().toArray();
        use(call, double(items.size()));
    } else {
        const QString text = stringify(v);
        use(call, double(text.size()));
        for (const char32_t cp : codePoints(text))
            items.emplace_back(QString::fromUcs4(&cp, 1));
    }
    std::shuffle(items.begin(), items.end(), *QRandomGenerator::global());
    const LiquidValue count = call.argOr(0, json::Value(1));
    if (count.isNumber() && count.json().toNumber() == 1)
        return items.empty() ? json::Value() : items.front();
    const qsizetype to = relative(count, qsizetype(items.size()));
    return json::Value(json::Array(items.begin(), items.begin() + to));
}

} // namespace

void registerArrayFilters(FilterRegistry &registry)
{
    registry.add("join", &join);
    registry.add("last", &last);
    registry.add("first", &first);
    registry.add("size", &size);
    registry.add("sum", &sum);
    registry.add("compact", &compact);
    registry.add("push", &push);
    registry.add("unshift", &unshift);
    registry.add("pop", &pop);
    registry.add("shift", &shift);
    registry.add("slice", &slice);
    registry.add("where", &where);
    registry.add("sample", &sample);
}

} // namespace inkmapper::mapping::liquid::Internal
