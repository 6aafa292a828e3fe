#include "requestoutcome.h"

#include <utility>

namespace inkmapper::destination {

RequestOutcome RequestOutcome::sent(HttpRequest request, json::Value payload, QList<RequestWarning> warnings)
{
    RequestOutcome o;
    o.m_request = std::move(request);
    o.m_payload = std::move(payload);
    o.m_warnings = std::move(warnings);
    return o;
}

RequestOutcome RequestOutcome::notSent(QString reason)
{
    RequestOutcome o;
    o.m_reason = std::move(reason);
    return o;
}

} // namespace inkmapper::destination
