#pragma once

#include "sampleevent.h"

#include "util/result.h"

#include <QByteArray>
#include <QString>

#include <optional>

class QIODevice;

namespace inkmapper::events {

/**
 * Reads Segment events one at a time from any QIODevice (a file, standard input, a socket) without loading
 * it whole, for `inkmapper-cli run` over files of any size. It recognises the same forms EventReader does,
 * from the first bytes: JSON Lines, a JSON array of events, or one event (also pretty-printed, and several
 * such values one after another as `jq` prints them).
 *
 * Each next() gives an event or the error of one part (a bad line, an array item that is not an object) and
 * reading goes on after it; only a broken array structure or a read error ends the stream early. Errors carry
 * the line and column in the whole input.
 */
class EventStream
{
public:
    /** The form of the input, known after the first next(). */
    enum class Format {
        Unknown,      ///< nothing read yet
        Empty,        ///< only whitespace
        SingleEvent,  ///< exactly one value (known once the end is reached)
        JsonLines,    ///< one value per line
        Array,        ///< a JSON array of values
        Concatenated, ///< values one after another, possibly pretty-printed
    };

    /** Reads from `device`, which must be open for reading and outlive the stream; `sourceName` names the
     *  events' source. */
    EventStream(QIODevice *device, QString sourceName);

    /** The next event, or the error of the next part that is not one; std::nullopt at the end. */
    std::optional<Result<SampleEvent>> next();

    Format format() const;
    /** Bytes consumed from the device so far, for progress against a known size. */
    qint64 bytesConsumed() const { return m_consumedBefore + m_pos; }
    /** Values read so far, events and errors alike. */
    int valuesRead() const { return m_values; }

private:
    enum class State { Start, Lines, ArrayFirst, ArrayNext, ArrayAfterItem, ArrayClosed, Values, Finished };

    bool fill();
    bool ensure(qsizetype count);
    void compact();
    void advance(qsizetype count);
    bool skipWhitespace();
    std::optional<qsizetype> findNewline(qsizetype from);
    qsizetype scanValue();
    Result<SampleEvent> parseValue(qsizetype length, const QString &what);
    std::optional<Result<SampleEvent>> start();
    std::optional<Result<SampleEvent>> nextLine();
    std::optional<Result<SampleEvent>> nextArrayItem();
    std::optional<Result<SampleEvent>> nextValue();
    Result<SampleEvent> fatal(const QString &message);
    std::optional<Result<SampleEvent>> end();

    QIODevice *m_device;
    QString m_sourceName;
    QByteArray m_buffer;
    qsizetype m_pos = 0;          ///< first unconsumed byte of m_buffer
    qint64 m_consumedBefore = 0;  ///< bytes dropped from the front of m_buffer
    bool m_eof = false;
    QString m_readError;
    int m_line = 1;   ///< line of m_pos
    int m_column = 1; ///< column of m_pos, in UTF-16 code units
    State m_state = State::Start;
    Format m_format = Format::Unknown;
    int m_values = 0;
};

} // namespace inkmapper::events
