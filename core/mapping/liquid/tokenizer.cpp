#include "tokenizer.h"

#include "liquiderror.h"

#include "json/jsnumber.h"
#include "json/writer.h"

#include <array>

namespace inkmapper::mapping::liquid::Internal {

namespace {

// liquidjs's generated character table (bin/character-gen.js) for the ASCII range.
constexpr int kWord = 1;
constexpr int kBlank = 4;
constexpr int kQuote = 8;
constexpr int kNumber = 32;
constexpr int kSign = 64;
constexpr std::array<unsigned char, 128> kTypes = {
    0,  0,  0,  0,  0,  0,  0,  0,  0,  20, 4,  4,  4,  20, 0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,
    0,  0,  0,  0,  0,  0,  20, 2,  8,  0,  0,  0,  0,  8,  0,  0,  0,  64, 0,  65, 0,  0,  33, 33, 33, 33,
    33, 33, 33, 33, 33, 33, 0,  0,  2,  2,  2,  1,  0,  1,  1,  1,  1,  1,  1,  1,  1,  1,  1,  1,  1,  1,
    1,  1,  1,  1,  1,  1,  1,  1,  1,  1,  1,  1,  1,  0,  0,  0,  0,  1,  0,  1,  1,  1,  1,  1,  1,  1,
    1,  1,  1,  1,  1,  1,  1,  1,  1,  1,  1,  1,  1,  1,  1,  1,  1,  1,  1,  0,  0,  0,  0,  0};

// The words liquidjs's tokenizer recognises with its operator trie; a word operator (contains, not,
// and, or) needs a non-word character after it, so `order` is an identifier and not `or` + `der`.
const std::vector<QStringView> &operatorWords()
{
    static const std::vector<QStringView> words = {u"==", u"!=", u">", u"<", u">=", u"<=", u"contains",
                                                   u"not", u"and", u"or"};
    return words;
}

// The literal keywords; `nil` and `null` are the same drop, `empty` and `blank` are drops of their own.
const std::vector<QStringView> &literalWords()
{
    static const std::vector<QStringView> words = {u"true", u"false", u"nil", u"null", u"empty", u"blank"};
    return words;
}

ValueTokenPtr makeToken(ValueToken::Kind kind, LiquidValue content)
{
    auto token = std::make_shared<ValueToken>();
    token->kind = kind;
    token->content = std::move(content);
    return token;
}

/** liquidjs hexVal(): it is also used for octal digits, and never validates its input. */
int hexValue(int c)
{
    if (c >= 97)
        return c - 87;
    if (c >= 65)
        return c - 55;
    return c - 48;
}

bool isHex(int c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

bool isOctal(int c)
{
    return c >= '0' && c <= '7';
}

/** liquidjs parseStringLiteral(): the quoted text without its quotes, with JavaScript-like escapes. */
QString parseStringLiteral(QStringView str)
{
    const qsizetype n = str.size();
    const auto at = [&](qsizetype i) { return i >= 0 && i < n ? int(str.at(i).unicode()) : -1; };
    QString ret;
    for (qsizetype i = 1; i < n - 1; ++i) {
        if (at(i) != '\\') {
            ret += str.at(i);
            continue;
        }
        const int next = at(i + 1);
        switch (next) {
        case 'b':
            ret += u'\b';
            ++i;
            continue;
        case 'f':
            ret += u'\f';
            ++i;
            continue;
        case 'n':
            ret += u'\n';
            ++i;
            continue;
        case 'r':
            ret += u'\r';
            ++i;
            continue;
        case 't':
            ret += u'\t';
            ++i;
            continue;
        case 'v':
            ret += u'\x0B';
            ++i;
            continue;
        default:
            break;
        }
        // `\u` takes up to four hex digits (none gives U+0000); a backslash before a non-octal character
        // keeps the character; up to three octal digits give a code unit.
        if (next == 'u') {
            int val = 0;
            qsizetype j = i + 2;
            while (j <= i + 5) {
                // Past the end liquidjs tests the string "undefined" (which contains hex letters) and
                // then fails reading a character code of undefined.
                if (at(j) < 0)
                    throw LiquidError(QStringLiteral("Cannot read properties of undefined (reading 'charCodeAt')"));
                if (!isHex(at(j)))
                    break;
                val = val * 16 + hexValue(at(j++));
            }
            i = j - 1;
            ret += QChar(char16_t(val));
        } else if (!isOctal(next)) {
            ret += str.at(++i);
        } else {
            qsizetype j = i + 1;
            int val = 0;
            while (j <= i + 3 && isOctal(at(j)))
                val = val * 8 + hexValue(at(j++));
            i = j - 1;
            ret += QChar(char16_t(val));
        }
    }
    return ret;
}

LiquidValue literalValue(QStringView word)
{
    if (word == u"true")
        return json::Value(true);
    if (word == u"false")
        return json::Value(false);
    if (word == u"nil" || word == u"null")
        return LiquidValue::drop(LiquidValue::Drop::Nil);
    if (word == u"empty")
        return LiquidValue::drop(LiquidValue::Drop::Empty);
    return LiquidValue::drop(LiquidValue::Drop::Blank);
}

Operator operatorFor(QStringView word)
{
    static const Operator ops[] = {Operator::Equal,    Operator::NotEqual, Operator::Greater, Operator::Less,
                                   Operator::GreaterEqual, Operator::LessEqual, Operator::Contains,
                                   Operator::Not,      Operator::And,      Operator::Or};
    const auto &words = operatorWords();
    for (size_t i = 0; i < words.size(); ++i) {
        if (words[i] == word)
            return ops[i];
    }
    return Operator::Equal;
}

/** Whitespace control: what `{%-`/`{{-` removes from the end of the HTML before it. */
void trimHtmlEnd(TopToken *token)
{
    if (!token || token->kind != TopToken::Kind::Html)
        return;
    const auto code = [&](qsizetype i) { return i < 0 || i >= token->input.size() ? -1 : int(token->input.at(i).unicode()); };
    while (characterType(code(token->end - 1 - token->htmlTrimRight)) & kBlank)
        ++token->htmlTrimRight;
}

/** Whitespace control: what `-%}`/`-}}` removes from the start of the HTML after it. */
void trimHtmlStart(TopToken *token)
{
    if (!token || token->kind != TopToken::Kind::Html)
        return;
    const auto code = [&](qsizetype i) { return i < 0 || i >= token->input.size() ? -1 : int(token->input.at(i).unicode()); };
    while (characterType(code(token->begin + token->htmlTrimLeft)) & kBlank)
        ++token->htmlTrimLeft;
    if (code(token->begin + token->htmlTrimLeft) == '\n')
        ++token->htmlTrimLeft;
}

/** liquidjs whiteSpaceCtrl(): trims the HTML next to `-` delimiters, except inside `{% raw %}`. */
void applyWhitespaceControl(std::vector<TopToken> &tokens)
{
    bool inRaw = false;
    for (size_t i = 0; i < tokens.size(); ++i) {
        const TopToken &token = tokens[i];
        if (token.kind == TopToken::Kind::Html)
            continue;
        if (!inRaw && token.trimLeft)
            trimHtmlEnd(i > 0 ? &tokens[i - 1] : nullptr);
        if (token.kind == TopToken::Kind::Tag) {
            if (token.name == u"raw")
                inRaw = true;
            else if (token.name == u"endraw")
                inRaw = false;
        }
        if (!inRaw && tokens[i].trimRight)
            trimHtmlStart(i + 1 < tokens.size() ? &tokens[i + 1] : nullptr);
    }
}

} // namespace

int characterType(int code)
{
    // Past the end liquidjs indexes its table with NaN, which gives undefined, i.e. no class.
    if (code < 0)
        return 0;
    if (code < 128)
        return kTypes[size_t(code)];
    switch (code) {
    case 160:
    case 5760:
    case 6158:
    case 8232:
    case 8233:
    case 8239:
    case 8287:
    case 12288:
        return kBlank;
    case 8220:
    case 8221:
        return 128; // PUNCTUATION
    default:
        return (code >= 8192 && code <= 8202) ? kBlank : 0;
    }
}

bool isWordCharacter(int code)
{
    // Outside ASCII everything is a word character unless the table gives it a class (the spaces and
    // the curly quotes), so identifiers may contain letters of any script, and emoji.
    if (code < 0)
        return false;
    return code >= 128 ? characterType(code) == 0 : (characterType(code) & kWord) != 0;
}

bool isBlankCharacter(int code)
{
    return (characterType(code) & kBlank) != 0;
}

Tokenizer::Tokenizer(QString input, qsizetype begin, qsizetype end)
    : m_input(std::move(input)), m_p(begin), m_n(end < 0 ? m_input.size() : end)
{
}

// Tag parsers read their arguments from the content range, starting after the name.
Tokenizer Tokenizer::forTag(const TopToken &tag)
{
    return Tokenizer(tag.input, tag.argsBegin, tag.contentEnd);
}

int Tokenizer::peekType(qsizetype n) const
{
    return m_p + n >= m_n ? 0 : characterType(charAt(m_p + n));
}

void Tokenizer::skipBlank()
{
    while (peekType() & kBlank)
        ++m_p;
}

bool Tokenizer::match(QStringView word) const
{
    for (qsizetype i = 0; i < word.size(); ++i) {
        if (charAt(m_p + i) != word.at(i).unicode())
            return false;
    }
    return true;
}

bool Tokenizer::rmatch(QStringView pattern) const
{
    for (qsizetype i = 0; i < pattern.size(); ++i) {
        if (charAt(m_p - 1 - i) != pattern.at(pattern.size() - 1 - i).unicode())
            return false;
    }
    return true;
}

// The position is counted in UTF-16 code units, lines from 1, as liquidjs Token.getPosition().
void Tokenizer::fail(const QString &message, qsizetype pos) const
{
    if (pos < 0)
        pos = m_p;
    int line = 1;
    int column = 1;
    for (qsizetype i = 0; i < pos && i < m_input.size(); ++i) {
        if (m_input.at(i) == u'\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
    }
    throw LiquidError(QStringLiteral("%1, line:%2, col:%3").arg(message).arg(line).arg(column));
}

// liquidjs ellipsis(): at most 32 characters, the last three replaced by "...".
QString Tokenizer::snapshot(qsizetype begin) const
{
    if (begin < 0)
        begin = m_p;
    QString text = begin < m_n ? m_input.mid(begin, m_n - begin) : QString();
    if (text.size() > 32)
        text = text.left(29) + QStringLiteral("...");
    std::string out;
    json::appendJsonString(out, text);
    return QString::fromStdString(out);
}

std::vector<TopToken> Tokenizer::readTopLevelTokens()
{
    std::vector<TopToken> tokens;
    while (m_p < m_n)
        tokens.push_back(readTopLevelToken());
    applyWhitespaceControl(tokens);
    return tokens;
}

TopToken Tokenizer::readTopLevelToken()
{
    if (m_rawBeginAt > -1)
        return readEndrawOrRawContent();
    if (match(u"{%"))
        return readTagToken();
    if (match(u"{{"))
        return readOutputToken();
    return readHtmlToken();
}

// Literal text runs up to the next `{%` or `{{`; a lone `{` or `}` is text.
TopToken Tokenizer::readHtmlToken()
{
    const qsizetype begin = m_p;
    while (m_p < m_n) {
        if (match(u"{%") || match(u"{{"))
            break;
        ++m_p;
    }
    TopToken token;
    token.kind = TopToken::Kind::Html;
    token.input = m_input;
    token.begin = begin;
    token.end = m_p;
    return token;
}

qsizetype Tokenizer::readToDelimiter(QStringView delimiter, bool respectQuoted)
{
    // Outputs skip over quoted strings (`{{ "}}" }}` is one output), tags do not (`{% x "%}" %}` ends
    // at the first `%}`).
    skipBlank();
    while (m_p < m_n) {
        if (respectQuoted && (peekType() & kQuote)) {
            readQuoted();
            continue;
        }
        ++m_p;
        if (rmatch(delimiter))
            return m_p;
    }
    return -1;
}

/** liquidjs DelimitedToken (and TagToken): a leading/trailing `-` asks for whitespace control and is
 *  not part of the content; blanks around the content are dropped; a tag's name is read right away. */
TopToken Tokenizer::makeDelimited(TopToken::Kind kind, qsizetype begin, qsizetype end, qsizetype contentBegin,
                                  qsizetype contentEnd, bool isLiquidLine) const
{
    TopToken token;
    token.kind = kind;
    token.input = m_input;
    token.begin = begin;
    token.end = end;
    const bool tl = charAt(contentBegin) == '-';
    const bool tr = charAt(contentEnd - 1) == '-';
    qsizetype l = tl ? contentBegin + 1 : contentBegin;
    qsizetype r = tr ? contentEnd - 1 : contentEnd;
    while (l < r && isBlankCharacter(charAt(l)))
        ++l;
    while (r > l && isBlankCharacter(charAt(r - 1)))
        --r;
    token.contentBegin = l;
    token.contentEnd = r;
    token.trimLeft = tl;
    token.trimRight = tr;
    if (kind == TopToken::Kind::Tag) {
        Tokenizer tokenizer(m_input, l, r);
        token.name = tokenizer.readTagName();
        if (token.name.isEmpty()) {
            tokenizer.fail(isLiquidLine ? QStringLiteral("illegal liquid tag syntax")
                                        : QStringLiteral("illegal tag syntax, tag name expected"));
        }
        tokenizer.skipBlank();
        token.argsBegin = tokenizer.position();
    }
    return token;
}

TopToken Tokenizer::readTagToken()
{
    const qsizetype begin = m_p;
    if (readToDelimiter(u"%}", false) == -1)
        fail(QStringLiteral("tag %1 not closed").arg(snapshot(begin)), begin);
    TopToken token = makeDelimited(TopToken::Kind::Tag, begin, m_p, begin + 2, m_p - 2, false);
    if (token.name == u"raw")
        m_rawBeginAt = begin;
    return token;
}

TopToken Tokenizer::readOutputToken()
{
    const qsizetype begin = m_p;
    if (readToDelimiter(u"}}", true) == -1)
        fail(QStringLiteral("output %1 not closed").arg(snapshot(begin)), begin);
    return makeDelimited(TopToken::Kind::Output, begin, m_p, begin + 2, m_p - 2, false);
}

TopToken Tokenizer::readEndrawOrRawContent()
{
    // After `{% raw %}` everything up to a `{% endraw %}` is one HTML token; the endraw tag itself is
    // returned on the next call. `{%` followed by anything but `endraw` stays part of the raw text.
    const qsizetype begin = m_p;
    qsizetype leftPos = readTo(u"{%") - 2;
    while (m_p < m_n) {
        if (readIdentifier() != u"endraw") {
            leftPos = readTo(u"{%") - 2;
            continue;
        }
        while (m_p <= m_n) {
            if (rmatch(u"%}")) {
                const qsizetype end = m_p;
                if (begin == leftPos) {
                    m_rawBeginAt = -1;
                    return makeDelimited(TopToken::Kind::Tag, begin, end, begin + 2, end - 2, false);
                }
                m_p = leftPos;
                TopToken html;
                html.kind = TopToken::Kind::Html;
                html.input = m_input;
                html.begin = begin;
                html.end = leftPos;
                return html;
            }
            if (rmatch(u"{%"))
                break;
            ++m_p;
        }
    }
    fail(QStringLiteral("raw %1 not closed").arg(snapshot(m_rawBeginAt)), begin);
}

std::vector<TopToken> Tokenizer::readLiquidTagTokens()
{
    // Each non-blank line of `{% liquid %}` is a tag without delimiters.
    std::vector<TopToken> tokens;
    while (m_p < m_n) {
        skipBlank();
        if (atEnd())
            break;
        tokens.push_back(readLiquidTagToken());
    }
    return tokens;
}

TopToken Tokenizer::readLiquidTagToken()
{
    const qsizetype begin = m_p;
    readToDelimiter(u"\n", false);
    return makeDelimited(TopToken::Kind::Tag, begin, m_p, begin, m_p, true);
}

// A tag name is an identifier, so `{%if` and `{%- if` both name `if`.
QString Tokenizer::readTagName()
{
    skipBlank();
    // Inline comments: `{% # ... %}` has the tag name "#".
    if (charAt(m_p) == '#') {
        ++m_p;
        return QStringLiteral("#");
    }
    return readIdentifier();
}

QString Tokenizer::readIdentifier()
{
    skipBlank();
    const qsizetype begin = m_p;
    while (!atEnd() && isWordCharacter(peek()))
        ++m_p;
    return m_input.mid(begin, m_p - begin);
}

qsizetype Tokenizer::readTo(QStringView text)
{
    while (m_p < m_n) {
        ++m_p;
        if (rmatch(text))
            return m_p;
    }
    return -1;
}

qsizetype Tokenizer::matchWord(const std::vector<QStringView> &words, qsizetype *index) const
{
    // liquidjs walks a trie of the words; for these word lists that is the longest word that fits
    // before the range end, refused when it ends in a word character and another one follows.
    qsizetype best = -1;
    for (size_t i = 0; i < words.size(); ++i) {
        const QStringView w = words[i];
        if (m_p + w.size() > m_n || w.size() <= (best < 0 ? 0 : words[size_t(best)].size()))
            continue;
        if (match(w))
            best = qsizetype(i);
    }
    if (best < 0)
        return -1;
    const QStringView w = words[size_t(best)];
    if (isWordCharacter(w.back().unicode()) && isWordCharacter(peek(w.size())))
        return -1;
    *index = best;
    return m_p + w.size();
}

ValueTokenPtr Tokenizer::readOperator()
{
    skipBlank();
    qsizetype index = 0;
    const qsizetype end = matchWord(operatorWords(), &index);
    if (end == -1)
        return nullptr;
    auto token = std::make_shared<ValueToken>();
    token->kind = ValueToken::Kind::Operator;
    token->op = operatorFor(operatorWords()[size_t(index)]);
    m_p = end;
    return token;
}

Expression Tokenizer::readExpression()
{
    std::vector<ValueTokenPtr> tokens;
    while (m_p < m_n) {
        if (ValueTokenPtr op = readOperator()) {
            tokens.push_back(std::move(op));
            continue;
        }
        if (ValueTokenPtr operand = readValue()) {
            tokens.push_back(std::move(operand));
            continue;
        }
        break;
    }
    return Expression(tokens);
}

FilteredValueToken Tokenizer::readFilteredValue()
{
    // The expression stops at the first token that is neither an operator nor a value; what follows
    // must be filters, each introduced by `|`.
    FilteredValueToken result;
    result.initial = readExpression();
    if (!result.initial.isValid())
        fail(QStringLiteral("invalid value expression: %1").arg(snapshot()));
    while (readFilter(result.filters)) {
    }
    return result;
}

bool Tokenizer::readFilter(std::vector<FilterToken> &filters)
{
    skipBlank();
    if (atEnd())
        return false;
    if (read() != '|')
        fail(QStringLiteral("expected \"|\" before filter"));
    FilterToken filter;
    filter.name = readIdentifier();
    if (filter.name.isEmpty()) {
        if (!atEnd())
            fail(QStringLiteral("expected filter name"));
        return false;
    }
    skipBlank();
    if (peek() == ':') {
        do {
            ++m_p;
            FilterArgToken arg;
            if (readFilterArg(arg))
                filter.args.push_back(std::move(arg));
            skipBlank();
            if (!(atEnd() || peek() == ',' || peek() == '|'))
                fail(QStringLiteral("unexpected character %1").arg(snapshot()));
        } while (peek() == ',');
    } else if (!(peek() == '|' || atEnd())) {
        fail(QStringLiteral("expected \":\" after filter name"));
    }
    filters.push_back(std::move(filter));
    return true;
}

bool Tokenizer::readFilterArg(FilterArgToken &arg)
{
    // `name: value` is a keyword argument whose key is the source text of the first token.
    skipBlank();
    const qsizetype keyBegin = m_p;
    ValueTokenPtr key = readValue();
    if (!key)
        return false;
    const qsizetype keyEnd = m_p;
    skipBlank();
    if (peek() != ':') {
        arg.value = std::move(key);
        return true;
    }
    ++m_p;
    arg.isPair = true;
    arg.key = m_input.mid(keyBegin, keyEnd - keyBegin);
    arg.value = readValue();
    return true;
}

ValueTokenPtr Tokenizer::readValue()
{
    // A value is a literal, a quoted string, a range or a number, optionally followed by property
    // accesses; without a leading literal it is a property path starting at an identifier.
    skipBlank();
    ValueTokenPtr variable = readLiteral();
    if (!variable)
        variable = readQuoted();
    if (!variable)
        variable = readRange();
    if (!variable)
        variable = readNumber();
    std::vector<ValueTokenPtr> props = readProperties(!variable);
    if (props.empty())
        return variable;
    auto token = std::make_shared<ValueToken>();
    token->kind = ValueToken::Kind::PropertyAccess;
    token->variable = std::move(variable);
    token->props = std::move(props);
    return token;
}

ValueTokenPtr Tokenizer::readValueOrThrow()
{
    ValueTokenPtr value = readValue();
    if (!value)
        fail(QStringLiteral("unexpected token %1, value expected").arg(snapshot()));
    return value;
}

// Used by `where`: a path such as `a.b[0]`, with no literal allowed in front.
ValueTokenPtr Tokenizer::readScopeValue()
{
    skipBlank();
    std::vector<ValueTokenPtr> props = readProperties(true);
    if (props.empty())
        return nullptr;
    auto token = std::make_shared<ValueToken>();
    token->kind = ValueToken::Kind::PropertyAccess;
    token->props = std::move(props);
    return token;
}

std::vector<ValueTokenPtr> Tokenizer::readProperties(bool isBegin)
{
    // `[expr]` evaluates its content as the key (an empty `[]` is the key ""), `.name` takes an
    // identifier, and `..` is left alone for ranges.
    std::vector<ValueTokenPtr> props;
    while (true) {
        if (peek() == '[') {
            ++m_p;
            ValueTokenPtr prop = readValue();
            if (!prop)
                prop = makeToken(ValueToken::Kind::Word, json::Value(QString()));
            if (readTo(u"]") == -1)
                fail(QStringLiteral("[ not closed"));
            props.push_back(std::move(prop));
            continue;
        }
        if (isBegin && props.empty()) {
            const QString name = readIdentifier();
            if (!name.isEmpty()) {
                props.push_back(makeToken(ValueToken::Kind::Word, json::Value(name)));
                continue;
            }
        }
        if (peek() == '.' && peek(1) != '.') {
            ++m_p;
            const QString name = readIdentifier();
            if (name.isEmpty())
                break;
            props.push_back(makeToken(ValueToken::Kind::Word, json::Value(name)));
            continue;
        }
        break;
    }
    return props;
}

ValueTokenPtr Tokenizer::readNumber()
{
    // A number must not run into a word character: `1e3`, `5x` and `1-2` are identifiers, not numbers.
    skipBlank();
    bool decimalFound = false;
    bool digitFound = false;
    qsizetype n = 0;
    if (peekType() & kSign)
        ++n;
    while (m_p + n <= m_n) {
        if (peekType(n) & kNumber) {
            digitFound = true;
            ++n;
        } else if (peek(n) == '.' && peek(n + 1) != '.') {
            if (decimalFound || !digitFound)
                return nullptr;
            decimalFound = true;
            ++n;
        } else {
            break;
        }
    }
    if (digitFound && !isWordCharacter(peek(n))) {
        const double value = json::stringToNumber(QStringView(m_input).mid(m_p, n));
        m_p += n;
        return makeToken(ValueToken::Kind::Number, json::Value(value));
    }
    return nullptr;
}

// true/false/nil/null/empty/blank, unless followed by a word character (`nilx` is a name).
ValueTokenPtr Tokenizer::readLiteral()
{
    skipBlank();
    qsizetype index = 0;
    const qsizetype end = matchWord(literalWords(), &index);
    if (end == -1)
        return nullptr;
    m_p = end;
    return makeToken(ValueToken::Kind::Literal, literalValue(literalWords()[size_t(index)]));
}

// `(low..high)`: both ends are values (numbers, paths, strings); the closing parenthesis is
// required, and read() may look past the range end exactly like liquidjs does.
ValueTokenPtr Tokenizer::readRange()
{
    skipBlank();
    if (peek() != '(')
        return nullptr;
    ++m_p;
    ValueTokenPtr lhs = readValueOrThrow();
    skipBlank();
    if (!(read() == '.' && read() == '.'))
        fail(QStringLiteral("invalid range syntax"));
    ValueTokenPtr rhs = readValueOrThrow();
    skipBlank();
    if (read() != ')')
        fail(QStringLiteral("invalid range syntax"));
    auto token = std::make_shared<ValueToken>();
    token->kind = ValueToken::Kind::Range;
    token->lhs = std::move(lhs);
    token->rhs = std::move(rhs);
    return token;
}

ValueTokenPtr Tokenizer::readQuoted()
{
    // An unterminated string runs to the end of the range; the closing quote is whatever character
    // ends the token, which parseStringLiteral drops without looking at it.
    skipBlank();
    const qsizetype begin = m_p;
    if (!(peekType() & kQuote))
        return nullptr;
    ++m_p;
    bool escaped = false;
    while (m_p < m_n) {
        ++m_p;
        if (charAt(m_p - 1) == charAt(begin) && !escaped)
            break;
        if (escaped)
            escaped = false;
        else if (charAt(m_p - 1) == '\\')
            escaped = true;
    }
    return makeToken(ValueToken::Kind::Quoted,
                     json::Value(parseStringLiteral(QStringView(m_input).mid(begin, m_p - begin))));
}

} // namespace inkmapper::mapping::liquid::Internal
