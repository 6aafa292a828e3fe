#include "destination/headermap.h"

#include "json/parser.h"

#include <QTest>

using namespace inkmapper;
using namespace inkmapper::destination::Internal;
using namespace Qt::StringLiterals;

class TestHeaderMap : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void names_data();
    void names();
    void values_data();
    void values();
    void caseInsensitiveWithFirstSpelling();
    void indexLikeNamesComeFirst();
    void sortedEntriesJoinDuplicates();
    void removeAndHas();
    void fromInit_data();
    void fromInit();
};

static json::Value parseJson(const QString &text)
{
    Result<json::Value> v = json::parse(QStringView(text));
    Q_ASSERT(v.ok());
    return v.value();
}

void TestHeaderMap::names_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("valid");
    QTest::newRow("token") << u"X-Api-Key"_s << true;
    QTest::newRow("all token punctuation") << u"!#$%&'*+-.^_`|~"_s << true;
    QTest::newRow("digits only") << u"123"_s << true;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("space") << u"X Y"_s << false;
    QTest::newRow("colon") << u"X:Y"_s << false;
    QTest::newRow("latin-1 letter") << u"X-é"_s << false;
    QTest::newRow("parenthesis") << u"X(Y)"_s << false;
}

void TestHeaderMap::names()
{
    QFETCH(QString, name);
    QTEST(HeaderMap::isValidName(name), "valid");
    HeaderMap map;
    const Result<Ok> r = map.append(name, u"v"_s);
    QTEST(r.ok(), "valid");
    if (!r.ok())
        QCOMPARE(r.error().message, name + u" is not a legal HTTP header name"_s);
}

void TestHeaderMap::values_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<bool>("valid");
    QTest::newRow("ASCII with spaces") << u"  padded value  "_s << true;
    QTest::newRow("tab") << u"a\tb"_s << true;
    QTest::newRow("latin-1") << u"café crème"_s << true;
    QTest::newRow("U+00FF is the last latin-1 character") << u"ÿ"_s << true;
    QTest::newRow("empty") << QString() << true;
    QTest::newRow("U+0100") << u"Ā"_s << false;
    QTest::newRow("emoji") << u"🛒"_s << false;
    QTest::newRow("newline") << u"a\nb"_s << false;
    QTest::newRow("carriage return") << u"a\rb"_s << false;
    QTest::newRow("NUL") << QString(QChar(0)) << false;
    QTest::newRow("DEL") << u"a\x7f"_s << false;
    QTest::newRow("C1 control 0x80 is allowed") << QString(QChar(0x80)) << true;
}

void TestHeaderMap::values()
{
    QFETCH(QString, value);
    QTEST(HeaderMap::isValidValue(value), "valid");
    HeaderMap map;
    const Result<Ok> r = map.set(u"X"_s, value);
    QTEST(r.ok(), "valid");
    if (!r.ok())
        QCOMPARE(r.error().message, value + u" is not a legal HTTP header value"_s);
}

void TestHeaderMap::caseInsensitiveWithFirstSpelling()
{
    HeaderMap map;
    QVERIFY(map.append(u"X-Test"_s, u"1"_s).ok());
    QVERIFY(map.append(u"x-test"_s, u"2"_s).ok());
    QVERIFY(map.set(u"Other"_s, u"o"_s).ok());
    QVERIFY(map.set(u"OTHER"_s, u"p"_s).ok());
    QCOMPARE(map.entries().size(), size_t(2));
    QCOMPARE(map.entries()[0].first, u"X-Test"_s);
    QCOMPARE(map.entries()[0].second, (QStringList{u"1"_s, u"2"_s}));
    QCOMPARE(map.entries()[1].first, u"Other"_s);
    QCOMPARE(map.entries()[1].second, QStringList{u"p"_s});
}

void TestHeaderMap::indexLikeNamesComeFirst()
{
    HeaderMap map;
    QVERIFY(map.set(u"b"_s, u"1"_s).ok());
    QVERIFY(map.set(u"10"_s, u"2"_s).ok());
    QVERIFY(map.set(u"2"_s, u"3"_s).ok());
    QVERIFY(map.set(u"a"_s, u"4"_s).ok());
    QStringList order;
    for (const auto &e : map.entries())
        order << e.first;
    QCOMPARE(order, (QStringList{u"2"_s, u"10"_s, u"b"_s, u"a"_s}));
}

