#pragma once

#include "json/value.h"

#include <QList>
#include <QString>

namespace inkmapper::ui {

/**
 * Finds the conditions whose value the FQL text leaves out, as in `event = ` while it is being typed.
 *
 * Segment's parser then takes its end-of-input token as the value, so such a condition compares with
 * the text "eos". The builder shows that faithfully; the trigger editor uses this to say why.
 */
class FqlMissingValues
{
public:
    /** The text Segment's parser reads in place of a missing value. */
    static QString endOfInputText();

    /**
     * The conditions of `tree` (Segment's parse of `fql`) whose value is missing from `fql`, numbered
     * from 1 in reading order, nested groups included, as the builder numbers its rows.
     */
    static QList<int> find(const QString &fql, const json::Value &tree);
};

} // namespace inkmapper::ui
