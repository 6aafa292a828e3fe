#include "json/jsnumber.h"
#include "json/object.h"
#include "json/parser.h"
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
    void canonicalText_data();
    void canonicalText();
    void canonicalTextIsPerObject();
    void changingAnObjectForgetsItsText();
    void canonicalNumbersRoundTrip_data();
    void canonicalNumbersRoundTrip();
    void indentMatchesJsonStringifyWithSpaces();
    void stopAfterWritesAPrefix_data();
    void stopAfterWritesAPrefix();
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

namespace {

json::Value parseKeepingText(QByteArrayView text)
{
    json::ParseOptions options;
    options.keepCanonicalText = true;
    auto parsed = json::parse(text, options);
    return parsed.ok() ? parsed.value() : json::Value();
}

QByteArray written(const json::Value &value)
{
    return json::stringify(value).value_or(QByteArray("<undefined>"));
}

} // namespace

void TestJsonWriter::canonicalText_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("canonical");
    auto row = [](const char *name, const char *text, bool canonical) {
        QTest::newRow(name) << QByteArray(text) << canonical;
    };
    row("scalars and containers", R"({"a":1,"b":"x","c":[1,2,{"d":null}],"e":true,"f":false,"g":{}})", true);
    row("decimals", R"({"p":19.99,"q":-0.5,"r":0.000001,"s":123456789012.345})", true);
    row("short escapes", R"({"a":"\"\\\n\t\r\b\f"})", true);
    row("control character as \\u, lowercase", R"({"a":"\u0001\u001f"})", true);
    row("non-ASCII as UTF-8", "{\"a\":\"\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80\"}", true);
    row("DEL as it is", "{\"a\":\"\x7F\"}", true);
    row("whitespace", R"({"a": 1})", false);
    row("trailing zero", R"({"a":1.50})", false);
    row("exponent", R"({"a":1e3})", false);
    row("negative zero", R"({"a":-0})", false);
    row("16 digits", R"({"a":1234567890123456})", false);
    row("16 significant digits", R"({"a":0.1234567890123456})", false);
    row("below 1e-6", R"({"a":0.0000001})", false);
    row("escaped slash", R"({"a":"\/"})", false);
    row("letter as \\u", R"({"a":"\u0041"})", false);
    row("uppercase hex", R"({"a":"\u001F"})", false);
    row("newline as \\u", R"({"a":"\u000a"})", false);
    row("lone surrogate", R"({"a":"\ud800"})", false);
    row("repeated key", R"({"a":1,"a":2})", false);
    row("array index key", R"({"b":1,"1":2})", false);
    row("invalid UTF-8", "{\"a\":\"\xFF\"}", false);
    row("deviation deep inside", R"({"a":[{"b":[1.0]}]})", false);
}

void TestJsonWriter::canonicalText()
{
    QFETCH(QByteArray, text);
    QFETCH(bool, canonical);
    const json::Value kept = parseKeepingText(text);
    QVERIFY(kept.isObject());
    QCOMPARE(QByteArray::fromStdString(std::string(kept.toObject().canonicalText())), canonical ? text : QByteArray());
    // Whether or not the text is kept, writing gives what writing the plainly parsed value gives.
    QCOMPARE(written(kept), written(json::parse(QByteArrayView(text)).value()));
    if (canonical)
        QCOMPARE(written(kept), text);
}

void TestJsonWriter::canonicalTextIsPerObject()
{
    const json::Value kept = parseKeepingText(R"({"a": 1,"b":{"c":[2,{"d":3}]}})");
    QVERIFY(kept.toObject().canonicalText().empty());
    const json::Value &b = *kept.toObject().find(u"b");
    QCOMPARE(b.toObject().canonicalText(), std::string_view(R"({"c":[2,{"d":3}]})"));
    QCOMPARE(written(kept), QByteArray(R"({"a":1,"b":{"c":[2,{"d":3}]}})"));
    // Not kept unless asked for.
    QVERIFY(json::parse(QByteArrayView(R"({"c":1})")).value().toObject().canonicalText().empty());
}

