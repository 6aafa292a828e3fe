#pragma once

#include "json/value.h"
#include "util/result.h"

#include <QString>

namespace inkmapper::mapping::liquid {

/** The longest template `@liquid` accepts, in UTF-16 code units. */
inline constexpr qsizetype kMaxTemplateLength = 1000;

/**
 * Segment's `@liquid` directive (mapping-kit/liquid-directive.js, evaluateLiquid): the template value
 * must be a string of at most 1000 UTF-16 code units; "" gives ""; anything else is rendered by
 * Segment's liquidjs engine with `event` as the scope. Parsed templates are cached by their text.
 *
 * One difference remains: `{% increment %}`/`{% decrement %}` write their counter into the event in
 * liquidjs, where later directives of the same mapping can see it; here the counter lives for one render.
 */
Result<QString> evaluateLiquid(const json::Value &templateValue, const json::Value &event);

} // namespace inkmapper::mapping::liquid
