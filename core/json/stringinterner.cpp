#include "stringinterner.h"

#include <cstring>

namespace inkmapper::json {

namespace {

// Only picks a slot (the bytes are compared anyway): the length and the first and last eight bytes
// tell apart the strings events repeat, at the cost of two loads instead of a loop.
quint64 slotHash(const char *data, qsizetype size)
{
    quint64 head = 0, tail = 0;
    if (size >= 8) {
        std::memcpy(&head, data, 8);
        std::memcpy(&tail, data + size - 8, 8);
    } else {
        std::memcpy(&head, data, size_t(size));
    }
    const quint64 mixed = (head * 0x9E3779B97F4A7C15ull) ^ (tail * 0xC2B2AE3D27D4EB4Full) ^ quint64(size);
    return mixed ^ (mixed >> 29);
}

} // namespace

QString StringInterner::intern(const char *data, qsizetype size)
{
    const QLatin1StringView bytes(data, size);
    if (size > kMaxLength)
        return QString(bytes);
    Slot &slot = m_slots[slotHash(data, size) & (kSlots - 1)];
    if (slot.size != size || std::memcmp(slot.bytes, data, size_t(size)) != 0) {
        slot.string = QString(bytes);
        slot.size = size;
        std::memcpy(slot.bytes, data, size_t(size));
    }
    return slot.string;
}

StringInterner &StringInterner::forThisThread()
{
    thread_local StringInterner interner;
    return interner;
}

} // namespace inkmapper::json
