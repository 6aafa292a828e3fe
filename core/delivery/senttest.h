#pragma once

#include "exchange.h"

#include <QString>

namespace inkmapper::delivery {

/** One test sent from the app: the name of the mapping that made the request, and the exchange (redacted). */
struct SentTest
{
    QString mapping;
    Exchange exchange;

    friend bool operator==(const SentTest &, const SentTest &) = default;
};

} // namespace inkmapper::delivery
