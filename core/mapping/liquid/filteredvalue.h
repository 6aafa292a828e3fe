#pragma once

#include "filtercall.h"
#include "tokenizer.h"

#include <vector>

namespace inkmapper::mapping::liquid::Internal {

class Context;

/**
 * liquidjs's Value: an expression followed by filters (`x | append: "y" | upcase`), with each filter's
 * implementation looked up once when the template is parsed.
 */
class FilteredValue
{
public:
    explicit FilteredValue(FilteredValueToken token);

    LiquidValue evaluate(Context &context) const;

private:
    struct Filter
    {
        QString name;
        FilterFunction function = nullptr; ///< nullptr: an unknown filter, which returns its input
        std::vector<FilterArgToken> args;
    };

    Expression m_initial;
    std::vector<Filter> m_filters;
};

} // namespace inkmapper::mapping::liquid::Internal
