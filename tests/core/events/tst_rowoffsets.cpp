#include "events/rowoffsets.h"

#include <QRandomGenerator>
#include <QTest>

#include <vector>

using namespace inkmapper;
using events::ByteOffset;
using events::LineNumber;
using events::RowIndex;
using events::RowOffsets;

class TestRowOffsets : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void empty();
    void storesWhatWasAppended_data();
    void storesWhatWasAppended();
    void isCompact();
};

void TestRowOffsets::empty()
{
    const RowOffsets rows;
    QVERIFY(rows.isEmpty());
    QCOMPARE(rows.size().value, 0);
}

void TestRowOffsets::storesWhatWasAppended_data()
{
    QTest::addColumn<int>("rows");
    QTest::addColumn<qint64>("maxGap");
    QTest::addColumn<int>("maxBlankLines");
    QTest::newRow("one row") << 1 << qint64(100) << 0;
    QTest::newRow("exactly one block") << 64 << qint64(100) << 0;
    QTest::newRow("one block and one row") << 65 << qint64(300) << 0;
    QTest::newRow("short lines, one byte deltas") << 1000 << qint64(120) << 0;
    QTest::newRow("blank lines between rows") << 1000 << qint64(5000) << 5;
    QTest::newRow("lines beyond 4 GiB (offsets past 32 bits)") << 300 << qint64(1) << 0;
    QTest::newRow("huge lines (deltas past 32 bits)") << 200 << qint64(1) << 1;
}

void TestRowOffsets::storesWhatWasAppended()
{
    QFETCH(int, rows);
    QFETCH(qint64, maxGap);
    QFETCH(int, maxBlankLines);
    QRandomGenerator random(rows); // seeded: the same numbers on every run
    const bool hugeDeltas = QByteArray(QTest::currentDataTag()).startsWith("huge");
    const bool past4GiB = QByteArray(QTest::currentDataTag()).startsWith("lines beyond");
    std::vector<RowOffsets::Position> expected;
    RowOffsets table;
    qint64 offset = past4GiB ? (qint64(1) << 33) : 0;
    qint64 line = 1;
    for (int i = 0; i < rows; ++i) {
        expected.push_back({ByteOffset(offset), LineNumber(line)});
        table.append(ByteOffset(offset), LineNumber(line));
        offset += hugeDeltas ? (qint64(1) << 33) + random.bounded(1000) : 1 + random.bounded(maxGap);
        line += 1 + (maxBlankLines > 0 ? random.bounded(maxBlankLines + 1) : 0);
    }
    table.squeeze();
    QCOMPARE(table.size().value, qint64(rows));
    for (int i = 0; i < rows; ++i) {
        const RowOffsets::Position at = table.at(RowIndex(i));
        QCOMPARE(at.offset.value, expected[size_t(i)].offset.value);
        QCOMPARE(at.line.value, expected[size_t(i)].line.value);
    }
}

void TestRowOffsets::isCompact()
{
    // Lines of a few hundred bytes, as in a Segment event export: about 3 bytes per row, not 16.
    RowOffsets table;
    qint64 offset = 0;
    for (int i = 0; i < 100000; ++i) {
        table.append(ByteOffset(offset), LineNumber(i + 1));
        offset += 400 + i % 700;
    }
    table.squeeze();
    QVERIFY2(table.memoryUsage() < 100000 * 4, qPrintable(QString::number(table.memoryUsage())));
}

QTEST_GUILESS_MAIN(TestRowOffsets)
#include "tst_rowoffsets.moc"
