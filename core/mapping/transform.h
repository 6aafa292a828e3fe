#pragma once

#include "json/value.h"

#include "util/result.h"

namespace inkmapper::mapping {

/**
 * Segment's mapping-kit transform(mapping, event), exactly: every directive (@if, @case, @replace,
 * @arrayPath, @path, @template, @literal, @flatten, @json, @merge, @transform, @excludeWhenNull and
 * @liquid, see liquid/liquiddirective.h), the `__segment_internal_directive` root form, validation before
 * resolution, and the removal of undefined values. The result may be undefined (e.g. a root @if whose
 * condition fails). Errors carry Segment's message; validation errors are joined with "\n" and carry
 * the key path of the first problem. To apply one mapping to many events, use Mapper.
 */
Result<json::Value> transform(const json::Value &mapping, const json::Value &event);

} // namespace inkmapper::mapping
