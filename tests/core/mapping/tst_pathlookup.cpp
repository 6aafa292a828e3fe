// Segment's get(obj, path): how paths are split into keys and how each key is looked up with
// JavaScript's `value && value[key]` (expectations checked against Node).

#include "mapping/pathlookup.h"

#include "json/parser.h"
#include "json/writer.h"

#include <QTest>

using namespace inkmapper;
using namespace Qt::StringLiterals;

class TestPathLookup : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void splitPath_data();
    void splitPath();
    void getPath_data();
    void getPath();
    void getPathKeysAgrees_data() { getPath_data(); }
    void getPathKeysAgrees();
    void removeRootPrefix_data();
    void removeRootPrefix();
    void hugePath();
};

namespace {

const json::Value &payload()
{
    static const json::Value value = json::parse(QByteArrayView(
        R"({"a":{"b":[1,{"c":0}]},"s":"str","n":0,"f":false,"e":"","z":null,"arr":[[1,2],[null]],)"
        R"("o":{},"":"E"," x":"SX","$":{"a":"dollar"},"__proto__":{"p":1},"k-1":"dash","0":"zero","01":"z1"})")).value();
    return value;
}

QString lookedUp(const json::Value &value)
{
    const QString text = json::toJsonString(value);
    return text.isNull() ? QStringLiteral("undefined") : text;
}

} // namespace

void TestPathLookup::splitPath_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QStringList>("keys");
    QTest::newRow("dots") << QStringLiteral("a.b.c") << QStringList{u"a"_s, u"b"_s, u"c"_s};
    QTest::newRow("bracket index") << QStringLiteral("a[0].b") << QStringList{u"a"_s, u"0"_s, u"b"_s};
    QTest::newRow("brackets do not protect dots") << QStringLiteral("a[\"b.c\"]") << QStringList{u"a"_s, u"b"_s, u"c"_s};
    QTest::newRow("single quotes") << QStringLiteral("a['b']") << QStringList{u"a"_s, u"b"_s};
    QTest::newRow("bracket before a letter stays") << QStringLiteral("a[b]") << QStringList{u"a[b]"_s};
    QTest::newRow("run of closing brackets") << QStringLiteral("a[0]]]]") << QStringList{u"a"_s, u"0"_s};
    QTest::newRow("closing bracket after a letter stays") << QStringLiteral("a]b") << QStringList{u"a]b"_s};
    QTest::newRow("closing bracket after a digit splits") << QStringLiteral("0]b") << QStringList{u"0"_s, u"b"_s};
    QTest::newRow("quote-only piece becomes empty") << QStringLiteral("\"]]x") << QStringList{QString(), u"x"_s};
    QTest::newRow("empty pieces dropped") << QStringLiteral("..a..") << QStringList{u"a"_s};
    QTest::newRow("double opening bracket") << QStringLiteral("[[0]]") << QStringList{u"["_s, u"0"_s};
    QTest::newRow("empty quoted key") << QStringLiteral("a['']b") << QStringList{u"a"_s, QString(), u"b"_s};
    QTest::newRow("quotes inside a key deleted") << QStringLiteral("a\"\"b") << QStringList{u"ab"_s};
    QTest::newRow("dollar is a key") << QStringLiteral("$.a") << QStringList{u"$"_s, u"a"_s};
    QTest::newRow("empty") << QString() << QStringList{};
    QTest::newRow("dot") << QStringLiteral(".") << QStringList{};
    QTest::newRow("space kept") << QStringLiteral("a. b") << QStringList{u"a"_s, u" b"_s};
    QTest::newRow("spaced bracket stays") << QStringLiteral("a[ \"b\" ]") << QStringList{u"a[ b ]"_s};
}

void TestPathLookup::splitPath()
{
    QFETCH(QString, path);
    QFETCH(QStringList, keys);
    QCOMPARE(mapping::splitPath(path), keys);
}

