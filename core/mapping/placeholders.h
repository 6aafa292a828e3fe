#pragma once

#include "json/value.h"

#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace inkmapper::mapping {

/**
 * Segment's render(template, data) behind @template: `{{{path}}}` placeholders are replaced first,
 * then `{{path}}` in the result; the inner text is trimmed and looked up with getPath(), and the value
 * is written as JavaScript's String(value), `null`/`undefined` as nothing. An undefined `data` is `{}`.
 */
QString renderTemplate(const QString &text, const json::Value &data);

/** A template prepared for rendering many times: literal text and `{{path}}` placeholders in order. */
struct CompiledTemplate
{
    struct Segment
    {
        QString text;     ///< literal text, when `placeholder` is false
        QStringList keys; ///< the placeholder's path, split as get() splits it
        bool placeholder = false;
    };
    std::vector<Segment> segments;
};

/**
 * Splits a template once, when that gives the same result as renderTemplate(): only if the `{{{ }}}`
 * pass matches nothing, since otherwise the `{{ }}` pass runs over text that depends on the data.
 */
std::optional<CompiledTemplate> compileTemplate(const QString &text);

/** renderTemplate() for a compiled template. */
QString renderCompiledTemplate(const CompiledTemplate &compiled, const json::Value &data);

} // namespace inkmapper::mapping
