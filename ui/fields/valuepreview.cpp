#include "valuepreview.h"

#include "json/object.h"
#include "json/writer.h"
#include "mapping/transform.h"

#include <algorithm>

namespace inkmapper::ui {

Result<json::Value> ValuePreview::resolve(const json::Value &mappingValue, const json::Value &event)
{
    // Wrapping the value in an object lets the engine treat it as one key of a mapping, which is how
    // Segment resolves a field: validation, the directive and the removal of undefined members.
    json::Object wrapper;
    wrapper.set(QStringLiteral("v"), mappingValue);
    const Result<json::Value> result = mapping::transform(json::Value(std::move(wrapper)), event);
    if (!result)
        return result.error();
    if (!result->isObject())
        return json::Value();
    return result->toObject().value(u"v");
}

QString ValuePreview::oneLine(const json::Value &value, int maxLength)
{
    if (value.isUndefined())
        return QStringLiteral("undefined");
    // Only the start is shown: a one-line preview of a 1 MB event must not write the whole event. A UTF-16
    // unit takes at most 3 bytes of UTF-8 (a pair 4), so this many bytes hold more than maxLength units.
    json::WriteOptions options;
    options.stopAfter = size_t(std::max(maxLength, 1)) * 3 + 4;
    QString text = json::toJsonString(value, options);
    if (text.isNull())
        text = QStringLiteral("undefined");
    if (text.size() > maxLength)
        text = text.left(maxLength - 1) + QChar(0x2026);
    return text;
}

QString ValuePreview::describeResolution(const json::Value &mappingValue, const json::Value &event, int maxLength)
{
    const Result<json::Value> resolved = resolve(mappingValue, event);
    if (!resolved)
        return QStringLiteral("Error: %1").arg(resolved.error().message);
    if (resolved->isUndefined())
        return QStringLiteral("(no value: the key is left out)");
    return oneLine(*resolved, maxLength);
}

} // namespace inkmapper::ui
