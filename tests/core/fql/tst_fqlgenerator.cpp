#include "fqltestdata.h"

#include "fql/generator.h"
#include "fql/parser.h"

#include "json/object.h"

#include <QTest>

using namespace inkmapper;
using namespace inkmapper::fql;
using namespace Qt::StringLiterals;

namespace {

json::Value parseJson(const QString &text)
{
    auto parsed = json::parse(QStringView(text));
    if (!parsed.ok())
        qFatal("bad JSON in test: %s", qPrintable(text));
    return parsed.value();
}

// A group with one leaf: {"type":"group","operator":"and","children":[LEAF]}.
QString groupOf(const QString &leaf)
{
    return u"{\"type\":\"group\",\"operator\":\"and\",\"children\":["_s + leaf + u"]}"_s;
}

} // namespace

class TestFqlGenerator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // Every line of data/generate.jsonl: generateFql's text for odd and malformed trees, or its throwing.
    void matchesGenerateFql_data()
    {
        QTest::addColumn<QString>("ast");
        QTest::addColumn<QString>("fql");
        QTest::addColumn<bool>("fails");
        const auto lines = testing::readJsonLines(QFINDTESTDATA("data/generate.jsonl"));
        QVERIFY(lines.size() > 300);
        for (const auto &[number, row] : lines) {
            const json::Object &o = row.toObject();
            QTest::newRow(testing::rowLabel(number, o.value(u"ast")).constData())
                << testing::jsonText(o.value(u"ast")) << (o.contains(u"fql") ? o.value(u"fql").toString() : QString())
                << o.contains(u"error");
        }
    }

    void matchesGenerateFql()
    {
        QFETCH(QString, ast);
        QFETCH(QString, fql);
        QFETCH(bool, fails);
        const Result<QString> result = generate(parseJson(ast));
        QCOMPARE(!result.ok(), fails);
        if (!fails)
            QCOMPARE(result.value(), fql);
        else
            QVERIFY(!result.error().message.isEmpty());
    }

    // generateFql's formatting rules, one per row.
    void formatting_data()
    {
        QTest::addColumn<QString>("ast");
        QTest::addColumn<QString>("fql");
        QTest::newRow("string value quoted, not escaped")
            << groupOf(u"{\"type\":\"event\",\"operator\":\"=\",\"value\":\"say \\\"hi\\\" \\\\o/\"}"_s)
            << u"event = \"say \"hi\" \\o/\""_s;
        QTest::newRow("number and boolean bare") << groupOf(u"{\"type\":\"userId\",\"operator\":\"!=\",\"value\":1e21}"_s)
                                                 << u"userId != 1e+21"_s;
        QTest::newRow("null value as text") << groupOf(u"{\"type\":\"name\",\"operator\":\"=\",\"value\":null}"_s)
                                            << u"name = \"null\""_s;
        QTest::newRow("missing value") << groupOf(u"{\"type\":\"name\",\"operator\":\"=\"}"_s) << u"name = \"undefined\""_s;
        QTest::newRow("object value") << groupOf(u"{\"type\":\"name\",\"operator\":\"=\",\"value\":{}}"_s)
                                      << u"name = \"[object Object]\""_s;
        QTest::newRow("array value") << groupOf(u"{\"type\":\"name\",\"operator\":\"=\",\"value\":[1,null,[2,3]]}"_s)
                                     << u"name = \"1,,2,3\""_s;
        QTest::newRow("missing operator") << groupOf(u"{\"type\":\"event\",\"value\":\"x\"}"_s) << u"event undefined \"x\""_s;
        QTest::newRow("numeric operator uses Number()") << groupOf(u"{\"type\":\"event-type\",\"operator\":\"<\",\"value\":\"0x10\"}"_s)
                                                        << u"type < 16"_s;
        QTest::newRow("number_equals of text") << groupOf(u"{\"type\":\"event-trait\",\"name\":\"a\",\"operator\":\"number_equals\",\"value\":\"x\"}"_s)
                                               << u"traits.a = NaN"_s;
        QTest::newRow("negative zero") << groupOf(u"{\"type\":\"event-property\",\"name\":\"a\",\"operator\":\">=\",\"value\":-0}"_s)
                                       << u"properties.a >= 0"_s;
        QTest::newRow("field escaping") << groupOf(u"{\"type\":\"event-context\",\"name\":\"a b.c-d_e[0]ü😀\",\"operator\":\"exists\"}"_s)
                                        << u"context.a\\ b.c-d_e\\[0\\]\\ü\\\xd83d\\\xde00 != null"_s;
        QTest::newRow("non-string field name") << groupOf(u"{\"type\":\"event-property\",\"name\":[\"a\",\"b\"],\"operator\":\"is_true\"}"_s)
                                               << u"properties.a,b = true"_s;
        QTest::newRow("missing field name") << groupOf(u"{\"type\":\"event-property\",\"operator\":\"is_false\"}"_s)
                                            << u"properties.undefined = false"_s;
        QTest::newRow("empty group") << u"{\"type\":\"group\",\"operator\":\"or\",\"children\":[]}"_s << QString();
        QTest::newRow("lone nested group unwrapped")
            << groupOf(u"{\"type\":\"group\",\"operator\":\"or\",\"children\":[{\"type\":\"event\",\"operator\":\"=\",\"value\":\"a\"}]}"_s)
            << u"event = \"a\""_s;
        QTest::newRow("parentheses inside values count")
            << groupOf(u"{\"type\":\"group\",\"operator\":\"or\",\"children\":[{\"type\":\"event\",\"operator\":\"=\",\"value\":\"(a)\"}]}"_s)
            << u"(event = \"(a)\")"_s;
        QTest::newRow("text that merely looks wrapped")
            << groupOf(u"{\"type\":\"event\",\"operator\":\"=\",\"value\":\"x\"},{\"type\":\"event\",\"operator\":\"ends_with\",\"value\":\"y\"}"_s)
            << u"event = \"x\" and match(event, \"*y\")"_s;
        QTest::newRow("group operator as text") << u"{\"type\":\"group\",\"operator\":[\"x\",\"y\"],\"children\":[{\"type\":\"userId\",\"operator\":\"exists\"},{\"type\":\"userId\",\"operator\":\"exists\"}]}"_s
                                                << u"userId != null x,y userId != null"_s;
        QTest::newRow("leaf type not checked at the root") << u"{\"type\":\"event\",\"operator\":\"and\",\"children\":[{\"type\":\"userId\",\"operator\":\"exists\"}]}"_s
                                                           << u"userId != null"_s;
    }

    void formatting()
    {
        QFETCH(QString, ast);
        QFETCH(QString, fql);
        const Result<QString> result = generate(parseJson(ast));
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message));
        QCOMPARE(result.value(), fql);
    }

    // Where generateFql throws.
    void errors_data()
    {
        QTest::addColumn<QString>("ast");
        QTest::addColumn<QString>("message");
        QTest::newRow("error AST") << u"{\"error\":{\"message\":\"boom\"}}"_s << u"boom"_s;
        QTest::newRow("null AST") << u"null"_s << u"Cannot read properties of null (reading 'error')"_s;
        QTest::newRow("unknown type") << groupOf(u"{\"type\":\"weird\",\"operator\":\"=\"}"_s) << u"Unknown condition type"_s;
        QTest::newRow("null child") << groupOf(u"null"_s) << u"Cannot read properties of null (reading 'type')"_s;
        QTest::newRow("leaf at the root") << u"{\"type\":\"event\",\"operator\":\"=\",\"value\":\"x\"}"_s
                                          << u"Cannot read properties of undefined (reading 'map')"_s;
        QTest::newRow("children not an array") << u"{\"type\":\"group\",\"operator\":\"and\",\"children\":\"ab\"}"_s
                                               << u"node.children.map is not a function"_s;
        QTest::newRow("value with its own toString") << groupOf(u"{\"type\":\"event\",\"operator\":\"=\",\"value\":{\"toString\":1}}"_s)
                                                     << u"Cannot convert object to primitive value"_s;
        QTest::newRow("deep unknown type")
            << groupOf(u"{\"type\":\"group\",\"operator\":\"or\",\"children\":[{\"type\":\"Event\",\"operator\":\"=\"}]}"_s)
            << u"Unknown condition type"_s;
    }

    void errors()
    {
        QFETCH(QString, ast);
        QFETCH(QString, message);
        const Result<QString> result = generate(parseJson(ast));
        QVERIFY(!result.ok());
        QCOMPARE(result.error().message, message);
    }

    // Deeply nested groups (far deeper than FQL can express) still generate, with every parenthesis.
    void deepNesting()
    {
        QString ast = u"{\"type\":\"event\",\"operator\":\"=\",\"value\":\"x\"}"_s;
        for (int i = 0; i < 400; ++i)
            ast = u"{\"type\":\"group\",\"operator\":\"or\",\"children\":["_s + ast + u"]}"_s;
        const Result<QString> result = generate(parseJson(ast));
        QVERIFY(result.ok());
        QCOMPARE(result.value(), QString(399, u'(') + u"event = \"x\""_s + QString(399, u')'));
        // Segment's parser cannot read that back: parentheses nest one level only.
        QVERIFY(!parse(result.value()).ok());
    }
};

QTEST_GUILESS_MAIN(TestFqlGenerator)
#include "tst_fqlgenerator.moc"
