#include "json/object.h"
#include "json/parser.h"
#include "json/writer.h"

#include <QTest>

#include <cmath>

using namespace inkmapper;

class TestJsonParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip_data();
    void roundTrip();
    void numbers_data();
    void numbers();
    void errors_data();
    void errors();
    void invalidUtf8InStringsIsReplaced_data();
    void invalidUtf8InStringsIsReplaced();
    void deepNestingIsRefusedNotCrashing();
    void nestingWithinTheLimitIsAccepted();
    void loneSurrogatesSurvive();
    void duplicateKeysLastWinsAtFirstPosition_data();
    void duplicateKeysLastWinsAtFirstPosition();
    void largeObjectStaysLinearAndCorrect();
    void parsesQStringInput();
};

static QByteArray reserialize(const QByteArray &text)
{
    const auto parsed = json::parse(QByteArrayView(text));
    if (!parsed.ok())
        return "ERROR: " + parsed.error().describe().toUtf8();
    return json::stringify(parsed.value()).value_or("undefined");
}

void TestJsonParser::roundTrip_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("empty object") << QByteArray("{}") << QByteArray("{}");
    QTest::newRow("whitespace everywhere") << QByteArray(" \t\r\n{ \"a\" : [ 1 , true , null ] }\n") << QByteArray(R"({"a":[1,true,null]})");
    QTest::newRow("integer-like keys first, ascending") << QByteArray(R"({"b":1,"10":2,"2":3,"0":4,"-1":5,"01":6})")
                                                        << QByteArray(R"({"0":4,"2":3,"10":2,"b":1,"-1":5,"01":6})");
    QTest::newRow("4294967295 is an ordinary key") << QByteArray(R"({"4294967295":1,"4294967294":2})")
                                                    << QByteArray(R"({"4294967294":2,"4294967295":1})");
    QTest::newRow("escapes decoded and re-escaped") << QByteArray(R"(["\u0041\/\b\f\n\r\t\"\\\u00e9\u0001"])")
                                                    << QByteArray("[\"A/\\b\\f\\n\\r\\t\\\"\\\\\xc3\xa9\\u0001\"]");
    QTest::newRow("non-ASCII kept as UTF-8") << QByteArray("[\"\xe6\x97\xa5\xf0\x9f\x9b\x92\"]") << QByteArray("[\"\xe6\x97\xa5\xf0\x9f\x9b\x92\"]");
    QTest::newRow("U+2028 not escaped") << QByteArray(R"(["\u2028"])") << QByteArray("[\"\xe2\x80\xa8\"]");
    QTest::newRow("DEL written as is") << QByteArray(R"(["\u007f"])") << QByteArray("[\"\x7f\"]");
    QTest::newRow("top-level string") << QByteArray(R"("x")") << QByteArray(R"("x")");
    QTest::newRow("top-level number") << QByteArray("-0") << QByteArray("0");
}

void TestJsonParser::roundTrip()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, expected);
    QCOMPARE(reserialize(input), expected);
}

void TestJsonParser::numbers_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("beyond 2^53 rounds") << QByteArray("9007199254740993") << QByteArray("9007199254740992");
    QTest::newRow("21 digits") << QByteArray("123456789012345678901") << QByteArray("123456789012345680000");
    QTest::newRow("1e21 uses exponent") << QByteArray("1e21") << QByteArray("1e+21");
    QTest::newRow("1e20 does not") << QByteArray("100000000000000000000") << QByteArray("100000000000000000000");
    QTest::newRow("1e-6 plain") << QByteArray("0.000001") << QByteArray("0.000001");
    QTest::newRow("1e-7 exponent") << QByteArray("0.0000001") << QByteArray("1e-7");
    QTest::newRow("overflow is Infinity, written null") << QByteArray("1e400") << QByteArray("null");
    QTest::newRow("negative overflow") << QByteArray("-2e308") << QByteArray("null");
    QTest::newRow("underflow is zero") << QByteArray("1e-400") << QByteArray("0");
    QTest::newRow("shortest digits") << QByteArray("0.1") << QByteArray("0.1");
    QTest::newRow("float sum digits") << QByteArray("0.30000000000000004") << QByteArray("0.30000000000000004");
    QTest::newRow("exponent with plus") << QByteArray("1.5E+3") << QByteArray("1500");
    QTest::newRow("negative fraction") << QByteArray("-1.005") << QByteArray("-1.005");
    QTest::newRow("max double") << QByteArray("1.7976931348623157e308") << QByteArray("1.7976931348623157e+308");
    QTest::newRow("denormal") << QByteArray("5e-324") << QByteArray("5e-324");
    QTest::newRow("long mantissa") << QByteArray("3.14159265358979323846264338327950288") << QByteArray("3.141592653589793");
}

