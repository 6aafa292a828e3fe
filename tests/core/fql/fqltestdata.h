#pragma once

#include "json/parser.h"
#include "json/value.h"
#include "json/writer.h"

#include <QFile>
#include <QTest>

#include <vector>

namespace inkmapper::fql::testing {

/** One parsed line of a JSON Lines test data file, with its 1-based line number. */
struct DataLine
{
    int number = 0;
    json::Value value;
};

/** Reads a JSON Lines file of data/ (found with QFINDTESTDATA by the caller); fails the test on bad data. */
inline std::vector<DataLine> readJsonLines(const QString &path)
{
    std::vector<DataLine> lines;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        qWarning("cannot open test data %s", qPrintable(path));
        return lines;
    }
    int number = 0;
    while (!file.atEnd()) {
        const QByteArray line = file.readLine().trimmed();
        ++number;
        if (line.isEmpty())
            continue;
        auto parsed = json::parse(QByteArrayView(line));
        if (!parsed.ok() || !parsed.value().isObject()) {
            qWarning("%s:%d is not a JSON object", qPrintable(path), number);
            continue;
        }
        lines.push_back({number, parsed.value()});
    }
    return lines;
}

/** JSON.stringify of a value, as text for readable QCOMPARE failures (undefined shows as "undefined"). */
inline QString jsonText(const json::Value &v)
{
    const QString text = json::toJsonString(v);
    return text.isNull() ? QStringLiteral("undefined") : text;
}

/** A short printable label for a data row: JSON-quoted and cut to 60 characters. */
inline QByteArray rowLabel(int line, const json::Value &v)
{
    QString text = jsonText(v);
    if (text.size() > 60)
        text = text.left(57) + QStringLiteral("...");
    return QByteArray::number(line) + ": " + text.toUtf8();
}

} // namespace inkmapper::fql::testing
