#include "fqlhighlighter.h"

#include "fql/lexer.h"

namespace inkmapper::ui {

FqlHighlighter::FqlHighlighter(QTextDocument *document)
    : QSyntaxHighlighter(document)
{
    m_field.setForeground(QColor(0x1f, 0x4e, 0x99));
    m_function.setForeground(QColor(0x7a, 0x3e, 0x9d));
    m_string.setForeground(QColor(0x0b, 0x7a, 0x3e));
    m_number.setForeground(QColor(0xa3, 0x4d, 0x00));
    m_keyword.setFontWeight(QFont::Bold);
    m_operator.setFontWeight(QFont::Bold);
}

void FqlHighlighter::highlightBlock(const QString &text)
{
    // Each line is lexed on its own: FQL strings cannot span lines, and a line the lexer rejects stays
    // plain (the editor underlines the error separately).
    const fql::LexResult lexed = fql::Lexer::lex(text);
    for (size_t i = 0; i < lexed.tokens.size(); ++i) {
        const fql::Token &token = lexed.tokens[i];
        const int start = int(token.offset);
        const int end = i + 1 < lexed.tokens.size() ? int(lexed.tokens[i + 1].offset) : int(text.size());
        int length = end - start;
        // Tokens' own text, not the white space up to the next one.
        while (length > 0 && text.at(start + length - 1).isSpace())
            --length;
        switch (token.type) {
        case fql::TokenType::Ident: {
            const bool isFunction = token.value == u"contains" || token.value == u"match";
            const bool isLiteral = token.value == u"true" || token.value == u"false";
            setFormat(start, length, isFunction ? m_function : isLiteral ? m_keyword : m_field);
            break;
        }
        case fql::TokenType::String: setFormat(start, length, m_string); break;
        case fql::TokenType::Number: setFormat(start, length, m_number); break;
        case fql::TokenType::Null:
        case fql::TokenType::Conditional: setFormat(start, length, m_keyword); break;
        case fql::TokenType::Operator: setFormat(start, length, m_operator); break;
        default: break;
        }
    }
}

} // namespace inkmapper::ui