void TestPathLookup::getPath_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("expected");
    QTest::newRow("empty path is the whole value") << QString() << lookedUp(payload());
    QTest::newRow("dot is the whole value") << QStringLiteral(".") << lookedUp(payload());
    QTest::newRow("nested") << QStringLiteral("a.b[1].c") << QStringLiteral("0");
    QTest::newRow("missing") << QStringLiteral("a.x.y") << QStringLiteral("undefined");
    QTest::newRow("0 intermediate is the result") << QStringLiteral("n.x.y") << QStringLiteral("0");
    QTest::newRow("false intermediate is the result") << QStringLiteral("f.x") << QStringLiteral("false");
    QTest::newRow("empty string intermediate is the result") << QStringLiteral("e.length") << QStringLiteral("\"\"");
    QTest::newRow("null intermediate is the result") << QStringLiteral("z.x") << QStringLiteral("null");
    QTest::newRow("string length") << QStringLiteral("s.length") << QStringLiteral("3");
    QTest::newRow("string index") << QStringLiteral("s[1]") << QStringLiteral("\"t\"");
    QTest::newRow("string index out of range") << QStringLiteral("s.9") << QStringLiteral("undefined");
    QTest::newRow("array length") << QStringLiteral("arr.length") << QStringLiteral("2");
    QTest::newRow("array in array") << QStringLiteral("arr.1.0") << QStringLiteral("null");
    QTest::newRow("empty key") << QStringLiteral("['']") << QStringLiteral("\"E\"");
    QTest::newRow("key with a space") << QStringLiteral(" x") << QStringLiteral("\"SX\"");
    QTest::newRow("dollar key") << QStringLiteral("$.a") << QStringLiteral("\"dollar\"");
    QTest::newRow("own __proto__ member") << QStringLiteral("__proto__.p") << QStringLiteral("1");
    QTest::newRow("constructor is a function") << QStringLiteral("o.constructor") << QStringLiteral("undefined");
    QTest::newRow("constructor name") << QStringLiteral("o.constructor.name") << QStringLiteral("\"Object\"");
    QTest::newRow("string constructor name") << QStringLiteral("s.constructor.name") << QStringLiteral("\"String\"");
    QTest::newRow("not a prototype member") << QStringLiteral("o.missingmember") << QStringLiteral("undefined");
    QTest::newRow("dash key") << QStringLiteral("k-1") << QStringLiteral("\"dash\"");
    QTest::newRow("index key") << QStringLiteral("[0]") << QStringLiteral("\"zero\"");
    QTest::newRow("non-canonical index key") << QStringLiteral("01") << QStringLiteral("\"z1\"");
}

void TestPathLookup::getPath()
{
    QFETCH(QString, path);
    QFETCH(QString, expected);
    QCOMPARE(lookedUp(mapping::getPath(payload(), path)), expected);
}

void TestPathLookup::getPathKeysAgrees()
{
    // Prepared mappings split paths once and walk the keys: same results.
    QFETCH(QString, path);
    QFETCH(QString, expected);
    QCOMPARE(lookedUp(mapping::getPathKeys(payload(), mapping::splitPath(path))), expected);
}

void TestPathLookup::removeRootPrefix_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("stripped");
    QTest::newRow("prefix") << QStringLiteral("$.a.b") << QStringLiteral("a.b");
    QTest::newRow("whole event") << QStringLiteral("$.") << QString();
    QTest::newRow("first occurrence anywhere") << QStringLiteral("a.$.b") << QStringLiteral("a.b");
    QTest::newRow("only the first occurrence") << QStringLiteral("$.$.a") << QStringLiteral("$.a");
    QTest::newRow("no prefix") << QStringLiteral("a.b") << QStringLiteral("a.b");
    QTest::newRow("dollar alone") << QStringLiteral("$a") << QStringLiteral("$a");
}

void TestPathLookup::removeRootPrefix()
{
    QFETCH(QString, path);
    QFETCH(QString, stripped);
    QCOMPARE(mapping::removeRootPrefix(path), stripped);
    // The lookup @path performs strips the same way.
    QCOMPARE(lookedUp(mapping::getPathAfterRootPrefix(payload(), path)), lookedUp(mapping::getPath(payload(), stripped)));
}

void TestPathLookup::hugePath()
{
    // A path of a million dots and keys: linear, and simply missing.
    QString path;
    for (int i = 0; i < 200000; ++i)
        path += QStringLiteral("a.[0]");
    QCOMPARE(mapping::splitPath(path).size(), 400000);
    QCOMPARE(lookedUp(mapping::getPath(payload(), path)), QStringLiteral("undefined"));
}

QTEST_GUILESS_MAIN(TestPathLookup)
#include "tst_pathlookup.moc"
