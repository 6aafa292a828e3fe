#pragma once

#include <QSyntaxHighlighter>
#include <QTextCharFormat>

namespace inkmapper::ui {

/**
 * Colours JSON text: object keys, string values, numbers, true/false/null. Line by line (JSON strings
 * cannot span lines), with colours chosen for the palette's lightness so dark themes stay readable.
 */
class JsonSyntaxHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT

public:
    explicit JsonSyntaxHighlighter(QTextDocument *document);

    /** The kinds of token that get a colour. */
    enum class Token { Key, String, Number, Keyword };
    /** The format used for `token` (for tests and for matching colours elsewhere). */
    QTextCharFormat format(Token token) const;

protected:
    void highlightBlock(const QString &text) override;

private:
    QTextCharFormat m_key;
    QTextCharFormat m_string;
    QTextCharFormat m_number;
    QTextCharFormat m_keyword;
};

} // namespace inkmapper::ui
