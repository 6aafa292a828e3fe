#pragma once

#include <QString>

namespace inkmapper::destination {

/**
 * Something about a request that Segment sends without complaint but that is probably not what the
 * user wants. Warnings never stop a request; they are InkMapper's own advice, not Segment behaviour.
 */
struct RequestWarning
{
    enum class Kind {
        NonAsciiHeaderValue,   ///< a mapped value with latin-1 characters (the destination's docs say ASCII only)
        InsecureUrl,           ///< an http:// URL to a host that is not loopback: credentials travel in clear
        UrlCredentialsSent,    ///< username and password are empty, so node sends the URL's user info instead
        UrlCredentialsIgnored, ///< the URL carries user info that Segment's Authorization header overrides
        HeaderOverwritten,     ///< a mapped header Segment's client replaces (Content-Type, Authorization, Content-Length)
        HeaderRemoved,         ///< a mapped value "undefined", which makes Segment delete the header
        TransportHeaderMapped, ///< a mapped framing header (Host, Connection, Transfer-Encoding, …)
    };

    Kind kind;
    QString message;
    QString headerName; ///< the header concerned, in lower case; empty for URL warnings

    friend bool operator==(const RequestWarning &, const RequestWarning &) = default;
};

} // namespace inkmapper::destination
