#pragma once

#include "liquidvalue.h"
#include "token.h"

#include <vector>

namespace inkmapper::mapping::liquid::Internal {

class Context;

/**
 * A liquid expression such as `a.b > 2 and c contains "x"`, kept in postfix order exactly as liquidjs
 * orders it: operators of equal precedence associate to the right, so `a and b or c` is `a and (b or c)`.
 * A malformed expression (two operands in a row, an operator short of operands) evaluates the way
 * liquidjs's stack machine does instead of failing.
 */
class Expression
{
public:
    Expression() = default;
    /** Builds the postfix form from tokens in source order. */
    explicit Expression(const std::vector<ValueTokenPtr> &tokens);

    /** False when the expression has no token at all ("invalid value expression"). */
    bool isValid() const { return !m_postfix.empty(); }

    LiquidValue evaluate(Context &context) const;

private:
    std::vector<ValueTokenPtr> m_postfix;
};

/** liquidjs evalToken(): the value of one operand token (literal, property path or range). */
LiquidValue evaluateToken(const ValueToken *token, Context &context);

} // namespace inkmapper::mapping::liquid::Internal
