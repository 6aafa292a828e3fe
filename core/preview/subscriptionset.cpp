#include "subscriptionset.h"

#include "mapping/cleanup.h"

#include <algorithm>

namespace inkmapper::preview {

template<typename Compile>
qsizetype SubscriptionSet::addDistinct(std::vector<json::Value> &sources, const json::Value &source,
                                       Compile &&compile)
{
    const auto same = std::find(sources.begin(), sources.end(), source);
    if (same != sources.end())
        return qsizetype(same - sources.begin());
    sources.push_back(source);
    compile(source);
    return qsizetype(sources.size()) - 1;
}

qsizetype SubscriptionSet::add(const json::Value &conditionTree, const json::Value &mapping)
{
    Compiled compiled;
    compiled.trigger = addDistinct(m_triggerSources, conditionTree, [this](const json::Value &tree) {
        m_triggers.push_back(fql::Trigger::compile(tree));
    });
    compiled.mapping = addDistinct(m_mappingSources, mapping, [this](const json::Value &source) {
        m_mappings.emplace_back(source);
    });
    m_subscriptions.push_back(compiled);
    return size() - 1;
}

SubscriptionSet::EventRun::EventRun(const SubscriptionSet &set, const json::Value &event)
    : m_set(set), m_event(event), m_matches(set.m_triggers.size()), m_transforms(set.m_mappings.size())
{
}

const Result<bool> &SubscriptionSet::EventRun::matches(qsizetype index)
{
    const qsizetype trigger = m_set.m_subscriptions[size_t(index)].trigger;
    std::optional<Result<bool>> &answer = m_matches[size_t(trigger)];
    if (!answer)
        answer.emplace(m_set.m_triggers[size_t(trigger)].matches(m_event));
    return *answer;
}

const Result<json::Value> &SubscriptionSet::EventRun::transform(qsizetype index)
{
    const qsizetype mapping = m_set.m_subscriptions[size_t(index)].mapping;
    std::optional<Result<json::Value>> &answer = m_transforms[size_t(mapping)];
    if (!answer) {
        if (!m_eventIsClean)
            m_eventIsClean = mapping::isFreeOfUndefined(m_event);
        const mapping::Mapper &mapper = m_set.m_mappings[size_t(mapping)];
        answer.emplace(*m_eventIsClean ? mapper.transformCleanEvent(m_event) : mapper.transform(m_event));
    }
    return *answer;
}

} // namespace inkmapper::preview
