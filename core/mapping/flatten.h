#pragma once

#include "json/value.h"

#include "util/result.h"

#include <QString>

namespace inkmapper::mapping {

/**
 * Segment's flattenObject(value, '', separator, omitArrays) behind @flatten: nested object (and, unless
 * `omitArrays`, array) members become one object whose keys join the path with `separator`; an empty
 * prefix adds no separator; a scalar becomes `{"": value}`; empty containers vanish; a later key that
 * flattens to an existing name overwrites its value in place.
 */
Result<json::Value> flattenObject(const json::Value &value, const QString &separator, bool omitArrays);

} // namespace inkmapper::mapping
