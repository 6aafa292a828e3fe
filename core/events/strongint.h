#pragma once

#include <QtGlobal>

#include <compare>

namespace inkmapper::events {

/**
 * A 64-bit count that cannot be mixed up with another kind of count: a byte offset is not a row index,
 * and the compiler says so. Arithmetic goes through `value` on purpose, where the meaning is spelled out.
 */
template<typename Tag>
struct StrongInt
{
    qint64 value = 0;

    constexpr StrongInt() = default;
    constexpr explicit StrongInt(qint64 v) : value(v) {}

    friend constexpr auto operator<=>(StrongInt, StrongInt) = default;
};

/** A position in a file, in bytes from its start. */
using ByteOffset = StrongInt<struct ByteOffsetTag>;
/** A 0-based row (event) of an indexed file; blank lines are not rows. */
using RowIndex = StrongInt<struct RowIndexTag>;
/** A number of rows. */
using RowCount = StrongInt<struct RowCountTag>;
/** A 1-based line of a file, as editors and error messages count. */
using LineNumber = StrongInt<struct LineNumberTag>;

} // namespace inkmapper::events
