#include "evaluator.h"

namespace inkmapper::fql {

Result<bool> evaluate(const json::Value &ast, const json::Value &event)
{
    return Trigger::compile(ast).matches(event);
}

Explanation explain(const json::Value &ast, const json::Value &event)
{
    return Trigger::compile(ast).explain(event);
}

} // namespace inkmapper::fql
