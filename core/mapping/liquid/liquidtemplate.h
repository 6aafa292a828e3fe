#pragma once

#include "json/value.h"
#include "util/result.h"

#include <QString>

#include <memory>
#include <vector>

namespace inkmapper::mapping::liquid {

namespace Internal {
class Node;
}

/**
 * A liquid template parsed once and rendered many times, with the engine Segment configures for
 * `@liquid` (liquidjs 10.27.2: the tags `case`, `for`, `include`, `layout`, `render` and `tablerow`
 * disabled, twenty filters disabled, a memory budget of 1e8 characters and 500 ms per render).
 */
class LiquidTemplate
{
public:
    /** Parses `source`; tokenizer and parser errors (a disabled tag among them) come back as an Error. */
    static Result<std::shared_ptr<const LiquidTemplate>> parse(const QString &source);

    /** liquidjs renderSync(template, scope): the event is the environment the variables come from. */
    Result<QString> render(const json::Value &scope) const;

    const QString &source() const { return m_source; }

    ~LiquidTemplate();
    LiquidTemplate(const LiquidTemplate &) = delete;
    LiquidTemplate &operator=(const LiquidTemplate &) = delete;

private:
    LiquidTemplate(QString source, std::vector<std::unique_ptr<const Internal::Node>> nodes);

    QString m_source;
    std::vector<std::unique_ptr<const Internal::Node>> m_nodes;
};

} // namespace inkmapper::mapping::liquid
