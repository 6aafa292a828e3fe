#include "subscription.h"

#include "destinationdefinition.h"

#include "fql/evaluator.h"
#include "fql/parser.h"

namespace inkmapper::destination {

Subscription::Subscription()
{
    init(json::Value(DestinationDefinition::movableInk().defaultPreset().subscribe()));
}

Subscription::Subscription(const json::Value &subscribe)
{
    init(subscribe.isUndefined() ? json::Value(DestinationDefinition::movableInk().defaultPreset().subscribe())
                                 : subscribe);
}

void Subscription::init(const json::Value &subscribe)
{
    // `!subscription.subscribe || typeof subscription.subscribe !== 'string'`
    if (!subscribe.isString() || subscribe.toString().isEmpty()) {
        m_problem = QStringLiteral("Failed to validate subscription");
        return;
    }
    m_fql = subscribe.toString();
    Result<json::Value> ast = fql::parse(m_fql);
    if (!ast) {
        m_problem = QStringLiteral("Invalid subscription : %1").arg(ast.error().message);
        return;
    }
    m_ast = std::move(ast).value();
}

Result<bool> Subscription::matches(const json::Value &event) const
{
    Q_ASSERT(m_ast);
    return fql::evaluate(*m_ast, event);
}

} // namespace inkmapper::destination
