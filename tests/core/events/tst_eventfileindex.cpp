#include "events/eventfileindex.h"

#include "json/object.h"

#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>

using namespace inkmapper;
using events::EventFileIndex;
using events::RowIndex;

namespace {

// QVERIFY2 evaluates its message even when the check passes, so it must not call error() on a success.
template<typename T>
QString errorText(const Result<T> &result)
{
    return result.ok() ? QString() : result.error().describe();
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

/** Line i of the generated file: an event whose properties.i is i, with a length that varies. */
QByteArray generatedLine(int i)
{
    return "{\"type\":\"track\",\"event\":\"Generated\",\"userId\":\"u" + QByteArray::number(i % 977)
        + "\",\"properties\":{\"i\":" + QByteArray::number(i) + ",\"pad\":\"" + QByteArray(i % 300, 'x') + "\"}}";
}

double propertyI(const events::SampleEvent &e)
{
    return e.event.toObject().value(u"properties").toObject().value(u"i").toNumber();
}

} // namespace

class TestEventFileIndex : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void indexesALargeFile();
    void randomAccess();
    void progressIsReportedOnlyWhenItChanges();
    void cancelStopsTheBuild_data();
    void cancelStopsTheBuild();
    void layouts_data();
    void layouts();
    void chunkBoundariesDoNotMatter_data();
    void chunkBoundariesDoNotMatter();
    void aBadLineIsAnErrorOfItsRowOnly();
    void lineThatIsNotAnObject();
    void fileThatShrankAfterIndexing();
    void missingFile();
    void cachedRowsAreTheSame();

private:
    QTemporaryDir m_dir;
    QString m_largeFile;
    static constexpr int LargeRows = 200000;
};

void TestEventFileIndex::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_largeFile = m_dir.filePath(QStringLiteral("large.jsonl"));
    QFile file(m_largeFile);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QByteArray chunk;
    for (int i = 0; i < LargeRows; ++i) {
        chunk += generatedLine(i);
        chunk += '\n';
        if (chunk.size() > (1 << 20)) {
            QCOMPARE(file.write(chunk), chunk.size());
            chunk.clear();
        }
    }
    QCOMPARE(file.write(chunk), chunk.size());
}

void TestEventFileIndex::indexesALargeFile()
{
    const auto index = EventFileIndex::build(m_largeFile);
    QVERIFY2(index.ok(), qPrintable(errorText(index)));
    QCOMPARE(index->rowCount().value, qint64(LargeRows));
    QCOMPARE(index->indexedSize().value, QFileInfo(m_largeFile).size());
    QCOMPARE(index->lineNumber(RowIndex(LargeRows - 1)).value, qint64(LargeRows));
    // Compact: a few bytes per row, where plain 64-bit offsets and line numbers would take 16.
    QVERIFY2(index->memoryUsage() < qint64(LargeRows) * 4, qPrintable(QString::number(index->memoryUsage())));
}

void TestEventFileIndex::randomAccess()
{
    const auto index = EventFileIndex::build(m_largeFile);
    QVERIFY(index.ok());
    QRandomGenerator random(42);
    for (int n = 0; n < 2000; ++n) {
        const int row = n < 2 ? (n == 0 ? 0 : LargeRows - 1) : int(random.bounded(LargeRows));
        const auto event = index->event(RowIndex(row));
        QVERIFY2(event.ok(), qPrintable(errorText(event)));
        QCOMPARE(propertyI(event.value()), double(row));
        QCOMPARE(event.value().line, row + 1);
        QCOMPARE(event.value().source, QStringLiteral("large.jsonl"));
        QCOMPARE(index->rowText(RowIndex(row)).value(), generatedLine(row));
    }
}

void TestEventFileIndex::progressIsReportedOnlyWhenItChanges()
{
    QList<int> reported;
    EventFileIndex::BuildOptions options;
    options.chunkSize = 64 * 1024; // many chunks, so many chances to repeat a percentage
    options.progress = [&](int percent) { reported.append(percent); };
    QVERIFY(EventFileIndex::build(m_largeFile, options).ok());
    QVERIFY(!reported.isEmpty());
    QCOMPARE(reported.first(), 0);
    QCOMPARE(reported.last(), 100);
    for (qsizetype i = 1; i < reported.size(); ++i)
        QVERIFY2(reported[i] > reported[i - 1], qPrintable(QStringLiteral("%1 after %2").arg(reported[i]).arg(reported[i - 1])));
    QVERIFY(reported.size() > 50); // the file spans hundreds of chunks: most percentages are seen
}

