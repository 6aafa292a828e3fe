#pragma once

#include "readinessfinding.h"

#include "json/value.h"

#include <QStringList>

#include <vector>

namespace inkmapper::destination {

/**
 * Movable Ink readiness: whether Movable Ink can use what a mapping sends for an event, which Segment cannot
 * tell (it only checks that the request went through). The rules read the action's payload, the `data` the
 * request carries and its `headers`, not the raw event; the event is consulted only for its type and name
 * when `data` leaves them out, and to notice what the mapping drops.
 *
 * The rules and their sources:
 * - Segment's documentation for the Movable Ink destination (segment-docs, catalog/movable-ink): Product
 *   Viewed and Product Added need `sku` or `product_id` and `url` to join a profile; Order Completed needs
 *   `total` and `products` whose items carry `sku` or `product_id` and `price` to make a conversion; identify
 *   joins the anonymousId's events to `userId` or `traits.email`; a track is attributed by userId or
 *   anonymousId. Missing any of these is an error.
 * - Movable Ink's predefined event schemas (Product, Category, CartAdd, Search, Conversion, CartRemove, as
 *   RudderStack's Movable Ink integration lists them) and Segment's e-commerce spec v2 for the other events
 *   Movable Ink understands: their documented properties are hints.
 * - The action's own definition ("Only ASCII characters are supported" for headers) and Segment's runtime
 *   (its Authorization and Content-Type replace mapped ones) for the headers.
 * - Segment's HTTP Tracking API limit of 32 KB per event for the size of `data`.
 */
class ReadinessChecker
{
public:
    /**
     * `data` larger than this, as JSON, draws a warning. Segment's HTTP Tracking API refuses events over
     * 32 KB ("individual event payload sizes remain below 32 KB", batch requests up to 500 KB; segment-docs
     * tracking-api-limit); taken as 32 × 1024 bytes. A body beyond it can only come from a mapping that
     * multiplies the event, and Movable Ink documents no limit of its own for this destination.
     */
    static constexpr qsizetype MaxDataBytes = 32 * 1024;

    /**
     * Every finding for the action payload `{headers?, data?}` a mapping makes of `event` (validated, as
     * RequestOutcome::payload holds it, or straight from mapping::transform): data first, then headers.
     * `dataBytes`, when known (the request's body is `data` as JSON), spares writing `data` again to measure it.
     */
    static std::vector<ReadinessFinding> check(const json::Value &payload, const json::Value &event, qsizetype dataBytes = -1);
    /** The findings for the `data` field alone; undefined `data` means the mapping sends none. */
    static std::vector<ReadinessFinding> checkData(const json::Value &data, const json::Value &event);
    /**
     * The findings for a `headers` value: non-ASCII names or values (errors) and Authorization or
     * Content-Type (warnings). Only string values are looked at, so a mapping's own `headers`, whose values
     * may still be directives, can be checked before any event.
     */
    static std::vector<ReadinessFinding> checkHeaders(const json::Value &headers);

    /** True when any finding is an error. */
    static bool hasErrors(const std::vector<ReadinessFinding> &findings);

    /** The track events with rules of their own, as `event` spells them ("Product Viewed", …). */
    static QStringList eventsWithRules();
    /** The top-level fields a `data` mapping should keep from the entire event: userId, anonymousId,
     *  type, event, timestamp, messageId. */
    static const QStringList &keptFields();
};

} // namespace inkmapper::destination
