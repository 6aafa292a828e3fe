#include "eventfileloader.h"

#include "document/projectdocument.h"

#include "events/eventstream.h"

#include <QFile>
#include <QFileInfo>
#include <QThread>

namespace inkmapper::ui {

EventFileLoader::EventFileLoader(QObject *parent)
    : QObject(parent)
{
}

EventFileLoader::~EventFileLoader()
{
    if (m_thread) {
        m_cancel = true;
        m_thread->wait();
    }
}

EventFileLoader::Outcome EventFileLoader::read(const QStringList &paths, const std::atomic_bool *cancel,
                                               const std::function<void(int)> &progress)
{
    Outcome outcome;
    qint64 total = 0;
    for (const QString &path : paths)
        total += std::max<qint64>(QFileInfo(path).size(), 1);
    qint64 done = 0;
    int lastPercent = -1;
    const auto report = [&](qint64 position) {
        const int percent = total > 0 ? int(position * 100 / total) : 100;
        if (progress && percent != lastPercent) {
            lastPercent = percent;
            progress(percent);
        }
    };

    for (const QString &path : paths) {
        const QString name = QFileInfo(path).fileName();
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            outcome.errors.append(tr("%1: cannot be read: %2").arg(name, file.errorString()));
            continue;
        }
        events::EventStream stream(&file, name);
        while (std::optional<Result<events::SampleEvent>> next = stream.next()) {
            if (cancel && *cancel) {
                outcome.cancelled = true;
                return outcome;
            }
            if (next->ok()) {
                if (int(outcome.events.size()) >= MaxEvents) {
                    outcome.truncated = true;
                    break;
                }
                outcome.events.push_back(std::move(*next).value());
            } else {
                outcome.errors.append(ProjectDocument::describeLoadError(path, next->error()));
            }
            report(done + stream.bytesConsumed());
        }
        if (stream.format() == events::EventStream::Format::Empty)
            outcome.errors.append(tr("%1: the file holds no events").arg(name));
        done += std::max<qint64>(file.size(), 1);
        report(done);
        if (outcome.truncated)
            break;
    }
    return outcome;
}

void EventFileLoader::start(const QStringList &paths)
{
    Q_ASSERT(!m_thread);
    m_cancel = false;
    m_thread = QThread::create([this, paths] {
        Outcome outcome = read(paths, &m_cancel, [this](int percent) {
            // Progress is reported from the worker; deliver it on the loader's own thread.
            QMetaObject::invokeMethod(this, [this, percent] { Q_EMIT progressChanged(percent); }, Qt::QueuedConnection);
        });
        const std::lock_guard lock(m_mutex);
        m_outcome = std::move(outcome);
    });
    connect(m_thread, &QThread::finished, this, [this] {
        m_thread->deleteLater();
        m_thread = nullptr;
        Q_EMIT finished();
    });
    m_thread->start();
}

void EventFileLoader::cancel()
{
    m_cancel = true;
}

bool EventFileLoader::isRunning() const
{
    return m_thread != nullptr;
}

EventFileLoader::Outcome EventFileLoader::takeOutcome()
{
    const std::lock_guard lock(m_mutex);
    return std::exchange(m_outcome, Outcome{});
}

} // namespace inkmapper::ui
