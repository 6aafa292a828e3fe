#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>

class QWidget;

namespace inkmapper::ui {

/**
 * Measures how long the app takes to open: from `sinceStart` (started on main()'s first line) until
 * `window` is on screen and the event loop has had an idle turn, i.e. every event that was waiting
 * (the first paint included) is handled and the window answers the user. Used by the startup benchmark
 * through `inkmapper --measure-startup`; it changes nothing in the window it watches.
 */
class StartupProbe : public QObject
{
    Q_OBJECT

public:
    /** Watches `window`, which must already be shown (show() creates the native window to watch). */
    StartupProbe(QWidget *window, QElapsedTimer sinceStart, QObject *parent = nullptr);

Q_SIGNALS:
    /** The window is shown and idle, `elapsedMs` after the start; emitted once. */
    void ready(qint64 elapsedMs);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void waitForIdleTurn();

    QPointer<QWidget> m_window;
    QElapsedTimer m_sinceStart;
    bool m_waiting = false; ///< the window is exposed; the idle turn is awaited
};

} // namespace inkmapper::ui
