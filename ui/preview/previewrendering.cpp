#include "previewrendering.h"

#include "preview/preview.h"

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

PreviewRendering PreviewRendering::render(const preview::Previewer &previewer, const json::Value &event, Text shown)
{
    PreviewRendering out;
    out.result = previewer.compute(event);
    out.fql = previewer.mapping().subscribe;
    out.readiness = preview::Preview::readiness(out.result, event);
    const bool large = out.result.request && out.result.request->body().size() > LargeBody;
    for (const Text which : {Text::Payload, Text::BodyPretty, Text::BodyExact}) {
        if (!large || which == shown)
            out.m_texts[size_t(which)] = out.makeText(which);
    }
    return out;
}

const QString &PreviewRendering::text(Text which)
{
    std::optional<QString> &made = m_texts[size_t(which)];
    if (!made)
        made = makeText(which);
    return *made;
}

QString PreviewRendering::makeText(Text which) const
{
    switch (which) {
    case Text::Payload:
        if (!result.payloadComputed || result.payloadError)
            return {};
        return result.payload.isUndefined() ? QStringLiteral("undefined")
                                            : json::toJsonString(result.payload, json::WriteOptions{2});
    case Text::BodyPretty:
        return result.request ? prettyBody(result) : QString();
    case Text::BodyExact:
        return result.request ? QString::fromUtf8(result.request->body()) : QString();
    }
    return {};
}

} // namespace inkmapper::ui
