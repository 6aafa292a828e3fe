#include "eventtextparser.h"

#include "json/parser.h"

#include <QFutureWatcher>
#include <QPromise>

#include <utility>

namespace inkmapper::ui {

EventTextParser::EventTextParser(QObject *parent)
    : QObject(parent)
{
    m_pool.setMaxThreadCount(1);
}

EventTextParser::~EventTextParser()
{
    // The worker touches nothing of this object, but must not outlive the pool it runs in.
    m_pool.waitForDone();
}

Result<json::Value> EventTextParser::parseEvent(QStringView text)
{
    Result<json::Value> parsed = json::parse(text);
    if (parsed && !parsed->isObject())
        return Error{tr("a Segment event is a JSON object: {\"type\": …}"), Location{1, 1, {}}};
    return parsed;
}

void EventTextParser::parse(const QString &text)
{
    ++m_generation;
    m_text = text;
    if (text.size() <= BackgroundThreshold) {
        m_pending = false;
        deliver(parseEvent(text));
        return;
    }
    m_pending = true;
    if (!m_workerRunning)
        startWorker(); // else the running parse's end starts this text
}

void EventTextParser::startWorker()
{
    m_workerRunning = true;
    const quint64 generation = m_generation;
    auto promise = std::make_shared<QPromise<Result<json::Value>>>();
    auto *watcher = new QFutureWatcher<Result<json::Value>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        m_workerRunning = false;
        if (!m_pending)
            return; // finished on this thread or cancelled meanwhile
        if (generation != m_generation) {
            startWorker(); // keys were typed meanwhile: parse the newest text
            return;
        }
        m_pending = false;
        deliver(watcher->future().result());
    });
    watcher->setFuture(promise->future());
    m_pool.start([promise, text = m_text] {
        promise->start();
        promise->addResult(parseEvent(text));
        promise->finish();
    });
}

void EventTextParser::finishNow()
{
    if (!m_pending)
        return;
    m_pending = false; // the running worker's result, if any, is dropped
    deliver(parseEvent(m_text));
}

void EventTextParser::cancel()
{
    m_pending = false;
    m_text.clear();
}

void EventTextParser::deliver(const Result<json::Value> &event)
{
    // The text is let go once delivered: a copy kept here would make the editor's next key copy all of
    // its text (QString's copy on write) instead of changing it in place.
    const QString text = std::exchange(m_text, QString());
    Q_EMIT parsed(text, event);
}

} // namespace inkmapper::ui
