#include "exchangetext.h"

#include "failure.h"

#include "json/parser.h"
#include "json/writer.h"

namespace inkmapper::delivery {

QString ExchangeText::readableBody(const QByteArray &body)
{
    const Result<json::Value> parsed = json::parse(QByteArrayView(body));
    return parsed && !body.isEmpty() ? json::toJsonString(*parsed, json::WriteOptions{2}) : QString::fromUtf8(body);
}

QStringList ExchangeText::forComparison(const SentTest &test)
{
    const Exchange &e = test.exchange;
    QStringList lines;
    lines << QStringLiteral("Mapping: %1").arg(test.mapping);
    lines << QStringLiteral("%1 %2").arg(QString::fromLatin1(e.request.method()), e.request.url());
    for (const destination::HttpHeader &header : e.request.destinationHeaders())
        lines << QString::fromLatin1(header.name) + QStringLiteral(": ") + QString::fromLatin1(header.value);
    lines << QString();
    lines << readableBody(e.request.body()).split(u'\n');
    lines << QString();
    if (e.hasResponse()) {
        lines << QStringLiteral("HTTP %1 %2").arg(e.status).arg(QString::fromLatin1(e.reasonPhrase));
        for (const auto &[name, value] : e.responseHeaders)
            lines << QString::fromLatin1(name) + QStringLiteral(": ") + QString::fromLatin1(value);
        lines << QString();
        lines << readableBody(e.responseBody).split(u'\n');
    } else if (const std::optional<Failure> failure = Failure::of(e)) {
        lines << QStringLiteral("No answer: %1").arg(failure->title);
    }
    return lines;
}

} // namespace inkmapper::delivery
