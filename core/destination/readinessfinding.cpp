#include "readinessfinding.h"

namespace inkmapper::destination {

QString ReadinessFinding::levelName(Level level)
{
    switch (level) {
    case Level::Error:
        return QStringLiteral("error");
    case Level::Warning:
        return QStringLiteral("warning");
    case Level::Hint:
        return QStringLiteral("hint");
    }
    return {};
}

QString ReadinessFinding::fieldPath() const
{
    const QString name = field == Field::Data ? QStringLiteral("data") : QStringLiteral("headers");
    return path.isEmpty() ? name : name + u'.' + path;
}

} // namespace inkmapper::destination