void TestEventFileIndex::cancelStopsTheBuild_data()
{
    QTest::addColumn<int>("cancelAtPercent");
    QTest::newRow("before it starts") << -1;
    QTest::newRow("right at the start") << 0;
    QTest::newRow("halfway") << 50;
    QTest::newRow("near the end") << 99;
}

void TestEventFileIndex::cancelStopsTheBuild()
{
    QFETCH(int, cancelAtPercent);
    std::atomic_bool cancel = cancelAtPercent < 0;
    int last = -1;
    EventFileIndex::BuildOptions options;
    options.chunkSize = 64 * 1024;
    options.cancel = &cancel;
    options.progress = [&](int percent) {
        last = percent;
        if (percent >= cancelAtPercent) // what a GUI's Cancel button does from another thread
            cancel = true;
    };
    const auto index = EventFileIndex::build(m_largeFile, options);
    QVERIFY(!index.ok());
    QCOMPARE(index.error().message, EventFileIndex::cancelledMessage());
    QVERIFY(last < 100);
}

void TestEventFileIndex::layouts_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QList<int>>("lines"); // the line each row is on
    QTest::addColumn<QList<QByteArray>>("texts");
    const QByteArray a = R"({"type":"track","event":"A"})";
    const QByteArray b = R"({"type":"page","name":"B"})";
    QTest::newRow("empty file") << QByteArray() << QList<int>{} << QList<QByteArray>{};
    QTest::newRow("only blank lines") << QByteArray("\n \n\t\r\n") << QList<int>{} << QList<QByteArray>{};
    QTest::newRow("LF") << a + '\n' + b + '\n' << QList<int>{1, 2} << QList<QByteArray>{a, b};
    QTest::newRow("CRLF") << a + "\r\n" + b + "\r\n" << QList<int>{1, 2} << QList<QByteArray>{a, b};
    QTest::newRow("no final line break") << a + '\n' + b << QList<int>{1, 2} << QList<QByteArray>{a, b};
    QTest::newRow("blank and whitespace-only lines")
        << "\n\n" + a + "\n   \n\t\r\n\n" + b + "\n\n" << QList<int>{3, 7} << QList<QByteArray>{a, b};
    QTest::newRow("indented line") << "  " + a + '\n' << QList<int>{1} << QList<QByteArray>{"  " + a};
    QTest::newRow("byte order mark") << "\xEF\xBB\xBF" + a + '\n' + b << QList<int>{1, 2} << QList<QByteArray>{a, b};
    QTest::newRow("CR-only line between") << a + "\n\r\n" + b << QList<int>{1, 3} << QList<QByteArray>{a, b};
}

void TestEventFileIndex::layouts()
{
    QFETCH(QByteArray, content);
    QFETCH(QList<int>, lines);
    QFETCH(QList<QByteArray>, texts);
    const QString path = m_dir.filePath(QStringLiteral("layout.jsonl"));
    QVERIFY(writeFile(path, content));
    const auto index = EventFileIndex::build(path);
    QVERIFY2(index.ok(), qPrintable(errorText(index)));
    QCOMPARE(index->rowCount().value, qint64(lines.size()));
    for (int row = 0; row < lines.size(); ++row) {
        QCOMPARE(index->lineNumber(RowIndex(row)).value, qint64(lines[row]));
        QCOMPARE(index->rowText(RowIndex(row)).value(), texts[row]);
        const auto event = index->event(RowIndex(row));
        QVERIFY2(event.ok(), qPrintable(errorText(event)));
        QCOMPARE(event.value().line, lines[row]);
    }
}

void TestEventFileIndex::chunkBoundariesDoNotMatter_data()
{
    QTest::addColumn<qint64>("chunkSize");
    for (const qint64 size : {16, 17, 31, 64, 1000, 4096})
        QTest::newRow(qPrintable(QStringLiteral("%1-byte chunks").arg(size))) << size;
}

