#pragma once

#include "liquidvalue.h"

#include <QString>

#include <vector>

namespace inkmapper::mapping::liquid::Internal {

class Context;

/** One evaluated filter argument: a value, or a `key: value` pair. */
struct FilterArgument
{
    LiquidValue value;
    bool isPair = false;
    QString key;
};

/**
 * The arguments of one filter application, the way a liquidjs filter function sees them: the input,
 * the arguments actually written (a missing one is undefined, so JavaScript default parameters apply),
 * `key: value` pairs arriving as two-element arrays, and `this.context`.
 */
class FilterCall
{
public:
    FilterCall(Context &context, const QString &name, LiquidValue input, std::vector<FilterArgument> args)
        : m_context(context), m_name(name), m_input(std::move(input)), m_args(std::move(args))
    {
    }

    Context &context() const { return m_context; }
    const QString &name() const { return m_name; }
    const LiquidValue &input() const { return m_input; }
    /** How many arguments follow the input (`arguments.length - 1`). */
    size_t count() const { return m_args.size(); }
    /** Argument `i` as the function receives it: undefined when missing, a pair as [key, value]. */
    LiquidValue arg(size_t i) const;
    /** Argument `i`, or `fallback` when it is undefined (a JavaScript default parameter). */
    LiquidValue argOr(size_t i, const LiquidValue &fallback) const;
    const std::vector<FilterArgument> &rawArgs() const { return m_args; }

private:
    Context &m_context;
    const QString &m_name;
    LiquidValue m_input;
    std::vector<FilterArgument> m_args;
};

/** liquidjs toArray(): nil gives [], an array itself, anything else a one-element array. */
json::Array toLiquidArray(const LiquidValue &value);

/** A filter implementation; it returns the filtered value or throws LiquidError. */
using FilterFunction = LiquidValue (*)(const FilterCall &call);

} // namespace inkmapper::mapping::liquid::Internal
