#pragma once

#include <QByteArray>
#include <QString>

namespace inkmapper::destination {

/**
 * The Authorization header of Segment's basic-auth middleware (actions-core add-basic-auth-header with
 * btoa-lite on Node): `Basic ` + base64 of the UTF-8 bytes of "username:password", lone surrogates
 * written as U+FFFD the way Node's Buffer encodes them.
 */
class BasicAuth
{
public:
    /** True when Segment adds the header at all: when either part is non-empty. */
    static bool applies(const QString &username, const QString &password);

    /** "Basic " + base64(utf8(username + ":" + password)). */
    static QByteArray headerValue(const QString &username, const QString &password);

    /** Node's Buffer.from(string) / new Buffer(string): UTF-8, each lone surrogate as EF BF BD. */
    static QByteArray nodeUtf8(QStringView text);
};

} // namespace inkmapper::destination
