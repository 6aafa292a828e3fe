#include "filteredvalue.h"

#include "context.h"
#include "filterregistry.h"

namespace inkmapper::mapping::liquid::Internal {

// Filters are resolved by name when the template is parsed; a disabled filter resolves to a function
// that throws, so it only fails when the filter is actually applied.
FilteredValue::FilteredValue(FilteredValueToken token) : m_initial(std::move(token.initial))
{
    m_filters.reserve(token.filters.size());
    for (FilterToken &filter : token.filters) {
        const FilterFunction function = FilterRegistry::find(filter.name);
        m_filters.push_back(Filter{std::move(filter.name), function, std::move(filter.args)});
    }
}

LiquidValue FilteredValue::evaluate(Context &context) const
{
    LiquidValue value = m_initial.evaluate(context);
    for (const Filter &filter : m_filters) {
        // Arguments are evaluated even for an unknown filter, as liquidjs does before calling identity.
        std::vector<FilterArgument> args;
        args.reserve(filter.args.size());
        for (const FilterArgToken &arg : filter.args)
            args.push_back(FilterArgument{evaluateToken(arg.value.get(), context), arg.isPair, arg.key});
        if (!filter.function)
            continue;
        value = filter.function(FilterCall(context, filter.name, std::move(value), std::move(args)));
    }
    return value;
}

} // namespace inkmapper::mapping::liquid::Internal
