#include "parser.h"

#include "asciiscan.h"
#include "stringinterner.h"

#include "jsnumber.h"
#include "object.h"

#include <cstring>
#include <memory>
#include <string>

namespace inkmapper::json {

namespace {

/** Recursive-descent JSON reader over UTF-8 bytes; the first error stops it. */
class Reader
{
public:
    Reader(const char *data, qsizetype size, const ParseOptions &options)
        : m_source(options.keepCanonicalText ? std::make_shared<const std::string>(data, size_t(size)) : nullptr),
          m_begin(m_source ? m_source->data() : data), m_pos(m_begin), m_end(m_begin + size), m_options(options),
          m_interner(StringInterner::forThisThread())
    {
        m_members.reserve(64);
    }

    Result<Value> run()
    {
        skipWhitespace();
        Value v = parseValue(0);
        if (m_failed)
            return error();
        skipWhitespace();
        if (m_pos != m_end) {
            fail(QStringLiteral("unexpected %1 after the JSON value").arg(describeHere()));
            return error();
        }
        return v;
    }

private:
    void skipWhitespace()
    {
        const char *start = m_pos;
        while (m_pos < m_end && (*m_pos == ' ' || *m_pos == '\n' || *m_pos == '\r' || *m_pos == '\t'))
            ++m_pos;
        if (m_pos != start)
            ++m_deviations; // JSON.stringify writes none
    }

    QString describeHere() const
    {
        if (m_pos >= m_end)
            return QStringLiteral("end of input");
        const unsigned char c = static_cast<unsigned char>(*m_pos);
        if (c < 0x20)
            return QStringLiteral("control character U+%1").arg(c, 4, 16, QLatin1Char('0'));
        if (c >= 0x80) {
            const char *e = m_pos + 1;
            while (e < m_end && (static_cast<unsigned char>(*e) & 0xC0) == 0x80 && e - m_pos < 4)
                ++e;
            return QStringLiteral("character '%1'").arg(QString::fromUtf8(m_pos, e - m_pos));
        }
        return QStringLiteral("character '%1'").arg(QLatin1Char(char(c)));
    }

    void fail(const QString &message)
    {
        if (m_failed)
            return;
        m_failed = true;
        m_errorMessage = message;
        m_errorAt = m_pos;
    }

    Error error() const
    {
        // Line and column are only computed for the error: counting newlines costs nothing then.
        int line = 1;
        const char *lineStart = m_begin;
        for (const char *p = m_begin; p < m_errorAt; ++p) {
            if (*p == '\n') {
                ++line;
                lineStart = p + 1;
            }
        }
        const int column = int(QString::fromUtf8(lineStart, m_errorAt - lineStart).size()) + 1;
        return Error{m_errorMessage, Location{line, column, {}}};
    }

    Value parseValue(int depth)
    {
        if (m_pos >= m_end) {
            fail(QStringLiteral("unexpected end of input, expected a value"));
            return {};
        }
        switch (*m_pos) {
        case '{':
            return parseObject(depth + 1);
        case '[':
            return parseArray(depth + 1);
        case '"': {
            QString s;
            parseString(s, false);
            return Value(std::move(s));
        }
        case 't':
            return parseLiteral("true", Value(true));
        case 'f':
            return parseLiteral("false", Value(false));
        case 'n':
            return parseLiteral("null", Value(nullptr));
        default:
            if (*m_pos == '-' || (*m_pos >= '0' && *m_pos <= '9'))
                return parseNumber();
            fail(QStringLiteral("unexpected %1, expected a value").arg(describeHere()));
            return {};
        }
    }

    Value parseLiteral(const char *word, Value v)
    {
        const size_t n = std::strlen(word);
        if (size_t(m_end - m_pos) >= n && std::memcmp(m_pos, word, n) == 0) {
            m_pos += n;
            return v;
        }
        fail(QStringLiteral("unexpected %1, expected a value").arg(describeHere()));
        return {};
    }

