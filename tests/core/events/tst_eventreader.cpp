#include "events/eventreader.h"

#include "json/object.h"

#include <QTest>

using namespace inkmapper;
using Format = events::EventReadResult::Format;

class TestEventReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void formats_data();
    void formats();
    void errors_data();
    void errors();
    void badJsonLinesKeepTheGoodOnes();
    void eventsRememberTheirLine();
    void singleEventStartsAfterBlankLines();
    void arrayEventsRememberTheirLine_data();
    void arrayEventsRememberTheirLine();
};

void TestEventReader::formats_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("format");
    QTest::addColumn<int>("count");
    QTest::newRow("empty") << QByteArray(" \n\t\n") << int(Format::Empty) << 0;
    QTest::newRow("one event") << QByteArray(R"({"type":"track","event":"A"})") << int(Format::SingleEvent) << 1;
    QTest::newRow("pretty-printed event (debugger raw view)")
        << QByteArray("{\n  \"type\": \"identify\",\n  \"userId\": \"u1\"\n}\n") << int(Format::SingleEvent) << 1;
    QTest::newRow("array") << QByteArray(R"([{"type":"page"},{"type":"screen"}])") << int(Format::Array) << 2;
    QTest::newRow("empty array") << QByteArray("[]") << int(Format::Array) << 0;
    QTest::newRow("JSON Lines") << QByteArray("{\"type\":\"track\"}\n\n{\"type\":\"page\"}\r\n{\"type\":\"alias\"}") << int(Format::JsonLines) << 3;
    QTest::newRow("byte order mark") << QByteArray("\xEF\xBB\xBF{\"type\":\"track\"}") << int(Format::SingleEvent) << 1;
}

void TestEventReader::formats()
{
    QFETCH(QByteArray, text);
    QFETCH(int, format);
    QFETCH(int, count);
    const auto result = events::EventReader::read(QByteArrayView(text), QStringLiteral("t.json"));
    QCOMPARE(int(result.format), format);
    QCOMPARE(int(result.events.size()), count);
    QVERIFY(result.errors.empty());
}

void TestEventReader::errors_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("messagePart");
    QTest::newRow("truncated pretty event") << QByteArray("{\n  \"type\": \"track\",\n  \"event\": \"A\"\n") << 4 << 1 << QStringLiteral("end of input");
    QTest::newRow("trailing comma in array") << QByteArray("[\n {\"type\":\"track\"},\n]") << 3 << 1 << QStringLiteral("expected a value");
    QTest::newRow("array of numbers") << QByteArray("[\n 1]") << 2 << 1 << QStringLiteral("item 1 of the array is a number");
    QTest::newRow("a string") << QByteArray("\"track\"") << 1 << 1 << QStringLiteral("is a string");
    QTest::newRow("an array inside JSON Lines") << QByteArray("{}\n[]") << 2 << 1 << QStringLiteral("is an array");
}

void TestEventReader::errors()
{
    QFETCH(QByteArray, text);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QString, messagePart);
    const auto result = events::EventReader::read(QByteArrayView(text), QStringLiteral("t.json"));
    QCOMPARE(int(result.errors.size()), 1);
    QVERIFY2(result.errors[0].message.contains(messagePart), qPrintable(result.errors[0].message));
    QCOMPARE(result.errors[0].location.line, line);
    QCOMPARE(result.errors[0].location.column, column);
}

void TestEventReader::badJsonLinesKeepTheGoodOnes()
{
    const QByteArray text = "{\"type\":\"track\"}\n{\"type\":\"page\",}\n{\"type\":\"identify\"}\n";
    const auto result = events::EventReader::read(QByteArrayView(text), QStringLiteral("f.jsonl"));
    QCOMPARE(int(result.format), int(Format::JsonLines));
    QCOMPARE(int(result.events.size()), 2);
    QCOMPARE(int(result.errors.size()), 1);
    QCOMPARE(result.errors[0].location.line, 2);
    QCOMPARE(result.errors[0].location.column, 16);
}

void TestEventReader::eventsRememberTheirLine()
{
    const QByteArray text = "\n{\"type\":\"track\"}\n\n{\"type\":\"page\"}\n";
    const auto result = events::EventReader::read(QByteArrayView(text), QStringLiteral("f.jsonl"));
    QCOMPARE(int(result.events.size()), 2);
    QCOMPARE(result.events[1].line, 4);
    QCOMPARE(result.events[1].source, QStringLiteral("f.jsonl"));
    QCOMPARE(result.events[1].event.toObject().value(u"type").toString(), QStringLiteral("page"));
}

void TestEventReader::singleEventStartsAfterBlankLines()
{
    const auto result = events::EventReader::read(QByteArrayView("\n\n  {\"type\":\"track\"}\n"), QStringLiteral("e.json"));
    QCOMPARE(int(result.format), int(Format::SingleEvent));
    QCOMPARE(result.events.front().line, 3);
}

void TestEventReader::arrayEventsRememberTheirLine_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QList<int>>("lines");
    QTest::newRow("one per line") << QByteArray("[\n{\"type\":\"track\"},\n{\"type\":\"page\"}\n]") << QList<int>{2, 3};
    QTest::newRow("pretty, nested arrays and objects")
        << QByteArray("[\n  {\n    \"type\": \"track\",\n    \"properties\": {\"products\": [{\"sku\": \"A\"}, {}]}\n  },\n\n"
                      "  {\n    \"type\": \"page\"\n  }\n]")
        << QList<int>{2, 7};
    QTest::newRow("strings with brackets, commas and escaped quotes")
        << QByteArray("[{\"event\":\"a, [b] {c} \\\" ,\"},\n {\"event\":\"\\\\\"}, {\"type\":\"page\"}]") << QList<int>{1, 2, 2};
    QTest::newRow("several on the first line") << QByteArray("[{}, {},\n{}]") << QList<int>{1, 1, 2};
    QTest::newRow("after blank lines") << QByteArray("\n\r\n  [\n{}]") << QList<int>{4};
}

void TestEventReader::arrayEventsRememberTheirLine()
{
    QFETCH(QByteArray, text);
    QFETCH(QList<int>, lines);
    const auto result = events::EventReader::read(QByteArrayView(text), QStringLiteral("a.json"));
    QVERIFY(result.errors.empty());
    QCOMPARE(int(result.format), int(Format::Array));
    QList<int> found;
    for (const events::SampleEvent &e : result.events)
        found.append(e.line);
    QCOMPARE(found, lines);
}

QTEST_GUILESS_MAIN(TestEventReader)
#include "tst_eventreader.moc"
