#pragma once

#include "json/value.h"

#include <QString>

namespace inkmapper::ui {

/**
 * A one-line, plain-language summary of a parsed trigger for lists, built from the core's labels:
 * `type = "track" and event = "Order Completed"` reads "Event type is track and Event name is
 * "Order Completed"", and a run of `or`-ed equalities on one field collapses ("Event type is identify,
 * track or page").
 */
class TriggerSummary
{
public:
    /** The summary of a condition tree as fql::parse returns it. */
    static QString describe(const json::Value &ast);

private:
    static QString describeNode(const json::Value &node, bool nested);
    static QString describeLeaf(const json::Value &node);
    static QString describeValue(const json::Value &value);
};

} // namespace inkmapper::ui
