#pragma once

#include "json/value.h"
#include "util/result.h"

#include <QString>

namespace inkmapper::fql {

/**
 * Segment's generateFql (@segment/destination-subscriptions 3.37.0): condition tree → FQL text.
 *
 * Kept as Segment has it: field names escape every UTF-16 code unit outside `A-Za-z0-9._-` with a
 * backslash; string values are quoted without any escaping; `<`, `>`, `<=`, `>=` and the number
 * operators print Number(value); other values print as JavaScript's String() (`"null"`, `"[object
 * Object]"`, arrays joined); the outer parentheses are dropped only when the text starts with `(`, ends
 * with `)` and has exactly two parenthesis characters in all (those inside values count). Returns an
 * Error where the JavaScript throws: an error AST, an unknown condition type, a null child, `children`
 * that is not an array.
 */
Result<QString> generate(const json::Value &ast);

} // namespace inkmapper::fql
