#pragma once

#include "liquiderror.h"

namespace inkmapper::mapping::liquid::Internal {

/**
 * liquidjs's Limiter: a budget that work draws from (`use`) and that fails with "<resource> limit
 * exceeded" once spent. Segment sets a memory budget of 1e8 characters per render, which is what keeps
 * string-doubling templates from running away.
 */
class Limiter
{
public:
    Limiter(QString resource, double limit) : m_resource(std::move(resource)), m_limit(limit) {}

    /** Draws `count` from the budget; non-positive and NaN counts draw nothing, as `+count > 0` says. */
    void use(double count)
    {
        if (count > 0) {
            if (m_base + count > m_limit)
                throw LiquidError(m_resource + QStringLiteral(" limit exceeded"));
            m_base += count;
        }
    }

private:
    QString m_resource;
    double m_limit;
    double m_base = 0;
};

} // namespace inkmapper::mapping::liquid::Internal
