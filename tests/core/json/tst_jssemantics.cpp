#include "json/jssemantics.h"
#include "json/object.h"
#include "json/parser.h"

#include <QTest>

#include <cmath>

using namespace inkmapper;
using namespace Qt::StringLiterals;

class TestJsSemantics : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void toJsString_data();
    void toJsString();
    void getProperty_data();
    void getProperty();
    void truthiness_data();
    void truthiness();
    void looseEqualsEmptyString_data();
    void looseEqualsEmptyString();
    void realTypeOf_data();
    void realTypeOf();
};

static json::Value parsed(const char *text)
{
    const auto r = json::parse(QByteArrayView(text));
    return r.ok() ? r.value() : json::Value();
}

void TestJsSemantics::toJsString_data()
{
    QTest::addColumn<json::Value>("value");
    QTest::addColumn<QString>("expected");
    QTest::newRow("undefined") << json::Value() << u"undefined"_s;
    QTest::newRow("null") << json::Value::null() << u"null"_s;
    QTest::newRow("number") << json::Value(1e21) << u"1e+21"_s;
    QTest::newRow("array joins, null elements empty") << parsed("[1,null,\"a\",[2,[3]],true]") << u"1,,a,2,3,true"_s;
    QTest::newRow("object") << parsed("{\"a\":1}") << u"[object Object]"_s;
    QTest::newRow("array of objects") << parsed("[{},{}]") << u"[object Object],[object Object]"_s;
    QTest::newRow("function") << json::Value(json::Function{u"Object"_s}) << u"function Object() { [native code] }"_s;
}

void TestJsSemantics::toJsString()
{
    QFETCH(json::Value, value);
    QFETCH(QString, expected);
    QCOMPARE(json::toJsString(value), expected);
}

void TestJsSemantics::getProperty_data()
{
    QTest::addColumn<json::Value>("base");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("expectedType");
    QTest::addColumn<QString>("expectedString");
    QTest::newRow("own property") << parsed("{\"a\":\"x\"}") << u"a"_s << u"string"_s << u"x"_s;
    QTest::newRow("missing property") << parsed("{\"a\":1}") << u"b"_s << u"undefined"_s << u"undefined"_s;
    QTest::newRow("object constructor") << parsed("{}") << u"constructor"_s << u"function"_s << u"function Object() { [native code] }"_s;
    QTest::newRow("own constructor wins") << parsed("{\"constructor\":1}") << u"constructor"_s << u"number"_s << u"1"_s;
    QTest::newRow("object toString") << parsed("{}") << u"toString"_s << u"function"_s << u"function toString() { [native code] }"_s;
    QTest::newRow("__proto__ of an object") << parsed("{}") << u"__proto__"_s << u"object"_s << u"[object Object]"_s;
    QTest::newRow("string length counts UTF-16 units") << json::Value(QString::fromUtf8("a\xf0\x9f\x9b\x92")) << u"length"_s << u"number"_s << u"3"_s;
    QTest::newRow("string index") << json::Value(u"abc"_s) << u"1"_s << u"string"_s << u"b"_s;
    QTest::newRow("string index out of range") << json::Value(u"abc"_s) << u"3"_s << u"undefined"_s << u"undefined"_s;
    QTest::newRow("string non-canonical index") << json::Value(u"abc"_s) << u"01"_s << u"undefined"_s << u"undefined"_s;
    QTest::newRow("string method") << json::Value(u"abc"_s) << u"toUpperCase"_s << u"function"_s << u"function toUpperCase() { [native code] }"_s;
    QTest::newRow("array length") << parsed("[1,2]") << u"length"_s << u"number"_s << u"2"_s;
    QTest::newRow("array element") << parsed("[1,2]") << u"1"_s << u"number"_s << u"2"_s;
    QTest::newRow("array method") << parsed("[1,2]") << u"map"_s << u"function"_s << u"function map() { [native code] }"_s;
    QTest::newRow("array constructor") << parsed("[]") << u"constructor"_s << u"function"_s << u"function Array() { [native code] }"_s;
    QTest::newRow("number method") << json::Value(5) << u"toFixed"_s << u"function"_s << u"function toFixed() { [native code] }"_s;
    QTest::newRow("number has no length") << json::Value(5) << u"length"_s << u"undefined"_s << u"undefined"_s;
    QTest::newRow("boolean constructor") << json::Value(true) << u"constructor"_s << u"function"_s << u"function Boolean() { [native code] }"_s;
    QTest::newRow("null has nothing") << json::Value::null() << u"a"_s << u"undefined"_s << u"undefined"_s;
}

