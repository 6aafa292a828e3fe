#include "enginecommands.h"

#include "enginecommand.h"

#include "fql/parser.h"
#include "fql/trigger.h"

namespace inkmapper::cli {

// `fql`: parse the trigger once, compile it, and evaluate it against every event of the line.
json::Value fqlLine(const json::Object &line)
{
    const json::Value *fql = line.find(u"fql");
    if (!fql)
        return errorLine(QStringLiteral("the line has no \"fql\" key (the trigger text)"));
    if (!fql->isString())
        return errorLine(QStringLiteral("\"fql\" must be a string"));

    // "events" may be left out to only parse; when present it is [{"event":…}, …].
    const json::Value *events = line.find(u"events");
    if (events && !events->isArray())
        return errorLine(QStringLiteral("\"events\" must be an array of {\"event\": …} objects"));
    const json::Array noEvents;
    const json::Array &entries = events ? events->toArray() : noEvents;
    for (size_t i = 0; i < entries.size(); ++i) {
        if (!entries[i].isObject() || !entries[i].toObject().contains(u"event"))
            return errorLine(QStringLiteral("events[%1] must be an object with an \"event\" key").arg(i));
    }

    const Result<json::Value> ast = fql::parse(fql->toString());
    if (!ast.ok())
        return errorLine(ast.error().describe());

    const fql::Trigger trigger = fql::Trigger::compile(ast.value());
    json::Array matches;
    matches.reserve(entries.size());
    for (const json::Value &entry : entries) {
        const Result<bool> matched = trigger.matches(*entry.toObject().find(u"event"));
        // null where Segment's validate() throws on this event
        matches.push_back(matched.ok() ? json::Value(matched.value()) : json::Value::null());
    }

    json::Object out;
    out.set(QStringLiteral("ok"), true);
    out.set(QStringLiteral("ast"), ast.value());
    out.set(QStringLiteral("matches"), json::Value(std::move(matches)));
    return json::Value(std::move(out));
}

} // namespace inkmapper::cli
