#include "json/jsnumber.h"
#include "json/object.h"
#include "json/writer.h"

#include <QTest>

#include <cmath>
#include <limits>

using namespace inkmapper;

class TestJsonWriter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void numberToString_data();
    void numberToString();
    void stringEscaping_data();
    void stringEscaping();
    void undefinedAndFunctionsAreDroppedFromObjects();
    void undefinedAndFunctionsBecomeNullInArrays();
    void topLevelUndefinedHasNoText();
    void rememberedSubtreesGiveTheSameText();
    void indentMatchesJsonStringifyWithSpaces();
    void stringToNumber_data();
    void stringToNumber();
};

void TestJsonWriter::numberToString_data()
{
    QTest::addColumn<double>("value");
    QTest::addColumn<QString>("expected");
    QTest::newRow("zero") << 0.0 << QStringLiteral("0");
    QTest::newRow("negative zero") << -0.0 << QStringLiteral("0");
    QTest::newRow("integer") << 42.0 << QStringLiteral("42");
    QTest::newRow("negative") << -7.25 << QStringLiteral("-7.25");
    QTest::newRow("2^53") << 9007199254740992.0 << QStringLiteral("9007199254740992");
    QTest::newRow("1e21") << 1e21 << QStringLiteral("1e+21");
    QTest::newRow("just below 1e21") << 999999999999999900000.0 << QStringLiteral("999999999999999900000");
    QTest::newRow("1e-6") << 1e-6 << QStringLiteral("0.000001");
    QTest::newRow("1.5e-7") << 1.5e-7 << QStringLiteral("1.5e-7");
    QTest::newRow("tiny") << 5e-324 << QStringLiteral("5e-324");
    QTest::newRow("huge") << 1.7976931348623157e308 << QStringLiteral("1.7976931348623157e+308");
    QTest::newRow("one third") << 1.0 / 3 << QStringLiteral("0.3333333333333333");
    QTest::newRow("123e-20") << 123e-20 << QStringLiteral("1.23e-18");
    QTest::newRow("NaN") << std::numeric_limits<double>::quiet_NaN() << QStringLiteral("NaN");
    QTest::newRow("Infinity") << std::numeric_limits<double>::infinity() << QStringLiteral("Infinity");
    QTest::newRow("-Infinity") << -std::numeric_limits<double>::infinity() << QStringLiteral("-Infinity");
}

void TestJsonWriter::numberToString()
{
    QFETCH(double, value);
    QFETCH(QString, expected);
    QCOMPARE(json::numberToString(value), expected);
}

void TestJsonWriter::stringEscaping_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("quote and backslash") << QStringLiteral("a\"b\\c") << QByteArray(R"("a\"b\\c")");
    QTest::newRow("short escapes") << QStringLiteral("\b\f\n\r\t") << QByteArray(R"("\b\f\n\r\t")");
    QTest::newRow("other controls lower-case hex") << QString(QChar(0x1f)) + QChar(0) << QByteArray(R"("\u001f\u0000")");
    QTest::newRow("slash and angle bracket kept") << QStringLiteral("</script>") << QByteArray(R"("</script>")");
    QTest::newRow("lone high surrogate") << QString(QChar(0xD800)) << QByteArray(R"("\ud800")");
    QTest::newRow("lone low surrogate") << QString(QChar(0xDFFF)) << QByteArray(R"("\udfff")");
    QTest::newRow("reversed pair") << QString(QChar(0xDC00)) + QChar(0xD800) << QByteArray(R"("\udc00\ud800")");
    QTest::newRow("pair becomes 4 bytes") << QString::fromUtf8("\xf0\x9f\x94\x91") << QByteArray("\"\xf0\x9f\x94\x91\"");
    QTest::newRow("latin-1 becomes 2 bytes") << QString::fromUtf8("\xc3\xa9") << QByteArray("\"\xc3\xa9\"");
}

void TestJsonWriter::stringEscaping()
{
    QFETCH(QString, value);
    QFETCH(QByteArray, expected);
    QCOMPARE(json::stringify(json::Value(value)).value(), expected);
}

void TestJsonWriter::undefinedAndFunctionsAreDroppedFromObjects()
{
    json::Object o;
    o.set(QStringLiteral("a"), json::Value());
    o.set(QStringLiteral("b"), json::Value(json::Function{QStringLiteral("Object")}));
    o.set(QStringLiteral("c"), json::Value::null());
    QCOMPARE(json::stringify(json::Value(o)).value(), QByteArray(R"({"c":null})"));
}