void TestJsonParser::numbers()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, expected);
    QCOMPARE(reserialize(input), expected);
}

void TestJsonParser::errors_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("messagePart");
    QTest::newRow("empty input") << QByteArray("") << 1 << 1 << QStringLiteral("end of input");
    QTest::newRow("truncated object") << QByteArray("{\"a\":") << 1 << 6 << QStringLiteral("end of input");
    QTest::newRow("truncated string") << QByteArray("[\"abc") << 1 << 6 << QStringLiteral("unterminated string");
    QTest::newRow("trailing comma") << QByteArray("[1,]") << 1 << 4 << QStringLiteral("expected a value");
    QTest::newRow("single quotes") << QByteArray("{'a':1}") << 1 << 2 << QStringLiteral("property name");
    QTest::newRow("garbage after value") << QByteArray("{}x") << 1 << 3 << QStringLiteral("after the JSON value");
    QTest::newRow("second line") << QByteArray("{\n  \"a\": tru\n}") << 2 << 8 << QStringLiteral("expected a value");
    QTest::newRow("column counts UTF-16 units") << QByteArray("[\"\xf0\x9f\x9b\x92\", x]") << 1 << 8 << QStringLiteral("'x'");
    QTest::newRow("leading zero") << QByteArray("01") << 1 << 2 << QStringLiteral("after the JSON value");
    QTest::newRow("bare minus") << QByteArray("-") << 1 << 2 << QStringLiteral("expected a digit");
    QTest::newRow("dot without digits") << QByteArray("1.") << 1 << 3 << QStringLiteral("decimal point");
    QTest::newRow("exponent without digits") << QByteArray("1e+") << 1 << 4 << QStringLiteral("exponent");
    QTest::newRow("NaN literal") << QByteArray("NaN") << 1 << 1 << QStringLiteral("expected a value");
    QTest::newRow("raw newline in string") << QByteArray("\"a\nb\"") << 1 << 3 << QStringLiteral("control character");
    QTest::newRow("bad escape") << QByteArray(R"("\x")") << 1 << 3 << QStringLiteral("invalid escape");
    QTest::newRow("short unicode escape") << QByteArray(R"("\u12")") << 1 << 6 << QStringLiteral("hexadecimal");
    QTest::newRow("missing colon") << QByteArray(R"({"a" 1})") << 1 << 6 << QStringLiteral("expected ':'");
    QTest::newRow("missing comma in array") << QByteArray("[1 2]") << 1 << 4 << QStringLiteral("expected ',' or ']'");
    QTest::newRow("comment") << QByteArray("// x\n{}") << 1 << 1 << QStringLiteral("expected a value");
}

void TestJsonParser::errors()
{
    QFETCH(QByteArray, input);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QString, messagePart);
    const auto parsed = json::parse(QByteArrayView(input));
    QVERIFY(!parsed.ok());
    QVERIFY2(parsed.error().message.contains(messagePart), qPrintable(parsed.error().message));
    QCOMPARE(parsed.error().location.line, line);
    QCOMPARE(parsed.error().location.column, column);
}

void TestJsonParser::invalidUtf8InStringsIsReplaced_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("expected");
    const QString r(QChar(0xFFFD));
    QTest::newRow("lone continuation byte") << QByteArray("\"a\x80z\"") << (QStringLiteral("a") + r + QStringLiteral("z"));
    QTest::newRow("truncated 3-byte sequence") << QByteArray("\"\xe6\x97z\"") << (r + QStringLiteral("z"));
    QTest::newRow("encoded surrogate is three errors") << QByteArray("\"\xed\xa0\x80\"") << (r + r + r);
    QTest::newRow("overlong encoding") << QByteArray("\"\xc0\xaf\"") << (r + r);
    QTest::newRow("beyond U+10FFFF") << QByteArray("\"\xf4\x90\x80\x80\"") << (r + r + r + r);
}

void TestJsonParser::invalidUtf8InStringsIsReplaced()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, expected);
    const auto parsed = json::parse(QByteArrayView(input));
    QVERIFY(parsed.ok());
    QCOMPARE(parsed.value().toString(), expected);
}

