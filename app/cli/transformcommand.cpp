#include "enginecommands.h"

#include "enginecommand.h"

#include "mapping/transform.h"

namespace inkmapper::cli {

json::Value transformLine(const json::Object &line)
{
    const json::Value *mapping = line.find(u"mapping");
    if (!mapping)
        return errorLine(QStringLiteral("the input line has no \"mapping\" key"));
    const json::Value *event = line.find(u"event");
    if (!event)
        return errorLine(QStringLiteral("the input line has no \"event\" key"));
    Result<json::Value> result = mapping::transform(*mapping, *event);
    if (!result)
        return errorLine(result.error().message);
    json::Object out;
    out.set(QStringLiteral("ok"), true);
    // An undefined result has no "output" member: the writer drops undefined members.
    out.set(QStringLiteral("output"), std::move(result).value());
    return json::Value(std::move(out));
}

} // namespace inkmapper::cli