void TestHeaderMap::sortedEntriesJoinDuplicates()
{
    HeaderMap map;
    QVERIFY(map.append(u"b-Two"_s, u"1"_s).ok());
    QVERIFY(map.append(u"A-One"_s, u"x"_s).ok());
    QVERIFY(map.append(u"B-two"_s, u"2"_s).ok());
    QVERIFY(map.append(u"a-lower"_s, u"y"_s).ok());
    const auto sorted = map.sortedEntries();
    // Sorted by the stored spelling (upper case first), then lower-cased, values joined with ", ".
    QCOMPARE(sorted.size(), size_t(3));
    QCOMPARE(sorted[0], std::make_pair(u"a-one"_s, u"x"_s));
    QCOMPARE(sorted[1], std::make_pair(u"a-lower"_s, u"y"_s));
    QCOMPARE(sorted[2], std::make_pair(u"b-two"_s, u"1, 2"_s));
}

void TestHeaderMap::removeAndHas()
{
    HeaderMap map;
    QVERIFY(map.set(u"Content-Type"_s, u"text/plain"_s).ok());
    QVERIFY(map.has(u"content-type"_s));
    QVERIFY(map.remove(u"CONTENT-TYPE"_s).ok());
    QVERIFY(!map.has(u"Content-Type"_s));
    QVERIFY(map.remove(u"absent"_s).ok());
    QVERIFY(!map.remove(QString()).ok());
}

void TestHeaderMap::fromInit_data()
{
    QTest::addColumn<QString>("init");
    QTest::addColumn<QString>("expected"); // "name=value;…" in map order, or the error message
    QTest::newRow("record with scalars")
        << u"{\"X-A\":\"a\",\"X-N\":null,\"X-T\":true,\"X-F\":1.5,\"X-Big\":1e21,\"X-Z\":-0}"_s
        << u"X-A=a;X-N=null;X-T=true;X-F=1.5;X-Big=1e+21;X-Z=0"_s;
    QTest::newRow("record with array and object values")
        << u"{\"X-Arr\":[\"a\",\"b\",1],\"X-Nested\":[[1,[2]],null],\"X-O\":{\"a\":1}}"_s
        << u"X-Arr=a,b,1;X-Nested=1,2,;X-O=[object Object]"_s;
    QTest::newRow("duplicate spellings are appended") << u"{\"X-A\":\"1\",\"x-a\":\"2\"}"_s << u"X-A=1,2"_s;
    QTest::newRow("object with its own toString cannot become text")
        << u"{\"X\":{\"toString\":\"v\"}}"_s << u"!Cannot convert object to primitive value"_s;
    QTest::newRow("such an object inside an array")
        << u"{\"X\":[1,{\"toString\":1}]}"_s << u"!Cannot convert object to primitive value"_s;
    QTest::newRow("sequence of pairs") << u"[[\"a\",\"1\"],[\"b\",2]]"_s << u"a=1;b=2"_s;
    QTest::newRow("sequence with a string pair") << u"[\"ab\"]"_s << u"!Each header pair must be iterable"_s;
    QTest::newRow("sequence with an object pair") << u"[{}]"_s << u"!Each header pair must be iterable"_s;
    QTest::newRow("sequence with a short pair") << u"[[\"a\"]]"_s << u"!Each header pair must be a name/value tuple"_s;
    QTest::newRow("pairs are all checked before any is used")
        << u"[[\"a b\",\"1\"],\"x\"]"_s << u"!Each header pair must be iterable"_s;
    QTest::newRow("empty name") << u"{\"\":\"v\"}"_s << u"! is not a legal HTTP header name"_s;
    QTest::newRow("emoji value") << u"{\"X\":\"🛒\"}"_s << u"!🛒 is not a legal HTTP header value"_s;
    QTest::newRow("null init is empty") << u"null"_s << QString();
    QTest::newRow("a string init is refused") << u"\"abc\""_s << u"!Provided initializer must be an object"_s;
}

void TestHeaderMap::fromInit()
{
    QFETCH(QString, init);
    QFETCH(QString, expected);
    const Result<HeaderMap> map = HeaderMap::fromInit(parseJson(init));
    if (expected.startsWith(u'!')) {
        QVERIFY(!map.ok());
        QCOMPARE(map.error().message, expected.mid(1));
        return;
    }
    QVERIFY2(map.ok(), qPrintable(map.ok() ? QString() : map.error().message));
    QStringList parts;
    for (const auto &[name, values] : map->entries())
        parts << name + u'=' + values.join(u',');
    QCOMPARE(parts.join(u';'), expected);
}

QTEST_GUILESS_MAIN(TestHeaderMap)
#include "tst_headermap.moc"
