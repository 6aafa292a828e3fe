#include "triggersummary.h"

#include "fql/condition.h"
#include "json/object.h"
#include "json/writer.h"

#include <QCoreApplication>
#include <QStringList>

#include <algorithm>

namespace inkmapper::ui {

namespace {

QString member(const json::Value &node, const QString &key)
{
    if (!node.isObject())
        return {};
    const json::Value v = node.toObject().value(key);
    return v.isString() ? v.toString() : QString();
}

/** The key a run of `or`-ed equalities shares: same condition type and field name, operator "=". */
QString equalityKey(const json::Value &node)
{
    if (member(node, QStringLiteral("type")) == QLatin1String("group")
        || member(node, QStringLiteral("operator")) != QLatin1String("="))
        return {};
    return member(node, QStringLiteral("type")) + u'\x1f' + member(node, QStringLiteral("name"));
}

QString joined(const QStringList &values, const QString &lastSeparator)
{
    if (values.size() < 2)
        return values.join(QString());
    return values.mid(0, values.size() - 1).join(QStringLiteral(", ")) + lastSeparator + values.back();
}

} // namespace

QString TriggerSummary::describe(const json::Value &ast)
{
    return describeNode(ast, false);
}

QString TriggerSummary::describeNode(const json::Value &node, bool nested)
{
    if (member(node, QStringLiteral("type")) != QLatin1String("group"))
        return describeLeaf(node);
    const bool isOr = member(node, QStringLiteral("operator")) == QLatin1String("or");
    const json::Value children = node.toObject().value(QStringLiteral("children"));
    if (!children.isArray() || children.toArray().empty())
        return QCoreApplication::translate("TriggerSummary", "no condition");

    const QString separator = isOr ? QCoreApplication::translate("TriggerSummary", " or ")
                                   : QCoreApplication::translate("TriggerSummary", " and ");
    QStringList parts;
    const json::Array &items = children.toArray();
    for (size_t i = 0; i < items.size();) {
        // "type = a or type = b or type = c" is how Segment's preset reads; say it as a list.
        const QString key = isOr ? equalityKey(items[i]) : QString();
        size_t end = i + 1;
        while (!key.isEmpty() && end < items.size() && equalityKey(items[end]) == key)
            ++end;
        if (end - i > 1) {
            QStringList values;
            for (size_t j = i; j < end; ++j)
                values.append(describeValue(items[j].toObject().value(QStringLiteral("value"))));
            const QString first = describeLeaf(items[i]);
            const QString subject = first.left(first.size() - values.front().size());
            parts.append(subject + joined(values, separator));
        } else {
            parts.append(describeNode(items[i], true));
        }
        i = end;
    }
    const QString text = parts.join(separator);
    return nested && parts.size() > 1 ? u'(' + text + u')' : text;
}

QString TriggerSummary::describeLeaf(const json::Value &node)
{
    const auto type = fql::conditionTypeFromName(member(node, QStringLiteral("type")));
    const auto op = fql::operatorFromName(member(node, QStringLiteral("operator")));
    if (!type || !op || *type == fql::ConditionType::Group)
        return QCoreApplication::translate("TriggerSummary", "an unknown condition");
    QString text = fql::displayName(*type);
    if (fql::hasFieldName(*type))
        text += u' ' + member(node, QStringLiteral("name"));
    text += u' ' + fql::displayName(*op);
    if (fql::takesValue(*op))
        text += u' ' + describeValue(node.toObject().value(QStringLiteral("value")));
    return text;
}

QString TriggerSummary::describeValue(const json::Value &value)
{
    // Bare words read best for the common case of a type or a plain name; anything else shows as FQL would.
    if (value.isString()) {
        const QString &s = value.toString();
        const bool plain = !s.isEmpty() && std::all_of(s.begin(), s.end(), [](QChar c) {
            return c.isLetterOrNumber() || c == u'_' || c == u'-' || c == u'.';
        });
        return plain ? s : u'"' + s + u'"';
    }
    const QString json = json::toJsonString(value);
    return json.isNull() ? QStringLiteral("undefined") : json;
}

} // namespace inkmapper::ui