    Value parseNumber()
    {
        bool negative = false;
        if (*m_pos == '-') {
            negative = true;
            ++m_pos;
        }
        const char *digits = m_pos;
        if (m_pos < m_end && *m_pos == '0') {
            ++m_pos;
        } else if (m_pos < m_end && *m_pos >= '1' && *m_pos <= '9') {
            while (m_pos < m_end && *m_pos >= '0' && *m_pos <= '9')
                ++m_pos;
        } else {
            fail(QStringLiteral("unexpected %1, expected a digit").arg(describeHere()));
            return {};
        }
        bool integer = true;
        if (m_pos < m_end && *m_pos == '.') {
            integer = false;
            ++m_pos;
            if (m_pos >= m_end || *m_pos < '0' || *m_pos > '9') {
                fail(QStringLiteral("unexpected %1, expected a digit after the decimal point").arg(describeHere()));
                return {};
            }
            while (m_pos < m_end && *m_pos >= '0' && *m_pos <= '9')
                ++m_pos;
        }
        if (m_pos < m_end && (*m_pos == 'e' || *m_pos == 'E')) {
            integer = false;
            ++m_pos;
            if (m_pos < m_end && (*m_pos == '+' || *m_pos == '-'))
                ++m_pos;
            if (m_pos >= m_end || *m_pos < '0' || *m_pos > '9') {
                fail(QStringLiteral("unexpected %1, expected a digit in the exponent").arg(describeHere()));
                return {};
            }
            while (m_pos < m_end && *m_pos >= '0' && *m_pos <= '9')
                ++m_pos;
        }
        if (!isCanonicalNumber(negative, digits))
            ++m_deviations;
        // Integers of up to 15 digits are exact in a double: no need for the general conversion.
        if (integer && m_pos - digits <= 15) {
            qint64 v = 0;
            for (const char *p = digits; p < m_pos; ++p)
                v = v * 10 + (*p - '0');
            if (v == 0 && negative)
                return Value(-0.0);
            return Value(double(negative ? -v : v));
        }
        const double v = parseDecimal(std::string_view(digits, size_t(m_pos - digits)));
        return Value(negative ? -v : v);
    }

    /**
     * Whether JavaScript writes the number [digits, m_pos) (after an optional '-') exactly so. Only
     * decides the plain forms: at most 15 significant digits (a decimal that short is the shortest text
     * of its double, so Number#toString gives it back), no exponent, no trailing zero in the fraction,
     * not -0, and not below 1e-6 (written with an exponent). Anything else counts as not canonical.
     */
    bool isCanonicalNumber(bool negative, const char *digits) const
    {
        const char *p = digits;
        const char *end = m_pos;
        int significant = 0;
        bool leadingZero = *p == '0';
        if (leadingZero) {
            ++p;
        } else {
            while (p < end && *p >= '0' && *p <= '9') {
                ++p;
                ++significant;
            }
        }
        if (p == end) // an integer
            return significant <= 15 && !(negative && leadingZero);
        if (*p != '.')
            return false; // an exponent
        ++p;
        const char *fraction = p;
        while (p < end && *p >= '0' && *p <= '9')
            ++p;
        if (p != end || p[-1] == '0')
            return false;
        if (leadingZero) {
            const char *firstDigit = fraction;
            while (*firstDigit == '0')
                ++firstDigit;
            if (firstDigit - fraction > 5)
                return false; // below 1e-6
            significant = int(end - firstDigit);
        } else {
            significant += int(end - fraction);
        }
        return significant <= 15;
    }

    static int hexValue(char c)
    {
        if (c >= '0' && c <= '9')
            return c - '0';
        if (c >= 'a' && c <= 'f')
            return c - 'a' + 10;
        if (c >= 'A' && c <= 'F')
            return c - 'A' + 10;
        return -1;
    }

    /** Decodes one UTF-8 sequence at m_pos (which is >= 0x80) the WHATWG way: an ill-formed
     *  sequence becomes one U+FFFD per maximal subpart, as Node's UTF-8 decoder does. */
    void decodeUtf8(QString &out)
    {
        const auto byte = [this](qsizetype i) -> unsigned {
            return m_pos + i < m_end ? static_cast<unsigned char>(m_pos[i]) : 0x100;
        };
        const unsigned b0 = byte(0);
        int need = 0;
        unsigned lower = 0x80, upper = 0xBF;
        char32_t cp = 0;
        if (b0 >= 0xC2 && b0 <= 0xDF) {
            need = 1;
            cp = b0 & 0x1F;
        } else if (b0 >= 0xE0 && b0 <= 0xEF) {
            need = 2;
            cp = b0 & 0x0F;
            if (b0 == 0xE0)
                lower = 0xA0;
            if (b0 == 0xED)
                upper = 0x9F;
        } else if (b0 >= 0xF0 && b0 <= 0xF4) {
            need = 3;
            cp = b0 & 0x07;
            if (b0 == 0xF0)
                lower = 0x90;
            if (b0 == 0xF4)
                upper = 0x8F;
        } else {
            out.append(QChar(0xFFFD));
            ++m_deviations;
            ++m_pos;
            return;
        }
        qsizetype i = 1;
        for (; i <= need; ++i) {
            const unsigned b = byte(i);
            if (b < lower || b > upper) {
                out.append(QChar(0xFFFD));
                ++m_deviations;
                m_pos += i;
                return;
            }
            lower = 0x80;
            upper = 0xBF;
            cp = (cp << 6) | (b & 0x3F);
        }
        m_pos += i;
        if (cp >= 0x10000) {
            out.append(QChar(char16_t(0xD800 + ((cp - 0x10000) >> 10))));
            out.append(QChar(char16_t(0xDC00 + ((cp - 0x10000) & 0x3FF))));
        } else {
            out.append(QChar(char16_t(cp)));
        }
    }

