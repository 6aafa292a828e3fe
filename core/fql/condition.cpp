#include "condition.h"

#include "json/object.h"

#include <array>

namespace inkmapper::fql {

namespace {

// The order a condition builder lists them in.
constexpr std::array<ConditionType, 7> LeafTypes = {
    ConditionType::EventType,     ConditionType::Event,      ConditionType::Name,         ConditionType::UserId,
    ConditionType::EventProperty, ConditionType::EventTrait, ConditionType::EventContext,
};

constexpr std::array<Operator, 18> Operators = {
    Operator::Equals,       Operator::NotEquals,       Operator::Less,       Operator::LessOrEqual,
    Operator::Greater,      Operator::GreaterOrEqual,  Operator::NumberEquals, Operator::NumberNotEquals,
    Operator::Contains,     Operator::NotContains,     Operator::StartsWith, Operator::NotStartsWith,
    Operator::EndsWith,     Operator::NotEndsWith,     Operator::Exists,     Operator::NotExists,
    Operator::IsTrue,       Operator::IsFalse,
};

} // namespace

std::span<const ConditionType> leafConditionTypes() { return LeafTypes; }
std::span<const Operator> allOperators() { return Operators; }

QString conditionTypeName(ConditionType type)
{
    switch (type) {
    case ConditionType::Group: return QStringLiteral("group");
    case ConditionType::EventType: return QStringLiteral("event-type");
    case ConditionType::Event: return QStringLiteral("event");
    case ConditionType::Name: return QStringLiteral("name");
    case ConditionType::UserId: return QStringLiteral("userId");
    case ConditionType::EventProperty: return QStringLiteral("event-property");
    case ConditionType::EventTrait: return QStringLiteral("event-trait");
    case ConditionType::EventContext: return QStringLiteral("event-context");
    }
    return {};
}

std::optional<ConditionType> conditionTypeFromName(QStringView name)
{
    if (name == u"group")
        return ConditionType::Group;
    for (ConditionType type : LeafTypes) {
        if (name == conditionTypeName(type))
            return type;
    }
    return std::nullopt;
}

QString displayName(ConditionType type)
{
    switch (type) {
    case ConditionType::Group: return QStringLiteral("Group");
    case ConditionType::EventType: return QStringLiteral("Event type");
    case ConditionType::Event: return QStringLiteral("Event name");
    case ConditionType::Name: return QStringLiteral("Page or screen name");
    case ConditionType::UserId: return QStringLiteral("User ID");
    case ConditionType::EventProperty: return QStringLiteral("Property");
    case ConditionType::EventTrait: return QStringLiteral("Trait");
    case ConditionType::EventContext: return QStringLiteral("Context field");
    }
    return {};
}

bool hasFieldName(ConditionType type)
{
    return type == ConditionType::EventProperty || type == ConditionType::EventTrait
        || type == ConditionType::EventContext;
}

QString fqlFieldName(ConditionType type)
{
    switch (type) {
    case ConditionType::Group: return {};
    case ConditionType::EventType: return QStringLiteral("type");
    case ConditionType::Event: return QStringLiteral("event");
    case ConditionType::Name: return QStringLiteral("name");
    case ConditionType::UserId: return QStringLiteral("userId");
    case ConditionType::EventProperty: return QStringLiteral("properties");
    case ConditionType::EventTrait: return QStringLiteral("traits");
    case ConditionType::EventContext: return QStringLiteral("context");
    }
    return {};
}

QString operatorName(Operator op)
{
    switch (op) {
    case Operator::Equals: return QStringLiteral("=");
    case Operator::NotEquals: return QStringLiteral("!=");
    case Operator::Less: return QStringLiteral("<");
    case Operator::LessOrEqual: return QStringLiteral("<=");
    case Operator::Greater: return QStringLiteral(">");
    case Operator::GreaterOrEqual: return QStringLiteral(">=");
    case Operator::NumberEquals: return QStringLiteral("number_equals");
    case Operator::NumberNotEquals: return QStringLiteral("number_not_equals");
    case Operator::Contains: return QStringLiteral("contains");
    case Operator::NotContains: return QStringLiteral("not_contains");
    case Operator::StartsWith: return QStringLiteral("starts_with");
    case Operator::NotStartsWith: return QStringLiteral("not_starts_with");
    case Operator::EndsWith: return QStringLiteral("ends_with");
    case Operator::NotEndsWith: return QStringLiteral("not_ends_with");
    case Operator::Exists: return QStringLiteral("exists");
    case Operator::NotExists: return QStringLiteral("not_exists");
    case Operator::IsTrue: return QStringLiteral("is_true");
    case Operator::IsFalse: return QStringLiteral("is_false");
    }
    return {};
}

std::optional<Operator> operatorFromName(QStringView name)
{
    for (Operator op : Operators) {
        if (name == operatorName(op))
            return op;
    }
    return std::nullopt;
}

QString displayName(Operator op)
{
    switch (op) {
    case Operator::Equals: return QStringLiteral("is");
    case Operator::NotEquals: return QStringLiteral("is not");
    case Operator::Less: return QStringLiteral("is less than");
    case Operator::LessOrEqual: return QStringLiteral("is at most");
    case Operator::Greater: return QStringLiteral("is greater than");
    case Operator::GreaterOrEqual: return QStringLiteral("is at least");
    case Operator::NumberEquals: return QStringLiteral("equals the number");
    case Operator::NumberNotEquals: return QStringLiteral("is a number other than");
    case Operator::Contains: return QStringLiteral("contains");
    case Operator::NotContains: return QStringLiteral("does not contain");
    case Operator::StartsWith: return QStringLiteral("starts with");
    case Operator::NotStartsWith: return QStringLiteral("does not start with");
    case Operator::EndsWith: return QStringLiteral("ends with");
    case Operator::NotEndsWith: return QStringLiteral("does not end with");
    case Operator::Exists: return QStringLiteral("exists");
    case Operator::NotExists: return QStringLiteral("does not exist");
    case Operator::IsTrue: return QStringLiteral("is true");
    case Operator::IsFalse: return QStringLiteral("is false");
    }
    return {};
}

bool takesValue(Operator op)
{
    return op != Operator::Exists && op != Operator::NotExists && op != Operator::IsTrue && op != Operator::IsFalse;
}

json::Value makeCondition(ConditionType type, const QString &name, Operator op, const json::Value &value)
{
    // Key order matters: it shows in JSON output, and parseFql writes type, name, operator, value.
    json::Object o;
    o.set(QStringLiteral("type"), conditionTypeName(type));
    if (hasFieldName(type))
        o.set(QStringLiteral("name"), name);
    o.set(QStringLiteral("operator"), operatorName(op));
    if (!value.isUndefined())
        o.set(QStringLiteral("value"), value);
    return json::Value(std::move(o));
}

json::Value makeGroup(bool isOr, json::Array children)
{
    json::Object o;
    o.set(QStringLiteral("type"), QStringLiteral("group"));
    o.set(QStringLiteral("operator"), isOr ? QStringLiteral("or") : QStringLiteral("and"));
    o.set(QStringLiteral("children"), json::Value(std::move(children)));
    return json::Value(std::move(o));
}

} // namespace inkmapper::fql
