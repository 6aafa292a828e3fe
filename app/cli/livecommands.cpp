#include "livecommands.h"
#include "commandline.h"
#include "output.h"

#include "inputfiles.h"
#include "secretoptions.h"

#include "delivery/failure.h"
#include "delivery/sender.h"
#include "inspector/inspector.h"
#include "preview/preview.h"
#include "preview/previewer.h"
#include "project/project.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QEventLoop>
#include <QSocketNotifier>

#include <csignal>
#include <optional>
#include <unistd.h>

namespace inkmapper::cli {

namespace {

/** The secret from the environment variable `name`; the command line would show it to every user of the machine. */
QString secretFrom(const QString &name)
{
    return qEnvironmentVariable(qPrintable(name));
}

QString headerLines(const QList<destination::HttpHeader> &headers)
{
    QString text;
    for (const destination::HttpHeader &header : headers)
        text += QString::fromLatin1(header.name) + QStringLiteral(": ") + QString::fromLatin1(header.value) + u'\n';
    return text;
}

// --- inspector ----------------------------------------------------------------------------------------------

/** Quits `loop` on SIGINT or SIGTERM, through a pipe so that the handler only writes a byte. */
class InterruptQuitter
{
public:
    explicit InterruptQuitter(QEventLoop &loop)
    {
        if (::pipe(s_pipe) != 0)
            return;
        m_notifier = std::make_unique<QSocketNotifier>(s_pipe[0], QSocketNotifier::Read);
        QObject::connect(m_notifier.get(), &QSocketNotifier::activated, &loop, [&loop] { loop.quit(); });
        std::signal(SIGINT, onSignal);
        std::signal(SIGTERM, onSignal);
    }
    ~InterruptQuitter()
    {
        std::signal(SIGINT, SIG_DFL);
        std::signal(SIGTERM, SIG_DFL);
    }

private:
    static void onSignal(int)
    {
        const char byte = 1;
        [[maybe_unused]] const auto written = ::write(s_pipe[1], &byte, 1);
    }

