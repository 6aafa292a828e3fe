#pragma once

#include "strongint.h"

#include <cstdint>
#include <vector>

namespace inkmapper::events {

/**
 * Where each row of a large file starts and on which line, stored compactly (klogg's way): rows are grouped in
 * blocks of 64; a block keeps its first row's offset and line in full and every further row as two varint
 * deltas, so a row of a typical JSON Lines file costs about 3 bytes instead of 16. Rows are appended in file
 * order; looking one up decodes at most one block.
 */
class RowOffsets
{
public:
    /** One row's position. */
    struct Position
    {
        ByteOffset offset;
        LineNumber line;
    };

    /** Appends the next row; `offset` and `line` both grow strictly (one row per line). */
    void append(ByteOffset offset, LineNumber line);

    RowCount size() const { return RowCount(m_size); }
    bool isEmpty() const { return m_size == 0; }
    /** The position of `row` (0 ≤ row < size()). */
    Position at(RowIndex row) const;

    /** Frees the slack left by appending. */
    void squeeze();
    /** Bytes of memory the table uses (its buffers' capacity). */
    qint64 memoryUsage() const;

private:
    static constexpr qint64 BlockSize = 64;

    struct Block
    {
        qint64 firstOffset;
        qint64 firstLine;
        std::uint64_t deltaStart; ///< index in m_deltas of the block's second row
    };

    void appendVarint(std::uint64_t v);

    std::vector<Block> m_blocks;
    std::vector<std::uint8_t> m_deltas;
    qint64 m_size = 0;
    Position m_last;
};

} // namespace inkmapper::events
