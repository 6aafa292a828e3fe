#pragma once

#include "util/result.h"

#include <QString>

#include <optional>

namespace inkmapper::destination::Internal {

/**
 * Node.js 20's legacy `url.parse()` / `url.format()` (lib/url.js), which node-fetch 2.6.1 uses for every
 * request URL. It differs from WHATWG URL parsing in ways the request shows: dot segments stay, spaces
 * and a few other characters are percent-escaped, non-ASCII path characters stay as they are,
 * backslashes before the query become slashes, `[`-less hosts stop at the first invalid character.
 *
 * Fields mirror the JavaScript object: nullopt where Node leaves `null`.
 */
class LegacyUrl
{
public:
    std::optional<QString> protocol; ///< lower case, with the trailing ':'
    bool slashes = false;
    std::optional<QString> auth; ///< percent-decoded user info
    std::optional<QString> host; ///< hostname plus ":port" (IPv6 in brackets)
    std::optional<QString> port; ///< digits only, may be empty of meaning ("0", "047231")
    std::optional<QString> hostname; ///< lower case, punycode, IPv6 without brackets
    std::optional<QString> hash;
    std::optional<QString> search;
    std::optional<QString> query;
    std::optional<QString> pathname;
    std::optional<QString> path; ///< pathname + search: the request target node's http client sends
    QString href;

    /** url.parse(text). Fails where Node throws: "Invalid URL" (a host that punycode or the forbidden
     *  character check refuses) and "URI malformed" (bad percent-encoding in the user info). */
    static Result<LegacyUrl> parse(const QString &text);

    /** url.format(this). Fails only for user info ending in a lone high surrogate ("URI malformed"). */
    Result<QString> format() const;

    /** JavaScript's decodeURIComponent; nullopt where it throws URIError. */
    static std::optional<QString> decodeUriComponent(const QString &s);
};

} // namespace inkmapper::destination::Internal
