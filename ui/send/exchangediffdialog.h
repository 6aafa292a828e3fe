#pragma once

#include "delivery/senttest.h"
#include "util/linediff.h"

#include <QDialog>

#include <vector>

class QCheckBox;
class QLabel;
class QPlainTextEdit;

namespace inkmapper::ui {

/**
 * Two tests of the history side by side in one text, as `diff -u` shows them: the lines only the first has
 * (red, "-"), those only the second has (green, "+"), and, unless all are asked for, three lines of context
 * around each change. Compares what was sent and what came back (delivery::ExchangeText::forComparison).
 */
class ExchangeDiffDialog : public QDialog
{
    Q_OBJECT

public:
    /** `numberA` and `numberB` are the tests' numbers in the history, for the title. */
    ExchangeDiffDialog(const delivery::SentTest &a, int numberA, const delivery::SentTest &b, int numberB,
                       QWidget *parent = nullptr);

    /** How many lines differ (removed plus added). */
    int changedLines() const { return m_changed; }
    /** The text shown, one "  ", "- " or "+ " prefixed line per line. */
    QString text() const;

private:
    void render();

    std::vector<util::DiffLine> m_diff;
    int m_changed = 0;
    QLabel *m_summary;
    QCheckBox *m_allLines;
    QPlainTextEdit *m_view;
};

} // namespace inkmapper::ui
