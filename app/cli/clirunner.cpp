#include "clirunner.h"

#include "checkcommand.h"
#include "enginecommand.h"
#include "enginecommands.h"
#include "livecommands.h"
#include "output.h"

#include <QByteArray>

namespace inkmapper::cli {

namespace {

struct EngineCommand
{
    const char *name;
    const char *summary;
    const char *help;
    LineHandler handler;
};

const EngineCommand engineCommands[] = {
    {"transform", "apply a mapping to an event (mapping-kit)",
     "Reads JSON Lines {\"mapping\":{...},\"event\":{...}} from standard input and writes one line per input:\n"
     "  {\"ok\":true,\"output\":OUT}  OUT serialized exactly as JavaScript's JSON.stringify would\n"
     "  {\"ok\":true}               the result is undefined\n"
     "  {\"ok\":false,\"error\":\"...\"}\n",
     transformLine},
    {"fql", "parse a trigger and evaluate it against events",
     "Reads JSON Lines {\"fql\":\"...\",\"events\":[{\"event\":{...}},...]} and writes\n"
     "  {\"ok\":true,\"ast\":AST,\"matches\":[true,false,null,...]}   null where Segment's evaluator fails\n"
     "  {\"ok\":false,\"error\":\"...\"}                                 the trigger does not parse\n",
     fqlLine},
    {"generate-fql", "turn a condition tree back into FQL",
     "Reads JSON Lines {\"ast\":{...}} and writes {\"ok\":true,\"fql\":\"...\"} or {\"ok\":false,\"error\":\"...\"}.\n",
     generateFqlLine},
    {"request", "build the HTTP request the destination would send",
     "Reads JSON Lines {\"settings\":{\"movable_ink_url\",\"username\",\"password\"},\"mapping\":{\"headers\",\"data\"},\n"
     "\"event\":{...}} with an optional \"subscribe\":\"FQL\" (default: the preset's trigger) and writes\n"
     "  {\"ok\":true,\"request\":{\"method\",\"url\",\"headers\":{...},\"body\"}}   header names lower case, sorted\n"
     "  {\"ok\":true,\"request\":null}                                  the event does not match the trigger\n"
     "  {\"ok\":false,\"error\":\"...\"}\n",
     requestLine},
};

QString usage()
{
    QString text = QStringLiteral(
        "usage: inkmapper-cli [--version] [--help] <command> [<args>]\n\n"
        "Engine commands (JSON Lines on standard input, one JSON line out per line in):\n");
    for (const EngineCommand &c : engineCommands)
        text += QStringLiteral("  %1%2\n").arg(QString::fromLatin1(c.name).leftJustified(14), QString::fromLatin1(c.summary));
    text += QStringLiteral("\nProject commands:\n"
                           "  check         check a project's settings and mappings, and what they send for event files\n");
    text += QStringLiteral("\nLive commands:\n"
                           "  run           push event files through every enabled mapping: send, or --dry-run\n"
                           "  send          send one test request for a mapping and an event, show the response\n"
                           "  inspector     run the local receiver that stands in for Movable Ink\n");
    text += QStringLiteral("\nRun 'inkmapper-cli <command> --help' for the details of a command.\n");
    return text;
}

} // namespace

int runCli(const QStringList &arguments, std::FILE *in, std::FILE *out, std::FILE *err)
{
    if (arguments.isEmpty()) {
        print(err, usage());
        return 2;
    }
    const QString &command = arguments.first();
    if (command == u"--help" || command == u"-h" || command == u"help") {
        print(out, usage());
        return 0;
    }
    if (command == u"--version") {
        print(out, QStringLiteral("inkmapper-cli %1\n").arg(QStringLiteral(INKMAPPER_VERSION)));
        return 0;
    }
    for (const EngineCommand &c : engineCommands) {
        if (command != QLatin1StringView(c.name))
            continue;
        const QStringList rest = arguments.mid(1);
        if (rest.contains(QStringLiteral("--help")) || rest.contains(QStringLiteral("-h"))) {
            print(out, QStringLiteral("usage: inkmapper-cli %1 < INPUT.jsonl\n\n%2")
                           .arg(QString::fromLatin1(c.name), QString::fromLatin1(c.help)));
            return 0;
        }
        if (!rest.isEmpty()) {
            print(err, QStringLiteral("inkmapper-cli %1: unexpected argument '%2' (see --help)\n")
                           .arg(QString::fromLatin1(c.name), rest.first()));
            return 2;
        }
        return runJsonLines(in, out, c.handler);
    }
    if (command == u"check")
        return checkCommand(arguments.mid(1), out, err);
    if (command == u"send")
        return sendCommand(arguments.mid(1), out, err);
    if (command == u"run")
        return runCommand(arguments.mid(1), out, err);
    if (command == u"inspector")
        return inspectorCommand(arguments.mid(1), out, err);
    print(err, QStringLiteral("inkmapper-cli: '%1' is not a command (see --help)\n").arg(command));
    return 2;
}

} // namespace inkmapper::cli
