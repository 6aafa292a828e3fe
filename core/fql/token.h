#pragma once

#include <QString>

namespace inkmapper::fql {

/** The kinds of token @segment/fql-ts produces (its TokenType enum). */
enum class TokenType : unsigned char {
    Err,
    Ident,
    Dot,
    Operator,
    Conditional,
    String,
    Number,
    Null,
    BrackLeft,
    BrackRight,
    ParenLeft,
    ParenRight,
    Comma,
    Eos,
};

/** The name fql-ts gives a token type ("ident", "parenleft", "eos", …). */
QString tokenTypeName(TokenType type);

/**
 * One token as fql-ts emits it: its type and its text. String tokens keep their quotes, number tokens
 * keep their sign and digits as written, idents have their backslash escapes resolved. `offset` is
 * where the token starts in the source, in UTF-16 code units; fql-ts does not have it, the parser uses
 * it only to place its error messages.
 */
struct Token
{
    TokenType type = TokenType::Err;
    QString value;
    qsizetype offset = 0;

    friend bool operator==(const Token &a, const Token &b) { return a.type == b.type && a.value == b.value; }
};

} // namespace inkmapper::fql
