#include "fqltextedit.h"

#include "fqlhighlighter.h"

#include <QFontDatabase>
#include <QTextBlock>

namespace inkmapper::ui {

namespace {

constexpr int PreferredLines = 4;
constexpr int MinimumLines = 2;

} // namespace

FqlTextEdit::FqlTextEdit(QWidget *parent)
    : QPlainTextEdit(parent)
    , m_highlighter(new FqlHighlighter(document()))
{
    setObjectName(QStringLiteral("fqlTextEdit"));
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setTabChangesFocus(true);
    setLineWrapMode(QPlainTextEdit::WidgetWidth);
    setPlaceholderText(QStringLiteral("type = \"track\" and event = \"Order Completed\""));
    setAccessibleName(QStringLiteral("FQL"));
    setToolTip(QStringLiteral("The trigger in Segment's FQL (Filter Query Language); "
                              "edit it here or in the builder, both stay in sync"));
}

void FqlTextEdit::setErrorLocation(int line, int column)
{
    const QTextBlock block = document()->findBlockByNumber(std::max(0, line - 1));
    int position = block.isValid() ? block.position() + std::max(0, column - 1) : 0;
    const int end = std::max(0, document()->characterCount() - 1);
    // Errors at the end of the text ("unterminated string") mark its last character.
    if (position >= end)
        position = std::max(0, end - 1);
    m_errorPosition = position;

    QTextEdit::ExtraSelection selection;
    selection.cursor = QTextCursor(document());
    selection.cursor.setPosition(position);
    selection.cursor.setPosition(std::min(position + 1, end), QTextCursor::KeepAnchor);
    selection.format.setUnderlineStyle(QTextCharFormat::WaveUnderline);
    selection.format.setUnderlineColor(QColor(0xd0, 0x20, 0x20));
    setExtraSelections({selection});
}

void FqlTextEdit::clearErrorLocation()
{
    m_errorPosition = -1;
    setExtraSelections({});
}

void FqlTextEdit::goToError()
{
    if (m_errorPosition < 0)
        return;
    QTextCursor cursor = textCursor();
    cursor.setPosition(m_errorPosition);
    setTextCursor(cursor);
    setFocus(Qt::OtherFocusReason);
}

QSize FqlTextEdit::sizeHint() const
{
    const QSize base = QPlainTextEdit::sizeHint();
    const int margins = int(document()->documentMargin() * 2) + frameWidth() * 2;
    return {base.width(), fontMetrics().lineSpacing() * PreferredLines + margins};
}

QSize FqlTextEdit::minimumSizeHint() const
{
    const QSize base = QPlainTextEdit::minimumSizeHint();
    const int margins = int(document()->documentMargin() * 2) + frameWidth() * 2;
    return {base.width(), fontMetrics().lineSpacing() * MinimumLines + margins};
}

} // namespace inkmapper::ui
