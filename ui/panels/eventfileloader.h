#pragma once

#include "events/sampleevent.h"

#include <QObject>
#include <QStringList>

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

class QThread;

namespace inkmapper::ui {

/**
 * Reads sample events from files (one event, a JSON array, JSON Lines; any size) with events::EventStream,
 * which never holds a whole file in memory. Small loads run at once with read(); large ones run on a
 * worker thread with start(), report progress and can be cancelled, so the window never freezes.
 */
class EventFileLoader : public QObject
{
    Q_OBJECT

public:
    /** What a load gave: the events that parsed and a located message for each part that did not. */
    struct Outcome
    {
        std::vector<events::SampleEvent> events;
        QStringList errors;     ///< "orders.jsonl, line 4, column 2: …"
        bool cancelled = false;
        bool truncated = false; ///< stopped at maxEvents()
    };

    /** How many events one load keeps at most: the lists, the matrix and the project file stay usable. */
    static constexpr int MaxEvents = 10000;

    explicit EventFileLoader(QObject *parent = nullptr);
    /** Cancels a running load and waits for the worker. */
    ~EventFileLoader() override;

    /** Reads `paths` on the calling thread; `progress` gets 0…100, `cancel` stops it. */
    static Outcome read(const QStringList &paths, const std::atomic_bool *cancel = nullptr,
                        const std::function<void(int)> &progress = {});

    /** Reads `paths` on a worker thread; finished() follows, then takeOutcome(). */
    void start(const QStringList &paths);
    /** Asks a running load to stop; it still finishes, with Outcome::cancelled set. */
    void cancel();
    bool isRunning() const;
    /** The outcome of the last finished start(). */
    Outcome takeOutcome();

Q_SIGNALS:
    void progressChanged(int percent);
    void finished();

private:
    QThread *m_thread = nullptr;
    std::atomic_bool m_cancel = false;
    std::mutex m_mutex;
    Outcome m_outcome;
};

} // namespace inkmapper::ui
