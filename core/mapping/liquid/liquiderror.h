#pragma once

#include <QString>

namespace inkmapper::mapping::liquid::Internal {

/**
 * What liquidjs throws (a TokenizationError, ParseError, RenderError or a plain Error from a filter).
 * It only travels inside the liquid engine: LiquidTemplate catches it and returns an Error value.
 */
class LiquidError
{
public:
    explicit LiquidError(QString message) : m_message(std::move(message)) {}

    const QString &message() const { return m_message; }

private:
    QString m_message;
};

} // namespace inkmapper::mapping::liquid::Internal
