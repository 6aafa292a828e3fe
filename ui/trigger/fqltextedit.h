#pragma once

#include <QPlainTextEdit>

namespace inkmapper::ui {

class FqlHighlighter;

/**
 * The FQL text of a trigger: a monospace, syntax-highlighted plain text editor that can underline the
 * character where parsing failed. Tab moves the focus on (FQL never needs a tab character).
 */
class FqlTextEdit : public QPlainTextEdit
{
    Q_OBJECT

public:
    /** An empty editor. */
    explicit FqlTextEdit(QWidget *parent = nullptr);

    /** Underlines the character at this 1-based line and column (the end of the text when past it). */
    void setErrorLocation(int line, int column);
    /** Removes the underline. */
    void clearErrorLocation();
    /** The document position of the underlined character, or -1. */
    int errorPosition() const { return m_errorPosition; }
    /** Moves the cursor to the underlined character and focuses the editor. */
    void goToError();

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

private:
    int m_errorPosition = -1;
    FqlHighlighter *m_highlighter;
};

} // namespace inkmapper::ui
