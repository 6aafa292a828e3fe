#include "eventfileindex.h"

#include "json/jssemantics.h"
#include "json/parser.h"

#include <QFile>
#include <QFileInfo>

#include <cstring>
#include <list>
#include <mutex>
#include <unordered_map>

namespace inkmapper::events {

/** What reading rows needs besides the offsets: the open file and the cache of parsed rows. */
struct EventFileIndex::Reader
{
    using Entry = std::pair<qint64, Result<SampleEvent>>;

    std::mutex mutex;
    // Opened on first use, in the thread that reads rows rather than the one that built the index.
    std::unique_ptr<QFile> file;
    int capacity = 0;
    std::list<Entry> recent; ///< most recently used first
    std::unordered_map<qint64, std::list<Entry>::iterator> byRow;

    Result<QByteArray> read(const QString &path, ByteOffset from, ByteOffset to, ByteOffset indexedSize)
    {
        if (!file) {
            file = std::make_unique<QFile>(path);
            if (!file->open(QIODevice::ReadOnly)) {
                const QString reason = file->errorString();
                file.reset();
                return Error{QStringLiteral("cannot open %1: %2").arg(path, reason), {}};
            }
        }
        // Rows point into the file as it was; a file cut short since (a rotated log) must be indexed again.
        if (file->size() < indexedSize.value)
            return Error{QStringLiteral("%1 has become shorter since it was indexed; open it again").arg(path), {}};
        if (!file->seek(from.value))
            return Error{QStringLiteral("cannot read %1: %2").arg(path, file->errorString()), {}};
        QByteArray bytes = file->read(to.value - from.value);
        if (bytes.size() != to.value - from.value)
            return Error{QStringLiteral("cannot read %1: %2").arg(path, file->errorString()), {}};
        return bytes;
    }
};

namespace {

bool isLineSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\r';
}

/** Calls `progress` only when the whole percentage changes, as a GUI progress bar wants. */
class ProgressReporter
{
public:
    ProgressReporter(const std::function<void(int)> &progress, qint64 total) : m_progress(progress), m_total(total) {}

    void report(qint64 done)
    {
        const int percent = m_total > 0 ? int(done * 100 / m_total) : 100;
        if (percent != m_last && m_progress) {
            m_last = percent;
            m_progress(percent);
        }
    }

private:
    const std::function<void(int)> &m_progress;
    qint64 m_total;
    int m_last = -1;
};

} // namespace

EventFileIndex::EventFileIndex(QString filePath, RowOffsets rows, ByteOffset indexedSize, int cacheSize)
    : m_filePath(std::move(filePath))
    , m_fileName(QFileInfo(m_filePath).fileName())
    , m_rows(std::move(rows))
    , m_indexedSize(indexedSize)
    , m_reader(std::make_unique<Reader>())
{
    m_reader->capacity = qMax(1, cacheSize);
}

EventFileIndex::EventFileIndex(EventFileIndex &&) noexcept = default;
EventFileIndex &EventFileIndex::operator=(EventFileIndex &&) noexcept = default;
EventFileIndex::~EventFileIndex() = default;

QString EventFileIndex::cancelledMessage()
{
    return QStringLiteral("indexing was cancelled");
}

