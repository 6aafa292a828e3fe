#pragma once

#include "destinationsettings.h"
#include "mappingconfig.h"

#include "events/sampleevent.h"
#include "util/result.h"

#include <QString>

#include <vector>

namespace inkmapper::project {

/**
 * The document the user edits and saves: destination settings, up to 50 mappings and the sample events in
 * use. A plain value type with small checked operations; the GUI wraps it in an undoable document.
 * Mapping indexes passed in are preconditions (checked with Q_ASSERT); the destination's limit is a user
 * error and comes back as an Error.
 */
class Project
{
public:
    /** The destination's limit on mappings (Segment refuses more subscriptions per destination instance). */
    static int maxMappings();
    /** The name a new mapping starts from: the preset's ("Send Entire Event"). */
    static QString defaultMappingName();

    /** An empty project: no settings, no mappings, no events. */
    Project() = default;
    /** A new project as Segment sets the destination up: one mapping from the preset. */
    static Project createDefault();

    const DestinationSettings &settings() const { return m_settings; }
    void setSettings(const DestinationSettings &settings) { m_settings = settings; }

    const std::vector<MappingConfig> &mappings() const { return m_mappings; }
    int mappingCount() const { return int(m_mappings.size()); }
    /** The mapping at `index` (0 ≤ index < mappingCount()). */
    const MappingConfig &mapping(int index) const;
    /** The index of the mapping with this id, or -1. */
    int indexOfMapping(QStringView id) const;
    /** The index of the first mapping with this name, or -1. */
    int indexOfMappingNamed(QStringView name) const;

    /** True while another mapping fits under the destination's limit. */
    bool canAddMapping() const { return mappingCount() < maxMappings(); }
    /** Appends `mapping`; returns its index. An empty id is filled in; a duplicate id or the 51st mapping is refused. */
    Result<int> addMapping(MappingConfig mapping);
    /** Inserts `mapping` at `index` (0 ≤ index ≤ mappingCount()), with the same rules as addMapping(). */
    Result<int> insertMapping(int index, MappingConfig mapping);
    /** Appends a new preset mapping with a unique name ("Send Entire Event", "Send Entire Event 2", …). */
    Result<int> addPresetMapping();
    /** Inserts a copy of the mapping at `index` right after it, with a new id and a unique name. */
    Result<int> duplicateMapping(int index);
    /** Replaces the mapping at `index`; the id may not collide with another mapping's. */
    Result<Ok> replaceMapping(int index, MappingConfig mapping);
    /** Removes the mapping at `index` and returns it (what an undo command keeps to put it back). */
    MappingConfig removeMapping(int index);
    /** Moves the mapping at `from` so that it ends up at index `to` (both < mappingCount()). */
    void moveMapping(int from, int to);
    /**
     * A name no mapping has yet: `base` itself if free, otherwise its stem followed by the lowest free number
     * from 2 ("Send Entire Event 2", "Send Entire Event 3", …). A trailing " N" of `base` counts as such a
     * number when the stem or another "stem M" exists, so "Top 10" alone becomes "Top 10 2".
     */
    QString uniqueMappingName(const QString &base) const;

    const std::vector<events::SampleEvent> &events() const { return m_events; }
    void setEvents(std::vector<events::SampleEvent> events) { m_events = std::move(events); }
    void addEvent(events::SampleEvent event) { m_events.push_back(std::move(event)); }
    /** Removes the event at `index` (0 ≤ index < events().size()). */
    void removeEvent(int index);

    friend bool operator==(const Project &a, const Project &b);

private:
    Error limitError() const;

    DestinationSettings m_settings;
    std::vector<MappingConfig> m_mappings;
    std::vector<events::SampleEvent> m_events;
};

} // namespace inkmapper::project
