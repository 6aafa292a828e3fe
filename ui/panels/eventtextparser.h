#pragma once

#include "json/value.h"
#include "util/result.h"

#include <QObject>
#include <QString>
#include <QThreadPool>

#include <memory>

namespace inkmapper::ui {

/**
 * Parses the event editor's text into an event. A text up to BackgroundThreshold characters is parsed at
 * once; a longer one (a 1 MB event takes about 8 ms, half a frame, on every key) on a worker thread, so
 * typing never waits for it. Only the newest text's result is delivered: keys typed while a parse runs
 * supersede it. Until then the edit is pending — the owner hands it in with finishNow() whenever the
 * project must hold it (save, undo, switching events).
 */
class EventTextParser : public QObject
{
    Q_OBJECT

public:
    static constexpr qsizetype BackgroundThreshold = 128 * 1024;

    explicit EventTextParser(QObject *parent = nullptr);
    ~EventTextParser() override;

    /** Parses `text`; parsed() follows, before this returns for a short text. */
    void parse(const QString &text);
    /** A text was given to parse() and its result is not delivered yet. */
    bool isPending() const { return m_pending; }
    /** Delivers the pending text's result now, parsing it on this thread; nothing without a pending text. */
    void finishNow();
    /** Forgets the pending text: no parsed() for it. */
    void cancel();

    /** A Segment event from its JSON text: an object, else an error at line 1, column 1. */
    static Result<json::Value> parseEvent(QStringView text);

Q_SIGNALS:
    void parsed(const QString &text, const Result<json::Value> &event);

private:
    void startWorker();
    void deliver(const Result<json::Value> &event);

    QThreadPool m_pool;   ///< one thread: a newer text waits for the running parse rather than competing
    QString m_text;       ///< the newest text given to parse()
    quint64 m_generation = 0; ///< counts parse() calls; a worker's result is for m_text when they agree
    bool m_pending = false;
    bool m_workerRunning = false;
};

} // namespace inkmapper::ui