Result<EventFileIndex> EventFileIndex::build(const QString &filePath, const BuildOptions &options)
{
    QFile file(filePath);
    if (!file.open(QIODevice::ReadOnly))
        return Error{QStringLiteral("cannot open %1: %2").arg(filePath, file.errorString()), {}};
    if (file.isSequential())
        return Error{QStringLiteral("%1 is not a regular file; only files on disk can be indexed").arg(filePath), {}};

    // The size at the start is what gets indexed: lines appended meanwhile wait for the next indexing.
    const qint64 total = file.size();
    const qint64 chunkSize = qMax<qint64>(options.chunkSize, 16);
    ProgressReporter progress(options.progress, total);
    progress.report(0);

    RowOffsets rows;
    QByteArray buffer(qsizetype(qMin(chunkSize, qMax<qint64>(total, 1))), Qt::Uninitialized);
    qint64 chunkStart = 0;
    qint64 line = 1;
    qint64 lineStart = 0;
    bool lineRecorded = false; // the current line has content and is already a row

    while (chunkStart < total) {
        if (options.cancel && options.cancel->load(std::memory_order_relaxed))
            return Error{cancelledMessage(), {}};
        const qint64 n = file.read(buffer.data(), qMin<qint64>(buffer.size(), total - chunkStart));
        if (n < 0)
            return Error{QStringLiteral("cannot read %1: %2").arg(filePath, file.errorString()), {}};
        if (n == 0)
            break; // the file shrank while we read it; index what was there

        const char *const base = buffer.constData();
        const char *p = base;
        const char *const end = base + n;
        // A UTF-8 byte order mark is not part of the first line's JSON.
        if (chunkStart == 0 && n >= 3 && std::memcmp(base, "\xEF\xBB\xBF", 3) == 0) {
            p += 3;
            lineStart = 3;
        }
        while (p < end) {
            if (!lineRecorded) {
                while (p < end && isLineSpace(*p))
                    ++p;
                if (p == end)
                    break;
                if (*p == '\n') { // a blank line is not a row
                    ++p;
                    ++line;
                    lineStart = chunkStart + (p - base);
                    continue;
                }
                rows.append(ByteOffset(lineStart), LineNumber(line));
                lineRecorded = true;
            }
            // The hot loop: memchr finds line ends at memory speed; only line starts are looked at byte by byte.
            const auto *newline = static_cast<const char *>(std::memchr(p, '\n', size_t(end - p)));
            if (!newline) {
                p = end;
                break;
            }
            p = newline + 1;
            ++line;
            lineStart = chunkStart + (p - base);
            lineRecorded = false;
        }
        chunkStart += n;
        progress.report(chunkStart);
    }
    progress.report(total);
    rows.squeeze();
    return EventFileIndex(filePath, std::move(rows), ByteOffset(chunkStart), options.cacheSize);
}

Result<QByteArray> EventFileIndex::rowText(RowIndex row) const
{
    std::lock_guard lock(m_reader->mutex);
    Q_ASSERT(row.value >= 0 && row < RowIndex(rowCount().value));
    const ByteOffset from = rowOffset(row);
    const ByteOffset to = row.value + 1 < rowCount().value ? rowOffset(RowIndex(row.value + 1)) : m_indexedSize;
    auto bytes = m_reader->read(m_filePath, from, to, m_indexedSize);
    if (!bytes)
        return bytes;
    QByteArray text = std::move(bytes).value();
    // Up to the next row there may be blank lines too; the row ends at its own line break.
    const qsizetype newline = text.indexOf('\n');
    if (newline >= 0)
        text.truncate(newline);
    if (text.endsWith('\r'))
        text.chop(1);
    return text;
}

Result<SampleEvent> EventFileIndex::parseRow(RowIndex row) const
{
    const LineNumber line = lineNumber(row);
    auto text = rowText(row);
    if (!text)
        return Error{text.error().message, Location{int(line.value), 0, {}}};
    auto parsed = json::parse(QByteArrayView(text.value()));
    if (!parsed) {
        Error error = parsed.error();
        error.location.line = int(line.value); // the line of the file, not of the one-line text
        return error;
    }
    json::Value value = std::move(parsed).value();
    if (!value.isObject()) {
        const QString type = json::realTypeOf(value);
        return Error{QStringLiteral("line %1 is %2 %3, but a Segment event is a JSON object")
                         .arg(line.value)
                         .arg(type.startsWith(u'a') ? QStringLiteral("an") : QStringLiteral("a"), type),
                     Location{int(line.value), 1, {}}};
    }
    return SampleEvent{std::move(value), m_fileName, int(line.value)};
}

Result<SampleEvent> EventFileIndex::event(RowIndex row) const
{
    {
        std::lock_guard lock(m_reader->mutex);
        const auto found = m_reader->byRow.find(row.value);
        if (found != m_reader->byRow.end()) {
            m_reader->recent.splice(m_reader->recent.begin(), m_reader->recent, found->second);
            return found->second->second;
        }
    }
    // Parsing happens outside the lock; two threads asking for the same row at once just parse it twice.
    Result<SampleEvent> result = parseRow(row);

    std::lock_guard lock(m_reader->mutex);
    if (m_reader->byRow.find(row.value) == m_reader->byRow.end()) {
        m_reader->recent.emplace_front(row.value, result);
        m_reader->byRow.emplace(row.value, m_reader->recent.begin());
        if (int(m_reader->recent.size()) > m_reader->capacity) {
            m_reader->byRow.erase(m_reader->recent.back().first);
            m_reader->recent.pop_back();
        }
    }
    return result;
}

} // namespace inkmapper::events
