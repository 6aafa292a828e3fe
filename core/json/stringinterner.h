#pragma once

#include <QString>

#include <array>

namespace inkmapper::json {

/**
 * Hands out one shared QString for short ASCII strings seen again, instead of allocating and widening
 * a new one each time. Events repeat the same keys ("type", "properties", "context", …), so the parser
 * meets the same bytes over and over (it interns keys only: measured, most short values are not seen
 * again and a miss costs more than a plain string). A fixed table, replaced on collision: its memory
 * is bounded. Not thread-safe; use one per thread.
 */
class StringInterner
{
public:
    /** Strings longer than this are not worth hashing: they are rarely repeated. */
    static constexpr qsizetype kMaxLength = 32;

    /** The string for the Latin-1 (here: ASCII) bytes `[data, data + size)`. */
    QString intern(const char *data, qsizetype size);

    /** The interner of the calling thread. */
    static StringInterner &forThisThread();

private:
    static constexpr size_t kSlots = 2048; // a power of two
    // The bytes beside the string: checking a hit is then an inline compare of a few bytes, not a
    // Latin-1 to UTF-16 comparison through Qt.
    struct Slot
    {
        QString string;
        qsizetype size = -1; ///< -1: empty slot
        char bytes[kMaxLength];
    };
    std::array<Slot, kSlots> m_slots;
};

} // namespace inkmapper::json
