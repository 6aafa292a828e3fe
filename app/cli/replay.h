#pragma once

#include "delivery/exchange.h"
#include "destination/httprequest.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QTimer>

#include <functional>
#include <optional>

namespace inkmapper::delivery {
class Sender;
}

namespace inkmapper::cli {

/**
 * Sends a stream of requests through a Sender, at most `concurrency` at a time and at most `rate` per second
 * (0: no limit), pulling each from `next` only when it can be sent, so that a replay of a large file holds
 * only the requests in flight. Every request ends as exactly one exchange: none is lost.
 */
class Replay : public QObject
{
    Q_OBJECT

public:
    struct Job
    {
        int event = 0;   ///< the event's number in the input, from 0
        int mapping = 0; ///< the mapping's index in the project
        destination::HttpRequest request;
    };
    using Source = std::function<std::optional<Job>()>;

    Replay(delivery::Sender &sender, Source next, int concurrency, double rate, QObject *parent = nullptr);

    /** Starts sending; done() follows when the source is exhausted and every exchange has ended. */
    void start();

    int started() const { return m_started; }
    int ended() const { return m_ended; }

Q_SIGNALS:
    void exchanged(const inkmapper::cli::Replay::Job &job, const inkmapper::delivery::Exchange &exchange);
    void done();

private:
    void pump();

    delivery::Sender &m_sender;
    Source m_next;
    int m_concurrency;
    double m_rate;
    QElapsedTimer m_clock;
    QTimer m_wait; ///< until the rate allows the next request
    QHash<quint64, Job> m_inFlight;
    bool m_exhausted = false;
    bool m_done = false;
    int m_started = 0;
    int m_ended = 0;
};

} // namespace inkmapper::cli
