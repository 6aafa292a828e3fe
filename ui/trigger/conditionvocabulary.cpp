#include "conditionvocabulary.h"

#include "fqlroundtrip.h"

#include <array>
#include <map>

namespace inkmapper::ui {

namespace {

using fql::ConditionType;
using fql::Operator;

// The builder's order: text comparisons, presence, booleans, then numbers (as in Segment's builder).
constexpr std::array<Operator, 18> BuilderOrder = {
    Operator::Equals,      Operator::NotEquals,    Operator::Contains,        Operator::NotContains,
    Operator::StartsWith,  Operator::NotStartsWith, Operator::EndsWith,       Operator::NotEndsWith,
    Operator::Exists,      Operator::NotExists,    Operator::IsTrue,          Operator::IsFalse,
    Operator::NumberEquals, Operator::NumberNotEquals, Operator::Less,        Operator::LessOrEqual,
    Operator::Greater,     Operator::GreaterOrEqual,
};

bool isNumeric(Operator op)
{
    return op == Operator::NumberEquals || op == Operator::NumberNotEquals || op == Operator::Less
        || op == Operator::LessOrEqual || op == Operator::Greater || op == Operator::GreaterOrEqual;
}

// Asks the engine whether a condition of this kind survives generate → parse unchanged.
bool expressible(ConditionType type, Operator op)
{
    json::Value sample;
    if (isNumeric(op))
        sample = json::Value(1);
    else if (fql::takesValue(op))
        sample = json::Value(QStringLiteral("x"));
    const json::Value leaf = fql::makeCondition(type, QStringLiteral("x"), op, sample);
    const json::Value tree = fql::makeGroup(false, json::Array{leaf});
    return FqlRoundTrip::write(tree).ok();
}

} // namespace

QList<ConditionType> ConditionVocabulary::fieldKinds()
{
    const auto types = fql::leafConditionTypes();
    return QList<ConditionType>(types.begin(), types.end());
}

QString ConditionVocabulary::fieldLabel(ConditionType type)
{
    // The core's label for `name` is the precise one, but too long for a compact field list.
    if (type == ConditionType::Name)
        return QStringLiteral("Name");
    return fql::displayName(type);
}

QString ConditionVocabulary::pathPrefix(ConditionType type)
{
    return fql::hasFieldName(type) ? fql::fqlFieldName(type) + u'.' : QString();
}

QString ConditionVocabulary::pathPlaceholder(ConditionType type)
{
    switch (type) {
    case ConditionType::EventProperty: return QStringLiteral("property, e.g. revenue");
    case ConditionType::EventTrait: return QStringLiteral("trait, e.g. email");
    case ConditionType::EventContext: return QStringLiteral("field, e.g. page.path");
    default: return {};
    }
}

const QList<Operator> &ConditionVocabulary::operatorsFor(ConditionType type)
{
    static const std::map<ConditionType, QList<Operator>> table = [] {
        std::map<ConditionType, QList<Operator>> offered;
        for (ConditionType t : fql::leafConditionTypes()) {
            QList<Operator> &ops = offered[t];
            for (Operator op : BuilderOrder) {
                if (expressible(t, op))
                    ops.push_back(op);
            }
        }
        return offered;
    }();
    static const QList<Operator> none;
    const auto it = table.find(type);
    return it == table.end() ? none : it->second;
}

bool ConditionVocabulary::isOffered(ConditionType type, Operator op)
{
    return operatorsFor(type).contains(op);
}

QString ConditionVocabulary::operatorLabel(Operator op)
{
    switch (op) {
    case Operator::NumberEquals: return QStringLiteral("=");
    case Operator::NumberNotEquals: return QStringLiteral("≠");
    case Operator::Less: return QStringLiteral("<");
    case Operator::LessOrEqual: return QStringLiteral("≤");
    case Operator::Greater: return QStringLiteral(">");
    case Operator::GreaterOrEqual: return QStringLiteral("≥");
    default: return fql::displayName(op);
    }
}

QString ConditionVocabulary::operatorDescription(Operator op)
{
    switch (op) {
    case Operator::Equals: return QStringLiteral("is exactly this text");
    case Operator::NotEquals: return QStringLiteral("is not exactly this text");
    default: return fql::displayName(op);
    }
}

ConditionVocabulary::ValueKind ConditionVocabulary::valueKind(ConditionType type, Operator op)
{
    if (!fql::takesValue(op))
        return ValueKind::None;
    if (isNumeric(op))
        return ValueKind::Number;
    if (type == ConditionType::EventType)
        return ValueKind::EventType;
    return ValueKind::Text;
}

QStringList ConditionVocabulary::eventTypes()
{
    return {QStringLiteral("track"), QStringLiteral("identify"), QStringLiteral("page"),
            QStringLiteral("screen"), QStringLiteral("group"), QStringLiteral("alias")};
}

QString ConditionVocabulary::defaultValue(ConditionType type)
{
    return type == ConditionType::EventType ? QStringLiteral("track") : QString();
}

} // namespace inkmapper::ui
