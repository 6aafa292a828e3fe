#pragma once

#include "destination/httprequest.h"

#include <QUrl>

namespace inkmapper::delivery {

/**
 * How Segment's client, node-fetch 2, follows a redirect, which the Sender does by hand (Qt's own policies
 * keep the Authorization header on the way to another host):
 * - 301, 302, 303, 307 and 308 with a Location are followed, at most MaxRedirects times;
 * - 303, and 301/302 after a POST, become a GET without a body; 307 and 308 repeat the request;
 * - the credentials (Authorization, Cookie) go on only to the same host, or from a subdomain to its parent
 *   domain, over the same scheme: a redirect to another host or from https to http leaves them behind, so
 *   the Access Secret never reaches a server the user did not name, nor travels in clear.
 */
class RedirectPolicy
{
public:
    static constexpr int MaxRedirects = 20;

    /** A status node-fetch follows. */
    static bool isRedirect(int status);
    /** The request the client sends next when `from` is answered `status` with a Location resolving to `to`. */
    static destination::HttpRequest follow(const destination::HttpRequest &from, int status, const QUrl &to);
    /** Whether the credentials of a request to `from` go on to `to` (node-fetch's isDomainOrSubdomain and
     *  isSameProtocol). */
    static bool keepsCredentials(const QUrl &from, const QUrl &to);
};

} // namespace inkmapper::delivery
