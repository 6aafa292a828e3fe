#pragma once

#include "json/value.h"

#include <QString>

namespace inkmapper::events {

/** One event as loaded by the user, with where it came from so errors and lists can name it. */
struct SampleEvent
{
    json::Value event;
    QString source; ///< file name, "pasted" or "sample"
    int line = 0;   ///< 1-based line where the event starts in its source, 0 when not from a file
};

} // namespace inkmapper::events
