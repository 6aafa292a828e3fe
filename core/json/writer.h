#pragma once

#include "value.h"

#include <QByteArray>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace inkmapper::json {

/** How stringify lays out its output. */
struct WriteOptions
{
    int indent = 0; ///< 0: compact, as JSON.stringify(v); n: JSON.stringify(v, null, n)
};

/**
 * JavaScript's JSON.stringify, byte for byte, as UTF-8: only `"`, `\`, control characters and lone
 * surrogates are escaped; non-finite numbers become null; undefined and functions are dropped from
 * objects and become null in arrays. Returns nothing when the value itself is undefined or a function.
 */
std::optional<QByteArray> stringify(const Value &value, const WriteOptions &options = {});

/** Appends JSON.stringify(value) to `out`; returns false (appending nothing) for undefined. */
bool appendJson(std::string &out, const Value &value, const WriteOptions &options = {});

/**
 * The JSON text of large containers already written, remembered by identity. Values are immutable and
 * shared, so when several mappings send the same event, or the same `properties`, that subtree is
 * serialized once instead of once per mapping. Every remembered container is kept alive, so its address
 * cannot be taken by another container while it is remembered; clear() between events bounds the memory.
 */
class SerializedSubtrees
{
public:
    /** Containers whose compact text is shorter than this are cheaper to write again than to remember. */
    static constexpr size_t kMinRememberedBytes = 256;

    /** The remembered text of this very array or object (not of an equal one), or nullptr. */
    const std::string *find(const Value &container) const;
    void remember(const Value &container, std::string_view text);
    void clear() { m_entries.clear(); }

private:
    static const void *identityOf(const Value &container);

    struct Entry
    {
        Value container; // keeps the identity valid
        std::string text;
    };
    std::vector<Entry> m_entries; // a handful per event: a linear scan beats hashing
};

/** appendJson (compact), reusing and filling `subtrees`. The output is the same as without it. */
bool appendJson(std::string &out, const Value &value, SerializedSubtrees &subtrees);

/** Appends a JSON string literal for `s` (JSON.stringify of a string) to `out`. */
void appendJsonString(std::string &out, QStringView s);

/** JSON.stringify(value) as a QString, or a null QString for undefined. */
QString toJsonString(const Value &value, const WriteOptions &options = {});

} // namespace inkmapper::json
