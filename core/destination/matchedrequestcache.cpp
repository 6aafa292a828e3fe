#include "matchedrequestcache.h"

namespace inkmapper::destination {

const Result<RequestOutcome> *MatchedRequestCache::find(const json::Value &settings, const json::Value &mapping) const
{
    for (const Entry &entry : m_entries) {
        if (entry.mapping == mapping && entry.settings == settings)
            return &entry.outcome;
    }
    return nullptr;
}

void MatchedRequestCache::insert(const json::Value &settings, const json::Value &mapping,
                                 const Result<RequestOutcome> &outcome)
{
    m_entries.push_back({settings, mapping, outcome});
}

} // namespace inkmapper::destination
