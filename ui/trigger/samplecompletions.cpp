#include "samplecompletions.h"

#include "json/object.h"

#include <QStringListModel>

namespace inkmapper::ui {

namespace {

// A 1 MB event can hold thousands of keys; a completer list stays useful well below that.
constexpr int MaximumPaths = 500;
constexpr int MaximumDepth = 6;

void collectPaths(const json::Value &value, const QString &prefix, int depth, QStringList &out)
{
    if (!value.isObject() || depth > MaximumDepth)
        return;
    for (const auto &[key, member] : value.toObject()) {
        if (out.size() >= MaximumPaths)
            return;
        const QString path = prefix.isEmpty() ? key : prefix + u'.' + key;
        out.push_back(path);
        collectPaths(member, path, depth + 1, out);
    }
}

QStringList pathsUnder(const json::Value &event, const QString &field)
{
    QStringList paths;
    if (event.isObject())
        collectPaths(event.toObject().value(field), QString(), 0, paths);
    return paths;
}

QString stringMember(const json::Value &event, const QString &key)
{
    if (!event.isObject())
        return {};
    const json::Value member = event.toObject().value(key);
    return member.isString() ? member.toString() : QString();
}

} // namespace

SampleCompletions::SampleCompletions(QObject *parent)
    : QObject(parent)
    , m_properties(new QStringListModel(this))
    , m_traits(new QStringListModel(this))
    , m_context(new QStringListModel(this))
    , m_eventNames(new QStringListModel(this))
    , m_names(new QStringListModel(this))
{
}

void SampleCompletions::setEvent(const json::Value &event)
{
    m_properties->setStringList(pathsUnder(event, QStringLiteral("properties")));
    m_traits->setStringList(pathsUnder(event, QStringLiteral("traits")));
    m_context->setStringList(pathsUnder(event, QStringLiteral("context")));
    const QString name = stringMember(event, QStringLiteral("name"));
    m_names->setStringList(name.isEmpty() ? QStringList() : QStringList{name});
    m_sampleEventName = stringMember(event, QStringLiteral("event"));
    updateEventNames();
}

void SampleCompletions::setEventNames(const QStringList &names)
{
    m_knownEventNames = names;
    updateEventNames();
}

QAbstractItemModel *SampleCompletions::pathModel(fql::ConditionType type) const
{
    switch (type) {
    case fql::ConditionType::EventProperty: return m_properties;
    case fql::ConditionType::EventTrait: return m_traits;
    case fql::ConditionType::EventContext: return m_context;
    default: return nullptr;
    }
}

QAbstractItemModel *SampleCompletions::valueModel(fql::ConditionType type) const
{
    switch (type) {
    case fql::ConditionType::Event: return m_eventNames;
    case fql::ConditionType::Name: return m_names;
    default: return nullptr;
    }
}

void SampleCompletions::updateEventNames()
{
    QStringList names = m_knownEventNames;
    if (!m_sampleEventName.isEmpty())
        names.prepend(m_sampleEventName);
    names.removeDuplicates();
    m_eventNames->setStringList(names);
}

} // namespace inkmapper::ui
