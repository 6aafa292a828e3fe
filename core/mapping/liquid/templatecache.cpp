#include "templatecache.h"

#include <QMutexLocker>

namespace inkmapper::mapping::liquid {

Result<std::shared_ptr<const LiquidTemplate>> TemplateCache::get(const QString &source)
{
    {
        const QMutexLocker locker(&m_mutex);
        const auto it = m_templates.constFind(source);
        if (it != m_templates.constEnd())
            return *it;
    }
    // Parse outside the lock; two threads parsing the same new template at once is harmless.
    Result<std::shared_ptr<const LiquidTemplate>> parsed = LiquidTemplate::parse(source);
    const QMutexLocker locker(&m_mutex);
    if (m_templates.size() >= m_capacity)
        m_templates.clear();
    m_templates.insert(source, parsed);
    return parsed;
}

TemplateCache &TemplateCache::shared()
{
    // A function-local static: built on first use, thread-safe, never destroyed before its users.
    static TemplateCache cache;
    return cache;
}

} // namespace inkmapper::mapping::liquid
