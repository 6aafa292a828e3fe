#include "previewrendering.h"

#include "json/object.h"
#include "json/parser.h"
#include "json/writer.h"

namespace inkmapper::ui {

QString PreviewRendering::prettyBody(const preview::PreviewResult &result)
{
    const QByteArray &body = result.request->body();
    const json::WriteOptions pretty{2};
    // The body is JSON.stringify of the payload's data: when writing the data again gives exactly the body,
    // laying the data out is laying the body out, and a 1 MB body need not be parsed back.
    if (result.payload.isObject()) {
        const json::Value data = result.payload.toObject().value(u"data");
        if (const std::optional<QByteArray> written = json::stringify(data); written && *written == body)
            return json::toJsonString(data, pretty);
    }
    const Result<json::Value> parsed = json::parse(QByteArrayView(body));
    return parsed && !body.isEmpty() ? json::toJsonString(parsed.value(), pretty) : QString::fromUtf8(body);
}

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
        out.bodyPretty = prettyBody(out.result);
    }
    return out;
}

} // namespace inkmapper::ui
