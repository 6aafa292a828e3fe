#pragma once

#include "json/value.h"
#include "util/result.h"

#include <QString>
#include <QStringList>

#include <utility>
#include <vector>

namespace inkmapper::destination::Internal {

/**
 * node-fetch 2.6.1's Headers, the class Segment's request client builds every request with: a map from
 * header name (spelt as first seen) to its list of values, in JavaScript property order, looked up
 * case-insensitively, validating names and values exactly as node-fetch does (its TypeError messages
 * become the Error messages here).
 */
class HeaderMap
{
public:
    using Entry = std::pair<QString, QStringList>;

    HeaderMap() = default;

    /** `new Headers(init)` for a JSON value: a record (object) or a sequence of [name, value] pairs (array). */
    static Result<HeaderMap> fromInit(const json::Value &init);

    /** `new Headers(other)`: a copy that re-appends every raw value in map order. */
    HeaderMap copy() const;

    Result<Ok> append(const QString &name, const QString &value);
    Result<Ok> set(const QString &name, const QString &value);
    Result<Ok> remove(const QString &name);
    bool has(const QString &name) const;

    /** The entries as Headers.forEach yields them: sorted by the stored name, names in lower case,
     *  values joined with ", ". */
    std::vector<std::pair<QString, QString>> sortedEntries() const;

    /** The raw map in JavaScript property order (what node's http client writes, in that order). */
    const std::vector<Entry> &entries() const { return m_entries; }

    /** node-fetch's name check: a non-empty HTTP token. */
    static bool isValidName(QStringView name);
    /** node-fetch's value check: tab, 0x20–0x7E and 0x80–0xFF only. */
    static bool isValidValue(QStringView value);

private:
    qsizetype find(const QString &name) const;
    void insertKey(const QString &name, QStringList values);

    std::vector<Entry> m_entries;
};

} // namespace inkmapper::destination::Internal
