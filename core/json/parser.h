#pragma once

#include "value.h"

#include "util/result.h"

#include <QByteArrayView>

namespace inkmapper::json {

/** Limits that keep hostile input from exhausting the stack. */
struct ParseOptions
{
    int maxDepth = 1000; ///< arrays and objects nested deeper than this are refused with an error
    /**
     * Objects whose text is already exactly what JSON.stringify writes for them (no whitespace,
     * numbers and escapes in JavaScript's own form, no repeated or array-index keys) keep that text
     * (json::Object::canonicalText), and writing them copies it. Costs a copy of the input, kept
     * alive by those objects: for events about to be transformed and written, not for documents kept.
     */
    bool keepCanonicalText = false;
};

/**
 * Parses UTF-8 JSON text exactly as JavaScript's JSON.parse reads it (after Node decodes the bytes as
 * UTF-8): numbers as nearest doubles (1e400 is Infinity), lone surrogate escapes kept, duplicate keys
 * resolved last-wins at the first key's position, keys in JavaScript property order, invalid UTF-8
 * inside strings replaced by U+FFFD. Errors carry the line and column (in UTF-16 code units).
 */
Result<Value> parse(QByteArrayView utf8, const ParseOptions &options = {});

/** Parses JSON held in a QString (as typed in an editor). */
Result<Value> parse(QStringView text, const ParseOptions &options = {});

} // namespace inkmapper::json
