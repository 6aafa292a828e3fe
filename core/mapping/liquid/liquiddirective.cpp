#include "liquiddirective.h"

#include "templatecache.h"

namespace inkmapper::mapping::liquid {

// The checks come in liquid-directive.js's order: type, empty, length (UTF-16 code units), then render.
Result<QString> evaluateLiquid(const json::Value &templateValue, const json::Value &event)
{
    if (!templateValue.isString())
        return Error{QStringLiteral("liquid template value must be a string"), {}};
    const QString &source = templateValue.toString();
    if (source.isEmpty())
        return QString();
    if (source.size() > kMaxTemplateLength)
        return Error{QStringLiteral("liquid template values are limited to 1000 characters"), {}};
    const Result<std::shared_ptr<const LiquidTemplate>> parsed = TemplateCache::shared().get(source);
    if (!parsed)
        return parsed.error();
    return parsed.value()->render(event);
}

} // namespace inkmapper::mapping::liquid
