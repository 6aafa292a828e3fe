#pragma once

#include "filtercall.h"

#include <QHash>
#include <QString>

namespace inkmapper::mapping::liquid::Internal {

/**
 * The filters of Segment's liquid engine: every filter liquidjs 10.27.2 registers, with the twenty
 * that Segment disables replaced by one that throws `filter "name" is disabled` when called.
 * An unknown name is not an error: liquidjs (strictFilters off) applies the identity.
 */
class FilterRegistry
{
public:
    /** The implementation of `name`, or nullptr for an unknown filter (identity). */
    static FilterFunction find(const QString &name);

    /** Adds a filter; the filter groups call this while the registry is built. */
    void add(const char *name, FilterFunction function);

private:
    FilterRegistry();
    static const FilterRegistry &instance();

    QHash<QString, FilterFunction> m_filters;
};

/** Registers the HTML, math, URL, string, array, date, base64, crypto and misc filter groups. */
void registerHtmlFilters(FilterRegistry &registry);
void registerMathFilters(FilterRegistry &registry);
void registerUrlFilters(FilterRegistry &registry);
void registerStringFilters(FilterRegistry &registry);
void registerArrayFilters(FilterRegistry &registry);
void registerDateFilters(FilterRegistry &registry);
void registerMiscFilters(FilterRegistry &registry);

} // namespace inkmapper::mapping::liquid::Internal
