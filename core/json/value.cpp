#include "value.h"

#include "object.h"

#include <cmath>

namespace inkmapper::json {

Value::Value(Array a) : m_data(std::in_place_index<5>, std::make_shared<const Array>(std::move(a))) {}
Value::Value(Object o) : m_data(std::in_place_index<6>, std::make_shared<const Object>(std::move(o))) {}

bool Value::isTruthy() const
{
    switch (type()) {
    case Type::Undefined:
    case Type::Null:
        return false;
    case Type::Boolean:
        return toBool();
    case Type::Number: {
        const double d = toNumber();
        return d != 0 && !std::isnan(d);
    }
    case Type::String:
        return !toString().isEmpty();
    case Type::Array:
    case Type::Object:
    case Type::Function:
        return true;
    }
    return false;
}

bool operator==(const Value &a, const Value &b)
{
    if (a.type() != b.type())
        return false;
    switch (a.type()) {
    case Value::Type::Undefined:
    case Value::Type::Null:
        return true;
    case Value::Type::Boolean:
        return a.toBool() == b.toBool();
    case Value::Type::Number:
        return a.toNumber() == b.toNumber() || (std::isnan(a.toNumber()) && std::isnan(b.toNumber()));
    case Value::Type::String:
        return a.toString() == b.toString();
    case Value::Type::Array:
        return a.toArray() == b.toArray();
    case Value::Type::Object:
        return a.toObject() == b.toObject();
    case Value::Type::Function:
        return a.toFunction().name == b.toFunction().name;
    }
    return false;
}

} // namespace inkmapper::json
