#pragma once

#include "json/value.h"

#include <QString>

namespace inkmapper::project {

/**
 * One mapping (a Segment subscription) of a project: a trigger and the action's field values. A plain value
 * that starts as the destination's preset; a trigger that does not parse or a mapping Segment would reject is
 * still a valid MappingConfig, because the user must be able to open, see and fix it.
 */
struct MappingConfig
{
    /** The preset's trigger: every event type but alias. */
    static QString defaultSubscribe();
    /** The preset's mapping, the action's field defaults: {"data":{"@path":"$."}}. */
    static json::Value defaultMapping();
    /** A new unique id (a UUID without braces). */
    static QString createId();
    /** A mapping as the destination's preset creates it, with a new id and the given name. */
    static MappingConfig fromPreset(const QString &name);

    /** A stable identity that survives renames and moves, for undo commands and the send history.
     *  Empty until the mapping joins a Project, which fills it in. */
    QString id;
    QString name;
    bool enabled = true;
    /** The trigger as FQL text. */
    QString subscribe = defaultSubscribe();
    /** An object with the action's field values (`headers`, `data`). */
    json::Value mapping = defaultMapping();

    friend bool operator==(const MappingConfig &, const MappingConfig &) = default;
};

} // namespace inkmapper::project
