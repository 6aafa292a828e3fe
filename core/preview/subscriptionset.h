#pragma once

#include "fql/trigger.h"
#include "json/value.h"
#include "mapping/mapper.h"
#include "util/result.h"

#include <optional>
#include <vector>

namespace inkmapper::preview {

/**
 * Many subscriptions (trigger + mapping) compiled once and run against events, computing what they
 * share only once per event. Real destinations repeat themselves: the preset trigger, a mapping
 * duplicated to change only its headers, the same `data` under several triggers. Both engine steps are
 * pure functions of (trigger or mapping, event), so an identical trigger or mapping gives the identical
 * answer: EventRun asks each distinct one at most once and hands every subscription its answer, which
 * is exactly what evaluating each subscription on its own gives (same values, same errors).
 *
 * Identity is structural (json::Value equality of the condition tree and of the mapping), decided once
 * when subscriptions are added.
 */
class SubscriptionSet
{
public:
    /** Adds a subscription; returns its index (0, 1, …). `conditionTree` is FQL parsed by fql::parse. */
    qsizetype add(const json::Value &conditionTree, const json::Value &mapping);

    qsizetype size() const { return qsizetype(m_subscriptions.size()); }
    /** How many distinct triggers and mappings the subscriptions have. */
    qsizetype distinctTriggers() const { return qsizetype(m_triggers.size()); }
    qsizetype distinctMappings() const { return qsizetype(m_mappings.size()); }

    /** One event against the set. Answers are computed on first request and kept for this event only. */
    class EventRun
    {
    public:
        /** `set` and `event` must outlive the run. */
        EventRun(const SubscriptionSet &set, const json::Value &event);

        /** fql validate() of subscription `index`'s trigger for the event. */
        const Result<bool> &matches(qsizetype index);
        /** transform() of subscription `index`'s mapping for the event. */
        const Result<json::Value> &transform(qsizetype index);

    private:
        const SubscriptionSet &m_set;
        const json::Value &m_event;
        std::optional<bool> m_eventIsClean; ///< isFreeOfUndefined(event), asked once for all mappings
        std::vector<std::optional<Result<bool>>> m_matches;           // per distinct trigger
        std::vector<std::optional<Result<json::Value>>> m_transforms; // per distinct mapping
    };

private:
    struct Compiled
    {
        qsizetype trigger = 0; ///< into m_triggers
        qsizetype mapping = 0; ///< into m_mappings
    };
    template<typename Compile>
    static qsizetype addDistinct(std::vector<json::Value> &sources, const json::Value &source, Compile &&compile);

    std::vector<Compiled> m_subscriptions;
    std::vector<json::Value> m_triggerSources;
    std::vector<fql::Trigger> m_triggers;
    std::vector<json::Value> m_mappingSources;
    std::vector<mapping::Mapper> m_mappings;
};

} // namespace inkmapper::preview
