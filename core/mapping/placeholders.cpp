#include "placeholders.h"

#include "pathlookup.h"

#include "json/jsnumber.h"
#include "json/jssemantics.h"
#include "json/object.h"

namespace inkmapper::mapping {

namespace {

bool isRun(QStringView text, qsizetype at, qsizetype count, QChar c)
{
    if (at + count > text.size())
        return false;
    for (qsizetype i = at; i < at + count; ++i) {
        if (text[i] != c)
            return false;
    }
    return true;
}

/** QString::indexOf(QChar) without the call: templates are short. */
qsizetype findChar(const QString &text, QChar c, qsizetype from)
{
    const QChar *data = text.constData();
    for (qsizetype i = from; i < text.size(); ++i) {
        if (data[i] == c)
            return i;
    }
    return -1;
}

QStringView trimmedJs(QStringView s)
{
    qsizetype begin = 0;
    qsizetype end = s.size();
    while (begin < end && json::isJsWhitespace(s[begin].unicode()))
        ++begin;
    while (end > begin && json::isJsWhitespace(s[end - 1].unicode()))
        --end;
    return s.sliced(begin, end - begin);
}

/**
 * The matches of `/\{{n}([^}]+)\}{n}/g` in `text`, left to right: `match(start, end, innerStart,
 * innerEnd)`. At a position the regexp needs n `{`, then one or more non-`}` characters (greedy, so up
 * to the next `}`), then n `}`; failing that it retries one character later, and after a match it
 * continues behind it.
 */
template<typename Match>
void forEachPlaceholder(const QString &text, qsizetype braces, Match &&match)
{
    qsizetype at = findChar(text, u'{', 0);
    while (at >= 0 && at + 2 * braces < text.size()) {
        if (isRun(text, at, braces, u'{')) {
            const qsizetype innerStart = at + braces;
            const qsizetype close = findChar(text, u'}', innerStart);
            if (close < 0)
                return; // no `}` left: no later position can match either
            if (close > innerStart && isRun(text, close, braces, u'}')) {
                match(at, close + braces, innerStart, close);
                at = findChar(text, u'{', close + braces);
                continue;
            }
        }
        at = findChar(text, u'{', at + 1);
    }
}

void appendValue(QString &out, const json::Value &value)
{
    if (!value.isNullish()) // `value ?? ''`
        json::appendJsString(out, value);
}

/** One `text.replace(regexp, replacer(n))` pass. */
QString replacePass(const QString &text, qsizetype braces, const json::Value &data)
{
    QString out;
    qsizetype copiedUpTo = 0;
    forEachPlaceholder(text, braces, [&](qsizetype start, qsizetype end, qsizetype innerStart, qsizetype innerEnd) {
        if (copiedUpTo == 0)
            out.reserve(text.size() + 16);
        out += QStringView(text).sliced(copiedUpTo, start - copiedUpTo);
        appendValue(out, getPath(data, trimmedJs(QStringView(text).sliced(innerStart, innerEnd - innerStart))));
        copiedUpTo = end;
    });
    if (copiedUpTo == 0)
        return text;
    out += QStringView(text).sliced(copiedUpTo);
    return out;
}

json::Value scopeOf(const json::Value &data)
{
    // render(template, data = {}): a missing payload is an empty object, which `{{ }}` renders.
    return data.isUndefined() ? json::Value(json::Object()) : data;
}

} // namespace

QString renderTemplate(const QString &text, const json::Value &data)
{
    const json::Value scope = scopeOf(data);
    return replacePass(replacePass(text, 3, scope), 2, scope);
}

std::optional<CompiledTemplate> compileTemplate(const QString &text)
{
    bool tripleMatches = false;
    forEachPlaceholder(text, 3, [&tripleMatches](qsizetype, qsizetype, qsizetype, qsizetype) { tripleMatches = true; });
    if (tripleMatches)
        return std::nullopt;
    CompiledTemplate compiled;
    qsizetype copiedUpTo = 0;
    const auto addText = [&compiled](QStringView literal) {
        if (!literal.isEmpty())
            compiled.segments.push_back({literal.toString(), {}, false});
    };
    forEachPlaceholder(text, 2, [&](qsizetype start, qsizetype end, qsizetype innerStart, qsizetype innerEnd) {
        addText(QStringView(text).sliced(copiedUpTo, start - copiedUpTo));
        const QStringView path = trimmedJs(QStringView(text).sliced(innerStart, innerEnd - innerStart));
        compiled.segments.push_back({QString(), splitPath(path), true});
        copiedUpTo = end;
    });
    addText(QStringView(text).sliced(copiedUpTo));
    return compiled;
}

QString renderCompiledTemplate(const CompiledTemplate &compiled, const json::Value &data)
{
    if (compiled.segments.size() == 1 && !compiled.segments.front().placeholder)
        return compiled.segments.front().text;
    const json::Value scope = scopeOf(data);
    QString out;
    for (const CompiledTemplate::Segment &segment : compiled.segments) {
        if (segment.placeholder)
            appendValue(out, getPathKeys(scope, segment.keys));
        else
            out += segment.text;
    }
    return out;
}

} // namespace inkmapper::mapping
