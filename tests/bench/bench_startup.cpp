// Startup time: how long `inkmapper` takes from process start to an interactive window (shown, first
// paint done, event loop idle), opening the demo project as on a first start (empty settings). Runs the
// app with --measure-startup, which prints the time from main()'s first line and quits; this program
// measures from just before it starts the process, so loading the executable and its libraries counts
// too. The target is one second. The platform is the environment's: QT_QPA_PLATFORM=offscreen, or a
// DISPLAY (e.g. Xvfb).
//
//   inkmapper-bench-startup [--runs 10] [--app path/to/inkmapper]

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <optional>
#include <vector>

namespace {

struct Run
{
    double wallMs = 0;    ///< process start to the "startup:" line, measured here
    double insideMs = 0;  ///< main()'s first line to the same moment, as the app measured it
};

// One start of the app with its own empty settings (so it opens the demo project, as on a first start,
// and never the user's recent project); nullopt (and a message) when it fails.
std::optional<Run> startOnce(const QString &app)
{
    QTemporaryDir config;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), config.path());
    QProcess process;
    process.setProcessEnvironment(env);
    process.setProcessChannelMode(QProcess::ForwardedErrorChannel);

    QElapsedTimer wall;
    wall.start();
    process.start(app, {QStringLiteral("--measure-startup")});
    static const QRegularExpression line(QStringLiteral("^startup: (\\d+) ms$"), QRegularExpression::MultilineOption);
    QByteArray output;
    QRegularExpressionMatch match;
    while (!(match = line.match(QString::fromUtf8(output))).hasMatch()) {
        if (!process.waitForReadyRead(30000)) {
            std::fprintf(stderr, "no startup line from %s: %s\n", qPrintable(app), qPrintable(process.errorString()));
            process.kill();
            process.waitForFinished();
            return std::nullopt;
        }
        output += process.readAllStandardOutput();
    }
    Run run{double(wall.nsecsElapsed()) / 1e6, match.captured(1).toDouble()};
    process.waitForFinished(30000);
    return run;
}

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication self(argc, argv);
    int runs = 10;
    QString app = QStringLiteral(INKMAPPER_APP_PATH);
    const QStringList args = self.arguments();
    for (qsizetype i = 1; i < args.size(); ++i) {
        if (args[i] == u"--runs" && i + 1 < args.size())
            runs = std::max(1, args[++i].toInt());
        else if (args[i] == u"--app" && i + 1 < args.size())
            app = args[++i];
    }

    const QString platform = qEnvironmentVariableIsSet("QT_QPA_PLATFORM")
        ? qEnvironmentVariable("QT_QPA_PLATFORM")
        : QStringLiteral("default (DISPLAY=%1)").arg(qEnvironmentVariable("DISPLAY"));
    std::printf("%s, platform %s, %d runs after one warm-up start; target: under 1000 ms\n", qPrintable(app),
                qPrintable(platform), runs);

    // The first start may read the executable and the Qt libraries from disk; later ones find them cached.
    const std::optional<Run> first = startOnce(app);
    if (!first)
        return 1;
    std::printf("warm-up start: %.0f ms\n", first->wallMs);
    std::vector<double> wall, inside;
    for (int r = 0; r < runs; ++r) {
        const std::optional<Run> run = startOnce(app);
        if (!run)
            return 1;
        wall.push_back(run->wallMs);
        inside.push_back(run->insideMs);
    }
    std::printf("process start to interactive window: best %.0f ms, median %.0f ms, worst %.0f ms\n",
                *std::min_element(wall.begin(), wall.end()), median(wall), *std::max_element(wall.begin(), wall.end()));
    std::printf("of which from main() on (as the app measures it): best %.0f ms, median %.0f ms\n",
                *std::min_element(inside.begin(), inside.end()), median(inside));
    return 0;
}
