#include "checkcommand.h"
#include "commandline.h"
#include "inputfiles.h"
#include "output.h"

#include "destination/destinationdefinition.h"
#include "destination/identitytimeline.h"
#include "destination/readinesschecker.h"
#include "destination/requestbuilder.h"
#include "events/eventreader.h"
#include "json/object.h"
#include "json/parser.h"
#include "json/writer.h"
#include "mapping/directives.h"
#include "mapping/validator.h"
#include "preview/preview.h"
#include "preview/previewer.h"
#include "project/projectfile.h"

#include <QFileInfo>

namespace inkmapper::cli {

namespace {

using Level = destination::ReadinessFinding::Level;
using destination::ReadinessFinding;

// Nothing is sent, and the payload never depends on the secret: the previews sign with a stand-in.
const QString StandInSecret = QStringLiteral("inkmapper-check");

/** Writes one problem a line and counts them by level. */
class Report
{
public:
    explicit Report(std::FILE *out) : m_out(out) {}

    void add(const QString &where, Level level, const QString &message)
    {
        print(m_out, QStringLiteral("%1: %2: %3\n").arg(where, ReadinessFinding::levelName(level), message));
        ++m_counts[int(level)];
    }
    int count(Level level) const { return m_counts[int(level)]; }

private:
    std::FILE *m_out;
    int m_counts[3] = {0, 0, 0};
};

/** "PATH:LINE", the way compilers point into a file. */
QString at(const QString &path, int line)
{
    return QStringLiteral("%1:%2").arg(path).arg(std::max(line, 1));
}

QString mappingWhere(const project::MappingConfig &mapping)
{
    return QStringLiteral("mapping \"%1\"").arg(mapping.name);
}

/** The line of the first `"key"` in the project's text: the file is JSON the app wrote, one key a line. */
int lineOfKey(const QByteArray &text, const char *key)
{
    const qsizetype at = text.indexOf(QByteArray("\"") + key + "\"");
    return at < 0 ? 1 : int(text.left(at).count('\n')) + 1;
}

/** The project as read, and how many subscriptions its file has (more than the destination allows are
 *  left out of `project`, so that the rest can still be checked). */
struct CheckedProject
{
    project::Project project;
    QByteArray text;
    int subscriptionsInFile = 0;
};

/** The project's own events, named by the project file and the line each starts on in it. */
std::vector<events::SampleEvent> projectEvents(const CheckedProject &checked, const QString &path)
{
    std::vector<events::SampleEvent> sampleEvents = checked.project.events();
    const qsizetype key = checked.text.indexOf("\"events\"");
    const qsizetype array = key < 0 ? -1 : checked.text.indexOf('[', key);
    const std::vector<int> lines =
        array < 0 ? std::vector<int>() : events::EventReader::arrayElementLines(QByteArrayView(checked.text).sliced(array));
    const int firstLine = array < 0 ? 1 : int(checked.text.left(array).count('\n')) + 1;
    for (size_t i = 0; i < sampleEvents.size(); ++i) {
        sampleEvents[i].source = path;
        sampleEvents[i].line = i < lines.size() ? firstLine + lines[i] - 1 : 0;
    }
    return sampleEvents;
}

Result<CheckedProject> readProject(const QString &path)
{
    Result<QByteArray> bytes = readInputFile(path);
    if (!bytes)
        return bytes.error();
    CheckedProject checked;
    checked.text = *bytes;
    QByteArray readable = checked.text;
    const Result<json::Value> document = json::parse(QByteArrayView(checked.text));
    const json::Value subscriptions =
        document && document->isObject() ? document->toObject().value(u"subscriptions") : json::Value();
    if (subscriptions.isArray()) {
        const json::Array &all = subscriptions.toArray();
        checked.subscriptionsInFile = int(all.size());
        if (all.size() > size_t(project::Project::maxMappings())) {
            // ProjectFile refuses such a file; check reads the mappings the destination would keep.
            json::Object root = document->toObject();
            root.set(QStringLiteral("subscriptions"),
                     json::Value(json::Array(all.begin(), all.begin() + project::Project::maxMappings())));
            readable = json::stringify(json::Value(std::move(root))).value_or(QByteArray());
        }
    }
    Result<project::Project> read = project::ProjectFile::read(readable, QFileInfo(path).fileName());
    if (!read)
        return Error{QStringLiteral("%1: %2").arg(path, read.error().describe()), {}};
    checked.project = std::move(read).value();
    return checked;
}

/**
 * The settings: what Segment needs, and the URL as Segment's runtime treats it (a probe event through the
 * request builder). Returns the settings the event previews use: the project's, with stand-ins for what is
 * unusable, so that a bad URL is reported once and not for every event.
 */
project::DestinationSettings checkSettings(const CheckedProject &checked, const QString &path, Report &report)
{
    project::DestinationSettings usable = checked.project.settings();
    const QString urlWhere = at(path, lineOfKey(checked.text, "movable_ink_url"));
    if (usable.username.trimmed().isEmpty()) {
        report.add(at(path, lineOfKey(checked.text, "username")), Level::Error,
                   QStringLiteral("settings.username: the Username (your Movable Ink Access Key ID) is empty; Segment "
                                  "refuses every event until it is set"));
        usable.username = StandInSecret;
    }
    if (usable.movableInkUrl.trimmed().isEmpty()) {
        report.add(urlWhere, Level::Error,
                   QStringLiteral("settings.movable_ink_url: the Movable Ink URL is empty; Segment sends nothing until it "
                                  "is set to the endpoint Movable Ink gave you"));
        usable.movableInkUrl = QStringLiteral("https://movable-ink.invalid/");
        return usable;
    }
    json::Object probe;
    probe.set(QStringLiteral("type"), json::Value(QStringLiteral("track")));
    probe.set(QStringLiteral("event"), json::Value(QStringLiteral("InkMapper Check")));
    probe.set(QStringLiteral("anonymousId"), json::Value(QStringLiteral("inkmapper-check")));
    const Result<destination::RequestOutcome> outcome = destination::RequestBuilder().build(
        destination::RequestBuilder::settingsObject(usable.movableInkUrl, usable.username, StandInSecret),
        project::MappingConfig::defaultMapping(), json::Value(std::move(probe)));
    if (!outcome) {
        report.add(urlWhere, Level::Error,
                   QStringLiteral("settings.movable_ink_url: \"%1\" cannot be used: Segment's runtime fails with \"%2\"; "
                                  "it must be a full http:// or https:// address")
                       .arg(usable.movableInkUrl, outcome.error().message));
        usable.movableInkUrl = QStringLiteral("https://movable-ink.invalid/");
        return usable;
    }
    for (const destination::RequestWarning &warning : outcome->warnings())
        report.add(urlWhere, Level::Warning, QStringLiteral("settings.movable_ink_url: %1").arg(warning.message));
    return usable;
}

/** What can be told of a mapping without events. */
void checkMapping(const project::MappingConfig &mapping, const preview::Previewer &previewer, const QStringList &names,
                  Report &report)
{
    const QString where = mappingWhere(mapping);
    if (names.count(mapping.name) > 1) {
        report.add(where, Level::Warning,
                   QStringLiteral("another mapping has the same name, so this name picks the first of them (send --mapping)"));
    }
    if (const std::optional<Error> &trigger = previewer.triggerError())
        report.add(where, Level::Error, QStringLiteral("trigger: %1").arg(trigger->describe()));
    for (const Error &error : mapping::validationErrors(mapping.mapping))
        report.add(where, Level::Error, error.describe());

    if (!mapping.mapping.isObject())
        return;
    const destination::ActionDefinition *action = destination::DestinationDefinition::movableInk().action(
        destination::DestinationDefinition::movableInk().defaultPreset().partnerAction());
    for (const auto &[key, value] : mapping.mapping.toObject()) {
        const bool known = std::any_of(action->fields().begin(), action->fields().end(),
                                       [&](const destination::ActionField &f) { return f.key() == key; });
        if (!known) {
            report.add(where, Level::Warning,
                       QStringLiteral("%1: not a field of the \"%2\" action (it has headers and data), so Segment drops it")
                           .arg(key, action->title()));
        }
    }
    // Literal header values can be judged now; values a directive makes are judged with the events.
    const json::Value headers = mapping.mapping.toObject().value(u"headers");
    if (headers.isObject() && !mapping::isDirective(headers)) {
        for (const ReadinessFinding &f : destination::ReadinessChecker::checkHeaders(headers))
            report.add(where, f.level, QStringLiteral("%1: %2").arg(f.fieldPath(), f.message));
    }
}

QString eventLabel(const json::Value &event)
{
    const json::Object empty;
    const json::Object &e = event.isObject() ? event.toObject() : empty;
    const QString type = e.value(u"type").isString() ? e.value(u"type").toString() : QStringLiteral("event");
    const json::Value name = type == u"track" ? e.value(u"event") : e.value(u"name");
    return name.isString() ? QStringLiteral("%1 \"%2\"").arg(type, name.toString()) : type;
}

void printIdentity(const std::vector<events::SampleEvent> &events, std::FILE *out)
{
    using Basis = destination::IdentityTimeline::Basis;
    std::vector<json::Value> values;
    values.reserve(events.size());
    for (const events::SampleEvent &e : events)
        values.push_back(e.event);
    const destination::IdentityTimeline timeline = destination::IdentityTimeline::build(values);
    const auto where = [&](int index) { return at(events[size_t(index)].source, events[size_t(index)].line); };
    for (const destination::IdentityTimeline::Entry &entry : timeline.entries()) {
        QString how;
        switch (entry.basis) {
        case Basis::NoIdentity:
            how = QStringLiteral(": it has neither userId nor anonymousId");
            break;
        case Basis::AnonymousId:
            how = entry.joinedBy >= 0 ? QStringLiteral(" until the identify at %1 joins it to %2")
                                            .arg(where(entry.joinedBy), entry.joinedTo.describe())
                                      : QStringLiteral(" (no identify names this visitor)");
            break;
        case Basis::UserId:
            how = entry.identifiedBy >= 0 ? QStringLiteral(" (its own userId, identified at %1)").arg(where(entry.identifiedBy))
                                          : QStringLiteral(" (its own userId)");
            break;
        case Basis::Identify:
            how = entry.joins.empty() ? QStringLiteral(" (identified here)")
                                      : QStringLiteral(" (identified here; joins %1 of its anonymousId)")
                                            .arg(counted(qsizetype(entry.joins.size()), "earlier event", "earlier events"));
            break;
        case Basis::Device:
            how = QStringLiteral(" (its anonymousId was identified at %1)").arg(where(entry.identifiedBy));
            break;
        }
        print(out, QStringLiteral("%1: identity: %2: %3%4\n")
                       .arg(where(entry.event), eventLabel(values[size_t(entry.event)]), entry.profile.describe(), how));
    }
}

} // namespace

int checkCommand(const QStringList &arguments, std::FILE *out, std::FILE *err)
{
    QCommandLineParser parser;
    const QCommandLineOption identityOption(QStringLiteral("identity"),
                                            QStringLiteral("After the problems, print which Movable Ink profile each event "
                                                           "is attributed to (lines with the level \"identity\")."));
    parser.addOption(identityOption);
    parser.addPositionalArgument(QStringLiteral("PROJECT"), QStringLiteral("The project file."));
    parser.addPositionalArgument(QStringLiteral("EVENTS"), QStringLiteral("Event files: JSON, JSON arrays or JSON Lines."),
                                 QStringLiteral("[EVENTS...]"));
    if (!parseCommandLine(parser, QStringLiteral("check"), arguments, err))
        return 2;
    if (parser.isSet(QStringLiteral("help"))) {
        print(out, commandHelp(parser, QStringLiteral("check"), QStringLiteral("PROJECT [EVENTS...] [--identity]"),
                               QStringLiteral(
                                   "Checks a project: its settings, every mapping (trigger, mapping, header values, "
                                   "the limit of %1 mappings) and whether Movable Ink can use what each enabled mapping "
                                   "whose trigger matches would send for each event of the event files, or of the "
                                   "project when none are given (the readiness rules). Nothing is sent and no secret is needed. Prints one problem a line, "
                                   "\"PATH:LINE: level: message\" or \"mapping \\\"NAME\\\": level: message\", with the "
                                   "level error, warning or hint, and a count on standard error. Exit 0 when there is "
                                   "no error, 1 when there is any, 2 on bad usage or unreadable input.\n")
                                   .arg(destination::DestinationDefinition::MaxMappings)));
        return 0;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.isEmpty()) {
        print(err, QStringLiteral("inkmapper-cli check: give a project file (see --help)\n"));
        return 2;
    }
    const QString projectPath = positional.front();
    const Result<CheckedProject> checked = readProject(projectPath);
    if (!checked) {
        print(err, QStringLiteral("inkmapper-cli check: %1\n").arg(checked.error().message));
        return 2;
    }
    // Without event files, the events saved in the project are the ones to check.
    const Result<std::vector<events::SampleEvent>> events =
        positional.size() > 1 ? readEventFiles(positional.mid(1)) : projectEvents(*checked, projectPath);
    if (!events) {
        print(err, QStringLiteral("inkmapper-cli check: %1\n").arg(events.error().message));
        return 2;
    }
    const project::Project &project = checked->project;

    Report report(out);
    const project::DestinationSettings settings = checkSettings(*checked, projectPath, report);
    if (checked->subscriptionsInFile > project::Project::maxMappings()) {
        report.add(at(projectPath, lineOfKey(checked->text, "subscriptions")), Level::Error,
                   QStringLiteral("the project has %1 mappings, but %2 allows at most %3 per destination; only the first "
                                  "%3 are checked")
                       .arg(checked->subscriptionsInFile)
                       .arg(destination::DestinationDefinition::movableInk().catalogName())
                       .arg(project::Project::maxMappings()));
    }

    QStringList names;
    for (const project::MappingConfig &mapping : project.mappings())
        names.append(mapping.name);
    std::vector<preview::Previewer> previewers;
    previewers.reserve(project.mappings().size());
    for (const project::MappingConfig &mapping : project.mappings()) {
        previewers.emplace_back(settings, StandInSecret, mapping);
        checkMapping(mapping, previewers.back(), names, report);
    }
    if (std::none_of(project.mappings().begin(), project.mappings().end(),
                     [](const project::MappingConfig &m) { return m.enabled; })) {
        report.add(at(projectPath, lineOfKey(checked->text, "subscriptions")), Level::Warning,
                   QStringLiteral("no mapping is enabled, so Segment sends nothing to Movable Ink"));
    }

    for (const events::SampleEvent &event : *events) {
        const QString where = at(event.source, event.line);
        for (const preview::Previewer &previewer : previewers) {
            if (!previewer.mapping().enabled || previewer.triggerError())
                continue; // a disabled mapping sends nothing; a trigger that does not parse is reported above
            const preview::PreviewResult result = previewer.compute(event.event, preview::Previewer::Detail::Outcome);
            const QString mapping = mappingWhere(previewer.mapping());
            if (result.match == preview::PreviewResult::Match::EvaluationError) {
                report.add(where, Level::Error,
                           QStringLiteral("%1: the trigger fails on this event: %2").arg(mapping, result.triggerError.message));
                continue;
            }
            if (result.match != preview::PreviewResult::Match::Matches)
                continue;
            const std::vector<ReadinessFinding> findings = preview::Preview::readiness(result, event.event);
            // A header Segment cannot send makes its runtime fail; the readiness error says so in plain words.
            const bool explained = std::any_of(findings.begin(), findings.end(), [](const ReadinessFinding &f) {
                return f.field == ReadinessFinding::Field::Headers && f.level == Level::Error;
            });
            if (result.requestError && !explained) {
                report.add(where, Level::Error,
                           QStringLiteral("%1: Segment fails to send it: %2").arg(mapping, result.requestError->describe()));
            }
            for (const ReadinessFinding &f : findings)
                report.add(where, f.level, QStringLiteral("%1: %2: %3").arg(mapping, f.fieldPath(), f.message));
        }
    }
    if (parser.isSet(identityOption))
        printIdentity(*events, out);

    print(err, QStringLiteral("check: %1, %2: %3, %4, %5\n")
                   .arg(counted(project.mappingCount(), "mapping", "mappings"), counted(qsizetype(events->size()), "event", "events"),
                        counted(report.count(Level::Error), "error", "errors"),
                        counted(report.count(Level::Warning), "warning", "warnings"),
                        counted(report.count(Level::Hint), "hint", "hints")));
    return report.count(Level::Error) > 0 ? 1 : 0;
}

} // namespace inkmapper::cli
