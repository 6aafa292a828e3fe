#pragma once

#include <QSyntaxHighlighter>
#include <QTextCharFormat>

namespace inkmapper::ui {

/** Colours FQL as Segment's own lexer splits it: fields, strings, numbers, operators and and/or. */
class FqlHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT

public:
    /** Highlights `document`. */
    explicit FqlHighlighter(QTextDocument *document);

protected:
    void highlightBlock(const QString &text) override;

private:
    QTextCharFormat m_field;
    QTextCharFormat m_function;
    QTextCharFormat m_string;
    QTextCharFormat m_number;
    QTextCharFormat m_keyword;
    QTextCharFormat m_operator;
};

} // namespace inkmapper::ui
