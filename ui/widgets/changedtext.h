#pragma once

#include <QString>
#include <QStringView>

class QPlainTextEdit;
class QSyntaxHighlighter;

namespace inkmapper::ui {

/**
 * Makes `edit`, which shows `shown`, show `text` by replacing only the span where the two differ.
 *
 * A preview or an event that changes by a few characters then costs what the change costs, not what laying
 * out the whole text again costs (setPlainText on a 1 MB text takes tens of milliseconds), and the view
 * keeps its scroll position, caret and selection where the text around them did not change. When most of the
 * text differs it falls back to setPlainText. Like setPlainText, it leaves the text's own undo history empty.
 *
 * `shown` must be what the edit holds, character for character (the text last set, or its toPlainText()).
 */
void showChangedText(QPlainTextEdit *edit, QStringView shown, const QString &text);

/**
 * showChangedText for a view whose `highlighter` colours texts of up to `maxHighlighted` characters and is
 * detached beyond. Attaching it colours the whole text again anyway, so when the size crosses the limit the
 * text is set whole.
 */
void showChangedHighlightedText(QPlainTextEdit *edit, QSyntaxHighlighter *highlighter, qsizetype maxHighlighted,
                                QStringView shown, const QString &text);

/** The span to replace: `removed` characters of the old text at `position` become `inserted` of the new one. */
struct ChangedSpan
{
    qsizetype position = 0;
    qsizetype removed = 0;
    qsizetype inserted = 0;
};

/** The shortest span outside of which `before` and `after` are equal; never splits a surrogate pair. */
ChangedSpan changedSpan(QStringView before, QStringView after);

} // namespace inkmapper::ui
