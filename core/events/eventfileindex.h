#pragma once

#include "rowoffsets.h"
#include "sampleevent.h"
#include "strongint.h"

#include "util/result.h"

#include <QByteArray>
#include <QString>

#include <atomic>
#include <functional>
#include <memory>

namespace inkmapper::events {

/**
 * An index of a JSON Lines file too large to load (GBs), built klogg's way: one pass over the file in chunks
 * records where each non-blank line (a row) starts, in a compact RowOffsets table; afterwards event(row) reads
 * and parses just that line, keeping the last few in a small cache. Only the rows on screen are ever parsed,
 * and a line that is not JSON is an error of its row alone.
 *
 * build() is a plain blocking function meant for a worker thread: it needs no event loop, reports progress
 * through a callback only when the percentage changes, and stops when a cancel flag is set. The index itself
 * may be used from any one thread at a time; event() and rowText() are internally serialised.
 */
class EventFileIndex
{
public:
    /** How build() reports and stops. */
    struct BuildOptions
    {
        /** Called with 0…100 from the building thread, once per change of the whole percentage. */
        std::function<void(int percent)> progress;
        /** When set and it becomes true, build() stops and returns the cancelled() error. */
        const std::atomic_bool *cancel = nullptr;
        /** Bytes read per step; large enough for fast sequential reads, small enough to cancel promptly. */
        qint64 chunkSize = 4 * 1024 * 1024;
        /** How many parsed rows event() keeps. */
        int cacheSize = 256;
    };

    /** Indexes the file at `filePath`: an error when it cannot be read or the build was cancelled. */
    static Result<EventFileIndex> build(const QString &filePath, const BuildOptions &options);
    /** Indexes with default options. */
    static Result<EventFileIndex> build(const QString &filePath) { return build(filePath, BuildOptions{}); }
    /** The message of the error build() returns when cancelled. */
    static QString cancelledMessage();

    EventFileIndex(EventFileIndex &&) noexcept;
    EventFileIndex &operator=(EventFileIndex &&) noexcept;
    ~EventFileIndex();

    const QString &filePath() const { return m_filePath; }
    /** The size the file had when it was indexed. */
    ByteOffset indexedSize() const { return m_indexedSize; }
    /** The number of rows: lines that are not blank. */
    RowCount rowCount() const { return m_rows.size(); }
    /** Where `row` starts in the file (0 ≤ row < rowCount()). */
    ByteOffset rowOffset(RowIndex row) const { return m_rows.at(row).offset; }
    /** The 1-based line of the file `row` is on. */
    LineNumber lineNumber(RowIndex row) const { return m_rows.at(row).line; }
    /** Bytes of memory the offsets take. */
    qint64 memoryUsage() const { return m_rows.memoryUsage(); }

    /** The row's text without its line break (and any blank lines after it), read from the file. */
    Result<QByteArray> rowText(RowIndex row) const;
    /** The row parsed as a Segment event; errors carry the file's line and the column. Cached. */
    Result<SampleEvent> event(RowIndex row) const;

private:
    struct Reader;

    EventFileIndex(QString filePath, RowOffsets rows, ByteOffset indexedSize, int cacheSize);
    Result<SampleEvent> parseRow(RowIndex row) const;

    QString m_filePath;
    QString m_fileName; ///< the name events name as their source
    RowOffsets m_rows;
    ByteOffset m_indexedSize;
    std::unique_ptr<Reader> m_reader; ///< the open file and the cache, behind a mutex
};

} // namespace inkmapper::events