    /**
     * Reads a string at m_pos. Keys (`intern`) come from the interner: they repeat from event to event.
     * Values mostly do not (ids, timestamps), and for those a miss costs more than a plain string.
     */
    void parseString(QString &out, bool intern)
    {
        ++m_pos; // opening quote
        // Fast path: plain ASCII with no escapes, the common case for keys and values.
        const char *start = m_pos;
        const char *p = ascii::skipPlain(m_pos, m_end);
        if (p < m_end && *p == '"') {
            const QLatin1StringView text(start, p - start);
            out = intern ? m_interner.intern(start, p - start) : QString(text);
            m_pos = p + 1;
            return;
        }
        out.clear();
        out.reserve(p - start + 16);
        out.append(QLatin1StringView(start, p - start));
        m_pos = p;
        while (true) {
            if (m_pos >= m_end) {
                fail(QStringLiteral("unterminated string"));
                return;
            }
            const unsigned char c = static_cast<unsigned char>(*m_pos);
            if (c == '"') {
                ++m_pos;
                return;
            }
            if (c < 0x20) {
                fail(QStringLiteral("unescaped %1 in a string").arg(describeHere()));
                return;
            }
            if (c >= 0x80) {
                decodeUtf8(out);
                continue;
            }
            if (c != '\\') {
                const char *runStart = m_pos;
                m_pos = ascii::skipPlain(m_pos, m_end);
                out.append(QLatin1StringView(runStart, m_pos - runStart));
                continue;
            }
            ++m_pos;
            if (m_pos >= m_end) {
                fail(QStringLiteral("unterminated string"));
                return;
            }
            switch (*m_pos) {
            case '"': out.append(u'"'); break;
            case '\\': out.append(u'\\'); break;
            case '/': out.append(u'/'); ++m_deviations; break;
            case 'b': out.append(u'\b'); break;
            case 'f': out.append(u'\f'); break;
            case 'n': out.append(u'\n'); break;
            case 'r': out.append(u'\r'); break;
            case 't': out.append(u'\t'); break;
            case 'u': {
                unsigned unit = 0;
                for (int i = 1; i <= 4; ++i) {
                    const int h = m_pos + i < m_end ? hexValue(m_pos[i]) : -1;
                    if (h < 0) {
                        m_pos += i;
                        fail(QStringLiteral("invalid \\u escape: expected a hexadecimal digit, found %1").arg(describeHere()));
                        return;
                    }
                    unit = unit * 16 + unsigned(h);
                }
                // Each \u escape is one UTF-16 code unit: surrogate pairs form by themselves and lone
                // surrogates stay, as in JavaScript.
                out.append(QChar(char16_t(unit)));
                if (!isCanonicalUnicodeEscape(m_pos + 1, unit))
                    ++m_deviations;
                m_pos += 4;
                break;
            }
            default:
                if (static_cast<unsigned char>(*m_pos) < 0x80 && static_cast<unsigned char>(*m_pos) >= 0x20)
                    fail(QStringLiteral("invalid escape '\\%1' in a string").arg(QLatin1Char(*m_pos)));
                else
                    fail(QStringLiteral("invalid escape sequence in a string"));
                return;
            }
            ++m_pos;
        }
    }

