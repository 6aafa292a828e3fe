#pragma once

#include "destinationdefinition.h"
#include "matchedrequestcache.h"
#include "requestoutcome.h"
#include "subscription.h"

#include "json/value.h"
#include "util/result.h"

#include <QString>

namespace inkmapper::destination {

/**
 * Turns settings + a mapping + an event into the HTTP request Segment's Movable Ink (Actions)
 * destination would send, following destination-kit's onEvent exactly: settings validation, the
 * subscription trigger, mapping-kit transform, payload validation against the action's fields, the
 * action's perform (the URL check) and the request client with its basic-auth middleware.
 *
 * The result is an Error exactly where Segment's runtime throws (with its message), a RequestOutcome
 * without a request where Segment sends nothing, or the request with InkMapper's warnings.
 * The builder keeps no state between calls; it is safe to share between threads.
 */
class RequestBuilder
{
public:
    explicit RequestBuilder(const DestinationDefinition &definition = DestinationDefinition::movableInk());

    /**
     * The request for one event. `settings` is spread into an object as `{...settings}` would; `mapping`
     * is the subscription's mapping (falsy means `{}`); an array `event` is a batch, which this action
     * refuses as soon as one event matches.
     *
     * With `sameEvent`, builds of the same `event` share what follows a matched trigger: an identical
     * (settings, mapping) pair is transformed and made into a request once (see MatchedRequestCache).
     */
    Result<RequestOutcome> build(const json::Value &settings, const json::Value &mapping, const json::Value &event,
                                 const Subscription &subscription, MatchedRequestCache *sameEvent = nullptr) const;
    /** The same with the preset's trigger (parsed once per process). */
    Result<RequestOutcome> build(const json::Value &settings, const json::Value &mapping, const json::Value &event) const;

    /** The settings object for a URL, username and secret. */
    static json::Value settingsObject(const QString &url, const QString &username, const QString &password);

private:
    /** From a matched trigger on: transform, validation, the action's perform and the request. */
    Result<RequestOutcome> buildMatched(const json::Object &validSettings, const json::Value &mapping,
                                        const json::Value &event) const;
    QList<RequestWarning> warningsFor(const HttpRequest &request, const json::Value &mappedHeaders,
                                      const QString &url, bool basicAuth) const;

    const DestinationDefinition *m_definition;
};

} // namespace inkmapper::destination
