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

Exchange Exchange::redacted() const
{
    Exchange copy = *this;
    copy.request = request.redacted();
    return copy;
}

} // namespace inkmapper::delivery
