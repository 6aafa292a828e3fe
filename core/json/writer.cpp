#include "writer.h"

#include "asciiscan.h"

#include "jsnumber.h"
#include "object.h"

#include <cmath>

namespace inkmapper::json {

namespace {

bool isSkipped(const Value &v)
{
    return v.isUndefined() || v.isFunction();
}

void appendUtf8(std::string &out, char32_t cp)
{
    if (cp < 0x80) {
        out += char(cp);
    } else if (cp < 0x800) {
        out += char(0xC0 | (cp >> 6));
        out += char(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += char(0xE0 | (cp >> 12));
        out += char(0x80 | ((cp >> 6) & 0x3F));
        out += char(0x80 | (cp & 0x3F));
    } else {
        out += char(0xF0 | (cp >> 18));
        out += char(0x80 | ((cp >> 12) & 0x3F));
        out += char(0x80 | ((cp >> 6) & 0x3F));
        out += char(0x80 | (cp & 0x3F));
    }
}

void appendEscapedUnit(std::string &out, char16_t u)
{
    static const char hex[] = "0123456789abcdef";
    out += "\\u";
    out += hex[(u >> 12) & 0xF];
    out += hex[(u >> 8) & 0xF];
    out += hex[(u >> 4) & 0xF];
    out += hex[u & 0xF];
}

class Writer
{
public:
    Writer(std::string &out, const WriteOptions &options) : m_out(out), m_options(options)
    {
    }

    void write(const Value &v, int level)
    {
        switch (v.type()) {
        case Value::Type::Undefined:
        case Value::Type::Function:
            m_out += "null"; // only reached inside arrays
            return;
        case Value::Type::Null:
            m_out += "null";
            return;
        case Value::Type::Boolean:
            m_out += v.toBool() ? "true" : "false";
            return;
        case Value::Type::Number:
            if (std::isfinite(v.toNumber()))
                appendNumber(m_out, v.toNumber());
            else
                m_out += "null";
            return;
        case Value::Type::String:
            appendJsonString(m_out, v.toString());
            return;
        case Value::Type::Array:
        case Value::Type::Object:
            writeContainer(v, level);
            return;
        }
    }

private:
    void writeContainer(const Value &v, int level)
    {
        if (v.isArray()) {
            writeArray(v.toArray(), level);
            return;
        }
        const Object &o = v.toObject();
        // An object still as parsed from JSON.stringify-shaped text (an event sent on as it came).
        if (m_options.indent <= 0) {
            if (const std::string_view text = o.canonicalText(); !text.empty()) {
                m_out += m_options.stopAfter > 0 ? text.substr(0, m_options.stopAfter + 1) : text;
                return;
            }
        }
        writeObject(o, level);
    }

    void writeArray(const Array &a, int level)
    {
        if (a.empty()) {
            m_out += "[]";
            return;
        }
        m_out += '[';
        bool first = true;
        for (const Value &item : a) {
            if (isFull())
                return;
            if (!first)
                m_out += ',';
            first = false;
            newline(level + 1);
            write(item, level + 1);
        }
        newline(level);
        m_out += ']';
    }

    void writeObject(const Object &o, int level)
    {
        m_out += '{';
        bool any = false;
        for (const auto &[key, member] : o) {
            if (isSkipped(member))
                continue;
            if (isFull())
                return;
            if (any)
                m_out += ',';
            any = true;
            newline(level + 1);
            appendJsonString(m_out, key);
            m_out += ':';
            if (m_options.indent > 0)
                m_out += ' ';
            write(member, level + 1);
        }
        if (any)
            newline(level);
        m_out += '}';
    }

    bool isFull() const { return m_options.stopAfter > 0 && m_out.size() > m_options.stopAfter; }

    void newline(int level)
    {
        if (m_options.indent <= 0)
            return;
        m_out += '\n';
        m_out.append(size_t(level * m_options.indent), ' ');
    }

    std::string &m_out;
    const WriteOptions &m_options;
};

} // namespace

void appendJsonString(std::string &out, QStringView s)
{
    const char16_t *p = s.utf16();
    const char16_t *end = p + s.size();
    // Most strings are plain ASCII from end to end: scan and narrow them in one pass into room made
    // once, and fall back to the general loop from the first unit that needs more.
    const size_t at = out.size();
    out.resize(at + size_t(s.size()) + 2);
    char *dst = out.data() + at;
    *dst++ = '"';
    const char16_t *plainEnd = ascii::narrowPlain(p, end, dst);
    if (plainEnd == end) {
        dst[end - p] = '"';
        return;
    }
    out.resize(at + 1 + size_t(plainEnd - p));
    p = plainEnd;
    while (p < end) {
        // Copy runs of printable ASCII in one go.
        const char16_t *run = p;
        p = ascii::skipPlain(p, end);
        if (p > run)
            ascii::appendNarrowed(out, run, p);
        if (p >= end)
            break;
        const char16_t u = *p++;
        switch (u) {
        case u'"': out += "\\\""; continue;
        case u'\\': out += "\\\\"; continue;
        case u'\b': out += "\\b"; continue;
        case u'\f': out += "\\f"; continue;
        case u'\n': out += "\\n"; continue;
        case u'\r': out += "\\r"; continue;
        case u'\t': out += "\\t"; continue;
        default: break;
        }
        if (u < 0x20) {
            appendEscapedUnit(out, u);
        } else if (u < 0x80) {
            out += char(u);
        } else if (u >= 0xD800 && u <= 0xDBFF) {
            if (p < end && *p >= 0xDC00 && *p <= 0xDFFF) {
                appendUtf8(out, 0x10000 + ((char32_t(u) - 0xD800) << 10) + (char32_t(*p) - 0xDC00));
                ++p;
            } else {
                appendEscapedUnit(out, u);
            }
        } else if (u >= 0xDC00 && u <= 0xDFFF) {
            appendEscapedUnit(out, u); // a low surrogate without its high half
        } else {
            appendUtf8(out, u);
        }
    }
    out += '"';
}

bool appendJson(std::string &out, const Value &value, const WriteOptions &options)
{
    if (isSkipped(value))
        return false;
    Writer(out, options).write(value, 0);
    return true;
}

std::optional<QByteArray> stringify(const Value &value, const WriteOptions &options)
{
    std::string out;
    if (!appendJson(out, value, options))
        return std::nullopt;
    return QByteArray(out.data(), qsizetype(out.size()));
}

QString toJsonString(const Value &value, const WriteOptions &options)
{
    std::string out;
    if (!appendJson(out, value, options))
        return {};
    return QString::fromUtf8(out.data(), qsizetype(out.size()));
}

} // namespace inkmapper::json
