#include "eventstream.h"

#include "json/jssemantics.h"
#include "json/parser.h"

#include <QIODevice>

namespace inkmapper::events {

namespace {

/** Bytes read from the device per step. */
constexpr qsizetype ChunkSize = 256 * 1024;

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/** "a number", "an array": how a value that is not an event is named in messages. */
QString withArticle(const json::Value &value)
{
    const QString type = json::realTypeOf(value);
    return (type.startsWith(u'a') || type.startsWith(u'u') ? QStringLiteral("an ") : QStringLiteral("a ")) + type;
}

QString describeChar(char c)
{
    if (c >= 0x20 && c < 0x7F)
        return QStringLiteral("'%1'").arg(QLatin1Char(c));
    return QStringLiteral("byte 0x%1").arg(uint(uchar(c)), 2, 16, QLatin1Char('0'));
}

} // namespace

EventStream::EventStream(QIODevice *device, QString sourceName) : m_device(device), m_sourceName(std::move(sourceName))
{
    Q_ASSERT(device && device->isReadable());
}

EventStream::Format EventStream::format() const
{
    // Whether a JSON Lines file or a run of values held just one event is only known at the end.
    if (m_state == State::Finished && m_values == 1 && (m_format == Format::JsonLines || m_format == Format::Concatenated))
        return Format::SingleEvent;
    return m_format;
}

bool EventStream::fill()
{
    while (!m_eof) {
        const qsizetype old = m_buffer.size();
        m_buffer.resize(old + ChunkSize);
        const qint64 n = m_device->read(m_buffer.data() + old, ChunkSize);
        m_buffer.resize(old + qsizetype(qMax<qint64>(n, 0)));
        if (n > 0)
            return true;
        if (n < 0) {
            // -1 also means "closed" (a pipe or socket at its end); only a device not at its end failed.
            if (!m_device->atEnd())
                m_readError = m_device->errorString();
            m_eof = true;
        } else if (!m_device->isSequential() || !m_device->waitForReadyRead(-1)) {
            // A file at its end, or a pipe/socket that closed; a live socket or process may still deliver.
            m_eof = true;
        }
    }
    return false;
}

bool EventStream::ensure(qsizetype count)
{
    while (m_buffer.size() - m_pos < count) {
        if (!fill())
            return false;
    }
    return true;
}

void EventStream::compact()
{
    // Drop consumed bytes only between values, so that a value being scanned never moves under its indexes.
    if (m_pos >= ChunkSize && m_pos * 2 >= m_buffer.size()) {
        m_consumedBefore += m_pos;
        m_buffer.remove(0, m_pos);
        m_pos = 0;
    }
}

void EventStream::advance(qsizetype count)
{
    const char *p = m_buffer.constData() + m_pos;
    const char *const end = p + count;
    for (; p < end; ++p) {
        const auto b = uchar(*p);
        if (b == '\n') {
            ++m_line;
            m_column = 1;
        } else if ((b & 0xC0) != 0x80) {
            // Columns count UTF-16 code units, as the parser's do: a 4-byte UTF-8 sequence is a surrogate pair.
            m_column += b >= 0xF0 ? 2 : 1;
        }
    }
    m_pos += count;
}

bool EventStream::skipWhitespace()
{
    for (;;) {
        while (m_pos < m_buffer.size() && isSpace(m_buffer[m_pos]))
            advance(1);
        if (m_pos < m_buffer.size())
            return true;
        if (!fill())
            return false;
    }
}

std::optional<qsizetype> EventStream::findNewline(qsizetype from)
{
    for (;;) {
        const qsizetype found = m_buffer.indexOf('\n', m_pos + from);
        if (found >= 0)
            return found - m_pos;
        from = m_buffer.size() - m_pos;
        if (!fill())
            return std::nullopt;
    }
}

qsizetype EventStream::scanValue()
{
    // Finds where the value at m_pos ends without parsing it: bracket depth outside strings is enough, since
    // the parser judges the slice afterwards. The scan state survives refills because only indexes are kept.
    const char first = m_buffer[m_pos];
    qsizetype k = m_pos;
    const auto byteAt = [&](qsizetype i) -> std::optional<char> {
        while (i >= m_buffer.size()) {
            if (!fill())
                return std::nullopt;
        }
        return m_buffer[i];
    };

    if (first == '{' || first == '[') {
        int depth = 0;
        bool inString = false;
        bool escaped = false;
        for (;; ++k) {
            const std::optional<char> c = byteAt(k);
            if (!c)
                return k - m_pos; // truncated: the parser reports the end of input
            if (inString) {
                if (escaped)
                    escaped = false;
                else if (*c == '\\')
                    escaped = true;
                else if (*c == '"' || *c == '\n') // a raw line break cannot be in a string: resynchronise there
                    inString = false;
                continue;
            }
            if (*c == '"')
                inString = true;
            else if (*c == '{' || *c == '[')
                ++depth;
            else if ((*c == '}' || *c == ']') && --depth == 0)
                return k - m_pos + 1;
        }
    }
    if (first == '"') {
        bool escaped = false;
        for (k = m_pos + 1;; ++k) {
            const std::optional<char> c = byteAt(k);
            if (!c || *c == '\n')
                return k - m_pos;
            if (escaped)
                escaped = false;
            else if (*c == '\\')
                escaped = true;
            else if (*c == '"')
                return k - m_pos + 1;
        }
    }
    if (first == '}' || first == ']' || first == ',' || first == ':')
        return 1;
    // A number, a literal or garbage: up to the next separator.
    for (k = m_pos + 1;; ++k) {
        const std::optional<char> c = byteAt(k);
        if (!c || isSpace(*c) || *c == ',' || *c == ']' || *c == '}' || *c == '[' || *c == '{' || *c == '"')
            return k - m_pos;
    }
}

Result<SampleEvent> EventStream::parseValue(qsizetype length, const QString &what)
{
    const int line = m_line;
    const int column = m_column;
    auto parsed = json::parse(QByteArrayView(m_buffer.constData() + m_pos, length));
    advance(length);
    ++m_values;
    if (!parsed) {
        // The parser counts from the start of the slice; move its position to where the slice is in the input.
        Error error = parsed.error();
        if (error.location.line <= 1)
            error.location.column += column - 1;
        error.location.line += line - 1;
        return error;
    }
    json::Value value = std::move(parsed).value();
    if (!value.isObject()) {
        return Error{QStringLiteral("%1 is %2, but a Segment event is a JSON object").arg(what, withArticle(value)),
                     Location{line, column, {}}};
    }
    return SampleEvent{std::move(value), m_sourceName, line};
}

Result<SampleEvent> EventStream::fatal(const QString &message)
{
    m_state = State::Finished;
    return Error{message, Location{m_line, m_column, {}}};
}

std::optional<Result<SampleEvent>> EventStream::next()
{
    compact();
    switch (m_state) {
    case State::Start:
        return start();
    case State::Lines:
        return nextLine();
    case State::ArrayFirst:
    case State::ArrayNext:
    case State::ArrayAfterItem:
    case State::ArrayClosed:
        return nextArrayItem();
    case State::Values:
        return nextValue();
    case State::Finished:
        break;
    }
    return std::nullopt;
}

std::optional<Result<SampleEvent>> EventStream::end()
{
    m_state = State::Finished;
    if (!m_readError.isEmpty()) {
        const QString message = QStringLiteral("cannot read %1: %2").arg(m_sourceName, m_readError);
        m_readError.clear();
        return Result<SampleEvent>(Error{message, Location{m_line, m_column, {}}});
    }
    return std::nullopt;
}

std::optional<Result<SampleEvent>> EventStream::start()
{
    // Editors on Windows like to start UTF-8 files with a byte order mark, which JSON.parse would refuse.
    ensure(3);
    if (m_buffer.size() - m_pos >= 3 && QByteArrayView(m_buffer).sliced(m_pos, 3) == QByteArrayView("\xEF\xBB\xBF"))
        m_pos += 3;
    if (!skipWhitespace()) {
        m_format = Format::Empty;
        return end();
    }
    if (m_buffer[m_pos] == '[') {
        m_format = Format::Array;
        m_state = State::ArrayFirst;
        advance(1);
        return nextArrayItem();
    }
    // A first line that is a whole value on its own means JSON Lines, where each line stands alone and a bad
    // one costs only itself; otherwise values are delimited by their brackets (a pretty-printed event).
    const std::optional<qsizetype> newline = findNewline(0);
    const qsizetype lineLength = newline ? *newline : m_buffer.size() - m_pos;
    const bool lineIsValue = json::parse(QByteArrayView(m_buffer.constData() + m_pos, lineLength)).ok();
    m_format = lineIsValue ? Format::JsonLines : Format::Concatenated;
    m_state = lineIsValue ? State::Lines : State::Values;
    return lineIsValue ? nextLine() : nextValue();
}

std::optional<Result<SampleEvent>> EventStream::nextLine()
{
    if (!skipWhitespace()) // blank lines are skipped with the whitespace
        return end();
    const std::optional<qsizetype> newline = findNewline(0);
    const qsizetype length = newline ? *newline : m_buffer.size() - m_pos;
    return parseValue(length, QStringLiteral("line %1").arg(m_line));
}

std::optional<Result<SampleEvent>> EventStream::nextValue()
{
    if (!skipWhitespace())
        return end();
    const int line = m_line;
    return parseValue(scanValue(), QStringLiteral("the value on line %1").arg(line));
}

std::optional<Result<SampleEvent>> EventStream::nextArrayItem()
{
    for (;;) {
        if (!skipWhitespace()) {
            if (m_state == State::ArrayClosed)
                return end();
            if (!m_readError.isEmpty())
                return end();
            return fatal(m_values == 0 ? QStringLiteral("the array is not closed: the input ends after '['")
                                       : QStringLiteral("the array is not closed: the input ends after item %1").arg(m_values));
        }
        const char c = m_buffer[m_pos];
        switch (m_state) {
        case State::ArrayClosed:
            return fatal(QStringLiteral("unexpected %1 after the array's closing ']'").arg(describeChar(c)));
        case State::ArrayAfterItem:
            if (c == ',') {
                advance(1);
                m_state = State::ArrayNext;
                continue;
            }
            if (c == ']') {
                advance(1);
                m_state = State::ArrayClosed;
                continue;
            }
            return fatal(QStringLiteral("unexpected %1 after item %2 of the array, expected ',' or ']'").arg(describeChar(c)).arg(m_values));
        case State::ArrayNext:
            if (c == ']') {
                // JSON.parse refuses a trailing comma; say so, but the items before it were fine.
                const Error error{QStringLiteral("a comma before ']': JSON does not allow a trailing comma"), Location{m_line, m_column, {}}};
                advance(1);
                m_state = State::ArrayClosed;
                return Result<SampleEvent>(error);
            }
            break;
        case State::ArrayFirst:
            if (c == ']') {
                advance(1);
                m_state = State::ArrayClosed;
                continue;
            }
            break;
        default:
            Q_UNREACHABLE();
        }
        m_state = State::ArrayAfterItem;
        return parseValue(scanValue(), QStringLiteral("item %1 of the array").arg(m_values + 1));
    }
}

} // namespace inkmapper::events
