#include "object.h"

#include <algorithm>

namespace inkmapper::json {

namespace {
constexpr qsizetype HashThreshold = 24;
}

bool Object::isArrayIndex(QStringView key, quint32 *index)
{
    const qsizetype n = key.size();
    if (n == 0 || n > 10)
        return false;
    if (key[0] == u'0')
        return n == 1 ? (index ? (*index = 0, true) : true) : false;
    quint64 v = 0;
    for (QChar c : key) {
        if (c < u'0' || c > u'9')
            return false;
        v = v * 10 + (c.unicode() - u'0');
    }
    // 2^32 - 1 is not an array index: JavaScript orders it like any other key.
    if (v >= 4294967295ULL)
        return false;
    if (index)
        *index = quint32(v);
    return true;
}

Object::KeyIndex *Object::makeKeyIndex() const
{
    auto *index = new KeyIndex;
    index->reserve(qsizetype(m_members.size()));
    for (qsizetype i = 0; i < qsizetype(m_members.size()); ++i)
        index->insert(m_members[size_t(i)].first, i);
    return index;
}

const Object::KeyIndex &Object::keyIndex() const
{
    KeyIndex *index = m_hash.load(std::memory_order_acquire);
    if (index)
        return *index;
    KeyIndex *made = makeKeyIndex();
    if (m_hash.compare_exchange_strong(index, made, std::memory_order_acq_rel))
        return *made;
    delete made; // another thread published its index first: `index` now holds it
    return *index;
}

void Object::rebuildHash()
{
    dropHash();
    if (qsizetype(m_members.size()) >= HashThreshold)
        m_hash.store(makeKeyIndex(), std::memory_order_release);
}

qsizetype Object::indexOf(QStringView key) const
{
    const qsizetype n = qsizetype(m_members.size());
    if (n >= HashThreshold) {
        const KeyIndex &index = keyIndex();
        const auto it = index.constFind(key.toString());
        return it == index.constEnd() ? -1 : it.value();
    }
    for (qsizetype i = 0; i < n; ++i) {
        // The size check inline first: most keys differ in length, and comparing is an out-of-line call.
        const QString &candidate = m_members[size_t(i)].first;
        if (candidate.size() == key.size() && candidate == key)
            return i;
    }
    return -1;
}

void Object::appendInOrder(const QString &key, Value value)
{
    forgetCanonicalText();
    if (isArrayIndex(key)) {
        Q_ASSERT(m_indexKeyCount == size()); // index keys come first
        ++m_indexKeyCount;
    }
    Q_ASSERT(indexOf(key) < 0);
    m_members.emplace_back(key, std::move(value));
    if (KeyIndex *index = m_hash.load(std::memory_order_relaxed))
        index->insert(key, qsizetype(m_members.size()) - 1);
}

Object Object::fromParsedMembers(Member *first, Member *last)
{
    Object object;
    const qsizetype n = qsizetype(last - first);
    object.m_members.reserve(size_t(n));
    // The usual case, a small object with distinct ordinary keys, is taken over as it is. (Pairwise
    // comparison is fine below the hashing threshold; keys from the interner often share their data.)
    bool asRead = n < HashThreshold;
    for (Member *m = first; asRead && m != last; ++m) {
        if (isArrayIndex(m->first)) {
            asRead = false;
            break;
        }
        for (Member *earlier = first; earlier != m; ++earlier) {
            const QString &a = earlier->first;
            const QString &b = m->first;
            if (a.size() == b.size() && (a.constData() == b.constData() || a == b)) {
                asRead = false;
                break;
            }
        }
    }
    if (asRead) {
        object.m_members.assign(std::make_move_iterator(first), std::make_move_iterator(last));
        return object;
    }
    for (Member *m = first; m != last; ++m)
        object.set(m->first, std::move(m->second));
    return object;
}

const Value *Object::find(QStringView key) const
{
    const qsizetype i = indexOf(key);
    return i < 0 ? nullptr : &m_members[size_t(i)].second;
}

Value Object::value(QStringView key) const
{
    const Value *v = find(key);
    return v ? *v : Value();
}

void Object::set(const QString &key, Value value)
{
    forgetCanonicalText();
    const qsizetype existing = indexOf(key);
    if (existing >= 0) {
        m_members[size_t(existing)].second = std::move(value);
        return;
    }
    quint32 index = 0;
    if (isArrayIndex(key, &index)) {
        // Keep the leading index keys sorted numerically.
        const auto first = m_members.begin();
        const auto last = first + m_indexKeyCount;
        const auto pos = std::upper_bound(first, last, index, [](quint32 v, const Member &m) {
            quint32 other = 0;
            isArrayIndex(m.first, &other);
            return v < other;
        });
        const bool append = pos == m_members.end();
        m_members.emplace(pos, key, std::move(value));
        ++m_indexKeyCount;
        KeyIndex *index = m_hash.load(std::memory_order_relaxed);
        if (append && index)
            index->insert(key, qsizetype(m_members.size()) - 1);
        else if (index || qsizetype(m_members.size()) >= HashThreshold)
            rebuildHash();
        return;
    }
    m_members.emplace_back(key, std::move(value));
    if (KeyIndex *index = m_hash.load(std::memory_order_relaxed))
        index->insert(key, qsizetype(m_members.size()) - 1);
}

void Object::remove(const QString &key)
{
    const qsizetype i = indexOf(key);
    if (i < 0)
        return;
    forgetCanonicalText();
    if (i < m_indexKeyCount)
        --m_indexKeyCount;
    m_members.erase(m_members.begin() + i);
    if (m_hash.load(std::memory_order_relaxed))
        rebuildHash();
}

} // namespace inkmapper::json