void TestJsonWriter::undefinedAndFunctionsBecomeNullInArrays()
{
    json::Array a{json::Value(), json::Value(json::Function{QStringLiteral("x")}), json::Value(std::nan(""))};
    QCOMPARE(json::stringify(json::Value(a)).value(), QByteArray("[null,null,null]"));
}

void TestJsonWriter::topLevelUndefinedHasNoText()
{
    QVERIFY(!json::stringify(json::Value()).has_value());
    QVERIFY(!json::stringify(json::Value(json::Function{QStringLiteral("f")})).has_value());
    QVERIFY(json::toJsonString(json::Value()).isNull());
}

void TestJsonWriter::rememberedSubtreesGiveTheSameText()
{
    // A large shared subtree, as when several mappings send the same event's properties.
    json::Object properties;
    for (int i = 0; i < 40; ++i)
        properties.set(QStringLiteral("key%1").arg(i), json::Value(QStringLiteral("value \"%1\" \u00e9").arg(i)));
    const json::Value shared{properties};
    json::Object wrapper;
    wrapper.set(QStringLiteral("props"), shared);
    json::Object equalButNotShared;
    equalButNotShared.set(QStringLiteral("other"), json::Value(json::Object(properties)));

    json::SerializedSubtrees subtrees;
    for (const json::Value &value : {shared, json::Value(wrapper), json::Value(equalButNotShared), shared}) {
        std::string remembered;
        QVERIFY(json::appendJson(remembered, value, subtrees));
        QCOMPARE(QByteArray::fromStdString(remembered), json::stringify(value).value());
    }
    // Found by identity only: the shared object was remembered, its equal copy was not looked up as it.
    QVERIFY(subtrees.find(shared) != nullptr);
    QVERIFY(subtrees.find(equalButNotShared.value(u"other")) != nullptr); // remembered when written
    QVERIFY(subtrees.find(json::Value(json::Object(properties))) == nullptr);
    subtrees.clear();
    QVERIFY(subtrees.find(shared) == nullptr);
}

void TestJsonWriter::indentMatchesJsonStringifyWithSpaces()
{
    json::Object inner;
    inner.set(QStringLiteral("x"), json::Value(json::Array{json::Value(1), json::Value(true)}));
    inner.set(QStringLiteral("e"), json::Value(json::Object()));
    json::Object outer;
    outer.set(QStringLiteral("a"), json::Value(inner));
    outer.set(QStringLiteral("b"), json::Value(json::Array()));
    // node -e 'console.log(JSON.stringify({a:{x:[1,true],e:{}},b:[]},null,2))'
    QCOMPARE(json::stringify(json::Value(outer), {2}).value(),
             QByteArray("{\n  \"a\": {\n    \"x\": [\n      1,\n      true\n    ],\n    \"e\": {}\n  },\n  \"b\": []\n}"));
}

void TestJsonWriter::stringToNumber_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<double>("expected");
    QTest::newRow("empty is zero") << QString() << 0.0;
    QTest::newRow("spaces trimmed") << QStringLiteral(" \t12\n") << 12.0;
    QTest::newRow("hex") << QStringLiteral("0x1f") << 31.0;
    QTest::newRow("binary") << QStringLiteral("0b101") << 5.0;
    QTest::newRow("octal") << QStringLiteral("0o17") << 15.0;
    QTest::newRow("exponent") << QStringLiteral("1e3") << 1000.0;
    QTest::newRow("leading dot") << QStringLiteral("-.5") << -0.5;
    QTest::newRow("trailing dot") << QStringLiteral("5.") << 5.0;
    QTest::newRow("plus sign") << QStringLiteral("+7") << 7.0;
    QTest::newRow("Infinity") << QStringLiteral("-Infinity") << -std::numeric_limits<double>::infinity();
    QTest::newRow("overflow") << QStringLiteral("1e999") << std::numeric_limits<double>::infinity();
}

void TestJsonWriter::stringToNumber()
{
    QFETCH(QString, text);
    QFETCH(double, expected);
    QCOMPARE(json::stringToNumber(text), expected);
}

QTEST_GUILESS_MAIN(TestJsonWriter)
#include "tst_jsonwriter.moc"
