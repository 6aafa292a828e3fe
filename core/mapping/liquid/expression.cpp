#include "expression.h"

#include "context.h"
#include "liquiderror.h"

#include <QVarLengthArray>

#include <cmath>
#include <span>

namespace inkmapper::mapping::liquid::Internal {

namespace {

/** liquidjs operator precedence: comparisons bind tightest, then `not`, then `and`/`or`. */
int precedence(Operator op)
{
    switch (op) {
    case Operator::And:
    case Operator::Or:
        return 0;
    case Operator::Not:
        return 1;
    default:
        return 2;
    }
}

/** The binary operators; `and` and `or` give booleans, not one of their operands. */
LiquidValue applyBinary(Operator op, const LiquidValue &l, const LiquidValue &r)
{
    switch (op) {
    case Operator::Equal:
        return json::Value(liquidEquals(l, r));
    case Operator::NotEqual:
        return json::Value(!liquidEquals(l, r));
    case Operator::Greater:
        return json::Value(liquidRelation(Relation::Greater, l, r));
    case Operator::Less:
        return json::Value(liquidRelation(Relation::Less, l, r));
    case Operator::GreaterEqual:
        return json::Value(liquidRelation(Relation::GreaterEqual, l, r));
    case Operator::LessEqual:
        return json::Value(liquidRelation(Relation::LessEqual, l, r));
    case Operator::Contains:
        return json::Value(liquidContains(l, r));
    case Operator::And:
        return json::Value(!isFalsy(l) && !isFalsy(r));
    case Operator::Or:
        return json::Value(!isFalsy(l) || !isFalsy(r));
    case Operator::Not:
        break;
    }
    return {};
}

/** liquidjs's range(): the numbers start, start + 1, ... below stop. */
LiquidValue evaluateRange(const ValueToken &token, Context &context)
{
    const LiquidValue low = evaluateToken(token.lhs.get(), context);
    const LiquidValue high = evaluateToken(token.rhs.get(), context);
    const double start = toJsNumber(low);
    const double stop = toJsNumber(high) + 1;
    context.memoryLimit().use(toJsNumber(high) - toJsNumber(low) + 1);
    // liquidjs would go on building an array of up to 1e8 numbers; refuse what no template needs.
    constexpr double kMaxRangeLength = 1e7;
    json::Array numbers;
    if (stop - start > kMaxRangeLength)
        throw LiquidError(QStringLiteral("memory alloc limit exceeded"));
    for (double i = start; i < stop; i += 1)
        numbers.emplace_back(i);
    return json::Value(std::move(numbers));
}

} // namespace

Expression::Expression(const std::vector<ValueTokenPtr> &tokens)
{
    std::vector<ValueTokenPtr> ops;
    for (const ValueTokenPtr &token : tokens) {
        if (token->kind == ValueToken::Kind::Operator) {
            // Only strictly higher precedence pops: equal precedence associates to the right.
            while (!ops.empty() && precedence(ops.back()->op) > precedence(token->op)) {
                m_postfix.push_back(ops.back());
                ops.pop_back();
            }
            ops.push_back(token);
        } else {
            m_postfix.push_back(token);
        }
    }
    while (!ops.empty()) {
        m_postfix.push_back(ops.back());
        ops.pop_back();
    }
}

LiquidValue Expression::evaluate(Context &context) const
{
    // liquidjs's stack machine: popping an empty stack gives undefined, and extra operands are left
    // over, with the first one as the result (`{{ a b }}` prints a).
    QVarLengthArray<LiquidValue, 8> operands;
    const auto pop = [&operands] {
        if (operands.isEmpty())
            return LiquidValue();
        LiquidValue v = std::move(operands.back());
        operands.removeLast();
        return v;
    };
    for (const ValueTokenPtr &token : m_postfix) {
        if (token->kind != ValueToken::Kind::Operator) {
            operands.push_back(evaluateToken(token.get(), context));
            continue;
        }
        const LiquidValue r = pop();
        if (token->op == Operator::Not) {
            operands.emplace_back(json::Value(isFalsy(r)));
        } else {
            const LiquidValue l = pop();
            operands.push_back(applyBinary(token->op, l, r));
        }
    }
    return operands.isEmpty() ? LiquidValue() : operands.front();
}

LiquidValue evaluateToken(const ValueToken *token, Context &context)
{
    if (!token)
        return {};
    switch (token->kind) {
    case ValueToken::Kind::Number:
    case ValueToken::Kind::Literal:
    case ValueToken::Kind::Quoted:
    case ValueToken::Kind::Word:
        return token->content;
    case ValueToken::Kind::PropertyAccess: {
        QVarLengthArray<LiquidValue, 8> props;
        for (const ValueTokenPtr &prop : token->props)
            props.push_back(evaluateToken(prop.get(), context));
        const std::span<const LiquidValue> paths(props.constData(), size_t(props.size()));
        if (token->variable)
            return context.getFromScope(evaluateToken(token->variable.get(), context), paths);
        return context.get(paths);
    }
    case ValueToken::Kind::Range:
        return evaluateRange(*token, context);
    case ValueToken::Kind::Operator:
        break;
    }
    return {};
}

} // namespace inkmapper::mapping::liquid::Internal
