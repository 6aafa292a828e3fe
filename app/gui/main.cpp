// inkmapper: the desktop app. A thin main(): application identity, the command line, the window.
#include "mainwindow/mainwindow.h"
#include "util/startupprobe.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QIcon>

#include <cstdio>

int main(int argc, char *argv[])
{
    // Before QApplication: connecting to the display and loading the platform plugin are part of the start.
    QElapsedTimer sinceStart;
    sinceStart.start();
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("InkMapper"));
    QApplication::setOrganizationDomain(QStringLiteral("inkmapper.app"));
    QApplication::setApplicationName(QStringLiteral("InkMapper"));
    QApplication::setApplicationDisplayName(QStringLiteral("InkMapper"));
    QApplication::setApplicationVersion(inkmapper::ui::MainWindow::version());
    QApplication::setDesktopFileName(QStringLiteral("inkmapper"));
    // Without a desktop icon theme (a bare X session), use the freedesktop one if installed; the actions
    // fall back to Qt's standard pixmaps otherwise.
    if (QIcon::themeName().isEmpty() || QIcon::themeName() == QLatin1String("hicolor"))
        QIcon::setFallbackThemeName(QStringLiteral("Adwaita"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate(
        "main", "Configure, preview and test the Segment Movable Ink (Actions) destination."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("PROJECT"),
                                 QApplication::translate("main", "A project file to open (*.inkmapper.json)."),
                                 QStringLiteral("[PROJECT]"));
    const QCommandLineOption measureStartup(
        QStringLiteral("measure-startup"),
        QApplication::translate("main", "Print the milliseconds from the start until the window is shown and "
                                        "idle, then quit (for the startup benchmark)."));
    parser.addOption(measureStartup);
    parser.process(app);

    inkmapper::ui::MainWindow window;
    const QStringList arguments = parser.positionalArguments();
    if (arguments.isEmpty() || !window.openFile(arguments.front()))
        window.openInitialProject();
    window.show();
    if (parser.isSet(measureStartup)) {
        auto *probe = new inkmapper::ui::StartupProbe(&window, sinceStart, &app);
        QObject::connect(probe, &inkmapper::ui::StartupProbe::ready, &app, [](qint64 elapsedMs) {
            std::printf("startup: %lld ms\n", static_cast<long long>(elapsedMs));
            std::fflush(stdout);
            QCoreApplication::quit();
        });
    }
    return QApplication::exec();
}
