#include "previewrendering.h"

#include "json/parser.h"
#include "json/writer.h"

namespace inkmapper::ui {

PreviewRendering PreviewRendering::render(const preview::Previewer &previewer, const json::Value &event)
{
    PreviewRendering out;
    out.result = previewer.compute(event);
    out.fql = previewer.mapping().subscribe;
    const json::WriteOptions pretty{2};
    if (out.result.payloadComputed && !out.result.payloadError)
        out.payloadText = out.result.payload.isUndefined() ? QStringLiteral("undefined")
                                                           : json::toJsonString(out.result.payload, pretty);
    if (out.result.request) {
        const QByteArray &body = out.result.request->body();
        out.bodyExact = QString::fromUtf8(body);
        // The body is JSON.stringify's output; re-parsing it gives the same value to lay out readably.
        const Result<json::Value> parsed = json::parse(QByteArrayView(body));
        out.bodyPretty = parsed && !body.isEmpty() ? json::toJsonString(parsed.value(), pretty) : out.bodyExact;
    }
    return out;
}

} // namespace inkmapper::ui
