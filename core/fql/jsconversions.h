#pragma once

#include "json/value.h"

#include <QString>

#include <optional>

namespace inkmapper::fql::Internal {

// JavaScript's String(v) and Number(v) for the values an AST can hold, including the one way they throw
// on JSON data: an object with an own `toString` member (never callable in JSON) leaves ToPrimitive
// with no primitive, a TypeError "Cannot convert object to primitive value". Arrays reach it through
// join() for their elements.

/** String(v), or nothing where JavaScript throws. */
std::optional<QString> jsString(const json::Value &v);
/** Appends String(v) to out; false (out then undefined) where JavaScript throws. */
bool appendString(QString &out, const json::Value &v);
/** Number(v), or nothing where JavaScript throws. */
std::optional<double> jsNumber(const json::Value &v);

/** The TypeError message for a value String()/Number() cannot convert. */
QString cannotConvertMessage();

} // namespace inkmapper::fql::Internal
