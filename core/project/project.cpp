#include "project.h"

#include "destination/destinationdefinition.h"

#include <QRegularExpression>

#include <algorithm>

namespace inkmapper::project {

int Project::maxMappings()
{
    return destination::DestinationDefinition::MaxMappings;
}

QString Project::defaultMappingName()
{
    return destination::DestinationDefinition::movableInk().defaultPreset().name();
}

Project Project::createDefault()
{
    Project project;
    project.m_mappings.push_back(MappingConfig::fromPreset(defaultMappingName()));
    return project;
}

const MappingConfig &Project::mapping(int index) const
{
    Q_ASSERT(index >= 0 && index < mappingCount());
    return m_mappings[size_t(index)];
}

int Project::indexOfMapping(QStringView id) const
{
    const auto it = std::find_if(m_mappings.begin(), m_mappings.end(), [&](const MappingConfig &m) { return m.id == id; });
    return it == m_mappings.end() ? -1 : int(it - m_mappings.begin());
}

int Project::indexOfMappingNamed(QStringView name) const
{
    const auto it = std::find_if(m_mappings.begin(), m_mappings.end(), [&](const MappingConfig &m) { return m.name == name; });
    return it == m_mappings.end() ? -1 : int(it - m_mappings.begin());
}

Error Project::limitError() const
{
    return Error{QStringLiteral("a project holds at most %1 mappings, the limit of %2 per destination; "
                                "delete or reuse a mapping first")
                     .arg(maxMappings())
                     .arg(destination::DestinationDefinition::movableInk().catalogName()),
                 {}};
}

Result<int> Project::addMapping(MappingConfig mapping)
{
    return insertMapping(mappingCount(), std::move(mapping));
}

Result<int> Project::insertMapping(int index, MappingConfig mapping)
{
    Q_ASSERT(index >= 0 && index <= mappingCount());
    if (!canAddMapping())
        return limitError();
    if (mapping.id.isEmpty())
        mapping.id = MappingConfig::createId();
    else if (indexOfMapping(mapping.id) >= 0)
        return Error{QStringLiteral("a mapping with id %1 is already in the project").arg(mapping.id), {}};
    m_mappings.insert(m_mappings.begin() + index, std::move(mapping));
    return index;
}

Result<int> Project::addPresetMapping()
{
    if (!canAddMapping())
        return limitError();
    return addMapping(MappingConfig::fromPreset(uniqueMappingName(defaultMappingName())));
}

Result<int> Project::duplicateMapping(int index)
{
    MappingConfig copy = mapping(index);
    copy.id = MappingConfig::createId();
    copy.name = uniqueMappingName(copy.name);
    return insertMapping(index + 1, std::move(copy));
}

Result<Ok> Project::replaceMapping(int index, MappingConfig mapping)
{
    Q_ASSERT(index >= 0 && index < mappingCount());
    if (mapping.id.isEmpty())
        mapping.id = m_mappings[size_t(index)].id;
    const int owner = indexOfMapping(mapping.id);
    if (owner >= 0 && owner != index)
        return Error{QStringLiteral("a mapping with id %1 is already in the project").arg(mapping.id), {}};
    m_mappings[size_t(index)] = std::move(mapping);
    return Ok{};
}

MappingConfig Project::removeMapping(int index)
{
    Q_ASSERT(index >= 0 && index < mappingCount());
    MappingConfig removed = std::move(m_mappings[size_t(index)]);
    m_mappings.erase(m_mappings.begin() + index);
    return removed;
}

void Project::moveMapping(int from, int to)
{
    Q_ASSERT(from >= 0 && from < mappingCount());
    Q_ASSERT(to >= 0 && to < mappingCount());
    if (from == to)
        return;
    // Out and back in: every other mapping keeps its relative order, as dragging a row in a list does.
    // (Not std::rotate: its swaps of json::Value variants set off a false "maybe uninitialized" in GCC 12 -O3.)
    MappingConfig moving = std::move(m_mappings[size_t(from)]);
    m_mappings.erase(m_mappings.begin() + from);
    m_mappings.insert(m_mappings.begin() + to, std::move(moving));
}

QString Project::uniqueMappingName(const QString &base) const
{
    if (indexOfMappingNamed(base) < 0)
        return base;
    // Duplicating "Send Entire Event 2" gives "Send Entire Event 3", not "… 2 2"; but a name that merely ends
    // in a number ("Top 10", "Sale 2024") is only treated as numbered when its stem or a sibling exists.
    static const QRegularExpression numbered(QStringLiteral("^(.*\\S) (\\d+)$"));
    QString stem = base;
    if (const QRegularExpressionMatch match = numbered.match(base); match.hasMatch()) {
        const QString candidateStem = match.captured(1);
        const bool isSeries = std::any_of(m_mappings.begin(), m_mappings.end(), [&](const MappingConfig &m) {
            if (m.name == candidateStem)
                return true;
            const QRegularExpressionMatch sibling = numbered.match(m.name);
            return m.name != base && sibling.hasMatch() && sibling.captured(1) == candidateStem;
        });
        if (isSeries)
            stem = candidateStem;
    }
    for (int n = 2;; ++n) {
        const QString candidate = QStringLiteral("%1 %2").arg(stem).arg(n);
        if (indexOfMappingNamed(candidate) < 0)
            return candidate;
    }
}

void Project::removeEvent(int index)
{
    Q_ASSERT(index >= 0 && index < int(m_events.size()));
    m_events.erase(m_events.begin() + index);
}

bool operator==(const Project &a, const Project &b)
{
    // Where an event was loaded from is bookkeeping, not content: two projects with the same events are equal.
    const auto sameEvent = [](const events::SampleEvent &x, const events::SampleEvent &y) { return x.event == y.event; };
    return a.m_settings == b.m_settings && a.m_mappings == b.m_mappings
        && std::equal(a.m_events.begin(), a.m_events.end(), b.m_events.begin(), b.m_events.end(), sameEvent);
}

} // namespace inkmapper::project
