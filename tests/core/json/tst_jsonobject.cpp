#include "json/object.h"

#include <QTest>

#include <atomic>
#include <thread>
#include <vector>

using namespace inkmapper;
using namespace Qt::StringLiterals;

class TestJsonObject : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void keyOrder_data();
    void keyOrder();
    void isArrayIndex_data();
    void isArrayIndex();
    void setKeepsPositionOfExistingKey();
    void removeKeepsOrder();
    void hashIndexStaysConsistentForLargeObjects();
    void largeObjectsAreReadFromManyThreadsAtOnce();
};

static QStringList keysOf(const json::Object &o)
{
    QStringList keys;
    for (const auto &member : o)
        keys << member.first;
    return keys;
}

void TestJsonObject::keyOrder_data()
{
    QTest::addColumn<QStringList>("inserted");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("plain keys keep insertion order") << QStringList{u"b"_s, u"a"_s, u"c"_s} << QStringList{u"b"_s, u"a"_s, u"c"_s};
    QTest::newRow("indices first ascending") << QStringList{u"b"_s, u"10"_s, u"2"_s, u"0"_s} << QStringList{u"0"_s, u"2"_s, u"10"_s, u"b"_s};
    QTest::newRow("non-canonical numbers are plain") << QStringList{u"01"_s, u"-1"_s, u"1.5"_s, u"1"_s, u" 1"_s}
                                                     << QStringList{u"1"_s, u"01"_s, u"-1"_s, u"1.5"_s, u" 1"_s};
    QTest::newRow("2^32-2 is the last index") << QStringList{u"4294967295"_s, u"4294967294"_s, u"9"_s}
                                              << QStringList{u"9"_s, u"4294967294"_s, u"4294967295"_s};
}

void TestJsonObject::keyOrder()
{
    QFETCH(QStringList, inserted);
    QFETCH(QStringList, expected);
    json::Object o;
    for (const QString &k : inserted)
        o.set(k, json::Value(1));
    QCOMPARE(keysOf(o), expected);
}

void TestJsonObject::isArrayIndex_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<bool>("index");
    QTest::newRow("0") << u"0"_s << true;
    QTest::newRow("4294967294") << u"4294967294"_s << true;
    QTest::newRow("4294967295") << u"4294967295"_s << false;
    QTest::newRow("99999999999") << u"99999999999"_s << false;
    QTest::newRow("00") << u"00"_s << false;
    QTest::newRow("-0") << u"-0"_s << false;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("+1") << u"+1"_s << false;
    QTest::newRow("1e3") << u"1e3"_s << false;
    QTest::newRow("fullwidth digit") << QString(QChar(0xFF11)) << false;
}

void TestJsonObject::isArrayIndex()
{
    QFETCH(QString, key);
    QFETCH(bool, index);
    QCOMPARE(json::Object::isArrayIndex(key), index);
}

void TestJsonObject::setKeepsPositionOfExistingKey()
{
    json::Object o;
    o.set(u"a"_s, json::Value(1));
    o.set(u"b"_s, json::Value(2));
    o.set(u"a"_s, json::Value(3));
    QCOMPARE(keysOf(o), (QStringList{u"a"_s, u"b"_s}));
    QCOMPARE(o.value(u"a").toNumber(), 3.0);
}

void TestJsonObject::removeKeepsOrder()
{
    json::Object o;
    for (const char *k : {"x", "3", "y", "1"})
        o.set(QString::fromLatin1(k), json::Value(1));
    o.remove(u"3"_s);
    o.remove(u"x"_s);
    o.set(u"2"_s, json::Value(2));
    QCOMPARE(keysOf(o), (QStringList{u"1"_s, u"2"_s, u"y"_s}));
}

void TestJsonObject::hashIndexStaysConsistentForLargeObjects()
{
    json::Object o;
    for (int i = 0; i < 100; ++i)
        o.set(QStringLiteral("k%1").arg(i), json::Value(i));
    for (int i = 99; i >= 0; i -= 3)
        o.set(QString::number(i), json::Value(-i)); // index keys shift every plain key
    o.remove(u"k50"_s);
    QVERIFY(!o.contains(u"k50"));
    for (int i = 0; i < 100; ++i) {
        if (i != 50)
            QCOMPARE(o.value(QStringLiteral("k%1").arg(i)).toNumber(), double(i));
    }
    QCOMPARE(o.value(u"99").toNumber(), -99.0);
    QCOMPARE(o.at(0).first, u"0"_s);
}

void TestJsonObject::largeObjectsAreReadFromManyThreadsAtOnce()
{
    // The preview and the matrix read the event the GUI thread also reads. A large object makes its key
    // index on the first lookup: threads looking up at once must neither both make it nor see it half made.
    constexpr int Objects = 3000;
    std::vector<json::Object> objects(Objects);
    for (json::Object &o : objects) {
        for (int i = 0; i < 40; ++i)
            o.set(QStringLiteral("k%1").arg(i), json::Value(i)); // set() alone makes no index
    }
    std::atomic<int> started{0};
    std::atomic<int> wrong{0};
    const auto reader = [&] {
        ++started;
        while (started.load() < 3) {
        }
        for (const json::Object &o : objects) {
            if (o.value(u"k37").toNumber() != 37.0 || o.contains(u"k40"))
                ++wrong;
        }
    };
    std::thread a(reader), b(reader), c(reader);
    a.join();
    b.join();
    c.join();
    QCOMPARE(wrong.load(), 0);
}

QTEST_GUILESS_MAIN(TestJsonObject)
#include "tst_jsonobject.moc"
