#pragma once

#include "httprequest.h"
#include "requestwarning.h"

#include "json/value.h"

#include <QList>
#include <QString>

#include <optional>

namespace inkmapper::destination {

/**
 * What Segment does with one event for one subscription when it does not fail: either it sends a request
 * (request(), with the validated payload and InkMapper's warnings), or it sends nothing and says why
 * (Segment's result output, e.g. "not subscribed").
 */
class RequestOutcome
{
public:
    /** A request is sent. */
    static RequestOutcome sent(HttpRequest request, json::Value payload, QList<RequestWarning> warnings);
    /** Nothing is sent; `reason` is Segment's output ("not subscribed", "Invalid subscription : …"). */
    static RequestOutcome notSent(QString reason);

    bool isSent() const { return m_request.has_value(); }
    /** The request; only valid when isSent(). */
    const HttpRequest &request() const { return *m_request; }
    /** The action's payload after mapping, empty-value removal and validation ({headers?, data?}). */
    const json::Value &payload() const { return m_payload; }
    /** Why nothing is sent (empty when sent). */
    const QString &reason() const { return m_reason; }
    /** InkMapper's advice about the request (empty when nothing is sent). */
    const QList<RequestWarning> &warnings() const { return m_warnings; }

private:
    RequestOutcome() = default;

    std::optional<HttpRequest> m_request;
    json::Value m_payload;
    QString m_reason;
    QList<RequestWarning> m_warnings;
};

} // namespace inkmapper::destination
