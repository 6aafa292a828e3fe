#include "changedtext.h"

#include <QPlainTextEdit>
#include <QSyntaxHighlighter>
#include <QTextCursor>
#include <QTextDocument>

#include <algorithm>

namespace inkmapper::ui {

namespace {

/** Above this share of the new text, replacing a span costs more than setting the whole text. */
constexpr qsizetype LargeChangeDivisor = 2;

/**
 * Whether every character of `text` is one position of a text document. A carriage return (alone or
 * before a line feed) and the frame marks are not: QTextDocument turns them into block boundaries.
 */
bool mapsOneToOne(QStringView text)
{
    return std::none_of(text.begin(), text.end(), [](QChar c) {
        return c == u'\r' || c.unicode() == 0xFDD0 || c.unicode() == 0xFDD1;
    });
}

} // namespace

ChangedSpan changedSpan(QStringView before, QStringView after)
{
    const qsizetype common = std::min(before.size(), after.size());
    const auto firstDifference = std::mismatch(before.begin(), before.begin() + common, after.begin());
    qsizetype prefix = firstDifference.first - before.begin();
    // A surrogate pair is one character for the text document: it is replaced whole or not at all.
    if (prefix > 0 && before[prefix - 1].isHighSurrogate())
        --prefix;
    const auto lastDifference = std::mismatch(before.rbegin(), before.rbegin() + (common - prefix), after.rbegin());
    qsizetype suffix = lastDifference.first - before.rbegin();
    if (suffix > 0 && before[before.size() - suffix].isLowSurrogate())
        --suffix;
    return {prefix, before.size() - prefix - suffix, after.size() - prefix - suffix};
}

void showChangedText(QPlainTextEdit *edit, QStringView shown, const QString &text)
{
    const ChangedSpan span = changedSpan(shown, text);
    if (span.removed == 0 && span.inserted == 0)
        return;
    if (shown.isEmpty() || std::max(span.removed, span.inserted) > text.size() / LargeChangeDivisor
        || !mapsOneToOne(shown) || !mapsOneToOne(text)) {
        edit->setPlainText(text);
        return;
    }
    QTextDocument *document = edit->document();
    const bool undoable = document->isUndoRedoEnabled();
    document->setUndoRedoEnabled(false); // as setPlainText: programmatic text is not the user's to undo
    QTextCursor cursor(document);
    cursor.setPosition(int(span.position));
    cursor.setPosition(int(span.position + span.removed), QTextCursor::KeepAnchor);
    cursor.insertText(QStringView(text).mid(span.position, span.inserted).toString());
    document->setUndoRedoEnabled(undoable);
}

void showChangedHighlightedText(QPlainTextEdit *edit, QSyntaxHighlighter *highlighter, qsizetype maxHighlighted,
                                QStringView shown, const QString &text)
{
    QTextDocument *highlighted = text.size() <= maxHighlighted ? edit->document() : nullptr;
    if (highlighter->document() != highlighted) {
        highlighter->setDocument(highlighted);
        edit->setPlainText(text);
        return;
    }
    showChangedText(edit, shown, text);
}

} // namespace inkmapper::ui
