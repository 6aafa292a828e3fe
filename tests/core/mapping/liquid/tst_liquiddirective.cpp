// The @liquid directive around the engine: value checks, the 1000-code-unit limit, the template cache,
// and rendering one parsed template against many events (what the benchmark does).
#include "mapping/liquid/liquiddirective.h"
#include "mapping/liquid/liquidtemplate.h"
#include "mapping/liquid/templatecache.h"

#include "json/object.h"
#include "json/parser.h"

#include <QTest>

using namespace inkmapper;
using namespace Qt::StringLiterals;

class TestLiquidDirective : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void templateValue_data();
    void templateValue();
    void lengthLimit_data();
    void lengthLimit();
    void parsedTemplateRendersManyEvents_data();
    void parsedTemplateRendersManyEvents();
    void cacheReturnsTheSameTemplate();
    void cacheRemembersParseErrors();
    void cacheStaysBounded();
    void countersDoNotLeakBetweenRenders();
};

namespace {

json::Value parsed(const char *text)
{
    return json::parse(QByteArrayView(text)).value();
}

const char *const kBenchmarkTemplate = "{{ event | default: type }} {% if properties.total %}{{ properties.total | round: 2 }} "
                                       "{{ properties.currency }}{% endif %}";

} // namespace

void TestLiquidDirective::templateValue_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<bool>("fails");
    QTest::addColumn<QString>("expected");
    QTest::newRow("number is refused") << QByteArray("1") << true << QString();
    QTest::newRow("null is refused") << QByteArray("null") << true << QString();
    QTest::newRow("object is refused") << QByteArray("{\"a\":1}") << true << QString();
    QTest::newRow("array is refused") << QByteArray("[\"{{ type }}\"]") << true << QString();
    QTest::newRow("empty string renders empty") << QByteArray("\"\"") << false << QString();
    QTest::newRow("plain text passes through") << QByteArray("\"hello\"") << false << u"hello"_s;
    QTest::newRow("a template renders") << QByteArray("\"{{ type | upcase }}\"") << false << u"TRACK"_s;
}

void TestLiquidDirective::templateValue()
{
    QFETCH(QByteArray, value);
    QFETCH(bool, fails);
    QFETCH(QString, expected);
    const Result<QString> result = mapping::liquid::evaluateLiquid(json::parse(QByteArrayView(value)).value(),
                                                                   parsed(R"({"type":"track"})"));
    QCOMPARE(result.ok(), !fails);
    if (!fails)
        QCOMPARE(result.value(), expected);
}

void TestLiquidDirective::lengthLimit_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<bool>("fails");
    QTest::newRow("1000 code units are accepted") << QString(1000, u'x') << false;
    QTest::newRow("1001 code units are refused") << QString(1001, u'x') << true;
    // An emoji is two UTF-16 code units: 500 of them are at the limit, one more character is over it.
    QTest::newRow("500 emoji are 1000 code units") << u"\U0001F600"_s.repeated(500) << false;
    QTest::newRow("500 emoji and a letter are too long") << u"\U0001F600"_s.repeated(500) + u'x' << true;
}

void TestLiquidDirective::lengthLimit()
{
    QFETCH(QString, source);
    QFETCH(bool, fails);
    const Result<QString> result = mapping::liquid::evaluateLiquid(json::Value(source), parsed("{}"));
    QCOMPARE(result.ok(), !fails);
    if (!fails)
        QCOMPARE(result.value(), source);
}

void TestLiquidDirective::parsedTemplateRendersManyEvents_data()
{
    QTest::addColumn<QByteArray>("event");
    QTest::addColumn<QString>("expected");
    QTest::newRow("order") << QByteArray(R"({"type":"track","event":"Order Completed","properties":{"total":1346.535,"currency":"GBP"}})")
                           << u"Order Completed 1346.54 GBP"_s;
    QTest::newRow("float noise is rounded away")
        << QByteArray(R"({"type":"track","event":"A","properties":{"total":0.30000000000000004,"currency":"USD"}})") << u"A 0.3 USD"_s;
    QTest::newRow("zero total is truthy") << QByteArray(R"({"type":"track","event":"A","properties":{"total":0}})") << u"A 0 "_s;
    QTest::newRow("string total is converted") << QByteArray(R"({"type":"track","properties":{"total":"12.345"}})")
                                               << u"track 12.35 "_s;
    QTest::newRow("no event name falls back to type") << QByteArray(R"({"type":"page","event":"","properties":{}})")
                                                      << u"page "_s;
    QTest::newRow("huge total") << QByteArray(R"({"type":"track","event":"A","properties":{"total":1e21}})")
                                << u"A 1.0000000000000001e+21 "_s;
}

void TestLiquidDirective::parsedTemplateRendersManyEvents()
{
    QFETCH(QByteArray, event);
    QFETCH(QString, expected);
    static const auto parsedTemplate = mapping::liquid::LiquidTemplate::parse(QString::fromUtf8(kBenchmarkTemplate));
    QVERIFY(parsedTemplate.ok());
    const Result<QString> result = parsedTemplate.value()->render(json::parse(QByteArrayView(event)).value());
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message));
    QCOMPARE(result.value(), expected);
}

void TestLiquidDirective::cacheReturnsTheSameTemplate()
{
    mapping::liquid::TemplateCache cache;
    const QString source = u"{{ a }}"_s;
    const auto first = cache.get(source);
    const auto second = cache.get(source);
    QVERIFY(first.ok() && second.ok());
    QCOMPARE(first.value().get(), second.value().get());
    QCOMPARE(first.value()->source(), source);
}

void TestLiquidDirective::cacheRemembersParseErrors()
{
    mapping::liquid::TemplateCache cache;
    const auto first = cache.get(u"{% for x in y %}{% endfor %}"_s);
    const auto second = cache.get(u"{% for x in y %}{% endfor %}"_s);
    QVERIFY(!first.ok());
    QVERIFY(!second.ok());
    QVERIFY2(first.error().message.contains(u"tag \"for\" is disabled"), qPrintable(first.error().message));
    QCOMPARE(second.error().message, first.error().message);
}

void TestLiquidDirective::cacheStaysBounded()
{
    mapping::liquid::TemplateCache cache(4);
    const auto kept = cache.get(u"{{ 0 }}"_s);
    for (int i = 1; i <= 4; ++i)
        QVERIFY(cache.get(u"{{ %1 }}"_s.arg(i)).ok());
    // The fifth distinct template started a fresh cache, so the first one is parsed anew.
    const auto again = cache.get(u"{{ 0 }}"_s);
    QVERIFY(kept.ok() && again.ok());
    QVERIFY(kept.value().get() != again.value().get());
    QCOMPARE(again.value()->render(parsed("{}")).value(), u"0"_s);
}

void TestLiquidDirective::countersDoNotLeakBetweenRenders()
{
    const json::Value source(u"{% increment n %}{% increment n %}"_s);
    const json::Value event = parsed(R"({"n":5})");
    QCOMPARE(mapping::liquid::evaluateLiquid(source, event).value(), u"56"_s);
    // The event itself is not modified: a second evaluation starts from the same value.
    QCOMPARE(mapping::liquid::evaluateLiquid(source, event).value(), u"56"_s);
    QCOMPARE(event.toObject().value(u"n").toNumber(), 5.0);
}

QTEST_GUILESS_MAIN(TestLiquidDirective)
#include "tst_liquiddirective.moc"
