// The math filters of liquidjs (src/filters/math.ts); every argument goes through `+toValue(v) || 0`.
#include "filterregistry.h"

#include <cmath>
#include <limits>

namespace inkmapper::mapping::liquid::Internal {

namespace {

/** Argument `i` after liquidjs's argumentsToNumber; NaN stands for an argument not passed (undefined). */
double numberArg(const FilterCall &call, size_t i)
{
    if (i == 0)
        return toLiquidNumber(call.input());
    if (i > call.count())
        return std::numeric_limits<double>::quiet_NaN();
    return toLiquidNumber(call.arg(i - 1));
}

/** JavaScript's Math.round: halves round towards +Infinity, and -0.5 <= x < 0 gives -0. */
double jsRound(double x)
{
    if (!std::isfinite(x) || x == 0)
        return x;
    double r = std::floor(x);
    if (x - r >= 0.5)
        r += 1;
    if (r == 0 && x < 0)
        return -0.0;
    return r;
}

/** `abs`: Math.abs of the input (further arguments ignored). */
LiquidValue abs(const FilterCall &call)
{
    return json::Value(std::fabs(numberArg(call, 0)));
}

/** `at_least: n`: Math.max over the input and every argument. */
LiquidValue atLeast(const FilterCall &call)
{
    double result = -std::numeric_limits<double>::infinity();
    for (size_t i = 0; i <= call.count(); ++i)
        result = std::max(result, numberArg(call, i));
    return json::Value(result);
}

/** `at_most: n`: Math.min over the input and every argument. */
LiquidValue atMost(const FilterCall &call)
{
    double result = std::numeric_limits<double>::infinity();
    for (size_t i = 0; i <= call.count(); ++i)
        result = std::min(result, numberArg(call, i));
    return json::Value(result);
}

/** `ceil`: Math.ceil. */
LiquidValue ceil(const FilterCall &call)
{
    return json::Value(std::ceil(numberArg(call, 0)));
}

/** `floor`: Math.floor. */
LiquidValue floor(const FilterCall &call)
{
    return json::Value(std::floor(numberArg(call, 0)));
}

LiquidValue dividedBy(const FilterCall &call)
{
    const double quotient = numberArg(call, 0) / numberArg(call, 1);
    // The optional third argument asks for integer arithmetic (a non-zero number after toNumber).
    if (call.count() >= 2 && numberArg(call, 2) != 0)
        return json::Value(std::floor(quotient));
    return json::Value(quotient);
}

/** `minus: n`; a missing argument is undefined, so the result is NaN. */
LiquidValue minus(const FilterCall &call)
{
    return json::Value(numberArg(call, 0) - numberArg(call, 1));
}

/** `plus: n`; numbers only, never string concatenation. */
LiquidValue plus(const FilterCall &call)
{
    return json::Value(numberArg(call, 0) + numberArg(call, 1));
}

/** `modulo: n`: the result takes the sign of the divisor. */
LiquidValue modulo(const FilterCall &call)
{
    const double v = numberArg(call, 0);
    const double arg = numberArg(call, 1);
    return json::Value(std::fmod(std::fmod(v, arg) + arg, arg));
}

/** `times: n`. */
LiquidValue times(const FilterCall &call)
{
    return json::Value(numberArg(call, 0) * numberArg(call, 1));
}

/** `round[: digits]`: scales by 10^digits (and by 1 + EPSILON, to round 1.005 up), rounds half up. */
LiquidValue round(const FilterCall &call)
{
    const double v = toLiquidNumber(call.input());
    const double digits = call.count() >= 1 && !call.arg(0).isUndefined() ? toLiquidNumber(call.arg(0)) : 0.0;
    const double amp = std::pow(10.0, digits);
    const double scaled = (v * amp) * (1 + std::numeric_limits<double>::epsilon());
    return json::Value(jsRound(scaled) / amp);
}

} // namespace

void registerMathFilters(FilterRegistry &registry)
{
    registry.add("abs", &abs);
    registry.add("at_least", &atLeast);
    registry.add("at_most", &atMost);
    registry.add("ceil", &ceil);
    registry.add("divided_by", &dividedBy);
    registry.add("floor", &floor);
    registry.add("minus", &minus);
    registry.add("plus", &plus);
    registry.add("modulo", &modulo);
    registry.add("times", &times);
    registry.add("round", &round);
}

} // namespace inkmapper::mapping::liquid::Internal
