#include "startupprobe.h"

#include <QEvent>
#include <QTimer>
#include <QWidget>
#include <QWindow>

namespace inkmapper::ui {

StartupProbe::StartupProbe(QWidget *window, QElapsedTimer sinceStart, QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_sinceStart(sinceStart)
{
    Q_ASSERT(window && window->windowHandle());
    // The platform exposes the window from the event loop, after show(); a platform that did it
    // within show() has nothing left to wait for but the idle turn.
    if (window->windowHandle()->isExposed())
        waitForIdleTurn();
    else
        window->windowHandle()->installEventFilter(this);
}

bool StartupProbe::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::Expose && m_window && watched == m_window->windowHandle()
        && m_window->windowHandle()->isExposed()) {
        watched->removeEventFilter(this);
        waitForIdleTurn();
    }
    return QObject::eventFilter(watched, event);
}

void StartupProbe::waitForIdleTurn()
{
    if (m_waiting)
        return;
    m_waiting = true;
    // The filter sees the expose before the window paints in answer to it. A zero timer fires once the
    // loop has handled that and everything else already queued (with the GLib dispatcher, only when
    // nothing else is pending), which is when a click or a key press would be answered.
    QTimer::singleShot(0, this, [this] { Q_EMIT ready(m_sinceStart.elapsed()); });
}

} // namespace inkmapper::ui
