// The string filters of liquidjs (src/filters/string.ts), with JavaScript's UTF-16 string semantics.
#include "context.h"
#include "filterregistry.h"
#include "jsstring.h"
#include "liquiderror.h"

#include "json/jsnumber.h"
#include "mapping/casemapping.h"

#include <QSet>

namespace inkmapper::mapping::liquid::Internal {

namespace {

void use(const FilterCall &call, qsizetype count)
{
    call.context().memoryLimit().use(double(count));
}

/** `new Set(chars)` iterates code points while `set.has(str[i])` asks about code units. */
QSet<char32_t> characterSet(const QString &chars)
{
    QSet<char32_t> set;
    for (const char32_t cp : codePoints(chars))
        set.insert(cp);
    return set;
}

void requireTwoArguments(const FilterCall &call, const char *name)
{
    if (call.count() != 1)
        throw LiquidError(QStringLiteral("%1 expect 2 arguments").arg(QLatin1String(name)));
}

/** `append: text`: exactly one argument, else an error. */
LiquidValue append(const FilterCall &call)
{
    requireTwoArguments(call, "append");
    const QString lhs = stringify(call.input());
    const QString rhs = stringify(call.arg(0));
    use(call, lhs.size() + rhs.size());
    return json::Value(lhs + rhs);
}

/** `prepend: text`: exactly one argument, else an error. */
LiquidValue prepend(const FilterCall &call)
{
    requireTwoArguments(call, "prepend");
    const QString lhs = stringify(call.input());
    const QString rhs = stringify(call.arg(0));
    use(call, lhs.size() + rhs.size());
    return json::Value(rhs + lhs);
}

/** `lstrip[: chars]`: leading white space, or leading characters of the set. */
LiquidValue lstrip(const FilterCall &call)
{
    const QString str = stringify(call.input());
    use(call, str.size());
    if (isJsTruthy(call.arg(0))) {
        const QString chars = stringify(call.arg(0));
        use(call, chars.size());
        const QSet<char32_t> set = characterSet(chars);
        for (qsizetype i = 0; i < str.size(); ++i) {
            if (!set.contains(str.at(i).unicode()))
                return json::Value(str.mid(i));
        }
        return json::Value(QString());
    }
    return json::Value(jsTrimStart(str));
}

/** `rstrip[: chars]`: trailing white space, or trailing characters of the set. */
LiquidValue rstrip(const FilterCall &call)
{
    const QString str = stringify(call.input());
    use(call, str.size());
    if (isJsTruthy(call.arg(0))) {
        const QString chars = stringify(call.arg(0));
        use(call, chars.size());
        const QSet<char32_t> set = characterSet(chars);
        for (qsizetype i = str.size() - 1; i >= 0; --i) {
            if (!set.contains(str.at(i).unicode()))
                return json::Value(str.left(i + 1));
        }
        return json::Value(QString());
    }
    return json::Value(jsTrimEnd(str));
}

/** `strip[: chars]`: white space, or characters of the set, at both ends. */
LiquidValue strip(const FilterCall &call)
{
    const QString str = stringify(call.input());
    use(call, str.size());
    if (isJsTruthy(call.arg(0))) {
        const QSet<char32_t> set = characterSet(stringify(call.arg(0)));
        use(call, set.size());
        qsizetype i = 0;
        qsizetype j = str.size() - 1;
        while (i < str.size() && set.contains(str.at(i).unicode()))
            ++i;
        while (j >= i && set.contains(str.at(j).unicode()))
            --j;
        return json::Value(str.mid(i, j + 1 - i));
    }
    return json::Value(jsTrim(str));
}

/** `downcase`: toLowerCase with full Unicode mappings. */
LiquidValue downcase(const FilterCall &call)
{
    const QString str = stringify(call.input());
    use(call, str.size());
    return json::Value(jsToLowerCase(str));
}

/** `upcase`: toUpperCase with full Unicode mappings (ß becomes SS). */
LiquidValue upcase(const FilterCall &call)
{
    const QString str = stringify(call.input());
    use(call, str.size());
    return json::Value(jsToUpperCase(str));
}

LiquidValue capitalize(const FilterCall &call)
{
    // The first UTF-16 code unit is upper-cased and the rest lower-cased, as charAt(0)/slice(1) do.
    const QString str = stringify(call.input());
    use(call, str.size());
    return json::Value(jsToUpperCase(str.left(1)) + jsToLowerCase(str.mid(1)));
}

/** `remove: text`: every occurrence removed. */
LiquidValue remove(const FilterCall &call)
{
    const QString str = stringify(call.input());
    const QString arg = stringify(call.arg(0));
    use(call, str.size() + arg.size());
    return json::Value(jsSplit(str, arg).join(QString()));
}

/** `str.replace(pattern, () => replacement)`: the first occurrence, "" matching at the start. */
QString replaceFirst(const QString &str, const QString &pattern, const QString &replacement)
{
    const qsizetype at = str.indexOf(pattern);
    if (at < 0)
        return str;
    return str.left(at) + replacement + str.mid(at + pattern.size());
}

/** `str.lastIndexOf(pattern)` ("" is found at the very end). */
qsizetype lastIndexOf(const QString &str, const QString &pattern)
{
    return pattern.isEmpty() ? str.size() : str.lastIndexOf(pattern);
}

/** `remove_first: text`: the first occurrence removed. */
LiquidValue removeFirst(const FilterCall &call)
{
    const QString str = stringify(call.input());
    const QString pattern = stringify(call.arg(0));
    use(call, str.size() + pattern.size());
    return json::Value(replaceFirst(str, pattern, QString()));
}

/** `remove_last: text`: the last occurrence removed. */
LiquidValue removeLast(const FilterCall &call)
{
    const QString str = stringify(call.input());
    const QString pattern = stringify(call.arg(0));
    use(call, str.size() + pattern.size());
    const qsizetype index = lastIndexOf(str, pattern);
    if (index < 0)
        return json::Value(str);
    return json::Value(str.left(index) + str.mid(index + pattern.size()));
}

/** `split: separator`: an array of strings; "" splits into UTF-16 code units. */
LiquidValue split(const FilterCall &call)
{
    const QString str = stringify(call.input());
    use(call, str.size());
    QStringList parts = jsSplit(str, stringify(call.arg(0)));
    // Like Ruby's split (and Shopify's liquid), trailing empty strings are dropped.
    while (!parts.isEmpty() && parts.last().isEmpty())
        parts.removeLast();
    json::Array array;
    array.reserve(size_t(parts.size()));
    for (const QString &part : parts)
        array.emplace_back(part);
    return json::Value(std::move(array));
}

/** `strip_newlines`: removes \n and \r\n (a lone \r stays). */
LiquidValue stripNewlines(const FilterCall &call)
{
    QString str = stringify(call.input());
    use(call, str.size());
    str.replace(QStringLiteral("\r\n"), QString());
    str.remove(u'\n');
    return json::Value(str);
}

/** `replace: pattern, replacement`: every occurrence, literally ($ is not special). */
LiquidValue replace(const FilterCall &call)
{
    const QString str = stringify(call.input());
    const QString pattern = stringify(call.arg(0));
    const QString replacement = stringify(call.arg(1));
    const QStringList parts = jsSplit(str, pattern);
    use(call, str.size() + (parts.size() - 1) * (replacement.size() - pattern.size()));
    return json::Value(parts.join(replacement));
}

/** `replace_first: pattern, replacement`: the first occurrence. */
LiquidValue replaceFirstFilter(const FilterCall &call)
{
    const QString str = stringify(call.input());
    const QString pattern = stringify(call.arg(0));
    const QString replacement = stringify(call.arg(1));
    use(call, str.size() + pattern.size() + replacement.size());
    return json::Value(replaceFirst(str, pattern, replacement));
}

/** `replace_last: pattern, replacement`: the last occurrence. */
LiquidValue replaceLast(const FilterCall &call)
{
    const QString str = stringify(call.input());
    const QString pattern = stringify(call.arg(0));
    const QString replacement = stringify(call.arg(1));
    use(call, str.size() + pattern.size() + replacement.size());
    const qsizetype index = lastIndexOf(str, pattern);
    if (index < 0)
        return json::Value(str);
    return json::Value(str.left(index) + replacement + str.mid(index + pattern.size()));
}

LiquidValue truncate(const FilterCall &call)
{
    // A short enough input comes back unchanged, not stringified (a number stays a number).
    const QString str = stringify(call.input());
    const LiquidValue length = call.argOr(0, json::Value(50));
    const QString ellipsis = stringify(call.argOr(1, json::Value(QStringLiteral("..."))));
    use(call, str.size() + ellipsis.size());
    if (jsRelation(Relation::LessEqual, json::Value(double(str.size())), length))
        return call.input();
    return json::Value(jsSubstring(str, 0, toJsNumber(length) - double(ellipsis.size())) + ellipsis);
}

LiquidValue truncatewords(const FilterCall &call)
{
    // The ellipsis is added when there are at least as many words as asked for, even exactly as many.
    const QString str = stringify(call.input());
    LiquidValue words = call.argOr(0, json::Value(15));
    const QString ellipsis = stringify(call.argOr(1, json::Value(QStringLiteral("..."))));
    use(call, str.size() + ellipsis.size());
    const QStringList parts = splitOnWhitespace(str);
    if (jsRelation(Relation::LessEqual, words, json::Value(0)))
        words = json::Value(1);
    // Array.prototype.slice(0, words): a negative end counts from the end, NaN is 0.
    const double end = toIntegerOrInfinity(words);
    const qsizetype count = end < 0 ? std::max<qsizetype>(0, parts.size() + qsizetype(std::max(end, -1e15)))
                                    : qsizetype(std::min(end, double(parts.size())));
    QString ret = parts.mid(0, count).join(u' ');
    if (jsRelation(Relation::GreaterEqual, json::Value(double(parts.size())), words))
        ret += ellipsis;
    return json::Value(ret);
}

/** `normalize_whitespace`: each run of white space becomes one space. */
LiquidValue normalizeWhitespace(const FilterCall &call)
{
    const QString str = stringify(call.input());
    use(call, str.size());
    return json::Value(replaceWhitespaceRuns(str, u" "));
}

bool isCjk(char32_t cp)
{
    return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x3400 && cp <= 0x4DBF)
           || (cp >= 0x3040 && cp <= 0x309F) || (cp >= 0x30A0 && cp <= 0x30FF) || (cp >= 0xAC00 && cp <= 0xD7AF);
}

/** `number_of_words[: 'cjk' | 'auto']`: words separated by white space; CJK characters count one each. */
LiquidValue numberOfWords(const FilterCall &call)
{
    const QString str = stringify(call.input());
    use(call, str.size());
    const QString input = jsTrim(str);
    if (input.isEmpty())
        return json::Value(0);
    const LiquidValue mode = call.arg(0);
    const bool cjkMode = mode.isString() && mode.json().toString() == u"cjk";
    const bool autoMode = mode.isString() && mode.json().toString() == u"auto";
    if (cjkMode || autoMode) {
        // CJK characters count one each; runs of other non-space characters count as words.
        int cjk = 0;
        int others = 0;
        bool inRun = false;
        for (const char32_t cp : codePoints(input)) {
            if (isCjk(cp)) {
                ++cjk;
                inRun = false;
            } else if (cp <= 0xFFFF && json::isJsWhitespace(char16_t(cp))) {
                inRun = false;
            } else if (!inRun) {
                ++others;
                inRun = true;
            }
        }
        if (cjkMode || cjk > 0)
            return json::Value(cjk + others);
    }
    return json::Value(double(splitOnWhitespace(input).size()));
}

} // namespace

void registerStringFilters(FilterRegistry &registry)
{
    registry.add("append", &append);
    registry.add("prepend", &prepend);
    registry.add("lstrip", &lstrip);
    registry.add("downcase", &downcase);
    registry.add("upcase", &upcase);
    registry.add("remove", &remove);
    registry.add("remove_first", &removeFirst);
    registry.add("remove_last", &removeLast);
    registry.add("rstrip", &rstrip);
    registry.add("split", &split);
    registry.add("strip", &strip);
    registry.add("strip_newlines", &stripNewlines);
    registry.add("capitalize", &capitalize);
    registry.add("replace", &replace);
    registry.add("replace_first", &replaceFirstFilter);
    registry.add("replace_last", &replaceLast);
    registry.add("truncate", &truncate);
    registry.add("truncatewords", &truncatewords);
    registry.add("normalize_whitespace", &normalizeWhitespace);
    registry.add("number_of_words", &numberOfWords);
}

} // namespace inkmapper::mapping::liquid::Internal
