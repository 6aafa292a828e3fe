#pragma once

#include <QByteArray>

namespace inkmapper::destination {

/** One header field of an HttpRequest, with the exact bytes Segment's Node.js client writes. */
struct HttpHeader
{
    /** Who put the field on the request. */
    enum class Origin {
        Client,         ///< Segment's request client or node-fetch: user-agent, authorization, content-type, accept
        Mapping,        ///< the mapping's headers field
        Transport,      ///< node-fetch/http framing: content-length, accept-encoding, connection, host
        UrlCredentials, ///< node's http client turning user info in the URL into an Authorization header
    };

    QByteArray name;  ///< as written on the wire (case kept)
    QByteArray value; ///< the bytes after ": " (latin-1: one byte per character)
    Origin origin = Origin::Client;

    friend bool operator==(const HttpHeader &, const HttpHeader &) = default;
};

} // namespace inkmapper::destination
