#pragma once

#include "json/value.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace inkmapper::events {

/** One thing the spec checker noticed about an event. */
struct SpecFinding
{
    enum class Level {
        Error,   ///< Segment would reject the event or a destination could not use it
        Warning, ///< accepted, but probably not what was meant
        Hint,    ///< a convention of Segment's spec that is not followed
    };

    Level level;
    QString path;    ///< JSON path in the event, e.g. "properties.products[0].price"; empty for the event itself
    QString message; ///< plain language, for people who do not know the spec by heart

    friend bool operator==(const SpecFinding &, const SpecFinding &) = default;
};

/**
 * Checks one event against Segment's spec (common fields, the six call types and the e-commerce events):
 * a known `type`, an identity (`userId` or `anonymousId`; alias: `previousId` and `userId`), the fields each
 * call needs (`event`, `groupId`), objects where objects belong, ISO-8601 timestamps, a `messageId`, and the
 * e-commerce spec's names and number-typed properties. InkMapper's own advice, not Segment's validation:
 * Segment's HTTP API is more lenient than its spec.
 */
class SpecChecker
{
public:
    /** Every finding for `event`, in the order of the fields concerned. */
    static std::vector<SpecFinding> check(const json::Value &event);
    /** True when any finding is an error. */
    static bool hasErrors(const std::vector<SpecFinding> &findings);

    /** Segment's call types: identify, track, page, screen, group, alias. */
    static const QStringList &eventTypes();
    /** The event names of Segment's e-commerce spec (V2), as `event` of a track call spells them. */
    static const QStringList &ecommerceEvents();
};

} // namespace inkmapper::events
