#pragma once

#include "senttest.h"

#include <QString>
#include <QStringList>

namespace inkmapper::delivery {

/** An exchange as a person reads it: bodies laid out, and the whole test as lines to compare with another. */
class ExchangeText
{
public:
    /** The body pretty-printed (two-space indent) when it is JSON, else the text as it came (as UTF-8). */
    static QString readableBody(const QByteArray &body);

    /**
     * The test as lines, request then response, in the order a person checks them: the mapping, the request
     * line, its header fields and its body laid out, then the status (or the failure), the response's header
     * fields and body. Two tests compared line by line show what changed between them. The time sent and the
     * durations are left out: they always differ and say nothing about the content.
     */
    static QStringList forComparison(const SentTest &test);
};

} // namespace inkmapper::delivery
