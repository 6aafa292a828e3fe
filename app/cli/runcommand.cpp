#include "livecommands.h"
#include "output.h"

#include "enginecommands.h"
#include "inputfiles.h"
#include "replay.h"
#include "secretoptions.h"

#include "delivery/failure.h"
#include "delivery/sender.h"
#include "json/writer.h"
#include "preview/previewer.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QTimer>

#include <unistd.h>

namespace inkmapper::cli {

namespace {

void printLine(std::FILE *f, const json::Value &value)
{
    const QByteArray line = json::stringify(value).value_or(QByteArray()) + '\n';
    std::fwrite(line.constData(), 1, size_t(line.size()), f);
}

/** Counts per enabled mapping, for the summary. */
struct MappingCounts
{
    QString name;
    int matched = 0;
    int sent = 0;
    int failed = 0;
};

/**
 * Walks events × enabled mappings (counts[i] is previewers[i]'s) in order and yields the requests to send, computing each only when asked
 * (a replay of a large file holds only what is in flight).
 */
class RequestWalk
{
public:
    RequestWalk(const std::vector<events::SampleEvent> &events, std::vector<preview::Previewer> &previewers,
                std::vector<MappingCounts> &counts)
        : m_events(events), m_previewers(previewers), m_counts(counts)
    {
    }

