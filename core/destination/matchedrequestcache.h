#pragma once

#include "requestoutcome.h"

#include "json/value.h"
#include "util/result.h"

#include <vector>

namespace inkmapper::destination {

/**
 * What RequestBuilder makes of one event once a trigger has matched it, kept per (settings, mapping).
 *
 * Everything after the trigger (transform, payload validation, the request and its body) is a pure
 * function of the settings, the mapping and the event, and destinations repeat mappings under different
 * triggers (the entire event under "track" and under "Order Completed", …). Builds of one event that share
 * a cache therefore transform and serialise each distinct mapping once, and answer exactly what building
 * each alone answers. A cache belongs to one event: use a new one (or clear()) for the next event.
 * Not thread-safe: one cache per thread.
 */
class MatchedRequestCache
{
public:
    /** The answer kept for these settings and this mapping, or nullptr. */
    const Result<RequestOutcome> *find(const json::Value &settings, const json::Value &mapping) const;
    /** Keeps `outcome` for these settings and this mapping. */
    void insert(const json::Value &settings, const json::Value &mapping, const Result<RequestOutcome> &outcome);
    void clear() { m_entries.clear(); }

private:
    struct Entry
    {
        json::Value settings;
        json::Value mapping;
        Result<RequestOutcome> outcome;
    };
    std::vector<Entry> m_entries; ///< few (one per distinct mapping): a linear search is fastest
};

} // namespace inkmapper::destination
