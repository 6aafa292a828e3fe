#pragma once

#include "httprequest.h"

#include "json/value.h"
#include "util/result.h"

#include <QString>

namespace inkmapper::destination::Internal {

/**
 * One `request(url, {method, headers, json})` call through Segment's request client, reproduced down to
 * the bytes: actions-core's createRequestClient (default user-agent, the basic-auth beforeRequest hook
 * fed by the destination's extendRequest) and request-client (its options merge and header merge, the
 * `json` body), node-fetch 2.6.1 (Headers validation, Request re-parsing the URL with Node's legacy
 * url.parse on every copy, getNodeRequestOptions) and Node 20's http client (path and port checks, the
 * Host header, an Authorization header from URL user info).
 *
 * Fails exactly where that stack throws before anything is sent, with its message.
 */
class RequestClient
{
public:
    /** The arguments of the call and the auth options extendRequest adds. */
    struct Call
    {
        QString url;
        QByteArray method = QByteArrayLiteral("POST");
        json::Value headers; ///< undefined or an object (the validated payload.headers)
        json::Value json;    ///< undefined or the value to JSON-encode as the body
        QString username;
        QString password;
    };

    /** The request node would write, or the Error the call throws. */
    static Result<HttpRequest> execute(const Call &call);

    /** The User-Agent Segment's client sends. */
    static QByteArray userAgent();
};

} // namespace inkmapper::destination::Internal