    std::optional<Replay::Job> next()
    {
        while (m_event < int(m_events.size())) {
            while (m_mapping < int(m_previewers.size())) {
                const int m = m_mapping++;
                const preview::PreviewResult result =
                    m_previewers[size_t(m)].compute(m_events[size_t(m_event)].event, preview::Previewer::Detail::Outcome);
                if (result.request) {
                    ++m_counts[size_t(m)].matched;
                    return Replay::Job{m_event, m, *result.request};
                }
            }
            m_mapping = 0;
            ++m_event;
        }
        return std::nullopt;
    }
    int eventsDone() const { return m_event; }

private:
    const std::vector<events::SampleEvent> &m_events;
    std::vector<preview::Previewer> &m_previewers;
    std::vector<MappingCounts> &m_counts;
    int m_event = 0;
    int m_mapping = 0;
};

QString summary(int eventsRead, const std::vector<MappingCounts> &counts, bool dryRun, qint64 elapsedMs)
{
    int matched = 0, sent = 0, failed = 0;
    QString text = QStringLiteral("events read: %1\n").arg(eventsRead);
    for (const MappingCounts &c : counts) {
        text += dryRun ? QStringLiteral("  mapping \"%1\": %2 matched\n").arg(c.name).arg(c.matched)
                       : QStringLiteral("  mapping \"%1\": %2 matched, %3 sent, %4 failed\n")
                             .arg(c.name).arg(c.matched).arg(c.sent).arg(c.failed);
        matched += c.matched;
        sent += c.sent;
        failed += c.failed;
    }
    if (dryRun)
        return text + QStringLiteral("requests: %1 (not sent: --dry-run)\n").arg(matched);
    const double seconds = double(std::max<qint64>(elapsedMs, 1)) / 1000.0;
    return text + QStringLiteral("requests: %1 matched, %2 sent, %3 failed in %4 s (%5 requests/s)\n")
                      .arg(matched).arg(sent).arg(failed)
                      .arg(seconds, 0, 'f', 2)
                      .arg(double(sent + failed) / seconds, 0, 'f', 0);
}

} // namespace

int runCommand(const QStringList &arguments, std::FILE *out, std::FILE *err)
{
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption dryRunOption(QStringLiteral("dry-run"),
                                          QStringLiteral("Write the requests that would be sent (JSON Lines) instead of sending."));
    const SecretOptions secretOptions;
    const QCommandLineOption urlOption(QStringLiteral("url"), QStringLiteral("Send to this URL instead of the project's."),
                                       QStringLiteral("URL"));
    const QCommandLineOption rateOption(QStringLiteral("rate"), QStringLiteral("At most N requests per second (0: no limit)."),
                                        QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption concurrencyOption(QStringLiteral("concurrency"), QStringLiteral("At most N requests in flight."),
                                               QStringLiteral("N"), QStringLiteral("8"));
    const QCommandLineOption timeoutOption(QStringLiteral("timeout"), QStringLiteral("Time allowed per request, in ms."),
                                           QStringLiteral("MS"), QString::number(delivery::Sender::DefaultTimeoutMs));
    const QCommandLineOption logOption(QStringLiteral("log"), QStringLiteral("Write one JSON line per exchange to FILE (no secrets)."),
                                       QStringLiteral("FILE"));
    const QCommandLineOption revealOption(QStringLiteral("reveal-secret"),
                                          QStringLiteral("With --dry-run, write the Authorization header in clear."));
    parser.addOptions({dryRunOption, urlOption, rateOption, concurrencyOption, timeoutOption, logOption, revealOption});
    parser.addOptions(secretOptions.options());
    parser.addPositionalArgument(QStringLiteral("PROJECT"), QStringLiteral("The project file."));
    parser.addPositionalArgument(QStringLiteral("EVENTS"), QStringLiteral("Event files: JSON, JSON arrays or JSON Lines."), QStringLiteral("EVENTS..."));
    if (!parser.parse(QStringList{QStringLiteral("inkmapper-cli run")} + arguments)) {
        print(err, QStringLiteral("inkmapper-cli run: %1 (see --help)\n").arg(parser.errorText()));
        return 2;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        print(out, QStringLiteral("usage: inkmapper-cli run PROJECT EVENTS... [--dry-run] [options]\n\n"
                                  "Pushes every event through every enabled mapping. Live (the default), sends each request "
                                  "and prints a summary: events read, matched, sent and failed per mapping (exit 1 when any "
                                  "failed). With --dry-run, writes the requests that would be sent as JSON Lines on standard "
                                  "output (the summary goes to standard error). Progress shows on standard error when it is a "
                                  "terminal.\n\n")
                       + parser.helpText().section(u'\n', 1));
        return 0;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.size() < 2) {
        print(err, QStringLiteral("inkmapper-cli run: give a project file and at least one event file (see --help)\n"));
        return 2;
    }
    bool rateOk = false, concurrencyOk = false;
    const double rate = parser.value(rateOption).toDouble(&rateOk);
    const int concurrency = parser.value(concurrencyOption).toInt(&concurrencyOk);
    if (!rateOk || rate < 0 || !concurrencyOk || concurrency < 1) {
        print(err, QStringLiteral("inkmapper-cli run: --rate takes a number ≥ 0 and --concurrency a whole number ≥ 1\n"));
        return 2;
    }
    Result<project::Project> project = readProjectFile(positional.front());
    if (!project) {
        print(err, QStringLiteral("inkmapper-cli run: %1\n").arg(project.error().message));
        return 2;
    }
    Result<std::vector<events::SampleEvent>> events = readEventFiles(positional.mid(1));
    if (!events) {
        print(err, QStringLiteral("inkmapper-cli run: %1\n").arg(events.error().message));
        return 2;
    }
    std::unique_ptr<QFile> log;
    if (parser.isSet(logOption)) {
        log = std::make_unique<QFile>(parser.value(logOption));
        if (!log->open(QIODevice::WriteOnly | QIODevice::Truncate)) {
            print(err, QStringLiteral("inkmapper-cli run: %1: %2\n").arg(log->fileName(), log->errorString()));
            return 2;
        }
    }

    project::DestinationSettings settings = project->settings();
    if (parser.isSet(urlOption))
        settings.movableInkUrl = parser.value(urlOption);
    const bool dryRun = parser.isSet(dryRunOption);
    const bool reveal = parser.isSet(revealOption);
    // A dry run writes the secret only when asked to: no need to look for it otherwise.
    QString secret;
    if (!dryRun || reveal) {
        QString warning;
        const Result<SecretOptions::Found> found = secretOptions.find(parser, settings.username, &warning);
        if (!found) {
            print(err, QStringLiteral("inkmapper-cli run: %1\n").arg(found.error().message));
            return 2;
        }
        if (!warning.isEmpty())
            print(err, QStringLiteral("warning: %1\n").arg(warning));
        secret = found->secret;
    }
    std::vector<preview::Previewer> previewers;
    std::vector<MappingCounts> counts;
    for (int i = 0; i < project->mappingCount(); ++i) {
        if (!project->mapping(i).enabled)
            continue;
        previewers.emplace_back(settings, secret, project->mapping(i));
        counts.push_back({project->mapping(i).name});
    }
    RequestWalk walk(*events, previewers, counts);
    if (dryRun) {
        while (std::optional<Replay::Job> job = walk.next()) {
            json::Object line;
            line.set(QStringLiteral("event"), json::Value(double(job->event + 1)));
            line.set(QStringLiteral("mapping"), json::Value(counts[size_t(job->mapping)].name));
            line.set(QStringLiteral("request"), requestJson(reveal ? job->request : job->request.redacted()));
            printLine(out, json::Value(std::move(line)));
        }
        print(err, summary(int(events->size()), counts, true, 0));
        return 0;
    }

    if (const std::optional<QString> warning = delivery::Failure::plaintextWarning(QUrl(settings.movableInkUrl)))
        print(err, QStringLiteral("warning: %1\n").arg(*warning));

    delivery::Sender sender;
    sender.setTimeout(parser.value(timeoutOption).toInt());
    Replay replay(sender, [&walk] { return walk.next(); }, concurrency, rate);
    const bool showProgress = ::isatty(::fileno(err));
    QElapsedTimer clock;
    clock.start();
    QTimer progress;
    QObject::connect(&progress, &QTimer::timeout, &replay, [&] {
        const int total = int(events->size());
        const int done = walk.eventsDone();
        const int width = 30;
        const int filled = total > 0 ? int(qint64(width) * done / total) : width;
        print(err, QStringLiteral("\r[%1%2] %3/%4 events, %5 requests ended")
                       .arg(QString(filled, u'#'), QString(width - filled, u' '))
                       .arg(done).arg(total).arg(replay.ended()));
    });
    if (showProgress)
        progress.start(100);
    QObject::connect(&replay, &Replay::exchanged, &replay, [&](const Replay::Job &job, const delivery::Exchange &exchange) {
        const std::optional<delivery::Failure> failure = delivery::Failure::of(exchange);
        MappingCounts &c = counts[size_t(job.mapping)];
        failure ? ++c.failed : ++c.sent;
        if (!log)
            return;
        const events::SampleEvent &event = (*events)[size_t(job.event)];
        json::Object line;
        line.set(QStringLiteral("event"), json::Value(double(job.event + 1)));
        line.set(QStringLiteral("source"), json::Value(QStringLiteral("%1:%2").arg(event.source).arg(event.line)));
        line.set(QStringLiteral("mapping"), json::Value(c.name));
        line.set(QStringLiteral("started"), json::Value(exchange.startedAt.toString(Qt::ISODateWithMs)));
        line.set(QStringLiteral("ms"), json::Value(double(exchange.timings.total)));
        line.set(QStringLiteral("status"), exchange.hasResponse() ? json::Value(double(exchange.status)) : json::Value::null());
        line.set(QStringLiteral("ok"), json::Value(!failure));
        if (failure)
            line.set(QStringLiteral("error"), json::Value(failure->title));
        log->write(json::stringify(json::Value(std::move(line))).value_or(QByteArray()) + '\n');
    });
    QEventLoop loop;
    QObject::connect(&replay, &Replay::done, &loop, &QEventLoop::quit);
    replay.start();
    loop.exec();
    progress.stop();
    if (showProgress)
        print(err, QStringLiteral("\n"));
    print(out, summary(int(events->size()), counts, false, clock.elapsed()));
    for (const MappingCounts &c : counts) {
        if (c.failed > 0)
            return 1;
    }
    return 0;
}

} // namespace inkmapper::cli
