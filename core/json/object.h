#pragma once

#include "value.h"

#include <QHash>

#include <atomic>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace inkmapper::json {

/**
 * An object with JavaScript's property order: keys that are canonical array indices ("0" … "4294967294")
 * first in ascending numeric order, then every other key in insertion order. Setting an existing key
 * keeps its position, as assignment to a JS property does.
 */
class Object
{
public:
    using Member = std::pair<QString, Value>;

    Object() = default;

    /** Sets `key` to `value`, keeping the position of an existing key (JS [[Set]] on a plain object). */
    void set(const QString &key, Value value);
    /**
     * Appends `key`, which the caller knows is not present yet and sorts after every key present (as
     * when copying members of another object in its order, dropping some): set() without the search.
     */
    void appendInOrder(const QString &key, Value value);
    /**
     * The object JSON.parse makes of `members` in the order read: a repeated key keeps its first
     * position and takes the last value; index keys go first. The members are moved from.
     */
    static Object fromParsedMembers(Member *first, Member *last);
    /** Removes `key` if present (JS `delete`). */
    void remove(const QString &key);

    /** The member value, or nullptr when the object has no own property `key`. */
    const Value *find(QStringView key) const;
    bool contains(QStringView key) const { return find(key) != nullptr; }
    /** The member value, or undefined. */
    Value value(QStringView key) const;

    qsizetype size() const { return qsizetype(m_members.size()); }
    bool isEmpty() const { return m_members.empty(); }
    void reserve(qsizetype n) { m_members.reserve(size_t(n)); }

    auto begin() const { return m_members.cbegin(); }
    auto end() const { return m_members.cend(); }
    const Member &at(qsizetype i) const { return m_members[size_t(i)]; }
    /** Whether some key is an array index (those are ordered first, whatever the insertion order). */
    bool hasArrayIndexKeys() const { return m_indexKeyCount > 0; }

    /** True for canonical array-index keys, which JavaScript orders first. */
    static bool isArrayIndex(QStringView key, quint32 *index = nullptr);

    /**
     * The JSON text this object was parsed from, when JSON.stringify of the object gives back exactly
     * that text (see ParseOptions::keepCanonicalText); empty otherwise. Writing then copies the text
     * instead of walking the members. Any change to the object forgets it.
     */
    std::string_view canonicalText() const { return m_canonicalSource ? m_canonicalText : std::string_view(); }
    /** For the parser: `text` lies within `source`, which the object keeps alive. */
    void setCanonicalText(std::shared_ptr<const std::string> source, std::string_view text)
    {
        m_canonicalSource = std::move(source);
        m_canonicalText = text;
    }

    friend bool operator==(const Object &a, const Object &b) { return a.m_members == b.m_members; }

private:
    using KeyIndex = QHash<QString, qsizetype>;

    qsizetype indexOf(QStringView key) const;
    /** The key index of a large object, made on first use; safe to call from several threads at once. */
    const KeyIndex &keyIndex() const;
    KeyIndex *makeKeyIndex() const;
    /** After a change: the index made again if there was one (or the object became large), else none. */
    void rebuildHash();
    void dropHash() { delete m_hash.exchange(nullptr, std::memory_order_acq_rel); }
    void forgetCanonicalText()
    {
        m_canonicalSource.reset();
        m_canonicalText = {};
    }

    std::vector<Member> m_members;
    qsizetype m_indexKeyCount = 0; ///< how many leading members have array-index keys
    // Large objects get a key → position map so that parsing stays linear; small ones scan. It is made
    // on the first lookup, which may happen on several threads at once for an object they share (the
    // event the preview, the matrix and the window all read): whichever thread publishes first wins.
    mutable std::atomic<KeyIndex *> m_hash{nullptr};
    std::shared_ptr<const std::string> m_canonicalSource;
    std::string_view m_canonicalText;

public:
    ~Object() { dropHash(); }
    Object(const Object &other)
        : m_members(other.m_members), m_indexKeyCount(other.m_indexKeyCount),
          m_canonicalSource(other.m_canonicalSource), m_canonicalText(other.m_canonicalText)
    {
    }
    Object &operator=(const Object &other)
    {
        if (this != &other) {
            m_members = other.m_members;
            m_indexKeyCount = other.m_indexKeyCount;
            dropHash();
            m_canonicalSource = other.m_canonicalSource;
            m_canonicalText = other.m_canonicalText;
        }
        return *this;
    }
    Object(Object &&other) noexcept
        : m_members(std::move(other.m_members)), m_indexKeyCount(other.m_indexKeyCount),
          m_hash(other.m_hash.exchange(nullptr)), m_canonicalSource(std::move(other.m_canonicalSource)),
          m_canonicalText(other.m_canonicalText)
    {
        other.m_indexKeyCount = 0;
        other.m_canonicalText = {};
    }
    Object &operator=(Object &&other) noexcept
    {
        if (this != &other) {
            m_members = std::move(other.m_members);
            m_indexKeyCount = other.m_indexKeyCount;
            other.m_indexKeyCount = 0;
            dropHash();
            m_hash.store(other.m_hash.exchange(nullptr));
            m_canonicalSource = std::move(other.m_canonicalSource);
            m_canonicalText = other.m_canonicalText;
            other.m_canonicalText = {};
        }
        return *this;
    }
};

} // namespace inkmapper::json
