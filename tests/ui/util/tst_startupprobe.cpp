#include "util/startupprobe.h"

#include <QSignalSpy>
#include <QTest>
#include <QWidget>
#include <QWindow>

using inkmapper::ui::StartupProbe;

class TestStartupProbe : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readyOnceTheWindowIsOnScreen();
};

void TestStartupProbe::readyOnceTheWindowIsOnScreen()
{
    QElapsedTimer sinceStart;
    sinceStart.start();
    QWidget window;
    window.resize(320, 200);
    window.show();
    StartupProbe probe(&window, sinceStart);
    QList<bool> exposedWhenReady;
    connect(&probe, &StartupProbe::ready, this,
            [&] { exposedWhenReady.append(window.windowHandle()->isExposed()); });
    QSignalSpy ready(&probe, &StartupProbe::ready);
    // Not within show(): the window is exposed and painted from the event loop.
    QVERIFY(ready.isEmpty());

    QVERIFY(ready.wait(10000));
    QCOMPARE(exposedWhenReady, QList<bool>{true});
    QVERIFY(ready.front().front().toLongLong() >= 0);

    // Shown again later: the start is over, nothing more is reported.
    window.hide();
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCoreApplication::processEvents();
    QCOMPARE(ready.size(), 1);
}

QTEST_MAIN(TestStartupProbe)
#include "tst_startupprobe.moc"
