#include "plural.h"

namespace inkmapper::ui {

QString plural(qsizetype count, const QString &one, const QString &many)
{
    // English: "1 event", but "0 events" and "2 events".
    QString text = count == 1 ? one : many;
    return text.replace(QStringLiteral("%n"), QString::number(count));
}

} // namespace inkmapper::ui
