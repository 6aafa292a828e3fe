#pragma once

#include "json/value.h"

#include <QString>

namespace inkmapper::mapping::liquid::Internal {

/**
 * A value as liquidjs handles it while rendering: any JavaScript value of the event (a json::Value,
 * `undefined` included) or one of liquidjs's "drops", the objects behind the literals `nil`/`null`,
 * `empty` and `blank` and behind `block` inside a `{% block %}`. Drops matter because they are objects:
 * truthy, compared through their own `equals`, serialised as `{}` by `json`, and only turned into
 * plain values (null, "") where liquidjs calls `toValue`.
 */
class LiquidValue
{
public:
    enum class Drop : unsigned char { None, Nil, Empty, Blank, Block };

    LiquidValue() = default; ///< undefined
    /** Wraps a JavaScript value; a drop stored in an array (see toElement) becomes the drop again. */
    LiquidValue(json::Value value) : m_value(std::move(value))
    {
        if (m_value.isFunction())
            adoptStoredDrop();
    }

    static LiquidValue drop(Drop kind)
    {
        LiquidValue v;
        v.m_drop = kind;
        return v;
    }

    Drop dropKind() const { return m_drop; }
    bool isDrop() const { return m_drop != Drop::None; }
    /** The JavaScript value; undefined for drops. */
    const json::Value &json() const { return m_value; }

    bool isUndefined() const { return !isDrop() && m_value.isUndefined(); }
    /** liquidjs isNil on the raw value (`v == null`); a drop is an object, so never nil. */
    bool isNil() const { return !isDrop() && m_value.isNullish(); }
    bool isString() const { return !isDrop() && m_value.isString(); }
    bool isNumber() const { return !isDrop() && m_value.isNumber(); }
    bool isArray() const { return !isDrop() && m_value.isArray(); }
    bool isObject() const { return !isDrop() && m_value.isObject(); }
    /** True for the drops with equals/gt/geq/lt/leq (nil, empty, blank): liquidjs's isComparable. */
    bool isComparable() const { return m_drop == Drop::Nil || m_drop == Drop::Empty || m_drop == Drop::Blank; }

    /** liquidjs toValue: nil becomes null, empty and blank become "", everything else stays. */
    LiquidValue toValue() const;

    /**
     * The value as an element of an array that a filter builds (`push: nil`). Drops keep their
     * identity there, stored as a json::Value function with a reserved name: the event never holds
     * functions, and wrapping the element in a LiquidValue again turns it back into the drop.
     */
    json::Value toElement() const;

private:
    void adoptStoredDrop();

    json::Value m_value;
    Drop m_drop = Drop::None;
};

/** liquidjs stringify(): nil and undefined give "", arrays concatenate their elements' stringify. */
QString stringify(const LiquidValue &value);
/** Appends stringify(value) to `out`. */
void appendStringify(QString &out, const LiquidValue &value);

/** liquidjs isFalsy (jsTruthy off): only false, null and undefined, after toValue, are false. */
bool isFalsy(const LiquidValue &value);
/** JavaScript's ToBoolean of the raw value, for liquidjs code that writes `if (x)` or `x && ...`. */
bool isJsTruthy(const LiquidValue &value);

/** Array.prototype.join(",") as String(array) does it, with drops printing as "[object Object]". */
void appendArrayString(QString &out, const json::Array &array, QStringView separator);

/** JavaScript's ToPrimitive: drops answer through valueOf (null, "") unless a string is wanted. */
LiquidValue toPrimitive(const LiquidValue &value, bool preferString);
/** JavaScript's ToNumber, drops included. */
double toJsNumber(const LiquidValue &value);
/** liquidjs toNumber(): `+toValue(v) || 0`, so NaN and -0 become 0. */
double toLiquidNumber(const LiquidValue &value);
/** JavaScript's ToString (String(v)); drops print as "[object Object]". */
QString toJsString(const LiquidValue &value);
/** JavaScript's ToPropertyKey: the string a value names a property by (a string key is itself). */
inline QString propertyKey(const LiquidValue &value)
{
    return value.isString() ? value.json().toString() : toJsString(value);
}
/** JavaScript's ToIntegerOrInfinity(ToNumber(v)), as Array/String slice and substring use it. */
double toIntegerOrInfinity(const LiquidValue &value);

/** JavaScript's `a + b` (string concatenation as soon as either primitive is a string). */
LiquidValue jsAdd(const LiquidValue &a, const LiquidValue &b);

/** The relational operators of JavaScript, applied to plain values. */
enum class Relation : unsigned char { Less, LessEqual, Greater, GreaterEqual };
/** JavaScript's `a < b` etc.: strings compare by UTF-16 code units, anything else as numbers (NaN: false). */
bool jsRelation(Relation relation, const LiquidValue &a, const LiquidValue &b);

/** JavaScript's `a === b`, objects by identity. */
bool jsStrictEquals(const json::Value &a, const json::Value &b);

/** liquidjs equals(): drops decide first, arrays compare element-wise, the rest with `===`. */
bool liquidEquals(const LiquidValue &lhs, const LiquidValue &rhs);

/** The liquid comparison operators: a drop on either side makes them false. */
bool liquidRelation(Relation relation, const LiquidValue &lhs, const LiquidValue &rhs);

/** The `contains` operator: array membership by liquidEquals, substring search on strings. */
bool liquidContains(const LiquidValue &lhs, const LiquidValue &rhs);

} // namespace inkmapper::mapping::liquid::Internal
