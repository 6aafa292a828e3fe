#pragma once

#include "exchange.h"

#include <QByteArray>
#include <QString>

#include <vector>

namespace inkmapper::delivery {

/**
 * Exchanges as a HAR 1.2 document (the HTTP Archive format browsers' developer tools and proxies read), to hand
 * a test to someone else or open it in another tool. The exchanges are written as given: pass redacted ones
 * unless the secret is meant to travel with the file.
 */
class Har
{
public:
    static QByteArray write(const std::vector<Exchange> &exchanges, const QString &creatorVersion);
};

} // namespace inkmapper::delivery
