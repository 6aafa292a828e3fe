#pragma once

#include "json/value.h"

#include <QString>
#include <QStringView>

namespace inkmapper::mapping {

/**
 * A UTF-16 string literal as a view whose length is known at compile time. Comparing a QString with a
 * bare `u"…"` measures the literal at run time, which the resolver would do for every value.
 */
template<size_t N>
constexpr QStringView lit(const char16_t (&text)[N])
{
    return QStringView(text, qsizetype(N - 1));
}

/** The key of Segment's root-directive form: its value is the directive, the other keys its `mapping`. */
inline constexpr QStringView kRootDirectiveKey = u"__segment_internal_directive";

/** Segment's limits on @replace's pattern and replacement, in UTF-16 code units. */
inline constexpr qsizetype kMaxReplacePatternLength = 10;
inline constexpr qsizetype kMaxReplacementLength = 10;

/** The directives Segment's mapping-kit knows (its `directives` registry), in registration order. */
bool isKnownDirective(QStringView name);

/**
 * Segment's isDirective(): an object with at least one `@`-prefixed key whose other keys are all
 * `@`-prefixed or `_metadata`.
 */
bool isDirective(const json::Value &value);

/** The first `@`-prefixed key of an object in JavaScript key order, or nullptr when there is none. */
const QString *firstDirectiveKey(const json::Object &object);

/** True when some key of the object starts with `@` (what the validator calls a "directive"). */
bool hasDirectiveKey(const json::Object &object);

} // namespace inkmapper::mapping
