#include "replay.h"

#include "delivery/sender.h"

#include <algorithm>
#include <cmath>

namespace inkmapper::cli {

Replay::Replay(delivery::Sender &sender, Source next, int concurrency, double rate, QObject *parent)
    : QObject(parent)
    , m_sender(sender)
    , m_next(std::move(next))
    , m_concurrency(std::max(1, concurrency))
    , m_rate(std::max(0.0, rate))
{
    m_wait.setSingleShot(true);
    connect(&m_wait, &QTimer::timeout, this, &Replay::pump);
    connect(&m_sender, &delivery::Sender::finished, this, [this](quint64 id, const delivery::Exchange &exchange) {
        const auto job = m_inFlight.constFind(id);
        if (job == m_inFlight.cend())
            return; // another user of the sender
        const Job ended = *job;
        m_inFlight.erase(job);
        ++m_ended;
        Q_EMIT exchanged(ended, exchange);
        pump();
    });
}

void Replay::start()
{
    m_clock.start();
    pump();
}

void Replay::pump()
{
    while (!m_exhausted && int(m_inFlight.size()) < m_concurrency) {
        if (m_rate > 0) {
            // Request n (from 0) may start at n / rate seconds: a steady rate, without bursts after a pause.
            const qint64 due = qint64(std::ceil(double(m_started) * 1000.0 / m_rate));
            const qint64 now = m_clock.elapsed();
            if (now < due) {
                if (!m_wait.isActive())
                    m_wait.start(int(due - now));
                return;
            }
        }
        std::optional<Job> job = m_next();
        if (!job) {
            m_exhausted = true;
            break;
        }
        const quint64 id = m_sender.send(job->request);
        m_inFlight.insert(id, std::move(*job));
        ++m_started;
    }
    if (m_exhausted && m_inFlight.isEmpty() && !m_done) {
        m_done = true;
        Q_EMIT done();
    }
}

} // namespace inkmapper::cli
