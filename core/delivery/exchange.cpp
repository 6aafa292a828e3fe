#include "exchange.h"

namespace inkmapper::delivery {

QByteArray Exchange::responseHeader(QByteArrayView name) const
{
    for (const auto &[key, value] : responseHeaders) {
        if (QByteArrayView(key).compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

Timings::Phases Timings::phases() const
{
    Phases p;
    // Over plain http the request is written as soon as the socket connects: requestSent ends the connect.
    const qint64 connected = encrypted >= 0 ? encrypted : requestSent;
    if (connecting >= 0) {
        p.dns = connecting;
        if (connected >= 0)
            p.connect = connected - connecting;
    }
    if (requestSent >= 0) // on a reused connection, from the start: waiting for the connection, then writing
        p.send = requestSent - (connecting >= 0 ? connected : 0);
    if (firstByte >= 0 && requestSent >= 0)
        p.wait = firstByte - requestSent;
    if (firstByte >= 0 && total >= 0)
        p.receive = total - firstByte;
    return p;
}

Exchange Exchange::redacted() const
{
    Exchange copy = *this;
    copy.request = request.redacted();
    return copy;
}

} // namespace inkmapper::delivery
