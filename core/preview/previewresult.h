#pragma once

#include "destination/httprequest.h"
#include "destination/requestwarning.h"
#include "fql/explanation.h"
#include "json/value.h"
#include "util/result.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace inkmapper::preview {

/**
 * What Movable Ink would receive for one event and one mapping, stage by stage: the trigger (parse
 * error, or every condition's outcome and the one that decided it), the payload the mapping produces,
 * and the HTTP request Segment sends, sends not, or fails to build. Produced by Preview / Previewer.
 */
struct PreviewResult
{
    /** How the trigger fared against the event. */
    enum class Match {
        Matches,         ///< the trigger matches: Segment runs the action
        NoMatch,         ///< the trigger does not match: nothing is sent
        TriggerError,    ///< the trigger is empty or does not parse: nothing is sent
        EvaluationError, ///< Segment's evaluator throws on this event
    };

    /** What happens at the HTTP stage. */
    enum class Delivery {
        Sent,    ///< `request` is what Segment sends
        NotSent, ///< Segment sends nothing and says why (`notSentReason`)
        Failed,  ///< Segment's runtime throws before sending (`requestError`)
    };

    Match match = Match::NoMatch;
    /** For TriggerError: the parse error (its location has the 1-based column); for EvaluationError: what
     *  the evaluator throws. Empty otherwise. */
    Error triggerError;
    /** Every condition's outcome, the root first (empty when the trigger does not parse). */
    fql::Explanation explanation;
    /** The index in explanation.conditions of the condition that settled the outcome, or -1. */
    int decidingCondition = -1;

    /** True when the mapping was applied to the event (always, except for non-matching events in an
     *  outcome-only computation). */
    bool payloadComputed = false;
    /** The payload: the validated one Segment sends when `payloadValidated`, otherwise mapping::transform's
     *  result (possibly undefined). Undefined when `payloadError` is set. */
    json::Value payload;
    /** True when `payload` is the action's payload after empty-value removal and validation. */
    bool payloadValidated = false;
    /** The transform's error, with the mapping key path in its location when known. */
    std::optional<Error> payloadError;

    Delivery delivery = Delivery::NotSent;
    /** The request as Segment writes it, with the real Authorization value: redact before showing. */
    std::optional<destination::HttpRequest> request;
    /** Segment's output when nothing is sent ("not subscribed", "Invalid subscription : …"). */
    QString notSentReason;
    /** Where Segment's runtime throws (settings, mapping, payload validation, URL, headers). */
    std::optional<Error> requestError;
    /** InkMapper's advice about the request (non-ASCII header values, http:// off loopback, …). */
    QList<destination::RequestWarning> warnings;
    /** Facts about the inputs worth telling the user (a disabled mapping). */
    QStringList notes;

    /** True when the trigger or Segment's runtime fails (a cell the matrix marks as an error). */
    bool hasError() const
    {
        return match == Match::TriggerError || match == Match::EvaluationError || delivery == Delivery::Failed;
    }
};

} // namespace inkmapper::preview
