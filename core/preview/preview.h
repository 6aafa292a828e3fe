#pragma once

#include "previewinputs.h"
#include "previewresult.h"

#include "destination/httprequest.h"
#include "destination/readinessfinding.h"
#include "fql/explanation.h"
#include "json/value.h"

#include <QString>

#include <vector>

namespace inkmapper::preview {

/**
 * "What would Movable Ink receive for this event and this mapping": the one-shot preview, and the ways
 * the app words and exports it (the banner sentence, a condition as FQL, copy as curl). To preview
 * many events against one mapping, compile a Previewer once instead.
 */
class Preview
{
public:
    /** The full preview of `inputs.event` for `inputs.mapping` (Previewer(inputs…).compute(inputs.event)). */
    static PreviewResult compute(const PreviewInputs &inputs);

    /**
     * One sentence for the outcome, e.g. `Matches — decided by: event = "Order Completed"`,
     * `Does not match — type = "track" was false for this event`, `Trigger error at column 14: …`.
     * A match whose request Segment fails to build adds the failure.
     */
    static QString summary(const PreviewResult &result);
    /** Why `result` has no request to send, in a few words (for a send that sends nothing). */
    static QString whyNothingIsSent(const PreviewResult &result);

    /**
     * Movable Ink readiness of what `result` sends for `event` (destination::ReadinessChecker over its
     * payload): empty when the trigger does not match `event` or the mapping makes no payload of it, since
     * then nothing is sent. A disabled mapping is checked as if enabled, as its preview is.
     */
    static std::vector<destination::ReadinessFinding> readiness(const PreviewResult &result, const json::Value &event);

    /**
     * The request warnings of `result` that `readiness` does not already state: the readiness rules judge
     * the mapped headers too (non-ASCII values, Authorization and Content-Type replaced), and one thing said
     * twice in two words is noise.
     */
    static QList<destination::RequestWarning> warningsBeyond(const PreviewResult &result,
                                                             const std::vector<destination::ReadinessFinding> &readiness);

    /** A condition of the tree as FQL (`event = "Order Completed"`); a group as "all of" / "any of". */
    static QString conditionText(const json::Value &condition);

    /** How a value the event holds reads in a condition list: JSON, or "missing" for undefined. Long
     *  values are cut at `maxLength` characters with an ellipsis. */
    static QString valueText(const json::Value &value, int maxLength = 80);

    /**
     * A copy-pasteable curl command (bash, zsh) that sends exactly `request`: method, URL, every header
     * in wire order, and the body bytes with `--data-raw`. Arguments are single-quoted; bytes that are
     * not UTF-8 text (latin-1 header values) are written as $'\xHH'. The Authorization value becomes
     * `Basic <redacted>` unless `revealSecret`. Headers curl would add on its own are switched off.
     */
    static QString toCurl(const destination::HttpRequest &request, bool revealSecret);

    /** A shell word for `bytes` as toCurl() quotes it. */
    static QString shellQuote(const QByteArray &bytes);
};

} // namespace inkmapper::preview
