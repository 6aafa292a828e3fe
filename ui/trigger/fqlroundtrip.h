#pragma once

#include "json/value.h"
#include "util/result.h"

#include <QString>

namespace inkmapper::ui {

/**
 * Writes a condition tree as FQL only when Segment's parser reads that text back as the same tree.
 *
 * generateFql has no escapes and a few quirks (a `"` inside a value ends the string, `<` prints
 * Number(value), …), so a tree can turn into text that means something else. The condition builder
 * uses this to refuse such trees instead of handing the document a trigger that silently differs.
 */
class FqlRoundTrip
{
public:
    /**
     * The FQL for `tree` (an empty text for a group without children), or an Error saying why the text
     * would not read back as `tree`. Differences that do not change the meaning are accepted: a nested
     * group of one condition, a root holding a single group, the connective of a root of one child.
     */
    static Result<QString> write(const json::Value &tree);

    /** The tree as Segment's parser would hand it back, with the harmless differences above folded away. */
    static json::Value canonical(const json::Value &tree);
};

} // namespace inkmapper::ui