void TestJsonWriter::changingAnObjectForgetsItsText()
{
    const json::Value kept = parseKeepingText(R"({"a":1,"b":2})");
    json::Object changed = kept.toObject();
    QCOMPARE(changed.canonicalText(), std::string_view(R"({"a":1,"b":2})")); // an unchanged copy
    changed.set(QStringLiteral("c"), json::Value(3));
    QVERIFY(changed.canonicalText().empty());
    QCOMPARE(written(json::Value(changed)), QByteArray(R"({"a":1,"b":2,"c":3})"));
    json::Object removed = kept.toObject();
    removed.remove(QStringLiteral("a"));
    QCOMPARE(written(json::Value(removed)), QByteArray(R"({"b":2})"));
    json::Object overwritten = kept.toObject();
    overwritten.set(QStringLiteral("a"), json::Value(5));
    QCOMPARE(written(json::Value(overwritten)), QByteArray(R"({"a":5,"b":2})"));
    QCOMPARE(written(kept), QByteArray(R"({"a":1,"b":2})")); // the original is untouched
}

void TestJsonWriter::canonicalNumbersRoundTrip_data()
{
    QTest::addColumn<QByteArray>("number");
    // Number texts of every shape: the parser's verdict must never change what is written.
    quint64 state = 0x9E3779B97F4A7C15ull;
    auto next = [&state] {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        return state;
    };
    for (int i = 0; i < 3000; ++i) {
        QByteArray text;
        if (next() % 4 == 0)
            text += '-';
        const int intDigits = int(next() % 18);
        text += intDigits == 0 ? QByteArray("0") : QByteArray::number(1 + next() % 9);
        for (int d = 1; d < intDigits; ++d)
            text += char('0' + next() % 10);
        if (next() % 3 != 0) {
            text += '.';
            const int fractionDigits = 1 + int(next() % 18);
            const int zeros = int(next() % 9);
            for (int d = 0; d < fractionDigits; ++d)
                text += d < zeros ? '0' : char('0' + next() % 10);
        }
        if (next() % 10 == 0)
            text += "e" + QByteArray::number(int(next() % 40) - 20);
        QTest::newRow(text.constData()) << text;
    }
}

void TestJsonWriter::canonicalNumbersRoundTrip()
{
    QFETCH(QByteArray, number);
    const QByteArray text = "{\"n\":" + number + "}";
    const json::Value kept = parseKeepingText(text);
    QVERIFY(kept.isObject());
    QCOMPARE(written(kept), written(json::parse(QByteArrayView(text)).value()));
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

void TestJsonWriter::stopAfterWritesAPrefix_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("keepText");
    QTest::addColumn<int>("indent");
    QTest::addColumn<int>("stopAfter");
    const QByteArray large = R"({"type":"track","properties":{"products":[{"sku":"a","price":1},{"sku":"b","price":2},)"
                             R"({"sku":"c","price":3}],"total":6},"userId":"ü-user"})";
    for (const bool keepText : {false, true}) {
        for (const int indent : {0, 2}) {
            for (const int stopAfter : {1, 10, 40, 99, 1000}) {
                QTest::addRow("%s, indent %d, stop after %d", keepText ? "kept text" : "parsed", indent, stopAfter)
                    << large << keepText << indent << stopAfter;
            }
        }
    }
    QTest::newRow("array") << QByteArray("[1,2,3,4,5,6,7,8,9,10]") << false << 0 << 5;
    QTest::newRow("scalar is whole") << QByteArray(R"("a long string, longer than the limit")") << false << 0 << 3;
}

void TestJsonWriter::stopAfterWritesAPrefix()
{
    QFETCH(QByteArray, text);
    QFETCH(bool, keepText);
    QFETCH(int, indent);
    QFETCH(int, stopAfter);
    const json::Value value = keepText ? parseKeepingText(text) : json::parse(QByteArrayView(text)).value();
    const QByteArray whole = json::stringify(value, {indent}).value();
    json::WriteOptions options{indent};
    options.stopAfter = size_t(stopAfter);
    const QByteArray cut = json::stringify(value, options).value();
    QVERIFY2(whole.startsWith(cut), cut.constData());
    // Longer than the limit (so a caller knows there is more), or else the whole text.
    QVERIFY(cut.size() > stopAfter || cut == whole);
    if (whole.size() > 2 * stopAfter + 40)
        QVERIFY2(cut.size() < whole.size(), "the writer stopped early");
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
