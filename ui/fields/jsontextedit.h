#pragma once

#include <QPlainTextEdit>

namespace inkmapper::ui {

/**
 * A plain-text editor for JSON: monospace font, no wrapping surprises, and a red wavy underline at the
 * line and column where the parser stopped. It never rewrites what the user typed.
 */
class JsonTextEdit : public QPlainTextEdit
{
    Q_OBJECT

public:
    explicit JsonTextEdit(QWidget *parent = nullptr);

    /** Underlines the character at 1-based `line`/`column` (UTF-16 code units) and sets the tooltip to `message`. */
    void setError(int line, int column, const QString &message);
    /** Removes the underline and the error tooltip. */
    void clearError();
    /** True while an error is shown. */
    bool hasError() const { return m_hasError; }

    /** Replaces the text as one undoable step, keeping the cursor near where it was. */
    void replaceText(const QString &text);

    /** A height fitting `lines` lines of text, for compact editors inside forms. */
    void setVisibleLines(int lines);

    QSize sizeHint() const override;

private:
    bool m_hasError = false;
    int m_visibleLines = 0;
};

} // namespace inkmapper::ui
