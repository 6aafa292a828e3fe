#pragma once

#include "json/value.h"

#include <QDateTime>
#include <QString>

namespace inkmapper::events {

/**
 * The events Segment Engage sends to an event destination such as Movable Ink for an audience or a computed
 * trait, so that architects can map and trigger on them before Engage sends any. Shapes from Segment's
 * "Using Engage Data" page: an audience is an identify whose trait named by the audience key is true while
 * the user is in it and false once they leave (or a track "Audience Entered" / "Audience Exited" with
 * `audience_key` and that trait as properties); a computed trait is an identify with the trait set to its
 * value (or a track "Trait Computed" with `trait_key`). Every one carries `context.personas`: the
 * computation's class, id and key and the Engage space's id, as `namespace` and `space_id`.
 */
class EngageEvents
{
public:
    /** The Engage computation the events are about. */
    struct Computation
    {
        enum class Kind {
            Audience,      ///< membership: true or false; computation_class "audience"
            ComputedTrait, ///< a value; computation_class "trait" (as Segment's page shows it)
        };
        Kind kind = Kind::Audience;
        QString name;    ///< as the Engage space shows it, e.g. "First Time Shopper"
        QString key;     ///< computation_key, the trait's name; empty: traitKey(name)
        QString id;      ///< computation_id ("aud_…", "tra_…"); empty: made from the key
        QString spaceId; ///< the Engage space ("spa_…"), sent as namespace and space_id; empty: "spa_inkmapper"

        /** `key`, or traitKey(name) when it is empty. */
        QString effectiveKey() const;
    };

    /** The profile Engage sends the event for; Engage adds the identifiers it knows. */
    struct Recipient
    {
        QString userId;
        QString anonymousId;
        QString email; ///< traits.email of an identify, context.traits.email of a track
    };

    /** When the event is sent and its id; the defaults date it now with a new "personas_…" id. */
    struct Stamp
    {
        QDateTime at;
        QString messageId;
    };

    /**
     * The key Engage proposes for a name: the snake_cased name ("First Time Shopper" → "first_time_shopper",
     * "Order Completed Last 30days" → "order_completed_last_30days", "highValue" → "high_value"): letters and
     * digits lower-cased, everything else a single underscore, none at either end. People can edit the key in
     * Engage, so Computation::key wins over it.
     */
    static QString traitKey(const QString &name);

    /** The identify Engage sends: traits { key: value } (true/false for an audience). */
    static json::Value identify(const Computation &computation, const Recipient &recipient, const json::Value &value,
                                const Stamp &stamp = {});
    /** The track Engage sends: "Audience Entered" (value true) or "Audience Exited" for an audience, "Trait
     *  Computed" for a computed trait, with the key and the value as properties. */
    static json::Value track(const Computation &computation, const Recipient &recipient, const json::Value &value,
                             const Stamp &stamp = {});
};

} // namespace inkmapper::events
