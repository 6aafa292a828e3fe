#pragma once

#include <QPlainTextEdit>

namespace inkmapper::ui {

/**
 * A plain-text editor for code: monospace, no wrapping, line numbers in a gutter, and an error marked at
 * an exact line and column with a red wavy underline (and a tinted line), as compilers' editors do.
 */
class CodeEdit : public QPlainTextEdit
{
    Q_OBJECT

public:
    explicit CodeEdit(QWidget *parent = nullptr);
    ~CodeEdit() override;

    /** Marks the character at 1-based `line` and `column` (UTF-16 code units) with `message` as tooltip. */
    void setErrorPosition(int line, int column, const QString &message);
    void clearErrorPosition();
    /** The marked line, 0 when none. */
    int errorLine() const { return m_errorLine; }
    /** The marked column, 0 when none. */
    int errorColumn() const { return m_errorColumn; }

    /** Width of the line-number gutter in pixels. */
    int gutterWidth() const;

protected:
    void resizeEvent(QResizeEvent *event) override;
    bool event(QEvent *event) override;

private:
    class Gutter;

    void paintGutter(QPaintEvent *event);
    void updateGutterWidth();
    void updateGutter(const QRect &rect, int dy);
    void updateSelections();

    Gutter *m_gutter;
    int m_errorLine = 0;
    int m_errorColumn = 0;
    QString m_errorMessage;
};

} // namespace inkmapper::ui
