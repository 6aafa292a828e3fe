#include "filterregistry.h"

#include "liquiderror.h"

#include "json/object.h"

namespace inkmapper::mapping::liquid::Internal {

namespace {

/** What Segment registers in place of a disabled filter: it fails only when called. */
LiquidValue disabledFilter(const FilterCall &call)
{
    throw LiquidError(QStringLiteral("filter \"%1\" is disabled").arg(call.name()));
}

} // namespace

json::Array toLiquidArray(const LiquidValue &value)
{
    const LiquidValue v = value.toValue();
    if (v.isNil())
        return {};
    if (v.isArray())
        return v.json().toArray();
    return json::Array{v.toElement()};
}

LiquidValue FilterCall::arg(size_t i) const
{
    if (i >= m_args.size())
        return {};
    const FilterArgument &a = m_args[i];
    if (!a.isPair)
        return a.value;
    // liquidjs hands `key: value` to the filter as the array [key, value].
    return json::Value(json::Array{json::Value(a.key), a.value.toElement()});
}

LiquidValue FilterCall::argOr(size_t i, const LiquidValue &fallback) const
{
    LiquidValue value = arg(i);
    return value.isUndefined() ? fallback : value;
}

FilterRegistry::FilterRegistry()
{
    registerHtmlFilters(*this);
    registerMathFilters(*this);
    registerUrlFilters(*this);
    registerStringFilters(*this);
    registerArrayFilters(*this);
    registerDateFilters(*this);
    registerMiscFilters(*this);
    // Segment's liquid-directive.js replaces these with a filter that throws when it is called.
    for (const char *name : {"array_to_sentence_string", "concat", "find", "find_exp", "find_index",
                             "find_index_exp", "group_by", "group_by_exp", "has", "has_exp", "map",
                             "newline_to_br", "reject", "reject_exp", "reverse", "sort", "sort_natural", "uniq",
                             "where_exp", "type"})
        add(name, &disabledFilter);
}

const FilterRegistry &FilterRegistry::instance()
{
    static const FilterRegistry registry;
    return registry;
}

FilterFunction FilterRegistry::find(const QString &name)
{
    return instance().m_filters.value(name, nullptr);
}

void FilterRegistry::add(const char *name, FilterFunction function)
{
    m_filters.insert(QString::fromLatin1(name), function);
}

} // namespace inkmapper::mapping::liquid::Internal