void TestJsonParser::deepNestingIsRefusedNotCrashing()
{
    const QByteArray deep = QByteArray(10000, '[') + QByteArray(10000, ']');
    const auto parsed = json::parse(QByteArrayView(deep));
    QVERIFY(!parsed.ok());
    QVERIFY(parsed.error().message.contains(u"nesting deeper than 1000"));
    QCOMPARE(parsed.error().location.column, 1001);

    const QByteArray deepObjects = QByteArray().fill('x', 0) + QByteArray("{\"a\":").repeated(5000);
    QVERIFY(!json::parse(QByteArrayView(deepObjects)).ok());
}

void TestJsonParser::nestingWithinTheLimitIsAccepted()
{
    const QByteArray nested = QByteArray(1000, '[') + QByteArray(1000, ']');
    const auto parsed = json::parse(QByteArrayView(nested));
    QVERIFY(parsed.ok());
    QCOMPARE(json::stringify(parsed.value()).value(), nested);
}

void TestJsonParser::loneSurrogatesSurvive()
{
    const auto parsed = json::parse(QByteArrayView(R"(["\ud800","\udc00x","\ud83d\ude00"])"));
    QVERIFY(parsed.ok());
    const json::Array &a = parsed.value().toArray();
    QCOMPARE(a[0].toString().size(), 1);
    QCOMPARE(a[0].toString().at(0).unicode(), 0xD800);
    QCOMPARE(a[2].toString().size(), 2); // a proper pair stays two code units
    QCOMPARE(json::stringify(parsed.value()).value(), QByteArray("[\"\\ud800\",\"\\udc00x\",\"\xf0\x9f\x98\x80\"]"));
}

void TestJsonParser::duplicateKeysLastWinsAtFirstPosition_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("short key") << QByteArray(R"({"a":1,"b":2,"a":3})") << QByteArray(R"({"a":3,"b":2})");
    const QByteArray longKey = "\"" + QByteArray(40, 'k') + "\""; // longer than the interner takes
    QTest::newRow("long key") << "{" + longKey + ":1,\"b\":2," + longKey + ":3}" << "{" + longKey + ":3,\"b\":2}";
    QTest::newRow("same length, different keys") << QByteArray(R"({"ab":1,"ba":2})") << QByteArray(R"({"ab":1,"ba":2})");
    QTest::newRow("escaped spelling of the same key") << QByteArray(R"({"a":1,"\u0061":2})") << QByteArray(R"({"a":2})");
    QTest::newRow("index keys first, ascending") << QByteArray(R"({"b":1,"2":2,"1":3,"01":4})")
                                                 << QByteArray(R"({"1":3,"2":2,"b":1,"01":4})");
    QTest::newRow("repeated index key") << QByteArray(R"({"1":1,"b":2,"1":3})") << QByteArray(R"({"1":3,"b":2})");
    // Around the size where objects start hashing their keys.
    for (int members : {23, 24, 30}) {
        QByteArray text = "{", expected = "{";
        for (int i = 0; i < members; ++i) {
            text += (i ? "," : "") + QByteArray("\"k") + QByteArray::number(i) + "\":" + QByteArray::number(i);
            expected += (i ? "," : "") + QByteArray("\"k") + QByteArray::number(i) + "\":"
                        + (i == 3 ? QByteArray("\"dup\"") : QByteArray::number(i));
        }
        QTest::newRow(qPrintable(QStringLiteral("%1 members, one repeated").arg(members)))
            << text + ",\"k3\":\"dup\"}" << expected + "}";
    }
}

void TestJsonParser::duplicateKeysLastWinsAtFirstPosition()
{
    QFETCH(QByteArray, text);
    QFETCH(QByteArray, expected);
    QCOMPARE(reserialize(text), expected);
}

void TestJsonParser::largeObjectStaysLinearAndCorrect()
{
    QByteArray text = "{";
    for (int i = 0; i < 50000; ++i)
        text += (i ? "," : "") + QByteArray("\"k") + QByteArray::number(i) + "\":" + QByteArray::number(i);
    text += ",\"k7\":\"dup\"}";
    const auto parsed = json::parse(QByteArrayView(text));
    QVERIFY(parsed.ok());
    const json::Object &o = parsed.value().toObject();
    QCOMPARE(o.size(), 50000);
    QCOMPARE(o.at(7).second.toString(), QStringLiteral("dup"));
    QCOMPARE(o.value(u"k49999").toNumber(), 49999.0);
}

void TestJsonParser::parsesQStringInput()
{
    const auto parsed = json::parse(QStringView(u"{\"name\":\"Chloé\"}"));
    QVERIFY(parsed.ok());
    QCOMPARE(parsed.value().toObject().value(u"name").toString(), QStringLiteral("Chloé"));
}

QTEST_GUILESS_MAIN(TestJsonParser)
#include "tst_jsonparser.moc"