    /** JSON.stringify writes \uXXXX (lowercase) only for control characters without a short escape;
     *  the lone surrogates it also escapes are left to the general writer (not canonical here). */
    static bool isCanonicalUnicodeEscape(const char *hex, unsigned unit)
    {
        const bool hasShortForm = unit == '\b' || unit == '\t' || unit == '\n' || unit == '\f' || unit == '\r';
        if (unit >= 0x20 || hasShortForm)
            return false;
        for (int i = 0; i < 4; ++i) {
            if (hex[i] >= 'A' && hex[i] <= 'F')
                return false;
        }
        return true;
    }

    bool enter(int depth)
    {
        if (depth > m_options.maxDepth) {
            fail(QStringLiteral("nesting deeper than %1 levels").arg(m_options.maxDepth));
            return false;
        }
        return true;
    }

    Value parseArray(int depth)
    {
        if (!enter(depth))
            return {};
        ++m_pos;
        Array items;
        skipWhitespace();
        if (m_pos < m_end && *m_pos == ']') {
            ++m_pos;
            return Value(std::move(items));
        }
        while (true) {
            skipWhitespace();
            items.push_back(parseValue(depth));
            if (m_failed)
                return {};
            skipWhitespace();
            if (m_pos < m_end && *m_pos == ',') {
                ++m_pos;
                continue;
            }
            if (m_pos < m_end && *m_pos == ']') {
                ++m_pos;
                return Value(std::move(items));
            }
            fail(QStringLiteral("unexpected %1 in an array, expected ',' or ']'").arg(describeHere()));
            return {};
        }
    }

    Value parseObject(int depth)
    {
        if (!enter(depth))
            return {};
        const char *open = m_pos;
        const size_t deviationsBefore = m_deviations;
        ++m_pos;
        skipWhitespace();
        if (m_pos < m_end && *m_pos == '}') {
            ++m_pos;
            return Value(Object());
        }
        // Members gather on a stack shared by every level, so each object is built at its final size.
        const size_t base = m_members.size();
        QString key;
        while (true) {
            skipWhitespace();
            if (m_pos >= m_end || *m_pos != '"') {
                fail(QStringLiteral("unexpected %1 in an object, expected a property name in double quotes").arg(describeHere()));
                return {};
            }
            parseString(key, true);
            if (m_failed)
                return {};
            skipWhitespace();
            if (m_pos >= m_end || *m_pos != ':') {
                fail(QStringLiteral("unexpected %1 after a property name, expected ':'").arg(describeHere()));
                return {};
            }
            ++m_pos;
            skipWhitespace();
            Value v = parseValue(depth);
            if (m_failed)
                return {};
            m_members.emplace_back(std::move(key), std::move(v));
            skipWhitespace();
            if (m_pos < m_end && *m_pos == ',') {
                ++m_pos;
                continue;
            }
            if (m_pos < m_end && *m_pos == '}') {
                ++m_pos;
                Object object = Object::fromParsedMembers(m_members.data() + base, m_members.data() + m_members.size());
                // Repeated keys vanish and index keys move to the front when written again.
                if (size_t(object.size()) != m_members.size() - base || object.hasArrayIndexKeys())
                    ++m_deviations;
                m_members.resize(base);
                if (m_source && m_deviations == deviationsBefore)
                    object.setCanonicalText(m_source, std::string_view(open, size_t(m_pos - open)));
                return Value(std::move(object));
            }
            fail(QStringLiteral("unexpected %1 in an object, expected ',' or '}'").arg(describeHere()));
            return {};
        }
    }

    std::shared_ptr<const std::string> m_source; ///< the copy of the input that canonical objects point into
    const char *m_begin;
    const char *m_pos;
    const char *m_end;
    const ParseOptions &m_options;
    StringInterner &m_interner;
    size_t m_deviations = 0; ///< places so far where the text differs from what JSON.stringify writes
    std::vector<Object::Member> m_members; // members of the objects being read, innermost last
    bool m_failed = false;
    QString m_errorMessage;
    const char *m_errorAt = nullptr;
};

} // namespace

Result<Value> parse(QByteArrayView utf8, const ParseOptions &options)
{
    Reader reader(utf8.data(), utf8.size(), options);
    return reader.run();
}

Result<Value> parse(QStringView text, const ParseOptions &options)
{
    // Lone surrogates in an editor's text cannot survive UTF-8; JSON text from a user has none in
    // practice (they only arrive as \u escapes, which are ASCII).
    const QByteArray utf8 = text.toUtf8();
    return parse(QByteArrayView(utf8), options);
}

} // namespace inkmapper::json
