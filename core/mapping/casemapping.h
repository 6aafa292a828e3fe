#pragma once

#include <QString>

namespace inkmapper::mapping {

/**
 * JavaScript's String.prototype.toUpperCase(): full Unicode mappings (`ß` → `SS`, `ﬆ` → `ST`,
 * `ŉ` → `ʼN`), code point by code point; lone surrogates stay as they are.
 */
QString jsToUpperCase(const QString &text);

/**
 * JavaScript's String.prototype.toLowerCase(): full Unicode mappings (`İ` → `i̇`) and the final-sigma
 * rule (`Σ` becomes `ς` after a cased letter when no cased letter follows).
 */
QString jsToLowerCase(const QString &text);

/**
 * Canonicalize(ch) of a case-insensitive, non-Unicode JavaScript RegExp: the single code unit that
 * toUpperCase gives, unless that is not one code unit or it would map a non-ASCII unit to ASCII.
 */
char16_t jsRegExpCanonicalize(char16_t unit);

} // namespace inkmapper::mapping
