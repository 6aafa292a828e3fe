#pragma once

#include <QString>

namespace inkmapper::destination::Internal {

/**
 * The IDNA "domain to ASCII" step of Node 20's legacy url.parse (ada's to_ascii): UTS #46
 * non-transitional mapping without the STD3 rules or hyphen checks, NFC, Punycode, and ada's label
 * checks (no leading combining mark, joiners in context, its own lax Bidi rule). An all-ASCII domain is
 * only lower-cased and its "xn--" labels verified. Mapping uses Qt's IDNA tables one code point at a time.
 */
class Idna
{
public:
    /** The ASCII form of a (lower-cased) host name; an empty string means Node refuses the host. */
    static QString toAscii(const QString &domain);
};

} // namespace inkmapper::destination::Internal
