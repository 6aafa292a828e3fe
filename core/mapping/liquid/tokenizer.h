#pragma once

#include "expression.h"
#include "token.h"

#include <QString>

#include <vector>

namespace inkmapper::mapping::liquid::Internal {

/** An expression followed by its filters, as `readFilteredValue` returns it. */
struct FilteredValueToken
{
    Expression initial;
    std::vector<FilterToken> filters;
};

/**
 * A port of liquidjs's Tokenizer: it splits the template into HTML, tag and output tokens (applying
 * `{%-`/`-%}` whitespace control) and reads the expressions inside tags and outputs. It keeps
 * liquidjs's character classes (`-` and `?` belong to identifiers, any non-ASCII character but the
 * Unicode spaces does too) and its quirks, such as `1-2` being an identifier.
 * Errors are thrown as LiquidError.
 */
class Tokenizer
{
public:
    /** A tokenizer over input[begin, end); end < 0 means the whole input. */
    explicit Tokenizer(QString input, qsizetype begin = 0, qsizetype end = -1);

    /** The tokenizer a tag's parser reads its arguments with (positioned after the tag name). */
    static Tokenizer forTag(const TopToken &tag);

    /** Splits a whole template into tokens and applies whitespace control. */
    std::vector<TopToken> readTopLevelTokens();
    /** Splits the body of `{% liquid %}` into one tag token per line. */
    std::vector<TopToken> readLiquidTagTokens();

    Expression readExpression();
    FilteredValueToken readFilteredValue();
    ValueTokenPtr readValue();
    ValueTokenPtr readValueOrThrow();
    /** A property path without a leading literal (the `where` filter's property argument). */
    ValueTokenPtr readScopeValue();
    ValueTokenPtr readQuoted();
    /** The identifier at the current position (after blanks); empty when there is none. */
    QString readIdentifier();
    /** Advances to just after the next occurrence of `text`; returns that position or -1. */
    qsizetype readTo(QStringView text);
    void skipBlank();

    bool atEnd() const { return m_p >= m_n; }
    /** The code unit `n` places ahead, or -1 past the end of the range. */
    int peek(qsizetype n = 0) const { return m_p + n >= m_n || m_p + n < 0 ? -1 : m_input.at(m_p + n).unicode(); }
    void advance(qsizetype n = 1) { m_p += n; }
    qsizetype position() const { return m_p; }

    /** Throws a LiquidError with liquidjs's ", line:L, col:C" suffix for position `pos` (default: here). */
    [[noreturn]] void fail(const QString &message, qsizetype pos = -1) const;
    /** JSON.stringify of the next 32 characters, as error messages quote the input. */
    QString snapshot(qsizetype begin = -1) const;

private:
    TopToken readTopLevelToken();
    TopToken readHtmlToken();
    TopToken readTagToken();
    TopToken readOutputToken();
    TopToken readEndrawOrRawContent();
    TopToken readLiquidTagToken();
    TopToken makeDelimited(TopToken::Kind kind, qsizetype begin, qsizetype end, qsizetype contentBegin,
                           qsizetype contentEnd, bool isLiquidLine) const;
    qsizetype readToDelimiter(QStringView delimiter, bool respectQuoted);
    bool readFilter(std::vector<FilterToken> &filters);
    bool readFilterArg(FilterArgToken &arg);
    ValueTokenPtr readOperator();
    ValueTokenPtr readLiteral();
    ValueTokenPtr readRange();
    ValueTokenPtr readNumber();
    std::vector<ValueTokenPtr> readProperties(bool isBegin);
    QString readTagName();
    /** The code unit at `i` of the whole input (not limited to the range), or -1. */
    int charAt(qsizetype i) const { return i < 0 || i >= m_input.size() ? -1 : m_input.at(i).unicode(); }
    /** `input[p++]` of liquidjs, which may read past the range end. */
    int read() { return charAt(m_p++); }
    bool match(QStringView word) const;
    bool rmatch(QStringView pattern) const;
    int peekType(qsizetype n = 0) const;
    qsizetype matchWord(const std::vector<QStringView> &words, qsizetype *index) const;

    QString m_input;
    qsizetype m_p = 0;
    qsizetype m_n = 0;
    qsizetype m_rawBeginAt = -1;
};

/** liquidjs's character classes (a bit mask) for a UTF-16 code unit, -1 meaning "past the end". */
int characterType(int code);
/** liquidjs isWord(): letters, digits, `_`, `-`, `?` and non-ASCII characters other than blanks. */
bool isWordCharacter(int code);
/** The blank class: ASCII white space and the Unicode spaces liquidjs lists. */
bool isBlankCharacter(int code);

} // namespace inkmapper::mapping::liquid::Internal
