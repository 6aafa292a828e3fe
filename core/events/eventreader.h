#pragma once

#include "sampleevent.h"

#include "util/result.h"

#include <QByteArrayView>

#include <vector>

namespace inkmapper::events {

/** What reading a text of events gave: the events that parsed and an error for each part that did not. */
struct EventReadResult
{
    enum class Format { Empty, SingleEvent, Array, JsonLines };
    Format format = Format::Empty;
    std::vector<SampleEvent> events;
    std::vector<Error> errors; ///< each with the line and column in the whole text
};

/**
 * Reads sample events from text in any of the forms people paste or save: one JSON event (also the raw view
 * copied from Segment's debugger), a JSON array of events, or JSON Lines (one event per line). The format is
 * recognised from the text itself. Values that are not objects are reported, since Segment events always are.
 * A bad line in JSON Lines does not lose the good ones: they are returned alongside the error.
 */
class EventReader
{
public:
    static EventReadResult read(QByteArrayView utf8, const QString &sourceName);

    /**
     * The line each element of the JSON array that `text` starts with (after blanks) begins on, counting the
     * line `text` starts on as 1, so that an event read from an array (or a project's events) can be named by
     * its line like one read from JSON Lines. The array must be valid JSON; what follows it is ignored.
     */
    static std::vector<int> arrayElementLines(QByteArrayView text);

private:
    static void addEvent(EventReadResult &result, json::Value value, const QString &source, int line, int index);
    static void readJsonLines(QByteArrayView utf8, const QString &sourceName, EventReadResult &result);
};

} // namespace inkmapper::events