void TestJsSemantics::getProperty()
{
    QFETCH(json::Value, base);
    QFETCH(QString, key);
    QFETCH(QString, expectedType);
    QFETCH(QString, expectedString);
    const json::Value v = json::getProperty(base, key);
    QCOMPARE(json::realTypeOf(v), expectedType);
    QCOMPARE(json::toJsString(v), expectedString);
}

void TestJsSemantics::truthiness_data()
{
    QTest::addColumn<json::Value>("value");
    QTest::addColumn<bool>("truthy");
    QTest::newRow("undefined") << json::Value() << false;
    QTest::newRow("null") << json::Value::null() << false;
    QTest::newRow("false") << json::Value(false) << false;
    QTest::newRow("0") << json::Value(0) << false;
    QTest::newRow("-0") << json::Value(-0.0) << false;
    QTest::newRow("NaN") << json::Value(std::nan("")) << false;
    QTest::newRow("empty string") << json::Value(QString()) << false;
    QTest::newRow("\"0\"") << json::Value(u"0"_s) << true;
    QTest::newRow("empty array") << parsed("[]") << true;
    QTest::newRow("empty object") << parsed("{}") << true;
}

void TestJsSemantics::truthiness()
{
    QFETCH(json::Value, value);
    QFETCH(bool, truthy);
    QCOMPARE(value.isTruthy(), truthy);
}

void TestJsSemantics::looseEqualsEmptyString_data()
{
    QTest::addColumn<json::Value>("value");
    QTest::addColumn<bool>("equal");
    QTest::newRow("0") << json::Value(0) << true;
    QTest::newRow("false") << json::Value(false) << true;
    QTest::newRow("\"\"") << json::Value(QString()) << true;
    QTest::newRow("[]") << parsed("[]") << true;
    QTest::newRow("[\"\"]") << parsed("[\"\"]") << true;
    QTest::newRow("[[]]") << parsed("[[]]") << true;
    QTest::newRow("[null]") << parsed("[null]") << true;
    QTest::newRow("\" \"") << json::Value(u" "_s) << false;
    QTest::newRow("\"0\"") << json::Value(u"0"_s) << false;
    QTest::newRow("[0]") << parsed("[0]") << false;
    QTest::newRow("{}") << parsed("{}") << false;
    QTest::newRow("null") << json::Value::null() << false;
    QTest::newRow("undefined") << json::Value() << false;
}

void TestJsSemantics::looseEqualsEmptyString()
{
    QFETCH(json::Value, value);
    QFETCH(bool, equal);
    QCOMPARE(json::looseEqualsEmptyString(value), equal);
}

void TestJsSemantics::realTypeOf_data()
{
    QTest::addColumn<json::Value>("value");
    QTest::addColumn<QString>("type");
    QTest::newRow("array") << parsed("[]") << u"array"_s;
    QTest::newRow("object") << parsed("{}") << u"object"_s;
    QTest::newRow("null") << json::Value::null() << u"null"_s;
    QTest::newRow("number") << json::Value(1) << u"number"_s;
}

void TestJsSemantics::realTypeOf()
{
    QFETCH(json::Value, value);
    QFETCH(QString, type);
    QCOMPARE(json::realTypeOf(value), type);
}

QTEST_GUILESS_MAIN(TestJsSemantics)
#include "tst_jssemantics.moc"
