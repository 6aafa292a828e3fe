#pragma once

#include "token.h"

#include <QString>
#include <QStringView>

#include <optional>
#include <string_view>
#include <vector>

namespace inkmapper::fql {

/**
 * Where fql-ts's lexer believes it is: a 0-based line and a column that counts the code units read on
 * that line (so after reading the first character of a line, column is 1). fql-ts moves it on every
 * read and un-read, including its quirks (see Lexer), so it can be off after a look-ahead at the end of
 * input or next to a line break.
 */
struct Cursor
{
    int line = 0;
    int column = 0;
};

/**
 * A lexer failure: fql-ts's LexerError message and its cursor at the moment it threw, plus where the
 * offending text really is. The cursor is kept exactly as fql-ts has it, but its quirks make it drift
 * (a `!` at the end of a third line is reported at line 1, column 4), so `offset` is what to underline.
 */
struct LexError
{
    QString message;
    Cursor cursor;
    qsizetype offset = 0; ///< UTF-16 offset of the offending character (or token start) in the source
};

/** What lex() returns: the tokens (ending with an Eos token), or no tokens and the error. */
struct LexResult
{
    std::vector<Token> tokens;
    std::optional<LexError> error;
};

/**
 * An exact port of @segment/fql-ts 1.10.1's Lexer, working on UTF-16 code units as JavaScript does.
 *
 * Quirks kept on purpose, because Segment's parser sees their effect:
 * - `accept()` that reaches the end of input returns false without un-reading what it consumed
 *   (so a trailing `an` lexes as the ident `a`);
 * - `peek()` at the end of input returns the "-1" end flag and still advances the cursor's column;
 * - the reader's `backward()` reports the character *after* the one it steps back over, so the
 *   cursor's line/column bookkeeping on un-read is based on the wrong character;
 * - `!=` and `<=`/`>=`, `and`, `or`, `null` must be followed by a terminator (white space, `,`, `]`,
 *   `)` or the end) to be recognised, and a string's closing quote is only consumed when a terminator
 *   follows it.
 */
class Lexer
{
public:
    explicit Lexer(QStringView code);

    /** fql-ts's `lex(code)`: all tokens, or no tokens and the error that stopped the lexer. */
    static LexResult lex(QStringView code);

    /** Runs this lexer over its code (once). */
    LexResult run();

    /** The cursor as fql-ts tracks it. */
    Cursor cursor() const { return m_cursor; }

private:
    // A character as fql-ts's helpers see it: a UTF-16 code unit, or EndOfInput for its "-1" flag.
    static constexpr int EndOfInput = -1;

    struct Step
    {
        int ch;
        bool isEos;
    };

    std::optional<Token> lexOperatorOrConditional(int previous);
    std::optional<Token> lexIdent(int previous);
    std::optional<Token> lexNumber(int previous);
    std::optional<Token> lexString(int openQuote);

    bool accept(std::u16string_view expected);
    Step next();
    int peek();
    void backup(qsizetype count);

    void fail(const QString &message, qsizetype offset);
    static QString describeChar(int ch);

    QStringView m_code;
    qsizetype m_position = 0;
    qsizetype m_tokenStart = 0;
    Cursor m_cursor;
    std::optional<LexError> m_error;
};

} // namespace inkmapper::fql
