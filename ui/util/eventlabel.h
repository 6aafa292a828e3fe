#pragma once

#include "json/value.h"

#include <QString>

namespace inkmapper::ui {

/**
 * An event as a list names it: its type and the name people know it by (a track's event, a page's or screen's
 * name, a group's id, an identify's or alias' userId), e.g. "track · Order Completed".
 */
QString eventLabel(const json::Value &event);

} // namespace inkmapper::ui
