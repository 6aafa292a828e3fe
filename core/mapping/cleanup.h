#pragma once

#include "json/value.h"

#include "util/result.h"

namespace inkmapper::mapping {

/**
 * Segment's removeUndefined(): arrays are mapped (undefined items stay and print as null), objects are
 * copied with Object.assign (so an own `__proto__` key disappears) and their undefined members deleted,
 * recursively. Containers that need no change are shared, not copied.
 */
Result<json::Value> removeUndefined(const json::Value &value);

/**
 * True when removeUndefined(value) would return `value` itself: no object inside it has an undefined
 * member or an own `__proto__` key (and it is not nested too deeply to tell).
 */
bool isFreeOfUndefined(const json::Value &value);

/**
 * @excludeWhenNull's cleanNulls(): in an object, `null` members become undefined and object members are
 * cleaned recursively; arrays and their contents are left alone.
 */
Result<json::Value> cleanNulls(const json::Value &value);

} // namespace inkmapper::mapping
