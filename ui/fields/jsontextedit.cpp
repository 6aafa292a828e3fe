#include "jsontextedit.h"

#include <QFontDatabase>
#include <QTextBlock>

namespace inkmapper::ui {

JsonTextEdit::JsonTextEdit(QWidget *parent)
    : QPlainTextEdit(parent)
{
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setLineWrapMode(QPlainTextEdit::NoWrap);
    // Tab moves the focus on, so the editor never traps keyboard users; indentation is typed with spaces.
    setTabChangesFocus(true);
    setTabStopDistance(fontMetrics().horizontalAdvance(QLatin1Char(' ')) * 2);
}

void JsonTextEdit::setError(int line, int column, const QString &message)
{
    QTextEdit::ExtraSelection selection;
    selection.format.setUnderlineStyle(QTextCharFormat::WaveUnderline);
    selection.format.setUnderlineColor(QColor(0xd0, 0x20, 0x20));
    selection.format.setToolTip(message);

    QTextBlock block = document()->findBlockByNumber(qMax(0, line - 1));
    if (!block.isValid())
        block = document()->lastBlock();
    QTextCursor cursor(block);
    const int offset = qBound(0, column - 1, qMax(0, block.length() - 1));
    cursor.setPosition(block.position() + offset);
    // At the end of a line (e.g. a missing closing brace) there is no character to underline: mark the last one.
    if (offset >= block.length() - 1 && offset > 0)
        cursor.movePosition(QTextCursor::Left);
    cursor.movePosition(QTextCursor::Right, QTextCursor::KeepAnchor);
    selection.cursor = cursor;
    setExtraSelections({selection});
    setToolTip(message);
    m_hasError = true;
}

void JsonTextEdit::clearError()
{
    if (!m_hasError)
        return;
    setExtraSelections({});
    setToolTip(QString());
    m_hasError = false;
}

void JsonTextEdit::replaceText(const QString &text)
{
    if (text == toPlainText())
        return;
    const int line = textCursor().blockNumber();
    const int column = textCursor().positionInBlock();
    QTextCursor cursor(document());
    cursor.beginEditBlock();
    cursor.select(QTextCursor::Document);
    cursor.insertText(text);
    cursor.endEditBlock();
    // Put the cursor back on the same line and column so an outside change does not throw the reader off.
    const QTextBlock block = document()->findBlockByNumber(qMin(line, document()->blockCount() - 1));
    QTextCursor restored(block);
    restored.setPosition(block.position() + qMin(column, block.length() - 1));
    setTextCursor(restored);
}

void JsonTextEdit::setVisibleLines(int lines)
{
    m_visibleLines = lines;
    const int frame = 2 * frameWidth() + int(document()->documentMargin() * 2);
    setFixedHeight(fontMetrics().lineSpacing() * lines + frame + 2);
    updateGeometry();
}

QSize JsonTextEdit::sizeHint() const
{
    const QSize base = QPlainTextEdit::sizeHint();
    if (m_visibleLines <= 0)
        return base;
    return {base.width(), fontMetrics().lineSpacing() * m_visibleLines + 2 * frameWidth() + 8};
}

} // namespace inkmapper::ui
