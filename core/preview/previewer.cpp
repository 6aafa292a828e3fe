#include "previewer.h"

#include "fql/parser.h"
#include "json/object.h"

namespace inkmapper::preview {

namespace {

// The condition that settled the outcome: follow the decisive child from the root down, so that a
// nested group points at the leaf inside it that decided it.
int decidingCondition(const fql::Explanation &explanation)
{
    const std::vector<fql::ConditionResult> &conditions = explanation.conditions;
    if (conditions.empty())
        return -1;
    int current = 0;
    for (;;) {
        const std::vector<int> &parent = conditions[size_t(current)].path;
        int next = -1;
        for (size_t i = size_t(current) + 1; i < conditions.size(); ++i) {
            const std::vector<int> &path = conditions[i].path;
            // Pre-order: the subtree of `current` ends at the first node that is not below it.
            if (path.size() <= parent.size() || !std::equal(parent.begin(), parent.end(), path.begin()))
                break;
            if (path.size() == parent.size() + 1 && conditions[i].decisive) {
                next = int(i);
                break;
            }
        }
        if (next < 0)
            return current;
        current = next;
    }
}

} // namespace

Previewer::Previewer(const project::DestinationSettings &settings, const QString &secret,
                     const project::MappingConfig &mapping)
    : m_settings(settings)
    , m_secret(secret)
    , m_mapping(mapping)
    , m_settingsObject(destination::RequestBuilder::settingsObject(settings.movableInkUrl, settings.username, secret))
    , m_subscription(json::Value(mapping.subscribe))
    // `subscription.mapping || {}`, as destination-kit reads it.
    , m_effectiveMapping(mapping.mapping.isTruthy() ? mapping.mapping : json::Value(json::Object()))
    , m_mapper(m_effectiveMapping)
{
    if (mapping.subscribe.isEmpty()) {
        // Segment refuses an empty trigger before parsing it ("Failed to validate subscription").
        m_triggerError = Error{QStringLiteral("the trigger is empty, so Segment sends nothing"), {}};
        return;
    }
    Result<json::Value> ast = fql::parse(mapping.subscribe);
    if (!ast) {
        m_triggerError = ast.error();
        return;
    }
    m_trigger = fql::Trigger::compile(ast.value());
}

bool Previewer::isFor(const project::DestinationSettings &settings, const QString &secret,
                      const project::MappingConfig &mapping) const
{
    // The id, name and enabled flag do not change what is computed, but `notes` mention `enabled`.
    return m_settings == settings && m_secret == secret && m_mapping.subscribe == mapping.subscribe
        && m_mapping.enabled == mapping.enabled && m_mapping.mapping == mapping.mapping;
}

PreviewResult Previewer::compute(const json::Value &event, Detail detail,
                                 destination::MatchedRequestCache *sameEvent) const
{
    PreviewResult result;
    if (!m_mapping.enabled)
        result.notes.append(QStringLiteral("This mapping is disabled: Segment sends nothing until it is enabled. "
                                           "The preview shows what it would send."));

    if (m_triggerError) {
        result.match = PreviewResult::Match::TriggerError;
        result.triggerError = *m_triggerError;
    } else {
        result.explanation = m_trigger.explain(event);
        result.decidingCondition = decidingCondition(result.explanation);
        if (!result.explanation.outcome) {
            result.match = PreviewResult::Match::EvaluationError;
            result.triggerError = result.explanation.outcome.error();
        } else {
            result.match = result.explanation.outcome.value() ? PreviewResult::Match::Matches
                                                               : PreviewResult::Match::NoMatch;
        }
    }

    // The builder runs Segment's whole onEvent (settings, trigger, transform, validation, request), so
    // what it answers is exactly what Segment does; the stages above only explain it.
    Result<destination::RequestOutcome> outcome =
        m_builder.build(m_settingsObject, m_mapping.mapping, event, m_subscription, sameEvent);
    if (!outcome) {
        result.delivery = PreviewResult::Delivery::Failed;
        result.requestError = outcome.error();
    } else if (outcome->isSent()) {
        result.delivery = PreviewResult::Delivery::Sent;
        result.request = outcome->request();
        result.payload = outcome->payload();
        result.payloadValidated = true;
        result.payloadComputed = true;
        result.warnings = outcome->warnings();
        return result;
    } else {
        result.delivery = PreviewResult::Delivery::NotSent;
        result.notSentReason = outcome->reason();
    }

    // Nothing was sent: apply the mapping on its own, to show what it makes of this event and, when
    // Segment failed, whether the mapping is what failed.
    const bool wanted = detail == Detail::Full || result.delivery == PreviewResult::Delivery::Failed;
    if (wanted && !event.isArray()) {
        Result<json::Value> transformed = m_mapper.transform(event);
        result.payloadComputed = true;
        if (transformed)
            result.payload = std::move(transformed).value();
        else
            result.payloadError = transformed.error();
    }
    return result;
}

} // namespace inkmapper::preview
