#pragma once

#include <QString>

#include <memory>
#include <variant>
#include <vector>

namespace inkmapper::json {

class Value;
class Object;

/** A JavaScript array. */
using Array = std::vector<Value>;

/** A built-in JavaScript function reached through a property such as `constructor` or `toString`.
 *  Only its name matters: String(fn) and JSON.stringify(fn) are all the engine ever does with it. */
struct Function
{
    QString name;
};

/**
 * A JavaScript value as Segment's engine sees it: undefined, null, boolean, number (IEEE double),
 * string (UTF-16 code units, lone surrogates allowed), array, ordered object, or a built-in function.
 *
 * Arrays and objects are immutable once wrapped in a Value and shared between copies, so copying a
 * Value is cheap; the engine builds new containers instead of mutating shared ones.
 */
class Value
{
public:
    enum class Type : unsigned char { Undefined, Null, Boolean, Number, String, Array, Object, Function };

    Value() = default; ///< undefined
    Value(std::nullptr_t) : m_data(std::in_place_index<1>) {}
    Value(bool b) : m_data(std::in_place_index<2>, b) {}
    Value(double d) : m_data(std::in_place_index<3>, d) {}
    Value(int i) : m_data(std::in_place_index<3>, double(i)) {}
    Value(qint64 i) : m_data(std::in_place_index<3>, double(i)) {}
    Value(QString s) : m_data(std::in_place_index<4>, std::move(s)) {}
    Value(Array a);
    Value(Object o);
    Value(Function f) : m_data(std::in_place_index<7>, std::make_shared<const Function>(std::move(f))) {}
    // A pointer must never silently become a boolean.
    Value(const char *) = delete;
    Value(const void *) = delete;

    static Value null() { return Value(nullptr); }

    Type type() const { return Type(m_data.index()); }
    bool isUndefined() const { return type() == Type::Undefined; }
    bool isNull() const { return type() == Type::Null; }
    bool isNullish() const { return type() <= Type::Null; }
    bool isBool() const { return type() == Type::Boolean; }
    bool isNumber() const { return type() == Type::Number; }
    bool isString() const { return type() == Type::String; }
    bool isArray() const { return type() == Type::Array; }
    bool isObject() const { return type() == Type::Object; }
    bool isFunction() const { return type() == Type::Function; }

    bool toBool() const { return std::get<2>(m_data); }
    double toNumber() const { return std::get<3>(m_data); }
    const QString &toString() const { return std::get<4>(m_data); }
    const Array &toArray() const { return *std::get<5>(m_data); }
    const Object &toObject() const { return *std::get<6>(m_data); }
    const Function &toFunction() const { return *std::get<7>(m_data); }

    /** JavaScript's ToBoolean: false for undefined, null, false, ±0, NaN and "". */
    bool isTruthy() const;

    /** Structural equality (numbers by value, NaN equal to NaN); for tests and change detection. */
    friend bool operator==(const Value &a, const Value &b);

private:
    std::variant<std::monostate, std::nullptr_t, bool, double, QString, std::shared_ptr<const Array>,
                 std::shared_ptr<const Object>, std::shared_ptr<const Function>>
        m_data;
};

} // namespace inkmapper::json
