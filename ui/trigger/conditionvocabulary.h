#pragma once

#include "fql/condition.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace inkmapper::ui {

/**
 * What the condition builder offers for each kind of field: the operators FQL can express for it, how
 * they are labelled, and what kind of value they compare with. The operator lists are not typed in by
 * hand: each (field, operator) pair is kept when the core's generator and parser agree on it, so the
 * builder can never offer a condition that Segment's FQL would read back differently.
 */
class ConditionVocabulary
{
public:
    /** The editor a condition's value needs. */
    enum class ValueKind {
        None,      ///< exists, does not exist, is true, is false: no value
        EventType, ///< one of Segment's six call types
        Text,      ///< a string
        Number,    ///< a number (=, ≠, <, ≤, >, ≥)
    };

    /** The field kinds in the order the builder lists them. */
    static QList<fql::ConditionType> fieldKinds();
    /** The builder's label for a field kind ("Event type", "Property", …). */
    static QString fieldLabel(fql::ConditionType type);
    /** The prefix of the field's FQL path ("properties." for a property), empty for fields without a path. */
    static QString pathPrefix(fql::ConditionType type);
    /** The placeholder for the path of a property, trait or context field. */
    static QString pathPlaceholder(fql::ConditionType type);

    /** The operators FQL can express for this field kind, in the builder's order. */
    static const QList<fql::Operator> &operatorsFor(fql::ConditionType type);
    /** True when FQL can express `op` for this field kind. */
    static bool isOffered(fql::ConditionType type, fql::Operator op);
    /** The short label in the operator list ("is", "contains", "≤"). */
    static QString operatorLabel(fql::Operator op);
    /** A sentence-style description for tooltips ("is at most"). */
    static QString operatorDescription(fql::Operator op);

    /** The value editor a condition needs. */
    static ValueKind valueKind(fql::ConditionType type, fql::Operator op);
    /** Segment's six call types, the values an event type condition offers. */
    static QStringList eventTypes();
    /** The value a new condition of this kind starts with ("track" for an event type). */
    static QString defaultValue(fql::ConditionType type);
};

} // namespace inkmapper::ui
