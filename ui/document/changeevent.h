#pragma once

#include <QMetaType>

namespace inkmapper::ui {

/**
 * What one edit of a ProjectDocument changed, as the document's single `changed()` signal reports it.
 * Rows are the indexes of mappings or events after the change (for removals: before it). Models turn an
 * event into the matching begin/end…Rows calls; panels refresh only what a change concerns.
 */
struct ChangeEvent
{
    /** What kind of change happened. */
    enum class Kind {
        Reset,            ///< a whole new project (new, open, demo): everything must be re-read
        Settings,         ///< the destination settings (URL, username)
        MappingsInserted, ///< mappings first…last were inserted
        MappingsRemoved,  ///< mappings first…last were removed
        MappingMoved,     ///< the mapping at `first` now sits at `to`
        MappingChanged,   ///< one part (`field`) of mapping `first` changed
        EventsInserted,   ///< sample events first…last were inserted
        EventsRemoved,    ///< sample events first…last were removed
        EventChanged,     ///< the sample event at `first` was replaced
    };

    /** Which part of a mapping a MappingChanged event concerns. */
    enum class MappingField {
        None,    ///< not a mapping change
        Name,    ///< the display name
        Enabled, ///< the enabled switch
        Trigger, ///< the FQL trigger (`subscribe`)
        Fields,  ///< the action's field values (`headers`, `data`)
    };

    Kind kind = Kind::Reset;
    int first = -1;
    int last = -1;
    int to = -1; ///< MappingMoved: the mapping's new index
    MappingField field = MappingField::None;

    static ChangeEvent reset() { return {}; }
    static ChangeEvent settings() { return {Kind::Settings}; }
    static ChangeEvent mappingsInserted(int first, int last) { return {Kind::MappingsInserted, first, last}; }
    static ChangeEvent mappingsRemoved(int first, int last) { return {Kind::MappingsRemoved, first, last}; }
    static ChangeEvent mappingMoved(int from, int to) { return {Kind::MappingMoved, from, from, to}; }
    static ChangeEvent mappingChanged(int index, MappingField field)
    {
        return {Kind::MappingChanged, index, index, -1, field};
    }
    static ChangeEvent eventsInserted(int first, int last) { return {Kind::EventsInserted, first, last}; }
    static ChangeEvent eventsRemoved(int first, int last) { return {Kind::EventsRemoved, first, last}; }
    static ChangeEvent eventChanged(int index) { return {Kind::EventChanged, index, index}; }

    /** True for the kinds that concern mappings (including a reset, which concerns everything). */
    bool concernsMappings() const
    {
        return kind == Kind::Reset || kind == Kind::MappingsInserted || kind == Kind::MappingsRemoved
            || kind == Kind::MappingMoved || kind == Kind::MappingChanged;
    }
    /** True for the kinds that concern sample events (including a reset). */
    bool concernsEvents() const
    {
        return kind == Kind::Reset || kind == Kind::EventsInserted || kind == Kind::EventsRemoved
            || kind == Kind::EventChanged;
    }
};

} // namespace inkmapper::ui

Q_DECLARE_METATYPE(inkmapper::ui::ChangeEvent)
