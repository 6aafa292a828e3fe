#include "events/eventstream.h"

#include "events/eventreader.h"
#include "json/object.h"

#include <QBuffer>
#include <QTest>

using namespace inkmapper;
using events::EventStream;
using Format = EventStream::Format;

Q_DECLARE_METATYPE(EventStream::Format)

namespace {

/**
 * A pipe-like device: sequential, and it hands out at most `step` bytes per read, so values and line breaks
 * straddle every read boundary.
 */
class TrickleDevice : public QIODevice
{
public:
    TrickleDevice(QByteArray data, qint64 step) : m_data(std::move(data)), m_step(step) { open(QIODevice::ReadOnly | QIODevice::Unbuffered); }
    bool isSequential() const override { return true; }

protected:
    qint64 readData(char *out, qint64 max) override
    {
        const qint64 n = qMin(qMin(max, m_step), qint64(m_data.size()) - m_pos);
        if (n <= 0)
            return -1; // the writer closed the pipe
        memcpy(out, m_data.constData() + m_pos, size_t(n));
        m_pos += n;
        return n;
    }
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    QByteArray m_data;
    qint64 m_step;
    qint64 m_pos = 0;
};

struct StreamResult
{
    std::vector<events::SampleEvent> events;
    std::vector<Error> errors;
    Format format = Format::Unknown;
    qint64 consumed = 0;
};

StreamResult readAll(QIODevice *device)
{
    StreamResult result;
    EventStream stream(device, QStringLiteral("input"));
    while (auto item = stream.next()) {
        if (item->ok())
            result.events.push_back(item->value());
        else
            result.errors.push_back(item->error());
    }
    result.format = stream.format();
    result.consumed = stream.bytesConsumed();
    return result;
}

StreamResult readAll(const QByteArray &text, qint64 step = 0)
{
    if (step > 0) {
        TrickleDevice device(text, step);
        return readAll(&device);
    }
    QBuffer buffer;
    buffer.setData(text);
    buffer.open(QIODevice::ReadOnly);
    return readAll(&buffer);
}

QString errorsOf(const StreamResult &r)
{
    QStringList lines;
    for (const Error &e : r.errors)
        lines.append(e.describe());
    return lines.join(u'\n');
}

} // namespace

class TestEventStream : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void formats_data();
    void formats();
    void sameEventsAsEventReader_data();
    void sameEventsAsEventReader();
    void errors_data();
    void errors();
    void errorsDoNotStopTheStream_data();
    void errorsDoNotStopTheStream();
    void eventsRememberTheirLine_data();
    void eventsRememberTheirLine();
    void valuesLargerThanAReadStep();
    void manyEvents();
};

void TestEventStream::formats_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<Format>("format");
    QTest::addColumn<int>("count");
    QTest::newRow("empty") << QByteArray() << Format::Empty << 0;
    QTest::newRow("whitespace") << QByteArray(" \n\t\r\n") << Format::Empty << 0;
    QTest::newRow("one event on one line") << QByteArray(R"({"type":"track"})") << Format::SingleEvent << 1;
    QTest::newRow("pretty-printed event") << QByteArray("{\n  \"type\": \"identify\",\n  \"userId\": \"u1\"\n}\n") << Format::SingleEvent << 1;
    QTest::newRow("array") << QByteArray(R"([{"type":"page"},{"type":"screen"}])") << Format::Array << 2;
    QTest::newRow("pretty array") << QByteArray("[\n  {\n    \"type\": \"page\"\n  },\n  {\"type\": \"screen\"}\n]\n") << Format::Array << 2;
    QTest::newRow("empty array") << QByteArray(" [ ] ") << Format::Array << 0;
    QTest::newRow("JSON Lines") << QByteArray("{\"type\":\"track\"}\n\n{\"type\":\"page\"}\r\n{\"type\":\"alias\"}") << Format::JsonLines << 3;
    QTest::newRow("jq output: pretty values one after another")
        << QByteArray("{\n  \"type\": \"track\"\n}\n{\n  \"type\": \"page\"\n}\n") << Format::Concatenated << 2;
    QTest::newRow("byte order mark") << QByteArray("\xEF\xBB\xBF{\"type\":\"track\"}") << Format::SingleEvent << 1;
    QTest::newRow("strings with brackets and escapes")
        << QByteArray("[{\"a\":\"]}\\\"[{\",\"b\":\"\\\\\"},\n{\"c\":\"}\"}]") << Format::Array << 2;
}

