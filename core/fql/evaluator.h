#pragma once

#include "explanation.h"
#include "trigger.h"

#include "json/value.h"
#include "util/result.h"

namespace inkmapper::fql {

/**
 * Segment's validate(ast, event) (@segment/destination-subscriptions 3.37.0): whether the event matches
 * the condition tree. Returns an Error where the JavaScript throws (a null child, `children` that is
 * not an array, a null event, …). To test many events against one tree, compile a Trigger once.
 */
Result<bool> evaluate(const json::Value &ast, const json::Value &event);

/**
 * The per-condition story behind evaluate(): every node of the tree in pre-order with the value it
 * compares, the value the event holds, its outcome, and whether it was the one that decided its group.
 */
Explanation explain(const json::Value &ast, const json::Value &event);

} // namespace inkmapper::fql
