#pragma once

#include <QString>
#include <QStringList>

namespace inkmapper::ui {

/**
 * Movable Ink readiness of one mapping over the loaded events it matches, in the few numbers a badge shows:
 * how many events were judged and how many findings of each level, with the first few in words.
 */
struct ReadinessBadge
{
    int judged = 0; ///< matched events whose payload was judged
    int errors = 0;
    int warnings = 0;
    int hints = 0;
    QStringList examples; ///< "event 3 (Order Completed): data.properties.total: missing; …", at most a few

    bool isEmpty() const { return errors == 0 && warnings == 0 && hints == 0; }
    friend bool operator==(const ReadinessBadge &, const ReadinessBadge &) = default;
};

} // namespace inkmapper::ui