void TestEventStream::formats()
{
    QFETCH(QByteArray, text);
    QFETCH(Format, format);
    QFETCH(int, count);
    for (const qint64 step : {0, 1, 3}) {
        const StreamResult r = readAll(text, step);
        QVERIFY2(r.errors.empty(), qPrintable(errorsOf(r)));
        QCOMPARE(r.format, format);
        QCOMPARE(int(r.events.size()), count);
        QCOMPARE(r.consumed, qint64(text.size()));
    }
}

void TestEventStream::sameEventsAsEventReader_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::newRow("array with unicode") << QByteArray(R"([{"type":"track","properties":{"name":"Zoë 🛒","n":1e400}},{"2":"b","1":"a"}])");
    QTest::newRow("JSON Lines with lone surrogate") << QByteArray("{\"s\":\"\\ud800\"}\n{\"type\":\"page\",\"x\":[1,{\"y\":null}]}\n");
    QTest::newRow("pretty event") << QByteArray("{\n  \"type\": \"identify\",\n  \"traits\": {\"a\": [1, 2]}\n}");
}

void TestEventStream::sameEventsAsEventReader()
{
    QFETCH(QByteArray, text);
    const auto expected = events::EventReader::read(QByteArrayView(text), QStringLiteral("input"));
    const StreamResult r = readAll(text, 2);
    QVERIFY(r.errors.empty());
    QCOMPARE(r.events.size(), expected.events.size());
    for (size_t i = 0; i < r.events.size(); ++i)
        QCOMPARE(r.events[i].event, expected.events[i].event);
}

void TestEventStream::errors_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("messagePart");
    QTest::newRow("truncated pretty event") << QByteArray("{\n  \"type\": \"track\",\n  \"event\": \"A\"\n") << 4 << 1 << QStringLiteral("end of input");
    QTest::newRow("trailing comma in array") << QByteArray("[\n {\"type\":\"track\"},\n]") << 3 << 1 << QStringLiteral("trailing comma");
    QTest::newRow("array of numbers") << QByteArray("[1]") << 1 << 2 << QStringLiteral("item 1 of the array is a number");
    QTest::newRow("a string") << QByteArray("\"track\"") << 1 << 1 << QStringLiteral("is a string");
    QTest::newRow("an array inside JSON Lines") << QByteArray("{}\n[]") << 2 << 1 << QStringLiteral("line 2 is an array");
    QTest::newRow("error inside an item, mid-line") << QByteArray("[{\"a\":1}, {\"b\":tru}]") << 1 << 16 << QStringLiteral("unexpected");
    QTest::newRow("error on a later line of an item") << QByteArray("[\n  {\n    \"a\": 1,\n    \"b\": .5\n  }\n]") << 4 << 10
                                                    << QStringLiteral("unexpected");
    QTest::newRow("column counts UTF-16 units") << QByteArray("[\"é🛒\", {]") << 1 << 10 << QStringLiteral("unexpected");
    QTest::newRow("unclosed array") << QByteArray("[{\"type\":\"page\"},\n") << 2 << 1 << QStringLiteral("the array is not closed");
    QTest::newRow("unclosed empty array") << QByteArray("[") << 1 << 2 << QStringLiteral("ends after '['");
    QTest::newRow("missing comma") << QByteArray("[{\"a\":1} {\"b\":2}]") << 1 << 10 << QStringLiteral("expected ',' or ']'");
    QTest::newRow("text after the array") << QByteArray("[{}]\nextra") << 2 << 1 << QStringLiteral("after the array's closing");
}

void TestEventStream::errors()
{
    QFETCH(QByteArray, text);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QString, messagePart);
    for (const qint64 step : {0, 1, 4}) {
        const StreamResult r = readAll(text, step);
        const auto found = std::find_if(r.errors.begin(), r.errors.end(), [&](const Error &e) { return e.message.contains(messagePart); });
        QVERIFY2(found != r.errors.end(), qPrintable(QStringLiteral("steps of %1: %2").arg(step).arg(errorsOf(r))));
        const Error &e = *found;
        QCOMPARE(e.location.line, line);
        QCOMPARE(e.location.column, column);
    }
}

