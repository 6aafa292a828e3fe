// @template's render(): the `{{{x}}}` pass, then the `{{x}}` pass, JavaScript string conversion and
// trimming (expectations checked against Node), and the compiled form prepared mappings use.

#include "mapping/placeholders.h"

#include "json/object.h"
#include "json/parser.h"

#include <QTest>

using namespace inkmapper;

class TestPlaceholders : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void render_data();
    void render();
    void compiledAgrees_data() { render_data(); }
    void compiledAgrees();
    void compileRefusesTriplePlaceholders();
    void undefinedDataIsEmptyObject();
    void hugeTemplate();
};

namespace {

const json::Value &data()
{
    static const json::Value value = json::parse(QByteArrayView(
        R"({"a":{"b":[1,{"c":0}]},"s":"str","n":0,"z":null,"arr":[[1,2],[null]],"o":{},"":"E"," x":"SX",)"
        R"("t":"{{s}}","num":1e21,"small":1e-7,"neg":-0,"f":false,"d":"$&$1"})")).value();
    return value;
}

} // namespace

void TestPlaceholders::render_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");
    QTest::newRow("array with an object") << QStringLiteral("{{a.b}}") << QStringLiteral("1,[object Object]");
    QTest::newRow("triple") << QStringLiteral("{{{s}}}") << QStringLiteral("str");
    QTest::newRow("trimmed") << QStringLiteral("{{ s }}") << QStringLiteral("str");
    QTest::newRow("unclosed") << QStringLiteral("{{s}") << QStringLiteral("{{s}");
    QTest::newRow("three open two closed") << QStringLiteral("{{{s}}") << QString();
    QTest::newRow("four braces") << QStringLiteral("{{{{s}}}}") << QStringLiteral("}");
    QTest::newRow("empty placeholder stays") << QStringLiteral("{{}}") << QStringLiteral("{{}}");
    QTest::newRow("blank placeholder is the whole data") << QStringLiteral("{{ }}") << QStringLiteral("[object Object]");
    QTest::newRow("zero, null, missing") << QStringLiteral("{{n}}{{z}}{{q}}") << QStringLiteral("0");
    QTest::newRow("nested arrays and null") << QStringLiteral("{{arr}}") << QStringLiteral("1,2,");
    QTest::newRow("object") << QStringLiteral("{{o}}") << QStringLiteral("[object Object]");
    QTest::newRow("both passes") << QStringLiteral("x{{{ s }}}y{{s}}z") << QStringLiteral("xstrystrz");
    QTest::newRow("extra closing brace") << QStringLiteral("{{{a}}}}") << QStringLiteral("[object Object]}");
    QTest::newRow("inner braces") << QStringLiteral("{{ {{s}} }}") << QStringLiteral(" }}");
    QTest::newRow("braces outside") << QStringLiteral("}}{{s}}{{") << QStringLiteral("}}str{{");
    QTest::newRow("JavaScript white space") << QStringLiteral("{{\u3000s\u2028}}") << QStringLiteral("str");
    QTest::newRow("zero width space is not white space") << QStringLiteral("{{\u200bs}}") << QString();
    QTest::newRow("value rendered again by the second pass") << QStringLiteral("{{{t}}}") << QStringLiteral("str");
    QTest::newRow("value not rendered again in the same pass") << QStringLiteral("{{t}}") << QStringLiteral("{{s}}");
    QTest::newRow("numbers as JavaScript prints them") << QStringLiteral("{{num}} {{small}} {{neg}} {{f}}")
                                                       << QStringLiteral("1e+21 1e-7 0 false");
    QTest::newRow("dollar signs are not special") << QStringLiteral("{{d}}") << QStringLiteral("$&$1");
    QTest::newRow("empty key") << QStringLiteral("{{['']}}") << QStringLiteral("E");
    QTest::newRow("no placeholders") << QStringLiteral("plain {text}") << QStringLiteral("plain {text}");
    QTest::newRow("empty template") << QString() << QString();
}

void TestPlaceholders::render()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    QCOMPARE(mapping::renderTemplate(text, data()), expected);
}

void TestPlaceholders::compiledAgrees()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    const std::optional<mapping::CompiledTemplate> compiled = mapping::compileTemplate(text);
    if (!compiled)
        QSKIP("the {{{ }}} pass matches: such templates are always rendered from text");
    QCOMPARE(mapping::renderCompiledTemplate(*compiled, data()), expected);
}

void TestPlaceholders::compileRefusesTriplePlaceholders()
{
    QVERIFY(!mapping::compileTemplate(QStringLiteral("a{{{s}}}b")).has_value());
    QVERIFY(mapping::compileTemplate(QStringLiteral("a{{{}}}b{{s}}")).has_value());
    const std::optional<mapping::CompiledTemplate> compiled = mapping::compileTemplate(QStringLiteral("a{{s}}b{{ n }}"));
    QVERIFY(compiled.has_value());
    QCOMPARE(compiled->segments.size(), size_t(4));
}

void TestPlaceholders::undefinedDataIsEmptyObject()
{
    // render(template, data = {}): an undefined payload renders `{{ }}` as an object.
    QCOMPARE(mapping::renderTemplate(QStringLiteral("{{ }}|{{a}}"), json::Value()), QStringLiteral("[object Object]|"));
    const std::optional<mapping::CompiledTemplate> compiled = mapping::compileTemplate(QStringLiteral("{{ }}|{{a}}"));
    QVERIFY(compiled.has_value());
    QCOMPARE(mapping::renderCompiledTemplate(*compiled, json::Value()), QStringLiteral("[object Object]|"));
}

void TestPlaceholders::hugeTemplate()
{
    // Many placeholders and many unmatched braces: both passes stay linear.
    QString text;
    for (int i = 0; i < 100000; ++i)
        text += QStringLiteral("{{s}}{-");
    const QString rendered = mapping::renderTemplate(text, data());
    QCOMPARE(rendered.size(), qsizetype(100000 * 5));
    QVERIFY(rendered.startsWith(QStringLiteral("str{-str{-")));
    // Without the `-` each `{` joins the next placeholder into `{{{s}}`, whose key is `{s`.
    QCOMPARE(mapping::renderTemplate(QStringLiteral("{{s}}{{{s}}{"), data()), QStringLiteral("str{"));
}

QTEST_GUILESS_MAIN(TestPlaceholders)
#include "tst_placeholders.moc"
