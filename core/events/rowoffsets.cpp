#include "rowoffsets.h"

namespace inkmapper::events {

void RowOffsets::appendVarint(std::uint64_t v)
{
    // LEB128: seven bits per byte, the high bit says "more follows". Deltas of lines below 16 KiB take 2 bytes.
    while (v >= 0x80) {
        m_deltas.push_back(std::uint8_t(v | 0x80));
        v >>= 7;
    }
    m_deltas.push_back(std::uint8_t(v));
}

void RowOffsets::append(ByteOffset offset, LineNumber line)
{
    if (m_size % BlockSize == 0) {
        m_blocks.push_back(Block{offset.value, line.value, m_deltas.size()});
    } else {
        Q_ASSERT(offset > m_last.offset && line > m_last.line);
        appendVarint(std::uint64_t(offset.value - m_last.offset.value));
        // Usually the next row is on the next line: the line delta minus one is then a single zero byte.
        appendVarint(std::uint64_t(line.value - m_last.line.value - 1));
    }
    m_last = Position{offset, line};
    ++m_size;
}

RowOffsets::Position RowOffsets::at(RowIndex row) const
{
    Q_ASSERT(row.value >= 0 && row.value < m_size);
    const Block &block = m_blocks[size_t(row.value / BlockSize)];
    qint64 offset = block.firstOffset;
    qint64 line = block.firstLine;
    size_t pos = block.deltaStart;
    const auto readVarint = [&] {
        std::uint64_t v = 0;
        int shift = 0;
        std::uint8_t byte = 0;
        do {
            byte = m_deltas[pos++];
            v |= std::uint64_t(byte & 0x7F) << shift;
            shift += 7;
        } while (byte & 0x80);
        return v;
    };
    for (qint64 i = row.value % BlockSize; i > 0; --i) {
        offset += qint64(readVarint());
        line += qint64(readVarint()) + 1;
    }
    return Position{ByteOffset(offset), LineNumber(line)};
}

void RowOffsets::squeeze()
{
    m_blocks.shrink_to_fit();
    m_deltas.shrink_to_fit();
}

qint64 RowOffsets::memoryUsage() const
{
    return qint64(m_blocks.capacity() * sizeof(Block) + m_deltas.capacity());
}

} // namespace inkmapper::events
