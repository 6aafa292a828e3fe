#include "lexer.h"

namespace inkmapper::fql {

namespace {

// fql-ts's limits ("bug catchers"): a token this long is an error.
constexpr qsizetype MaximumIdentLength = 100000;
constexpr qsizetype MaximumNumberLength = 100000;
constexpr qsizetype MaximumStringLength = 100000;

// The helpers of fql-ts's strings.js. They receive single code units (or the end flag, -1), so the
// regular expressions and parseFloat tests there reduce to these ASCII checks: /[a-z]/i without the
// `u` flag matches no non-ASCII letter (ſ and K are not case-folded into a-z).
bool isNewLine(int c) { return c == u'\r' || c == u'\n'; }
bool isWhitespace(int c) { return c == u' ' || c == u'\t' || c == u'\n'; }
bool isAlpha(int c) { return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z'); }
bool isNumber(int c) { return c >= u'0' && c <= u'9'; }
bool isIdent(int c) { return isAlpha(c) || isNumber(c) || c == u'_' || c == u'-' || c == u'\\'; }
bool isTerminator(int c) { return c < 0 || isWhitespace(c) || c == u',' || c == u']' || c == u')'; }

} // namespace

QString tokenTypeName(TokenType type)
{
    switch (type) {
    case TokenType::Err: return QStringLiteral("err");
    case TokenType::Ident: return QStringLiteral("ident");
    case TokenType::Dot: return QStringLiteral("dot");
    case TokenType::Operator: return QStringLiteral("operator");
    case TokenType::Conditional: return QStringLiteral("conditional");
    case TokenType::String: return QStringLiteral("string");
    case TokenType::Number: return QStringLiteral("number");
    case TokenType::Null: return QStringLiteral("null");
    case TokenType::BrackLeft: return QStringLiteral("brackleft");
    case TokenType::BrackRight: return QStringLiteral("brackright");
    case TokenType::ParenLeft: return QStringLiteral("parenleft");
    case TokenType::ParenRight: return QStringLiteral("parenright");
    case TokenType::Comma: return QStringLiteral("comma");
    case TokenType::Eos: return QStringLiteral("eos");
    }
    return {};
}

Lexer::Lexer(QStringView code) : m_code(code) {}

LexResult Lexer::lex(QStringView code)
{
    return Lexer(code).run();
}

LexResult Lexer::run()
{
    LexResult result;
    auto push = [&](TokenType type, QString value) {
        result.tokens.push_back(Token{type, std::move(value), m_tokenStart});
    };
    auto pushLexed = [&](std::optional<Token> token) {
        if (!token)
            return false;
        token->offset = m_tokenStart;
        result.tokens.push_back(std::move(*token));
        return true;
    };
    // fql-ts's lex() turns any LexerError into "no tokens at all".
    auto failed = [&] {
        result.tokens.clear();
        result.error = m_error;
        return result;
    };

    while (true) {
        const Step step = next();
        m_tokenStart = m_position - 1;
        if (step.isEos) {
            m_tokenStart = m_position;
            push(TokenType::Eos, QStringLiteral("eos"));
            return result;
        }
        const int ch = step.ch;
        if (isWhitespace(ch))
            continue;
        if (ch == u'!') {
            const int nextChar = peek();
            if (isAlpha(nextChar) || nextChar == u'(') {
                push(TokenType::Operator, QStringLiteral("!"));
                continue;
            }
        }
        if (isAlpha(ch) || ch == u'!' || ch == u'=' || ch == u'>' || ch == u'<' || ch == u'\\' || ch == u'_') {
            if (!pushLexed(lexOperatorOrConditional(ch)))
                return failed();
            continue;
        }
        if (isNumber(ch) || ch == u'-' || ch == u'+') {
            if (!pushLexed(lexNumber(ch)))
                return failed();
            continue;
        }
        if (ch == u'"' || ch == u'\'') {
            if (!pushLexed(lexString(ch)))
                return failed();
            continue;
        }
        switch (ch) {
        case u'.': push(TokenType::Dot, QStringLiteral(".")); continue;
        case u'[': push(TokenType::BrackLeft, QStringLiteral("[")); continue;
        case u']': push(TokenType::BrackRight, QStringLiteral("]")); continue;
        case u',': push(TokenType::Comma, QStringLiteral(",")); continue;
        case u'(': push(TokenType::ParenLeft, QStringLiteral("(")); continue;
        case u')': push(TokenType::ParenRight, QStringLiteral(")")); continue;
        default: break;
        }
        fail(QStringLiteral("invalid character %1").arg(describeChar(ch)), m_tokenStart);
        return failed();
    }
}

std::optional<Token> Lexer::lexString(int openQuote)
{
    QString str;
    // Looks for the next quote of the same kind: there are no escapes inside strings.
    while (peek() != openQuote) {
        const Step step = next();
        if (step.isEos) {
            fail(QStringLiteral("unterminated string"), m_tokenStart);
            return std::nullopt;
        }
        str += QChar(char16_t(step.ch));
        if (str.size() >= MaximumStringLength) {
            fail(QStringLiteral("unreasonable string length"), m_tokenStart);
            return std::nullopt;
        }
    }
    // fql-ts eats the closing quote only when a terminator follows; otherwise the quote is read
    // again as the opening quote of the next string.
    const char16_t quote[1] = {char16_t(openQuote)};
    accept(std::u16string_view(quote, 1));
    const QChar q{char16_t(openQuote)};
    return Token{TokenType::String, q + str + q, 0};
}

std::optional<Token> Lexer::lexNumber(int previous)
{
    QString str;
    int comingUp = peek();
    bool isDecimal = false;
    while (isNumber(comingUp) || comingUp == u'.') {
        str += QChar(char16_t(next().ch));
        if (comingUp == u'.') {
            if (isTerminator(peek())) {
                fail(QStringLiteral("unexpected terminator after decimal point"), m_position - 1);
                return std::nullopt;
            }
            if (isDecimal) {
                fail(QStringLiteral("multiple decimal points in one number"), m_position - 1);
                return std::nullopt;
            }
            isDecimal = true;
        }
        if (str.size() >= MaximumNumberLength) {
            fail(QStringLiteral("unreasonable number length"), m_tokenStart);
            return std::nullopt;
        }
        comingUp = peek();
    }
    return Token{TokenType::Number, QChar(char16_t(previous)) + str, 0};
}

std::optional<Token> Lexer::lexOperatorOrConditional(int previous)
{
    switch (previous) {
    case u'=':
        return Token{TokenType::Operator, QStringLiteral("="), 0};
    case u'!':
        if (accept(u"="))
            return Token{TokenType::Operator, QStringLiteral("!="), 0};
        // fql-ts peeks once more to build its message, which moves the cursor: keep that.
        fail(QStringLiteral("expected '=' after '!', got %1").arg(describeChar(peek())), m_tokenStart);
        return std::nullopt;
    case u'a':
        if (accept(u"nd"))
            return Token{TokenType::Conditional, QStringLiteral("and"), 0};
        return lexIdent(previous);
    case u'o':
        if (accept(u"r"))
            return Token{TokenType::Conditional, QStringLiteral("or"), 0};
        return lexIdent(previous);
    case u'n':
        if (accept(u"ull"))
            return Token{TokenType::Null, QStringLiteral("null"), 0};
        return lexIdent(previous);
    case u'<':
    case u'>': {
        const QChar op{char16_t(previous)};
        if (accept(u"="))
            return Token{TokenType::Operator, op + u'=', 0};
        return Token{TokenType::Operator, QString(op), 0};
    }
    default:
        return lexIdent(previous);
    }
}

std::optional<Token> Lexer::lexIdent(int previous)
{
    // The first character has already been read (it may itself be a backslash escape).
    QString str;
    int ch = previous;
    while (true) {
        // A backslash escapes any following character, but not the end of input.
        if (ch == u'\\') {
            if (peek() == EndOfInput) {
                fail(QStringLiteral("expected character after escape character, got end of input"), m_position - 1);
                return std::nullopt;
            }
            ch = next().ch;
        }
        str += QChar(char16_t(ch));
        if (str.size() >= MaximumIdentLength) {
            fail(QStringLiteral("unreasonable literal length"), m_tokenStart);
            return std::nullopt;
        }
        if (!isIdent(peek()))
            break;
        ch = next().ch;
    }
    const int comingUp = peek();
    if (!(isTerminator(comingUp) || comingUp == u'.' || comingUp == u'(' || comingUp == u'='
          || comingUp == u'!')) {
        fail(QStringLiteral("expected termination character after identifier, got %1").arg(describeChar(comingUp)),
             m_position);
        return std::nullopt;
    }
    return Token{TokenType::Ident, str, 0};
}

bool Lexer::accept(std::u16string_view expected)
{
    // fql-ts iterates over code points of `expected`; every expected text here is ASCII.
    char16_t chars[4];
    qsizetype count = 0;
    for (size_t i = 0; i < expected.size(); ++i) {
        const Step step = next();
        if (step.isEos)
            return false; // no back-up here: what was consumed stays consumed
        chars[count++] = char16_t(step.ch);
        if (isTerminator(step.ch))
            break;
    }
    if (std::u16string_view(chars, size_t(count)) == expected && isTerminator(peek()))
        return true;
    backup(count);
    return false;
}

Lexer::Step Lexer::next()
{
    // Reader.forward(): at the end it reports '' (not a new line) and does not move.
    const bool isEos = m_position == m_code.size();
    const int ch = isEos ? EndOfInput : int(m_code[m_position++].unicode());
    if (isNewLine(ch)) {
        m_cursor.line += 1;
        m_cursor.column = 0;
    } else {
        m_cursor.column += 1;
    }
    return {ch, isEos};
}

int Lexer::peek()
{
    const Step step = next();
    if (!step.isEos)
        backup(1);
    return step.ch;
}

void Lexer::backup(qsizetype count)
{
    for (qsizetype n = count; n > 0; --n) {
        // Reader.backward() throws at position 0 (backup then stops), and returns the character at
        // the current position, i.e. the one after the character it steps back over.
        if (m_position == 0)
            return;
        const int ch = m_position < m_code.size() ? int(m_code[m_position].unicode()) : EndOfInput;
        m_position -= 1;
        if (isNewLine(ch)) {
            m_cursor.line -= 1;
            m_cursor.column = 0;
        } else {
            m_cursor.column -= 1;
        }
    }
}

void Lexer::fail(const QString &message, qsizetype offset)
{
    m_error = LexError{message, m_cursor, offset};
}

QString Lexer::describeChar(int ch)
{
    if (ch == EndOfInput)
        return QStringLiteral("end of input");
    // Control characters and lone surrogates are named rather than printed.
    if (ch < 0x20 || ch == 0x7f || (ch >= 0xd800 && ch <= 0xdfff))
        return QStringLiteral("U+%1").arg(ch, 4, 16, QLatin1Char('0')).toUpper();
    return u'"' + QString(QChar(char16_t(ch))) + u'"';
}

} // namespace inkmapper::fql
