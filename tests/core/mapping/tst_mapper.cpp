// Mapper: a mapping prepared once gives exactly what transform() gives, event after event, from
// several threads, for every conformance vector.

#include "mappingcases.h"

#include "mapping/cleanup.h"
#include "mapping/mapper.h"
#include "mapping/transform.h"

#include "json/object.h"
#include "json/parser.h"

#include <QFile>
#include <QTest>

#include <thread>

using namespace inkmapper;
using namespace Qt::StringLiterals;

class TestMapper : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void agreesOnVectors();
    void reusedAcrossEvents();
    void error();
    void eventCheckedFirst();
    void copiesShareState();
    void threads();

private:
    struct Line
    {
        json::Value mapping;
        json::Value event;
    };
    std::vector<Line> m_lines;
};

namespace {

json::Value parsed(const QString &text)
{
    const Result<json::Value> value = json::parse(QStringView(text));
    return value.ok() ? value.value() : json::Value();
}

/** A result as comparable text: the output, or the error with its location. */
QString shown(const Result<json::Value> &result)
{
    if (!result.ok())
        return u"error: "_s + result.error().message + u" at "_s + result.error().location.path;
    return mapping::test::outputText(*result);
}

} // namespace

void TestMapper::initTestCase()
{
    QFile file(QFINDTESTDATA("../../data/conformance/mapping.jsonl"));
    QVERIFY2(file.open(QIODevice::ReadOnly), "tests/data/conformance/mapping.jsonl not found");
    for (const QByteArray &text : file.readAll().split('\n')) {
        if (text.isEmpty())
            continue;
        const Result<json::Value> line = json::parse(QByteArrayView(text));
        QVERIFY(line.ok() && line->isObject());
        m_lines.push_back({line->toObject().value(u"mapping"), line->toObject().value(u"event")});
    }
    QCOMPARE(m_lines.size(), size_t(1500));
}

void TestMapper::agreesOnVectors()
{
    for (const Line &line : m_lines) {
        const mapping::Mapper mapper(line.mapping);
        const QString expected = shown(mapping::transform(line.mapping, line.event));
        QCOMPARE(shown(mapper.transform(line.event)), expected);
        QCOMPARE(shown(mapper.transform(line.event)), expected); // and again: nothing was used up
        if (mapping::isFreeOfUndefined(line.event))
            QCOMPARE(shown(mapper.transformCleanEvent(line.event)), expected);
    }
}

void TestMapper::reusedAcrossEvents()
{
    // Every vector's mapping against a handful of other vectors' events.
    for (size_t i = 0; i < m_lines.size(); i += 7) {
        const mapping::Mapper mapper(m_lines[i].mapping);
        for (size_t j = i; j < m_lines.size() && j < i + 40; j += 9) {
            const json::Value &event = m_lines[j].event;
            QCOMPARE(shown(mapper.transform(event)), shown(mapping::transform(m_lines[i].mapping, event)));
        }
    }
}

void TestMapper::error()
{
    QCOMPARE(mapping::Mapper(parsed(u"{\"a\":{\"@path\":\"$.x\"}}"_s)).error(), nullptr);
    const mapping::Mapper invalid(parsed(u"{\"a\":{\"@path\":1}}"_s));
    QVERIFY(invalid.error());
    QCOMPARE(invalid.error()->message, u"/a/@path should be a string or a mapping directive but it is a number."_s);
    QCOMPARE(invalid.error()->location.path, u"a.@path"_s);
    const mapping::Mapper nullMapping{json::Value(nullptr)};
    QVERIFY(nullMapping.error());
    QCOMPARE(nullMapping.error()->message, u"Cannot convert undefined or null to object"_s);
}

void TestMapper::eventCheckedFirst()
{
    // Segment checks the event before it looks at the mapping.
    const mapping::Mapper invalid(parsed(u"{\"a\":{\"@path\":1}}"_s));
    const Result<json::Value> result = invalid.transform(json::Value(json::Array()));
    QVERIFY(!result.ok());
    QCOMPARE(result.error().message, u"data must be an object, got array"_s);
    QCOMPARE(shown(invalid.transform(parsed(u"{}"_s))), shown(mapping::transform(parsed(u"{\"a\":{\"@path\":1}}"_s), parsed(u"{}"_s))));
}

void TestMapper::copiesShareState()
{
    const mapping::Mapper original(parsed(u"{\"v\":{\"@template\":\"{{a}}-{{b}}\"}}"_s));
    mapping::Mapper copy = original;
    QCOMPARE(shown(copy.transform(parsed(u"{\"a\":1,\"b\":2}"_s))), u"{\"v\":\"1-2\"}"_s);
    copy = mapping::Mapper(parsed(u"{\"w\":1}"_s));
    QCOMPARE(shown(original.transform(parsed(u"{\"a\":3}"_s))), u"{\"v\":\"3-\"}"_s);
    QCOMPARE(shown(copy.transform(parsed(u"{}"_s))), u"{\"w\":1}"_s);
}

void TestMapper::threads()
{
    // One Mapper, four threads, many events: the prepared state is only read.
    const mapping::Mapper mapper(parsed(
        u"{\"t\":{\"@template\":\"{{i}}\"},\"p\":{\"@arrayPath\":[\"$.items\",{\"n\":{\"@path\":\"$.n\"}}]},"
        "\"x\":{\"@transform\":{\"apply\":{\"k\":{\"@path\":\"$.i\"}},\"mapping\":{\"@path\":\"$.k\"}}}}"_s));
    std::vector<int> failures(4, 0);
    std::vector<std::thread> workers;
    for (int t = 0; t < 4; ++t) {
        workers.emplace_back([&mapper, &failures, t] {
            for (int i = 0; i < 2000; ++i) {
                const QString event = u"{\"i\":%1,\"items\":[{\"n\":%1},{\"n\":%2}]}"_s.arg(i).arg(t);
                const QString expected = u"{\"t\":\"%1\",\"p\":[{\"n\":%1},{\"n\":%2}],\"x\":%1}"_s.arg(i).arg(t);
                if (shown(mapper.transform(parsed(event))) != expected)
                    ++failures[size_t(t)];
            }
        });
    }
    for (std::thread &worker : workers)
        worker.join();
    QCOMPARE(failures, std::vector<int>(4, 0));
}

QTEST_GUILESS_MAIN(TestMapper)
#include "tst_mapper.moc"
