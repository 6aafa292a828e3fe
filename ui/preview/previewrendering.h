#pragma once

#include "preview/previewer.h"
#include "preview/previewresult.h"

#include "json/value.h"

#include <QString>

namespace inkmapper::ui {

/**
 * A preview ready to show: the result and the text forms that are costly for a large event (the payload
 * and the body as pretty JSON, the body's exact bytes as text), made off the GUI thread in one go.
 */
struct PreviewRendering
{
    /** Computes the preview of `event` and formats it. Safe to call from any thread. */
    static PreviewRendering render(const preview::Previewer &previewer, const json::Value &event);
    /** The request body of `result` (which must have a request) re-indented with 2 spaces, or as is if not JSON. */
    static QString prettyBody(const preview::PreviewResult &result);

    preview::PreviewResult result;
    QString fql;         ///< the trigger the result is for (to point at a parse error's column)
    QString payloadText; ///< the payload as JSON.stringify(payload, null, 2); empty when there is none
    QString bodyPretty;  ///< the body re-indented (2 spaces) when it is JSON, else the exact text
    QString bodyExact;   ///< the body bytes as UTF-8 text, exactly as sent
};

} // namespace inkmapper::ui
