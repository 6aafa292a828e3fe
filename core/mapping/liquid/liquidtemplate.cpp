#include "liquidtemplate.h"

#include "context.h"
#include "liquiderror.h"
#include "nodes.h"
#include "parser.h"

namespace inkmapper::mapping::liquid {

namespace {

// The options of Segment's engine (liquid-directive.js).
constexpr double kMemoryLimit = 1e8;
constexpr std::chrono::milliseconds kRenderLimit{500};

} // namespace

LiquidTemplate::LiquidTemplate(QString source, std::vector<std::unique_ptr<const Internal::Node>> nodes)
    : m_source(std::move(source)), m_nodes(std::move(nodes))
{
}

LiquidTemplate::~LiquidTemplate() = default;

Result<std::shared_ptr<const LiquidTemplate>> LiquidTemplate::parse(const QString &source)
{
    try {
        Internal::NodeList nodes = Internal::Parser::parse(source);
        return std::shared_ptr<const LiquidTemplate>(new LiquidTemplate(source, std::move(nodes)));
    } catch (const Internal::LiquidError &error) {
        return Error{error.message(), {}};
    }
}

// Every render has its own context: scopes, counters, cycle positions and budgets start afresh.
Result<QString> LiquidTemplate::render(const json::Value &scope) const
{
    try {
        Internal::Context context(scope, kMemoryLimit, kRenderLimit);
        QString out;
        Internal::renderNodes(m_nodes, context, out);
        return out;
    } catch (const Internal::LiquidError &error) {
        return Error{error.message(), {}};
    }
}

} // namespace inkmapper::mapping::liquid