void TestEventFileIndex::chunkBoundariesDoNotMatter()
{
    QFETCH(qint64, chunkSize);
    // Line breaks, CRs, blank lines and line starts fall at every position relative to a chunk's end.
    QByteArray content = "\xEF\xBB\xBF";
    for (int i = 0; i < 300; ++i) {
        content += generatedLine(i % 37);
        content += (i % 3 == 0) ? "\r\n" : "\n";
        if (i % 5 == 0)
            content += QByteArray(i % 4, ' ') + '\n';
    }
    const QString path = m_dir.filePath(QStringLiteral("chunks.jsonl"));
    QVERIFY(writeFile(path, content));
    const auto reference = EventFileIndex::build(path);
    EventFileIndex::BuildOptions options;
    options.chunkSize = chunkSize;
    const auto index = EventFileIndex::build(path, options);
    QVERIFY(reference.ok() && index.ok());
    QCOMPARE(index->rowCount().value, qint64(300));
    for (qint64 row = 0; row < 300; ++row) {
        QCOMPARE(index->rowOffset(RowIndex(row)).value, reference->rowOffset(RowIndex(row)).value);
        QCOMPARE(index->lineNumber(RowIndex(row)).value, reference->lineNumber(RowIndex(row)).value);
        QCOMPARE(propertyI(index->event(RowIndex(row)).value()), double(row % 37));
    }
}

void TestEventFileIndex::aBadLineIsAnErrorOfItsRowOnly()
{
    const QString path = m_dir.filePath(QStringLiteral("bad.jsonl"));
    QVERIFY(writeFile(path, generatedLine(0) + "\n{\"type\":\"track\",}\n" + generatedLine(2) + "\nnot json at all\n"));
    const auto index = EventFileIndex::build(path);
    QVERIFY(index.ok());
    QCOMPARE(index->rowCount().value, qint64(4));
    QVERIFY(index->event(RowIndex(0)).ok());
    const auto bad = index->event(RowIndex(1));
    QVERIFY(!bad.ok());
    QCOMPARE(bad.error().location.line, 2);
    QCOMPARE(bad.error().location.column, 17);
    QVERIFY(index->event(RowIndex(2)).ok());
    const auto text = index->event(RowIndex(3));
    QVERIFY(!text.ok());
    QCOMPARE(text.error().location.line, 4);
    QCOMPARE(text.error().location.column, 1);
}

void TestEventFileIndex::lineThatIsNotAnObject()
{
    const QString path = m_dir.filePath(QStringLiteral("scalars.jsonl"));
    QVERIFY(writeFile(path, "[1,2]\n42\n"));
    const auto index = EventFileIndex::build(path);
    QVERIFY(index.ok());
    QCOMPARE(index->event(RowIndex(0)).error().message, QStringLiteral("line 1 is an array, but a Segment event is a JSON object"));
    QCOMPARE(index->event(RowIndex(1)).error().message, QStringLiteral("line 2 is a number, but a Segment event is a JSON object"));
}

void TestEventFileIndex::fileThatShrankAfterIndexing()
{
    const QString path = m_dir.filePath(QStringLiteral("shrinks.jsonl"));
    QVERIFY(writeFile(path, generatedLine(0) + '\n' + generatedLine(1) + '\n'));
    const auto index = EventFileIndex::build(path);
    QVERIFY(index.ok());
    QVERIFY(writeFile(path, generatedLine(0).left(10)));
    const auto event = index->event(RowIndex(1));
    QVERIFY(!event.ok());
    QVERIFY2(event.error().message.contains(QStringLiteral("shorter since it was indexed")), qPrintable(event.error().message));
}

void TestEventFileIndex::missingFile()
{
    const auto index = EventFileIndex::build(m_dir.filePath(QStringLiteral("does-not-exist.jsonl")));
    QVERIFY(!index.ok());
    QVERIFY2(index.error().message.contains(QStringLiteral("cannot open")), qPrintable(index.error().message));
}

void TestEventFileIndex::cachedRowsAreTheSame()
{
    EventFileIndex::BuildOptions options;
    options.cacheSize = 4;
    const auto index = EventFileIndex::build(m_largeFile, options);
    QVERIFY(index.ok());
    // More distinct rows than the cache holds, then again: evicted rows are read back identically.
    std::vector<json::Value> first;
    for (int row = 0; row < 10; ++row)
        first.push_back(index->event(RowIndex(row)).value().event);
    for (int round = 0; round < 3; ++round) {
        for (int row = 9; row >= 0; --row)
            QCOMPARE(index->event(RowIndex(row)).value().event, first[size_t(row)]);
    }
}

QTEST_GUILESS_MAIN(TestEventFileIndex)
#include "tst_eventfileindex.moc"
