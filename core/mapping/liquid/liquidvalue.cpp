#include "liquidvalue.h"

#include "json/jsnumber.h"
#include "json/jssemantics.h"
#include "json/object.h"

#include <cmath>

namespace inkmapper::mapping::liquid::Internal {

namespace {

const QString &objectTag()
{
    static const QString tag = QStringLiteral("[object Object]");
    return tag;
}

/** /^\s*$/: blank matches strings of JavaScript white space only. */
bool isAllJsWhitespace(const QString &s)
{
    for (const QChar c : s) {
        if (!json::isJsWhitespace(c.unicode()))
            return false;
    }
    return true;
}

/** EmptyDrop.equals: empty strings, arrays and objects, but never another empty/blank drop. */
bool emptyDropEquals(const LiquidValue &value)
{
    if (value.dropKind() == LiquidValue::Drop::Empty || value.dropKind() == LiquidValue::Drop::Blank)
        return false;
    const LiquidValue v = value.toValue();
    // A BlockDrop is an object with one own enumerable property (its render callback).
    if (v.isDrop())
        return false;
    const json::Value &j = v.json();
    switch (j.type()) {
    case json::Value::Type::String:
        return j.toString().isEmpty();
    case json::Value::Type::Array:
        return j.toArray().empty();
    case json::Value::Type::Object:
        return j.toObject().isEmpty();
    case json::Value::Type::Function:
        return true;
    default:
        return false;
    }
}

/** The `equals` method of the drop `kind`, called with `value`. */
bool dropEquals(LiquidValue::Drop kind, const LiquidValue &value)
{
    switch (kind) {
    case LiquidValue::Drop::Nil:
        return value.toValue().isNil();
    case LiquidValue::Drop::Empty:
        return emptyDropEquals(value);
    case LiquidValue::Drop::Blank:
        if (!value.isDrop() && value.json().isBool() && !value.json().toBool())
            return true;
        if (value.toValue().isNil())
            return true;
        if (value.isString())
            return isAllJsWhitespace(value.json().toString());
        return emptyDropEquals(value);
    default:
        return false;
    }
}

} // namespace

namespace {

// Names that cannot be the name of a built-in function, for drops stored in arrays.
const QString &storedDropName(LiquidValue::Drop kind)
{
    static const QString names[] = {QString(), QStringLiteral("\x01liquid-nil"), QStringLiteral("\x01liquid-empty"),
                                    QStringLiteral("\x01liquid-blank"), QStringLiteral("\x01liquid-block")};
    return names[int(kind)];
}

} // namespace

void LiquidValue::adoptStoredDrop()
{
    const QString &name = m_value.toFunction().name;
    for (const Drop kind : {Drop::Nil, Drop::Empty, Drop::Blank, Drop::Block}) {
        if (name == storedDropName(kind)) {
            m_drop = kind;
            m_value = json::Value();
            return;
        }
    }
}

json::Value LiquidValue::toElement() const
{
    if (isDrop())
        return json::Value(json::Function{storedDropName(m_drop)});
    return m_value;
}

void appendArrayString(QString &out, const json::Array &array, QStringView separator)
{
    bool first = true;
    for (const json::Value &item : array) {
        if (!first)
            out += separator;
        first = false;
        const LiquidValue element(item);
        if (element.isDrop())
            out += objectTag();
        else if (item.isArray())
            appendArrayString(out, item.toArray(), u",");
        else if (!item.isNullish())
            json::appendJsString(out, item);
    }
}

LiquidValue LiquidValue::toValue() const
{
    switch (m_drop) {
    case Drop::Nil:
        return json::Value(nullptr);
    case Drop::Empty:
    case Drop::Blank:
        return json::Value(QString());
    default:
        return *this;
    }
}

void appendStringify(QString &out, const LiquidValue &value)
{
    // What an output prints: numbers as JavaScript prints them, objects as [object Object].
    const LiquidValue v = value.toValue();
    if (v.isDrop()) {
        out += objectTag();
        return;
    }
    const json::Value &j = v.json();
    switch (j.type()) {
    case json::Value::Type::Undefined:
    case json::Value::Type::Null:
        return;
    case json::Value::Type::String:
        out += j.toString();
        return;
    case json::Value::Type::Array:
        // Unlike Array.prototype.join, liquidjs concatenates the elements without a separator.
        for (const json::Value &item : j.toArray())
            appendStringify(out, LiquidValue(item));
        return;
    default:
        json::appendJsString(out, j);
        return;
    }
}

QString stringify(const LiquidValue &value)
{
    if (value.isString())
        return value.json().toString();
    QString out;
    appendStringify(out, value);
    return out;
}

bool isFalsy(const LiquidValue &value)
{
    const LiquidValue v = value.toValue();
    if (v.isDrop())
        return false;
    const json::Value &j = v.json();
    return j.isNullish() || (j.isBool() && !j.toBool());
}

bool isJsTruthy(const LiquidValue &value)
{
    return value.isDrop() || value.json().isTruthy();
}

LiquidValue toPrimitive(const LiquidValue &value, bool preferString)
{
    switch (value.dropKind()) {
    case LiquidValue::Drop::None:
        break;
    case LiquidValue::Drop::Nil:
    case LiquidValue::Drop::Empty:
    case LiquidValue::Drop::Blank:
        // Drops define valueOf, which wins unless the hint is "string" (then Object.prototype.toString).
        return preferString ? json::Value(objectTag()) : value.toValue();
    case LiquidValue::Drop::Block:
        return json::Value(objectTag());
    }
    const json::Value &j = value.json();
    if (j.isArray()) {
        QString text;
        appendArrayString(text, j.toArray(), u",");
        return json::Value(text);
    }
    if (j.isObject() || j.isFunction())
        return json::Value(json::toJsString(j));
    return value;
}

double toJsNumber(const LiquidValue &value)
{
    return json::toJsNumber(toPrimitive(value, false).json());
}

// `|| 0` turns NaN into 0, and -0 into +0 as well, since -0 is falsy.
double toLiquidNumber(const LiquidValue &value)
{
    const double n = toJsNumber(value.toValue());
    return (std::isnan(n) || n == 0) ? 0.0 : n;
}

QString toJsString(const LiquidValue &value)
{
    return json::toJsString(toPrimitive(value, true).json());
}

double toIntegerOrInfinity(const LiquidValue &value)
{
    const double n = toJsNumber(value);
    if (std::isnan(n))
        return 0;
    if (std::isinf(n))
        return n;
    const double t = std::trunc(n);
    return t == 0 ? 0.0 : t;
}

// Used where liquidjs adds raw filter arguments (slice), so "1" + 1 is "11" there as well.
LiquidValue jsAdd(const LiquidValue &a, const LiquidValue &b)
{
    const LiquidValue pa = toPrimitive(a, false);
    const LiquidValue pb = toPrimitive(b, false);
    if (pa.isString() || pb.isString())
        return json::Value(json::toJsString(pa.json()) + json::toJsString(pb.json()));
    return json::Value(json::toJsNumber(pa.json()) + json::toJsNumber(pb.json()));
}

bool jsRelation(Relation relation, const LiquidValue &a, const LiquidValue &b)
{
    const LiquidValue pa = toPrimitive(a, false);
    const LiquidValue pb = toPrimitive(b, false);
    if (pa.isString() && pb.isString()) {
        // QString compares UTF-16 code units, exactly as JavaScript's relational comparison does.
        const int c = QString::compare(pa.json().toString(), pb.json().toString());
        switch (relation) {
        case Relation::Less:
            return c < 0;
        case Relation::LessEqual:
            return c <= 0;
        case Relation::Greater:
            return c > 0;
        case Relation::GreaterEqual:
            return c >= 0;
        }
        return false;
    }
    const double x = json::toJsNumber(pa.json());
    const double y = json::toJsNumber(pb.json());
    switch (relation) {
    case Relation::Less:
        return x < y;
    case Relation::LessEqual:
        return x <= y;
    case Relation::Greater:
        return x > y;
    case Relation::GreaterEqual:
        return x >= y;
    }
    return false;
}

bool jsStrictEquals(const json::Value &a, const json::Value &b)
{
    if (a.type() != b.type())
        return false;
    switch (a.type()) {
    case json::Value::Type::Undefined:
    case json::Value::Type::Null:
        return true;
    case json::Value::Type::Boolean:
        return a.toBool() == b.toBool();
    case json::Value::Type::Number:
        return a.toNumber() == b.toNumber();
    case json::Value::Type::String:
        return a.toString() == b.toString();
    // Containers are shared between copies of a Value, so the address is the object's identity.
    case json::Value::Type::Array:
        return &a.toArray() == &b.toArray();
    case json::Value::Type::Object:
        return &a.toObject() == &b.toObject();
    case json::Value::Type::Function:
        return &a.toFunction() == &b.toFunction();
    }
    return false;
}

bool liquidEquals(const LiquidValue &lhs, const LiquidValue &rhs)
{
    // The left drop decides first, so `blank == nil` is true while `nil == blank` is false.
    if (lhs.isComparable())
        return dropEquals(lhs.dropKind(), rhs);
    if (rhs.isComparable())
        return dropEquals(rhs.dropKind(), lhs);
    const LiquidValue l = lhs.toValue();
    const LiquidValue r = rhs.toValue();
    if (l.isArray()) {
        if (!r.isArray())
            return false;
        const json::Array &a = l.json().toArray();
        const json::Array &b = r.json().toArray();
        if (a.size() != b.size())
            return false;
        for (size_t i = 0; i < a.size(); ++i) {
            if (!liquidEquals(LiquidValue(a[i]), LiquidValue(b[i])))
                return false;
        }
        return true;
    }
    if (l.isDrop() || r.isDrop())
        return l.dropKind() == r.dropKind();
    return jsStrictEquals(l.json(), r.json());
}

bool liquidRelation(Relation relation, const LiquidValue &lhs, const LiquidValue &rhs)
{
    // nil, empty and blank answer false to gt/geq/lt/leq whichever side they are on.
    if (lhs.isComparable() || rhs.isComparable())
        return false;
    return jsRelation(relation, lhs.toValue(), rhs.toValue());
}

bool liquidContains(const LiquidValue &lhs, const LiquidValue &rhs)
{
    // Strings search for String(rhs) (`nil` searches for "null"); objects contain nothing.
    const LiquidValue l = lhs.toValue();
    if (l.isArray()) {
        for (const json::Value &item : l.json().toArray()) {
            if (liquidEquals(LiquidValue(item), rhs))
                return true;
        }
        return false;
    }
    if (l.isString())
        return l.json().toString().indexOf(toJsString(rhs.toValue())) > -1;
    return false;
}

} // namespace inkmapper::mapping::liquid::Internal
