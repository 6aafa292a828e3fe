#pragma once

#include "json/value.h"
#include "util/result.h"

#include <QString>

#include <vector>

namespace inkmapper::fql {

/** How one node of a condition tree fared against one event. */
struct ConditionResult
{
    std::vector<int> path;  ///< child indexes from the root group down to this node; empty for the root
    json::Value condition;  ///< the node as it is in the tree (a group, a leaf, or null/undefined for a hole)
    json::Value expected;   ///< the leaf's `value` (undefined for exists/is_true/… and for groups)
    json::Value actual;     ///< what the event holds in the tested field (undefined when it is missing)
    bool matched = false;   ///< the node's outcome
    bool reached = false;   ///< Segment's evaluator looked at it (a group stops at its first decisive child)
    bool decisive = false;  ///< reached, and the last child its group looked at: the one that settled it
    QString error;          ///< why this node cannot be evaluated (Segment's evaluator throws); else empty
};

/** Why a trigger did or did not match an event. */
struct Explanation
{
    Result<bool> outcome = false;            ///< exactly what evaluate() answers
    std::vector<ConditionResult> conditions; ///< every node of the tree in pre-order, the root first
};

} // namespace inkmapper::fql
