#include "eventreader.h"

#include "json/jssemantics.h"
#include "json/parser.h"

namespace inkmapper::events {

namespace {

/** Skips a UTF-8 byte order mark: editors on Windows like to write one, JSON.parse would refuse it. */
QByteArrayView withoutBom(QByteArrayView text)
{
    if (text.size() >= 3 && text.startsWith(QByteArrayView("\xEF\xBB\xBF")))
        return text.sliced(3);
    return text;
}

bool isBlank(QByteArrayView line)
{
    for (char c : line) {
        if (c != ' ' && c != '\t' && c != '\r' && c != '\n')
            return false;
    }
    return true;
}

int countLines(QByteArrayView text)
{
    int lines = 1;
    for (char c : text)
        lines += c == '\n';
    return lines;
}

} // namespace

void EventReader::addEvent(EventReadResult &result, json::Value value, const QString &source, int line, int index)
{
    if (!value.isObject()) {
        const QString what = index >= 0 ? QStringLiteral("item %1 of the array").arg(index + 1) : QStringLiteral("the value");
        result.errors.push_back(Error{QStringLiteral("%1 is %2 %3, but a Segment event is a JSON object")
                                          .arg(what, json::realTypeOf(value).startsWith(u'a') ? QStringLiteral("an") : QStringLiteral("a"),
                                               json::realTypeOf(value)),
                                      Location{line, 1, {}}});
        return;
    }
    result.events.push_back(SampleEvent{std::move(value), source, line});
}

void EventReader::readJsonLines(QByteArrayView utf8, const QString &sourceName, EventReadResult &result)
{
    result.format = EventReadResult::Format::JsonLines;
    int lineNumber = 0;
    qsizetype start = 0;
    while (start <= utf8.size()) {
        qsizetype end = utf8.indexOf('\n', start);
        if (end < 0)
            end = utf8.size();
        ++lineNumber;
        const QByteArrayView line = utf8.sliced(start, end - start);
        if (!isBlank(line)) {
            auto parsed = json::parse(line);
            if (parsed.ok()) {
                addEvent(result, std::move(parsed).value(), sourceName, lineNumber, -1);
            } else {
                Error e = parsed.error();
                e.location.line = lineNumber; // the line of the file, not of the one-line text
                result.errors.push_back(std::move(e));
            }
        }
        start = end + 1;
    }
}

std::vector<int> EventReader::arrayElementLines(QByteArrayView text)
{
    std::vector<int> lines;
    int line = 1;
    int depth = 0;
    bool inString = false;
    bool escaped = false;
    bool expectElement = false;
    for (const char c : text) {
        if (c == '\n')
            ++line;
        if (inString) {
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                inString = false;
            continue;
        }
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n')
            continue;
        if (depth == 1 && expectElement && c != ']') {
            lines.push_back(line);
            expectElement = false;
        }
        switch (c) {
        case '"':
            inString = true;
            break;
        case '[':
        case '{':
            expectElement = ++depth == 1;
            break;
        case ']':
        case '}':
            if (--depth == 0)
                return lines; // the array ends; what follows is not ours
            break;
        case ',':
            expectElement = depth == 1;
            break;
        default:
            break;
        }
    }
    return lines;
}

EventReadResult EventReader::read(QByteArrayView utf8, const QString &sourceName)
{
    EventReadResult result;
    const QByteArrayView text = withoutBom(utf8);
    if (isBlank(text))
        return result;

    const qsizetype firstContent = [&] {
        qsizetype i = 0;
        while (i < text.size() && (text[i] == ' ' || text[i] == '\t' || text[i] == '\r' || text[i] == '\n'))
            ++i;
        return i;
    }();
    auto whole = json::parse(text);
    if (whole.ok()) {
        json::Value value = std::move(whole).value();
        if (value.isArray()) {
            result.format = EventReadResult::Format::Array;
            const json::Array &items = value.toArray();
            result.events.reserve(items.size());
            const std::vector<int> lines = arrayElementLines(text);
            for (size_t i = 0; i < items.size(); ++i)
                addEvent(result, items[i], sourceName, i < lines.size() ? lines[i] : 0, int(i));
        } else {
            result.format = EventReadResult::Format::SingleEvent;
            // The event starts where its text does, after any blank lines.
            addEvent(result, std::move(value), sourceName, countLines(text.first(firstContent)), -1);
        }
        return result;
    }

    // Not one JSON value. Several lines whose first non-blank line is a complete value on its own means
    // JSON Lines; anything else is one malformed document, whose error is the useful one to show.
    qsizetype firstEnd = text.indexOf('\n', firstContent);
    if (firstEnd < 0)
        firstEnd = text.size();
    const bool firstLineParses = json::parse(text.sliced(firstContent, firstEnd - firstContent)).ok();
    if (firstLineParses && countLines(text.sliced(firstContent)) > 1) {
        readJsonLines(text, sourceName, result);
        return result;
    }
    result.errors.push_back(whole.error());
    return result;
}

} // namespace inkmapper::events
