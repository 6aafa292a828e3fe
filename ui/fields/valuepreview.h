#pragma once

#include "json/value.h"

#include "util/result.h"

#include <QString>

namespace inkmapper::ui {

/**
 * What a mapping value becomes for one event, asked of the real engine: mapping::transform() on
 * `{"v": value}`, so the answer is exactly Segment's (validation, directives, undefined removal).
 */
class ValuePreview
{
public:
    /** The resolved value (undefined when Segment drops it), or the engine's error. */
    static Result<json::Value> resolve(const json::Value &mappingValue, const json::Value &event);

    /** A one-line rendering of a value for a table cell or label: JSON text, shortened with "…". */
    static QString oneLine(const json::Value &value, int maxLength = 120);

    /** The preview text of resolve(): the value on one line, "(no value: the key is left out)" or the error. */
    static QString describeResolution(const json::Value &mappingValue, const json::Value &event, int maxLength = 160);
};

} // namespace inkmapper::ui
