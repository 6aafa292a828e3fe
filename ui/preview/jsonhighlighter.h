#pragma once

#include <QSyntaxHighlighter>
#include <QTextCharFormat>

namespace inkmapper::ui {

/**
 * Colours JSON text as the preview shows it (output of JSON.stringify, pretty or compact): object keys,
 * strings, numbers, and true/false/null. A line-by-line scanner; it never has to understand invalid JSON.
 */
class JsonHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT

public:
    explicit JsonHighlighter(QTextDocument *document);

protected:
    void highlightBlock(const QString &text) override;

private:
    QTextCharFormat m_key;
    QTextCharFormat m_string;
    QTextCharFormat m_number;
    QTextCharFormat m_literal;
};

} // namespace inkmapper::ui
