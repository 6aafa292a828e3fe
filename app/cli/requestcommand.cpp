#include "enginecommands.h"

#include "enginecommand.h"

namespace inkmapper::cli {

json::Value requestLine(const json::Object &)
{
    return errorLine(QStringLiteral("not implemented yet"));
}

} // namespace inkmapper::cli
