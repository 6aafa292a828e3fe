#pragma once

#include "token.h"

#include "json/value.h"
#include "util/result.h"

#include <QStringView>

#include <vector>

namespace inkmapper::fql {

/**
 * Segment's parseFql (@segment/destination-subscriptions 3.37.0): FQL text → condition tree, as a
 * json::Value in exactly the shape and key order Segment builds, e.g.
 * `{"type":"group","operator":"and","children":[{"type":"event-type","operator":"=","value":"track"}]}`.
 *
 * Segment's quirks are kept: one connective per group (the last `and`/`or` wins), one level of
 * parentheses, unknown field names skipped, `match(f, "x*")` as starts-with and anything else as
 * ends-with, single-quoted strings keeping their quotes, children left undefined by an empty group
 * (JSON shows them as null), NaN values from a lone sign.
 *
 * Where Segment returns `{error}` (a lexer error, or a TypeError on an undefined token or tree) this
 * returns an Error whose location gives the line and column (1-based, UTF-16 code units) to underline.
 */
Result<json::Value> parse(QStringView fql);

/** Segment's normalize(): joins `ident . ident` token runs into one ident (`properties.a.b`). */
std::vector<Token> normalize(const std::vector<Token> &tokens);

} // namespace inkmapper::fql