void TestEventStream::errorsDoNotStopTheStream_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("events");
    QTest::addColumn<QList<int>>("errorLines");
    QTest::newRow("bad JSON Lines keep the good ones")
        << QByteArray("{\"type\":\"track\"}\n{\"type\":\"page\",}\n{\"type\":\"identify\"}\n42\n{\"type\":\"alias\"}") << 3 << QList<int>{2, 4};
    QTest::newRow("bad array items keep the good ones")
        << QByteArray("[\n{\"type\":\"track\"},\n{\"type\":},\n\"x\",\n{\"type\":\"page\"}\n]") << 2 << QList<int>{3, 4};
    QTest::newRow("bad pretty value keeps the next")
        << QByteArray("{\n  \"a\": 1,\n}\n{\n  \"type\": \"page\"\n}\n") << 1 << QList<int>{3};
    QTest::newRow("unbalanced line in JSON Lines costs only itself")
        << QByteArray("{\"type\":\"track\"}\n{\"type\":\"page\"\n{\"type\":\"screen\"}\n") << 2 << QList<int>{2};
}

void TestEventStream::errorsDoNotStopTheStream()
{
    QFETCH(QByteArray, text);
    QFETCH(int, events);
    QFETCH(QList<int>, errorLines);
    const StreamResult r = readAll(text, 3);
    QCOMPARE(int(r.events.size()), events);
    QList<int> lines;
    for (const Error &e : r.errors)
        lines.append(e.location.line);
    QCOMPARE(lines, errorLines);
}

void TestEventStream::eventsRememberTheirLine_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QList<int>>("lines");
    QTest::newRow("JSON Lines") << QByteArray("\n{\"type\":\"track\"}\n\n{\"type\":\"page\"}\n") << QList<int>{2, 4};
    QTest::newRow("array") << QByteArray("[\n  {\"type\":\"track\"},\n\n  {\"type\":\"page\"}\n]") << QList<int>{2, 4};
    QTest::newRow("pretty values") << QByteArray("{\n\"type\":\"track\"\n}\n\n{\"type\":\"page\"}") << QList<int>{1, 5};
}

void TestEventStream::eventsRememberTheirLine()
{
    QFETCH(QByteArray, text);
    QFETCH(QList<int>, lines);
    const StreamResult r = readAll(text);
    QList<int> actual;
    for (const events::SampleEvent &e : r.events) {
        actual.append(e.line);
        QCOMPARE(e.source, QStringLiteral("input"));
    }
    QCOMPARE(actual, lines);
}

void TestEventStream::valuesLargerThanAReadStep()
{
    // Events of 700 KB, beyond the stream's 256 KiB reads, in every form.
    const QByteArray big = "{\"type\":\"track\",\"properties\":{\"blob\":\"" + QByteArray(700 * 1000, 'z') + "\",\"brackets\":\"}}]]\"}}";
    const QList<QByteArray> inputs = {big + '\n' + big + '\n', '[' + big + ",\n" + big + ']', big + "\n\n" + big};
    for (const QByteArray &text : inputs) {
        const StreamResult r = readAll(text);
        QVERIFY2(r.errors.empty(), qPrintable(errorsOf(r)));
        QCOMPARE(int(r.events.size()), 2);
        QCOMPARE(r.events[1].event.toObject().value(u"properties").toObject().value(u"blob").toString().size(), 700 * 1000);
    }
}

void TestEventStream::manyEvents()
{
    // More data than the stream ever holds at once: it must drop what it consumed and keep counting lines.
    QByteArray text;
    const int count = 50000;
    for (int i = 0; i < count; ++i)
        text += "{\"type\":\"track\",\"event\":\"E\",\"properties\":{\"i\":" + QByteArray::number(i) + ",\"pad\":\"" + QByteArray(64, 'p') + "\"}}\n";
    const StreamResult r = readAll(text, 4096);
    QVERIFY(r.errors.empty());
    QCOMPARE(int(r.events.size()), count);
    QCOMPARE(r.events.back().line, count);
    QCOMPARE(r.events.back().event.toObject().value(u"properties").toObject().value(u"i").toNumber(), double(count - 1));
    QCOMPARE(r.format, Format::JsonLines);
    QCOMPARE(r.consumed, qint64(text.size()));
}

QTEST_GUILESS_MAIN(TestEventStream)
#include "tst_eventstream.moc"
