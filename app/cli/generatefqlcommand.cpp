#include "enginecommands.h"

#include "enginecommand.h"

#include "fql/generator.h"

namespace inkmapper::cli {

// `generate-fql`: the condition tree of the line back to FQL text.
json::Value generateFqlLine(const json::Object &line)
{
    const json::Value *ast = line.find(u"ast");
    if (!ast)
        return errorLine(QStringLiteral("the line has no \"ast\" key (the condition tree)"));

    const Result<QString> fql = fql::generate(*ast);
    if (!fql.ok())
        return errorLine(fql.error().describe());

    json::Object out;
    out.set(QStringLiteral("ok"), true);
    out.set(QStringLiteral("fql"), fql.value());
    return json::Value(std::move(out));
}

} // namespace inkmapper::cli
