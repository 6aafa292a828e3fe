#pragma once

#include "exchange.h"

#include "json/value.h"
#include "util/result.h"

namespace inkmapper::delivery {

/**
 * An Exchange as JSON and back, exactly: request (endpoint, header fields with their origin, body), response,
 * network error, certificates (PEM) and timings. What the session's history is kept in between runs
 * (project::WorkspaceFile). Byte strings that are not UTF-8 are written as base64, so nothing is altered.
 * Write redacted exchanges only: the codec keeps whatever it is given.
 */
class ExchangeCodec
{
public:
    static json::Value toJson(const Exchange &exchange);
    /** The exchange toJson() wrote; an Error naming the member at fault (`response.status`) otherwise. */
    static Result<Exchange> fromJson(const json::Value &value);
};

} // namespace inkmapper::delivery
