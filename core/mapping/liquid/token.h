#pragma once

#include "liquidvalue.h"

#include <QString>

#include <memory>
#include <vector>

namespace inkmapper::mapping::liquid::Internal {

struct ValueToken;
using ValueTokenPtr = std::shared_ptr<const ValueToken>;

/** The operators of liquid expressions, in liquidjs's operator table. */
enum class Operator : unsigned char { Equal, NotEqual, Greater, Less, GreaterEqual, LessEqual, Contains, Not, And, Or };

/**
 * One token of an expression, as liquidjs's tokenizer produces it: a literal (number, `true`, `nil`,
 * quoted string), an identifier used as a property name, a property access path, a range `(a..b)`,
 * or an operator.
 */
struct ValueToken
{
    enum class Kind : unsigned char { Number, Literal, Quoted, Word, PropertyAccess, Range, Operator };

    Kind kind = Kind::Word;
    LiquidValue content;            ///< Number, Literal, Quoted, Word: the value the token evaluates to
    Operator op = Operator::Equal;  ///< Operator
    ValueTokenPtr variable;         ///< PropertyAccess: where the path starts (null: the scopes)
    std::vector<ValueTokenPtr> props; ///< PropertyAccess: the property names, themselves tokens
    ValueTokenPtr lhs;              ///< Range: low end
    ValueTokenPtr rhs;              ///< Range: high end
};

/** A filter argument: a value, or a `key: value` pair that the filter receives as the array [key, value]. */
struct FilterArgToken
{
    bool isPair = false;
    QString key;          ///< the key's source text, quotes included, as liquidjs passes it
    ValueTokenPtr value;  ///< may be null (undefined), e.g. for `key:` without a value
};

/** `| name: arg, arg`. */
struct FilterToken
{
    QString name;
    std::vector<FilterArgToken> args;
};

/**
 * A token of the template text: literal text (HTML), a tag `{% %}` or an output `{{ }}`, or a line of a
 * `{% liquid %}` tag (a tag without delimiters). Delimited tokens know their content range with the
 * whitespace-control dashes and blanks removed; HTML tokens know how much whitespace control trimmed.
 */
struct TopToken
{
    enum class Kind : unsigned char { Html, Tag, Output };

    Kind kind = Kind::Html;
    QString input;            ///< the whole template text (implicitly shared)
    qsizetype begin = 0;
    qsizetype end = 0;
    // Tag and Output
    qsizetype contentBegin = 0;
    qsizetype contentEnd = 0;
    bool trimLeft = false;
    bool trimRight = false;
    // Tag
    QString name;
    qsizetype argsBegin = 0;  ///< where the tag's tokenizer stands after the name
    // Html
    qsizetype htmlTrimLeft = 0;
    qsizetype htmlTrimRight = 0;

    QString text() const { return input.mid(begin, end - begin); }
    /** The tag arguments (the text after the name). */
    QString args() const { return argsBegin < contentEnd ? input.mid(argsBegin, contentEnd - argsBegin) : QString(); }
    /** The text of an HTML token after whitespace control. */
    QString htmlContent() const
    {
        const qsizetype from = begin + htmlTrimLeft;
        const qsizetype to = end - htmlTrimRight;
        return from < to ? input.mid(from, to - from) : QString();
    }
};

} // namespace inkmapper::mapping::liquid::Internal
