#pragma once

#include "json/value.h"

#include <QString>
#include <QStringView>

#include <optional>
#include <span>

namespace inkmapper::fql {

// Typed names for the pieces of a condition tree. The tree itself stays a json::Value in exactly the
// shape Segment's parseFql returns (the interchange form); these helpers name, list and build its parts,
// e.g. for the condition builder in the UI.

/** The `type` of a node in the condition tree. */
enum class ConditionType : unsigned char {
    Group,         ///< "group": `operator` "and"/"or" over `children`
    EventType,     ///< "event-type": the event's `type` (track, identify, …)
    Event,         ///< "event": the track event's name (`event`)
    Name,          ///< "name": the page/screen `name`
    UserId,        ///< "userId"
    EventProperty, ///< "event-property": `properties.<name>`
    EventTrait,    ///< "event-trait": `traits.<name>`
    EventContext,  ///< "event-context": `context.<name>`
};

/** The `operator` of a leaf condition, as Segment's validate() knows them. */
enum class Operator : unsigned char {
    Equals,          ///< "="
    NotEquals,       ///< "!="
    Less,            ///< "<"
    LessOrEqual,     ///< "<="
    Greater,         ///< ">"
    GreaterOrEqual,  ///< ">="
    NumberEquals,    ///< "number_equals"
    NumberNotEquals, ///< "number_not_equals"
    Contains,        ///< "contains"
    NotContains,     ///< "not_contains"
    StartsWith,      ///< "starts_with"
    NotStartsWith,   ///< "not_starts_with"
    EndsWith,        ///< "ends_with"
    NotEndsWith,     ///< "not_ends_with"
    Exists,          ///< "exists"
    NotExists,       ///< "not_exists"
    IsTrue,          ///< "is_true"
    IsFalse,         ///< "is_false"
};

/** Every leaf condition type, in the order a condition builder lists them. */
std::span<const ConditionType> leafConditionTypes();
/** Every operator, in the order a condition builder lists them. */
std::span<const Operator> allOperators();

/** The AST name of a condition type ("event-type"). */
QString conditionTypeName(ConditionType type);
/** The condition type with that exact AST name, if any. */
std::optional<ConditionType> conditionTypeFromName(QStringView name);
/** A label for people ("Event type", "Property"). */
QString displayName(ConditionType type);
/** True for the types whose condition carries a field `name` (properties, traits, context). */
bool hasFieldName(ConditionType type);
/** The FQL field a condition type tests ("type", "properties", …; empty for a group). */
QString fqlFieldName(ConditionType type);

/** The AST name of an operator ("=", "number_equals", "starts_with"). */
QString operatorName(Operator op);
/** The operator with that exact AST name, if any. */
std::optional<Operator> operatorFromName(QStringView name);
/** A label for people ("is", "is not", "starts with", "exists"). */
QString displayName(Operator op);
/** True when the operator compares with a `value` (false for exists, not_exists, is_true, is_false). */
bool takesValue(Operator op);

/**
 * A leaf condition in the exact shape and key order parseFql builds: `{type, operator[, value]}`, or
 * `{type, name, operator[, value]}` for properties, traits and context. An undefined `value` is left out.
 */
json::Value makeCondition(ConditionType type, const QString &name, Operator op, const json::Value &value = {});
/** A group node `{type:"group", operator:"and"|"or", children}`. */
json::Value makeGroup(bool isOr, json::Array children);

} // namespace inkmapper::fql
