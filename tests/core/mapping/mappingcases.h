#pragma once

// Shared by the mapping tests: loading the cases whose expectations Segment's own engine produced
// (data/make-cases.js) and showing a transform result the way those files record it.

#include "json/object.h"
#include "json/parser.h"
#include "json/writer.h"
#include "util/result.h"

#include <QFile>
#include <QString>

#include <vector>

namespace inkmapper::mapping::test {

/** One recorded case: a mapping, an event and what Segment's transform() did with them. */
struct MappingCase
{
    QString name;
    json::Value mapping;
    json::Value event;
    bool expectError = false;
    QString expected; ///< the output as JSON text ("undefined" for no result), or the error message
};

/** JSON.stringify of a result, "undefined" when there is none. */
inline QString outputText(const json::Value &value)
{
    const QString text = json::toJsonString(value);
    return text.isNull() ? QStringLiteral("undefined") : text;
}

/** Reads a case file; a malformed file fails the test that uses it through an empty list. */
inline std::vector<MappingCase> loadCases(const QString &fileName)
{
    std::vector<MappingCase> cases;
    QFile file(fileName);
    if (!file.open(QIODevice::ReadOnly))
        return cases;
    for (const QByteArray &line : file.readAll().split('\n')) {
        if (line.trimmed().isEmpty())
            continue;
        const Result<json::Value> parsed = json::parse(QByteArrayView(line));
        if (!parsed || !parsed->isObject())
            return {};
        const json::Object &object = parsed->toObject();
        MappingCase c;
        c.name = object.value(u"name").toString();
        // The mapping and event are stored as text so that key order and `__proto__` keys survive.
        const Result<json::Value> mapping = json::parse(QStringView(object.value(u"mapping").toString()));
        const Result<json::Value> event = json::parse(QStringView(object.value(u"event").toString()));
        if (!mapping || !event)
            return {};
        c.mapping = mapping.value();
        c.event = event.value();
        if (const json::Value *error = object.find(u"error")) {
            c.expectError = true;
            c.expected = error->toString();
        } else {
            const json::Value output = object.value(u"output");
            c.expected = output.isNull() ? QStringLiteral("undefined") : output.toString();
        }
        cases.push_back(std::move(c));
    }
    return cases;
}

} // namespace inkmapper::mapping::test
