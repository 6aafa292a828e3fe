#include "codeedit.h"

#include <QFontDatabase>
#include <QHelpEvent>
#include <QPainter>
#include <QTextBlock>
#include <QToolTip>

namespace inkmapper::ui {

/** The line-number strip left of the text; CodeEdit paints it. */
class CodeEdit::Gutter : public QWidget
{
public:
    explicit Gutter(CodeEdit *editor)
        : QWidget(editor)
        , m_editor(editor)
    {
    }

    QSize sizeHint() const override { return {m_editor->gutterWidth(), 0}; }

protected:
    void paintEvent(QPaintEvent *event) override { m_editor->paintGutter(event); }

private:
    CodeEdit *m_editor;
};

CodeEdit::CodeEdit(QWidget *parent)
    : QPlainTextEdit(parent)
    , m_gutter(new Gutter(this))
{
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setLineWrapMode(QPlainTextEdit::NoWrap);
    setTabChangesFocus(true); // keyboard users must be able to leave the editor with Tab
    setTabStopDistance(fontMetrics().horizontalAdvance(QLatin1Char(' ')) * 2);
    connect(this, &QPlainTextEdit::blockCountChanged, this, &CodeEdit::updateGutterWidth);
    connect(this, &QPlainTextEdit::updateRequest, this, &CodeEdit::updateGutter);
    updateGutterWidth();
}

CodeEdit::~CodeEdit() = default;

void CodeEdit::setErrorPosition(int line, int column, const QString &message)
{
    m_errorLine = std::max(line, 1);
    m_errorColumn = std::max(column, 1);
    m_errorMessage = message;
    updateSelections();
}

void CodeEdit::clearErrorPosition()
{
    if (m_errorLine == 0)
        return;
    m_errorLine = 0;
    m_errorColumn = 0;
    m_errorMessage.clear();
    updateSelections();
}

int CodeEdit::gutterWidth() const
{
    int digits = 1;
    for (int max = std::max(1, blockCount()); max >= 10; max /= 10)
        ++digits;
    return 10 + fontMetrics().horizontalAdvance(QLatin1Char('9')) * std::max(digits, 2);
}

void CodeEdit::resizeEvent(QResizeEvent *event)
{
    QPlainTextEdit::resizeEvent(event);
    const QRect rect = contentsRect();
    m_gutter->setGeometry(QRect(rect.left(), rect.top(), gutterWidth(), rect.height()));
}

bool CodeEdit::event(QEvent *event)
{
    // The error message as a tooltip over the marked line, where the eye already is.
    if (event->type() == QEvent::ToolTip && m_errorLine > 0) {
        auto *help = static_cast<QHelpEvent *>(event);
        const QTextCursor cursor = cursorForPosition(viewport()->mapFromGlobal(help->globalPos()));
        if (cursor.blockNumber() + 1 == m_errorLine) {
            QToolTip::showText(help->globalPos(), m_errorMessage, this);
            return true;
        }
        QToolTip::hideText();
    }
    return QPlainTextEdit::event(event);
}

void CodeEdit::paintGutter(QPaintEvent *event)
{
    QPainter painter(m_gutter);
    const QPalette pal = palette();
    painter.fillRect(event->rect(), pal.color(QPalette::AlternateBase));
    QTextBlock block = firstVisibleBlock();
    int number = block.blockNumber();
    int top = qRound(blockBoundingGeometry(block).translated(contentOffset()).top());
    int bottom = top + qRound(blockBoundingRect(block).height());
    const int width = m_gutter->width() - 5;
    while (block.isValid() && top <= event->rect().bottom()) {
        if (block.isVisible() && bottom >= event->rect().top()) {
            const bool isError = number + 1 == m_errorLine;
            painter.setPen(isError ? QColor(0xd0, 0x30, 0x30) : pal.color(QPalette::Disabled, QPalette::Text));
            painter.drawText(0, top, width, fontMetrics().height(), Qt::AlignRight, QString::number(number + 1));
        }
        block = block.next();
        top = bottom;
        bottom = top + qRound(blockBoundingRect(block).height());
        ++number;
    }
}

void CodeEdit::updateGutterWidth()
{
    setViewportMargins(gutterWidth(), 0, 0, 0);
}

void CodeEdit::updateGutter(const QRect &rect, int dy)
{
    if (dy != 0)
        m_gutter->scroll(0, dy);
    else
        m_gutter->update(0, rect.y(), m_gutter->width(), rect.height());
    if (rect.contains(viewport()->rect()))
        updateGutterWidth();
}

void CodeEdit::updateSelections()
{
    QList<QTextEdit::ExtraSelection> selections;
    const QTextBlock block = document()->findBlockByNumber(m_errorLine - 1);
    if (m_errorLine > 0 && block.isValid()) {
        QTextEdit::ExtraSelection line;
        line.format.setBackground(QColor(0xd0, 0x30, 0x30, 28));
        line.format.setProperty(QTextFormat::FullWidthSelection, true);
        line.cursor = QTextCursor(block);
        selections.append(line);

        // Underline the character the parser stopped at; past the end of the line, its last character.
        const int length = block.length() - 1; // without the line break
        int column = std::min(m_errorColumn - 1, length - 1);
        QTextEdit::ExtraSelection mark;
        mark.format.setUnderlineStyle(QTextCharFormat::WaveUnderline);
        mark.format.setUnderlineColor(QColor(0xe0, 0x1b, 0x24));
        mark.format.setToolTip(m_errorMessage);
        mark.cursor = QTextCursor(block);
        if (column >= 0) {
            mark.cursor.setPosition(block.position() + column);
            mark.cursor.setPosition(block.position() + column + 1, QTextCursor::KeepAnchor);
            selections.append(mark);
        }
    }
    setExtraSelections(selections);
    m_gutter->update();
}

} // namespace inkmapper::ui
