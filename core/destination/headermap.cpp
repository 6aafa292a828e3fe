#include "headermap.h"

#include "json/jssemantics.h"
#include "json/object.h"

#include <algorithm>

namespace inkmapper::destination::Internal {

namespace {

Error nameError(const QString &name)
{
    return Error{QStringLiteral("%1 is not a legal HTTP header name").arg(name), {}};
}

Error valueError(const QString &value)
{
    return Error{QStringLiteral("%1 is not a legal HTTP header value").arg(value), {}};
}

// JavaScript's String.prototype.toLowerCase is only ever applied to validated names here, which are
// ASCII tokens, so ASCII lowering is exact.
QString lowerAscii(const QString &s)
{
    QString out = s;
    for (QChar &c : out) {
        if (c >= u'A' && c <= u'Z')
            c = QChar(c.unicode() + 32);
    }
    return out;
}

// `${value}` for a header name or value. JavaScript's ToString of an object calls its toString; an
// object that has its own (non-callable) "toString" falls back to valueOf, which gives the object
// again, and the conversion throws — also for such an object inside an array being joined.
bool convertsToString(const json::Value &v)
{
    if (v.isObject())
        return !v.toObject().contains(u"toString");
    if (v.isArray()) {
        for (const json::Value &e : v.toArray()) {
            if (!e.isNullish() && !convertsToString(e))
                return false;
        }
    }
    return true;
}

Result<QString> headerString(const json::Value &v)
{
    if (!convertsToString(v))
        return Error{QStringLiteral("Cannot convert object to primitive value"), {}};
    return json::toJsString(v);
}

} // namespace

bool HeaderMap::isValidName(QStringView name)
{
    if (name.isEmpty())
        return false;
    for (QChar qc : name) {
        const char16_t c = qc.unicode();
        const bool ok = (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9')
                        || QStringView(u"^_`-!#$%&'*+.|~").contains(QChar(c));
        if (!ok)
            return false;
    }
    return true;
}

bool HeaderMap::isValidValue(QStringView value)
{
    for (QChar qc : value) {
        const char16_t c = qc.unicode();
        if (!(c == u'\t' || (c >= 0x20 && c <= 0x7e) || (c >= 0x80 && c <= 0xff)))
            return false;
    }
    return true;
}

qsizetype HeaderMap::find(const QString &name) const
{
    const QString lower = lowerAscii(name);
    for (qsizetype i = 0; i < qsizetype(m_entries.size()); ++i) {
        if (lowerAscii(m_entries[size_t(i)].first) == lower)
            return i;
    }
    return -1;
}

void HeaderMap::insertKey(const QString &name, QStringList values)
{
    // The map is a plain JavaScript object: array-index names ("123") sort first, numerically.
    quint32 index = 0;
    if (json::Object::isArrayIndex(name, &index)) {
        auto pos = m_entries.begin();
        quint32 other = 0;
        while (pos != m_entries.end() && json::Object::isArrayIndex(pos->first, &other) && other < index)
            ++pos;
        m_entries.insert(pos, Entry{name, std::move(values)});
        return;
    }
    m_entries.emplace_back(name, std::move(values));
}

Result<Ok> HeaderMap::append(const QString &name, const QString &value)
{
    if (!isValidName(name))
        return nameError(name);
    if (!isValidValue(value))
        return valueError(value);
    const qsizetype i = find(name);
    if (i >= 0)
        m_entries[size_t(i)].second.append(value);
    else
        insertKey(name, QStringList{value});
    return Ok{};
}

Result<Ok> HeaderMap::set(const QString &name, const QString &value)
{
    if (!isValidName(name))
        return nameError(name);
    if (!isValidValue(value))
        return valueError(value);
    const qsizetype i = find(name);
    if (i >= 0)
        m_entries[size_t(i)].second = QStringList{value};
    else
        insertKey(name, QStringList{value});
    return Ok{};
}

Result<Ok> HeaderMap::remove(const QString &name)
{
    if (!isValidName(name))
        return nameError(name);
    const qsizetype i = find(name);
    if (i >= 0)
        m_entries.erase(m_entries.begin() + i);
    return Ok{};
}

bool HeaderMap::has(const QString &name) const
{
    return find(name) >= 0;
}

HeaderMap HeaderMap::copy() const
{
    HeaderMap out;
    // Re-appending keeps the stored spelling and order; values were validated when first added.
    for (const Entry &e : m_entries)
        out.insertKey(e.first, e.second);
    return out;
}

std::vector<std::pair<QString, QString>> HeaderMap::sortedEntries() const
{
    std::vector<const Entry *> sorted;
    sorted.reserve(m_entries.size());
    for (const Entry &e : m_entries)
        sorted.push_back(&e);
    // Array.prototype.sort() without a comparator: UTF-16 code unit order of the stored names.
    std::stable_sort(sorted.begin(), sorted.end(), [](const Entry *a, const Entry *b) { return a->first < b->first; });
    std::vector<std::pair<QString, QString>> out;
    out.reserve(sorted.size());
    for (const Entry *e : sorted)
        out.emplace_back(lowerAscii(e->first), e->second.join(QStringLiteral(", ")));
    return out;
}

Result<HeaderMap> HeaderMap::fromInit(const json::Value &init)
{
    HeaderMap out;
    if (init.isNullish())
        return out;
    if (init.isArray()) {
        // sequence<sequence<ByteString>>: every pair is checked for iterability before any is used.
        std::vector<json::Array> pairs;
        for (const json::Value &pair : init.toArray()) {
            if (pair.isNull())
                return Error{QStringLiteral("Cannot read properties of null (reading 'Symbol(Symbol.iterator)')"), {}};
            if (!pair.isArray())
                return Error{QStringLiteral("Each header pair must be iterable"), {}};
            pairs.push_back(pair.toArray());
        }
        for (const json::Array &pair : pairs) {
            if (pair.size() != 2)
                return Error{QStringLiteral("Each header pair must be a name/value tuple"), {}};
            const Result<QString> name = headerString(pair[0]);
            if (!name)
                return name.error();
            const Result<QString> value = headerString(pair[1]);
            if (!value)
                return value.error();
            const Result<Ok> r = out.append(name.value(), value.value());
            if (!r)
                return r.error();
        }
        return out;
    }
    if (init.isObject()) {
        for (const auto &[key, value] : init.toObject()) {
            const Result<QString> text = headerString(value);
            if (!text)
                return text.error();
            const Result<Ok> r = out.append(key, text.value());
            if (!r)
                return r.error();
        }
        return out;
    }
    // typeof a function is "function", not "object": node-fetch refuses it like a scalar.
    return Error{QStringLiteral("Provided initializer must be an object"), {}};
}

} // namespace inkmapper::destination::Internal