    static inline int s_pipe[2] = {-1, -1};
    std::unique_ptr<QSocketNotifier> m_notifier;
};

QString describeReceived(const inspector::ReceivedRequest &request, int number)
{
    QString text = QStringLiteral("--- request %1 at %2: %3 %4 (%5)\n")
                       .arg(number)
                       .arg(request.at.toString(Qt::ISODateWithMs), QString::fromLatin1(request.method), request.target,
                            request.authorized ? QStringLiteral("basic auth ok") : QStringLiteral("basic auth WRONG"));
    text += request.redactedHeaderLines() + u'\n' + QString::fromUtf8(request.body) + u'\n';
    return text;
}

} // namespace

int inspectorCommand(const QStringList &arguments, std::FILE *out, std::FILE *err)
{
    QCommandLineParser parser;
    const QCommandLineOption portOption(QStringLiteral("port"), QStringLiteral("Port to listen on (0: any free port)."),
                                        QStringLiteral("N"), QString::number(inspector::Inspector::DefaultPort));
    const QCommandLineOption answerOption(QStringLiteral("answer"),
                                          QStringLiteral("How to answer: accept, 401, 404, 400, 429, 500, slow, no-answer."),
                                          QStringLiteral("ANSWER"), QStringLiteral("accept"));
    const QCommandLineOption delayOption(QStringLiteral("delay"), QStringLiteral("Delay of the 'slow' answer, in ms."),
                                         QStringLiteral("MS"), QStringLiteral("5000"));
    const QCommandLineOption usernameOption(QStringLiteral("username"),
                                            QStringLiteral("Check basic auth against this Access Key ID (default: no check)."),
                                            QStringLiteral("ID"));
    const QCommandLineOption secretOption(QStringLiteral("secret-env"),
                                          QStringLiteral("Environment variable holding the Access Secret to check."),
                                          QStringLiteral("VAR"), QStringLiteral("INKMAPPER_SECRET"));
    const QCommandLineOption countOption(QStringLiteral("count"), QStringLiteral("Stop after N requests."),
                                         QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption quietOption(QStringLiteral("quiet"), QStringLiteral("Do not print each request."));
    parser.addOptions({portOption, answerOption, delayOption, usernameOption, secretOption, countOption, quietOption});
    if (!parseCommandLine(parser, QStringLiteral("inspector"), arguments, err))
        return 2;
    if (parser.isSet(QStringLiteral("help"))) {
        print(out, commandHelp(parser, QStringLiteral("inspector"), QStringLiteral("[--port N] [--answer ANSWER] [options]"),
                            QStringLiteral("Starts the local receiver that stands in for Movable Ink's endpoint on "
                                           "127.0.0.1 and prints every request it receives, until interrupted.")));
        return 0;
    }
    bool ok = false;
    const uint port = parser.value(portOption).toUInt(&ok);
    if (!ok || port > 65535) {
        print(err, QStringLiteral("inkmapper-cli inspector: --port: '%1' is not a port number\n").arg(parser.value(portOption)));
        return 2;
    }
    const std::optional<inspector::Inspector::Answer> answer = inspector::Inspector::answerFromName(parser.value(answerOption));
    if (!answer) {
        print(err, QStringLiteral("inkmapper-cli inspector: --answer: '%1' is not one of accept, 401, 404, 400, 429, 500, "
                                  "slow, no-answer\n").arg(parser.value(answerOption)));
        return 2;
    }
    const int count = parser.value(countOption).toInt();

    inspector::Inspector receiver;
    receiver.setBehaviour({*answer, parser.value(delayOption).toInt(), 30});
    if (parser.isSet(usernameOption))
        receiver.setCredentials(parser.value(usernameOption), secretFrom(parser.value(secretOption)));
    const Result<quint16> started = receiver.start(quint16(port));
    if (!started) {
        print(err, QStringLiteral("inkmapper-cli inspector: %1\n").arg(started.error().message));
        return 1;
    }
    print(out, QStringLiteral("Listening on %1 (answer: %2); Ctrl+C to stop.\n")
                   .arg(receiver.endpointUrl(), inspector::Inspector::answerName(*answer)));

    QEventLoop loop;
    InterruptQuitter quitter(loop);
    int answered = 0;
    const bool quiet = parser.isSet(quietOption);
    QObject::connect(&receiver, &inspector::Inspector::requestReceived, &loop, [&](int index) {
        if (!quiet)
            print(out, describeReceived(receiver.received()[size_t(index)], index + 1));
    });
    QObject::connect(&receiver, &inspector::Inspector::answered, &loop, [&](int) {
        if (count > 0 && ++answered >= count)
            QMetaObject::invokeMethod(&loop, &QEventLoop::quit, Qt::QueuedConnection); // after the answer is written
    });
    loop.exec();
    print(err, QStringLiteral("inspector: %1 received\n").arg(counted(qsizetype(receiver.received().size()), "request", "requests")));
    return 0;
}

int sendCommand(const QStringList &arguments, std::FILE *out, std::FILE *err)
{
    QCommandLineParser parser;
    const QCommandLineOption mappingOption(QStringLiteral("mapping"), QStringLiteral("The mapping's name (or its number, from 1)."),
                                           QStringLiteral("NAME"));
    const QCommandLineOption eventOption(QStringLiteral("event"),
                                         QStringLiteral("A file holding the event (JSON; the first event of an array or of JSON Lines)."),
                                         QStringLiteral("FILE"));
    const SecretOptions secretOptions;
    const QCommandLineOption urlOption(QStringLiteral("url"), QStringLiteral("Send to this URL instead of the project's."),
                                       QStringLiteral("URL"));
    const QCommandLineOption timeoutOption(QStringLiteral("timeout"), QStringLiteral("Time allowed, in ms."),
                                           QStringLiteral("MS"), QString::number(delivery::Sender::DefaultTimeoutMs));
    const QCommandLineOption revealOption(QStringLiteral("reveal-secret"),
                                          QStringLiteral("Print the Authorization header in clear."));
    parser.addOptions({mappingOption, eventOption, urlOption, timeoutOption, revealOption});
    parser.addOptions(secretOptions.options());
    parser.addPositionalArgument(QStringLiteral("PROJECT"), QStringLiteral("The project file."));
    if (!parseCommandLine(parser, QStringLiteral("send"), arguments, err))
        return 2;
    if (parser.isSet(QStringLiteral("help"))) {
        print(out, commandHelp(parser, QStringLiteral("send"), QStringLiteral("PROJECT --mapping NAME --event FILE [options]"),
                            QStringLiteral("Sends one live test request: the request the mapping makes for the event, "
                                           "to the project's Movable Ink URL. Prints the request (secret redacted) and "
                                           "the full response. Exit 0 when Movable Ink accepts it, 1 otherwise.")));
        return 0;
    }
    const auto usage = [&](const QString &message) {
        print(err, QStringLiteral("inkmapper-cli send: %1 (see --help)\n").arg(message));
        return 2;
    };
    if (parser.positionalArguments().size() != 1)
        return usage(QStringLiteral("give exactly one project file"));
    if (!parser.isSet(mappingOption) || !parser.isSet(eventOption))
        return usage(QStringLiteral("--mapping and --event are required"));

    const QString projectPath = parser.positionalArguments().front();
    const Result<project::Project> read = readProjectFile(projectPath);
    if (!read)
        return print(err, QStringLiteral("inkmapper-cli send: %1\n").arg(read.error().message)), 2;
    const project::Project &project = *read;

    const QString wanted = parser.value(mappingOption);
    const project::MappingConfig *mapping = nullptr;
    for (int i = 0; i < project.mappingCount() && !mapping; ++i) {
        if (project.mapping(i).name == wanted || QString::number(i + 1) == wanted)
            mapping = &project.mapping(i);
    }
    if (!mapping) {
        QStringList names;
        for (int i = 0; i < project.mappingCount(); ++i)
            names.append(QStringLiteral("\"%1\"").arg(project.mapping(i).name));
        return print(err, QStringLiteral("inkmapper-cli send: no mapping named \"%1\" in %2; it has %3\n")
                              .arg(wanted, projectPath, names.join(QStringLiteral(", ")))), 2;
    }

    const Result<std::vector<events::SampleEvent>> events = readEventFiles({parser.value(eventOption)});
    if (!events)
        return print(err, QStringLiteral("inkmapper-cli send: %1\n").arg(events.error().message)), 2;

    project::DestinationSettings settings = project.settings();
    if (parser.isSet(urlOption))
        settings.movableInkUrl = parser.value(urlOption);
    QString warning;
    const Result<SecretOptions::Found> secret = secretOptions.find(parser, settings.username, &warning);
    if (!secret)
        return print(err, QStringLiteral("inkmapper-cli send: %1\n").arg(secret.error().message)), 2;
    if (!warning.isEmpty())
        print(err, QStringLiteral("warning: %1\n").arg(warning));
    const preview::PreviewResult result =
        preview::Previewer(settings, secret->secret, *mapping).compute(events->front().event);
    if (!result.request) {
        return print(err, QStringLiteral("inkmapper-cli send: nothing sent: %1\n").arg(preview::Preview::whyNothingIsSent(result))), 1;
    }
    const destination::HttpRequest &request = *result.request;
    if (const std::optional<QString> warning = delivery::Failure::plaintextWarning(QUrl(request.url())))
        print(err, QStringLiteral("warning: %1\n").arg(*warning));
    const destination::HttpRequest shown = parser.isSet(revealOption) ? request : request.redacted();
    print(out, QStringLiteral("> %1 %2\n%3\n%4\n\n")
                   .arg(QString::fromLatin1(request.method()), request.url(), headerLines(shown.destinationHeaders()),
                        QString::fromUtf8(request.body())));

    delivery::Sender sender;
    sender.setTimeout(parser.value(timeoutOption).toInt());
    QEventLoop loop;
    delivery::Exchange exchange;
    QObject::connect(&sender, &delivery::Sender::finished, &loop, [&](quint64, const delivery::Exchange &done) {
        exchange = done;
        loop.quit();
    });
    sender.send(request);
    loop.exec();

    for (const QString &url : exchange.redirects)
        print(out, QStringLiteral("< redirected to %1\n").arg(url));
    if (exchange.credentialsDropped)
        print(err, QStringLiteral("note: a redirect went to another host or scheme; Segment's client does not send the "
                                  "credentials there, and neither did this request\n"));
    if (const std::optional<QString> warning = delivery::Failure::redirectWarning(exchange))
        print(err, QStringLiteral("warning: %1\n").arg(*warning));
    if (exchange.hasResponse()) {
        QString headers;
        for (const auto &[name, value] : exchange.responseHeaders)
            headers += QString::fromLatin1(name) + QStringLiteral(": ") + QString::fromLatin1(value) + u'\n';
        print(out, QStringLiteral("< %1 %2 (%3 ms, %4 bytes)\n%5\n%6\n")
                       .arg(exchange.status)
                       .arg(QString::fromLatin1(exchange.reasonPhrase))
                       .arg(exchange.timings.total)
                       .arg(exchange.responseBody.size())
                       .arg(headers, QString::fromUtf8(exchange.responseBody)));
    }
    if (const std::optional<delivery::Failure> failure = delivery::Failure::of(exchange)) {
        print(err, QStringLiteral("error: %1\n  %2\n  next: %3\n").arg(failure->title, failure->explanation, failure->nextStep));
        return 1;
    }
    return 0;
}

} // namespace inkmapper::cli
