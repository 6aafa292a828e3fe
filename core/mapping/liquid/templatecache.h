#pragma once

#include "liquidtemplate.h"

#include <QHash>
#include <QMutex>
#include <QString>

#include <memory>

namespace inkmapper::mapping::liquid {

/**
 * Parsed templates keyed by their text, so that a mapping applied to many events parses each
 * `@liquid` template once. Parse failures are remembered too. Thread-safe; when it holds more than
 * `capacity` templates it starts afresh, which keeps memory bounded without bookkeeping per lookup.
 */
class TemplateCache
{
public:
    explicit TemplateCache(qsizetype capacity = 1024) : m_capacity(capacity) {}

    /** The parsed template for `source`, parsing it on first use. */
    Result<std::shared_ptr<const LiquidTemplate>> get(const QString &source);

    /** The cache that evaluateLiquid uses. */
    static TemplateCache &shared();

private:
    qsizetype m_capacity;
    QMutex m_mutex;
    QHash<QString, Result<std::shared_ptr<const LiquidTemplate>>> m_templates;
};

} // namespace inkmapper::mapping::liquid
