#pragma once

#include "json/value.h"

#include "util/result.h"

#include <vector>

namespace inkmapper::mapping {

/**
 * Segment's mapping validation (mapping-kit's validate()), usable on its own, e.g. by an editor that
 * checks a field's mapping as the user types. Every problem is reported, each as Segment words it
 * (`/x/@path should be a string or a mapping directive but it is a number.`) with the key path of the
 * offending value in `location.path` (`x.@path`). It does not look inside arrays, just like Segment.
 */
std::vector<Error> validationErrors(const json::Value &mapping);

/**
 * validate() as transform() reports it: Ok, or one Error whose message joins every problem's message
 * with "\n" (Segment's AggregateError) and whose location is the first problem's.
 */
Result<Ok> validateMapping(const json::Value &mapping);

/** Joins errors the way transform() reports an aggregate: messages with "\n", the first location. */
Error aggregateErrors(const std::vector<Error> &errors);

} // namespace inkmapper::mapping
