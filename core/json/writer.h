#pragma once

#include "value.h"

#include <QByteArray>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace inkmapper::json {

/** How stringify lays out its output. */
struct WriteOptions
{
    int indent = 0; ///< 0: compact, as JSON.stringify(v); n: JSON.stringify(v, null, n)
    /**
     * 0: the whole text. n: stop soon after the output holds more than n bytes, for a preview of a value
     * that may be megabytes long; the output is then a prefix of the whole text, longer than n bytes.
     */
    size_t stopAfter = 0;
};

/**
 * JavaScript's JSON.stringify, byte for byte, as UTF-8: only `"`, `\`, control characters and lone
 * surrogates are escaped; non-finite numbers become null; undefined and functions are dropped from
 * objects and become null in arrays. Returns nothing when the value itself is undefined or a function.
 */
std::optional<QByteArray> stringify(const Value &value, const WriteOptions &options = {});

/** Appends JSON.stringify(value) to `out`; returns false (appending nothing) for undefined. */
bool appendJson(std::string &out, const Value &value, const WriteOptions &options = {});

/** Appends a JSON string literal for `s` (JSON.stringify of a string) to `out`. */
void appendJsonString(std::string &out, QStringView s);

/** JSON.stringify(value) as a QString, or a null QString for undefined. */
QString toJsonString(const Value &value, const WriteOptions &options = {});

} // namespace inkmapper::json
