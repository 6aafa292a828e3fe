#pragma once

#include "json/value.h"

#include <QList>
#include <QString>

namespace inkmapper::ui {

/**
 * Finds the conditions whose value the FQL text leaves out, as in `event = ` or `match(event,` while
 * it is being typed.
 *
 * Segment's parser then takes its end-of-input token as the value, so such a condition compares with
 * the text "eos" (`match()` drops a pattern's first character: "os"). The builder shows that
 * faithfully; the trigger editor uses this to say why.
 */
class FqlMissingValues
{
public:
    /** One condition whose value is Segment's end-of-input token. */
    struct Missing
    {
        int condition = 0;  ///< numbered from 1 in reading order, nested groups included, as the builder's rows
        QString valueRead;  ///< the value the condition ends up with, as Segment's parse holds it ("eos", "os")
    };

    /** The text Segment's parser reads in place of a missing value. */
    static QString endOfInputText();

    /**
     * The conditions of `tree` (Segment's parse of `fql`) whose value is missing from `fql`.
     *
     * Decided by the core parser itself, never by re-reading the grammar here: a condition counts when
     * a quoted "eos" placed where the text ends (at its end and before each closing parenthesis) leaves
     * it as it is, and any other text placed there changes it. A value the user typed, "eos" included,
     * changes with neither.
     */
    static QList<Missing> find(const QString &fql, const json::Value &tree);
};

} // namespace inkmapper::ui
