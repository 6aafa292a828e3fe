#pragma once

#include "value.h"

#include <QString>

namespace inkmapper::json {

/** JavaScript's String(v): arrays joined with ",", objects "[object Object]", null/undefined by name. */
QString toJsString(const Value &v);
/** Appends String(v) to out, avoiding temporaries for the common scalar cases. */
void appendJsString(QString &out, const Value &v);

/** Segment's realTypeOf: Object.prototype.toString's tag in lower case ("object", "array", "null", …). */
QString realTypeOf(const Value &v);

/** JavaScript's ToNumber(v) (Number(v)). */
double toJsNumber(const Value &v);

/**
 * JavaScript's `base[key]` for a value that is not null or undefined: own properties of objects,
 * `length` and indexes of strings and arrays (strings index UTF-16 code units), and the names of the
 * built-in prototype members (`constructor`, `toString`, `__proto__`, …), which reach built-in functions.
 */
Value getProperty(const Value &base, const QString &key);

/** JavaScript's `v == ""` (loose equality with the empty string). */
bool looseEqualsEmptyString(const Value &v);

/** JavaScript's strict equality `a === b` (NaN never equal; objects by identity, approximated structurally). */
bool strictEquals(const Value &a, const Value &b);

} // namespace inkmapper::json
