// transform() as a whole: mapping roots (objects, spread arrays and strings, the root-directive
// form), event checks, where errors are located, @liquid's errors, and hostile input (deep nesting,
// huge strings). Expectations of the `segment` rows were recorded from Segment's engine.

#include "mappingcases.h"

#include "mapping/limits.h"
#include "mapping/transform.h"

#include "json/object.h"
#include "json/parser.h"

#include <QTest>

using namespace inkmapper;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(inkmapper::json::Value)

class TestTransform : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void segment_data();
    void segment();
    void undefinedEventIsEmptyObject();
    void errorLocations_data();
    void errorLocations();
    void liquid_data();
    void liquid();
    void deepMapping();
    void deepEvent();
    void hugeStrings();
    void nonObjectEvents_data();
    void nonObjectEvents();
};

namespace {

json::Value parsed(const QString &text)
{
    const Result<json::Value> value = json::parse(QStringView(text));
    return value.ok() ? value.value() : json::Value();
}

} // namespace

void TestTransform::segment_data()
{
    QTest::addColumn<QString>("mapping");
    QTest::addColumn<QString>("event");
    QTest::addColumn<bool>("expectError");
    QTest::addColumn<QString>("expected");
    QTest::newRow("object mapping") << QStringLiteral("{\"x\":{\"@path\":\"$.a\"}}") << QStringLiteral("{\"a\":{\"q\":1},\"s\":\"str\",\"list\":[1,2]}")
        << false << QStringLiteral("{\"x\":{\"q\":1}}");
    QTest::newRow("array mapping spread into index keys") << QStringLiteral("[{\"@path\":\"$.s\"},\"lit\"]") << QStringLiteral("{\"a\":{\"q\":1},\"s\":\"str\",\"list\":[1,2]}")
        << false << QStringLiteral("{\"0\":\"str\",\"1\":\"lit\"}");
    QTest::newRow("string mapping spread into characters") << QStringLiteral("\"ab\"") << QStringLiteral("{\"a\":{\"q\":1},\"s\":\"str\",\"list\":[1,2]}")
        << false << QStringLiteral("{\"0\":\"a\",\"1\":\"b\"}");
    QTest::newRow("number mapping gives an empty object") << QStringLiteral("5") << QStringLiteral("{\"a\":{\"q\":1},\"s\":\"str\",\"list\":[1,2]}")
        << false << QStringLiteral("{}");
    QTest::newRow("boolean mapping gives an empty object") << QStringLiteral("true") << QStringLiteral("{\"a\":{\"q\":1},\"s\":\"str\",\"list\":[1,2]}")
        << false << QStringLiteral("{}");
    QTest::newRow("null mapping") << QStringLiteral("null") << QStringLiteral("{\"a\":{\"q\":1},\"s\":\"str\",\"list\":[1,2]}")
        << true << QStringLiteral("Cannot convert undefined or null to object");
    QTest::newRow("empty object mapping") << QStringLiteral("{}") << QStringLiteral("{\"a\":{\"q\":1},\"s\":\"str\",\"list\":[1,2]}")
        << false << QStringLiteral("{}");
    QTest::newRow("array event") << QStringLiteral("{\"x\":1}") << QStringLiteral("[1]")
        << true << QStringLiteral("data must be an object, got array");
    QTest::newRow("string event") << QStringLiteral("{\"x\":1}") << QStringLiteral("\"s\"")
        << true << QStringLiteral("data must be an object, got string");
    QTest::newRow("number event") << QStringLiteral("{\"x\":1}") << QStringLiteral("5")
        << true << QStringLiteral("data must be an object, got number");
    QTest::newRow("null event") << QStringLiteral("{\"x\":1}") << QStringLiteral("null")
        << true << QStringLiteral("data must be an object, got null");
    QTest::newRow("event checked before the mapping") << QStringLiteral("{\"x\":{\"@path\":5}}") << QStringLiteral("[]")
        << true << QStringLiteral("data must be an object, got array");
    QTest::newRow("root directive") << QStringLiteral("{\"__segment_internal_directive\":{\"@merge\":{\"direction\":\"right\",\"objects\":[{\"@path\":\"$.a\"}]}},\"k\":{\"@path\":\"$.s\"}}") << QStringLiteral("{\"a\":{\"q\":1},\"s\":\"str\",\"list\":[1,2]}")
        << false << QStringLiteral("{\"q\":1}");
    QTest::newRow("root directive sees other keys as mapping") << QStringLiteral("{\"__segment_internal_directive\":{\"@transform\":{\"apply\":{\"n\":{\"@path\":\"$.s\"}}}},\"out\":{\"@path\":\"$.n\"}}") << QStringLiteral("{\"a\":{\"q\":1},\"s\":\"str\",\"list\":[1,2]}")
        << false << QStringLiteral("{\"out\":\"str\"}");
    QTest::newRow("root directive overwrites its mapping option") << QStringLiteral("{\"__segment_internal_directive\":{\"@transform\":{\"apply\":{\"n\":1},\"mapping\":{\"ignored\":1}}},\"m\":{\"@path\":\"$.n\"}}") << QStringLiteral("{\"a\":{\"q\":1},\"s\":\"str\",\"list\":[1,2]}")
        << false << QStringLiteral("{\"m\":1}");
    QTest::newRow("root directive must be an object") << QStringLiteral("{\"__segment_internal_directive\":{\"@path\":\"$.a\"}}") << QStringLiteral("{\"a\":{\"q\":1},\"s\":\"str\",\"list\":[1,2]}")
        << true << QStringLiteral("The root directive must be an object");
    QTest::newRow("root directive empty object") << QStringLiteral("{\"__segment_internal_directive\":{}}") << QStringLiteral("{\"a\":{\"q\":1},\"s\":\"str\",\"list\":[1,2]}")
        << true << QStringLiteral("The root directive must be an object");
    QTest::newRow("root directive with two keys") << QStringLiteral("{\"__segment_internal_directive\":{\"@path\":\"$.a\",\"@template\":\"x\"}}") << QStringLiteral("{\"a\":{\"q\":1},\"s\":\"str\",\"list\":[1,2]}")
        << true << QStringLiteral("The root mapping must only have a single directive object");
    QTest::newRow("root directive null") << QStringLiteral("{\"__segment_internal_directive\":null}") << QStringLiteral("{\"a\":{\"q\":1},\"s\":\"str\",\"list\":[1,2]}")
        << true << QStringLiteral("Cannot convert undefined or null to object");
    QTest::newRow("root directive string of one character") << QStringLiteral("{\"__segment_internal_directive\":\"a\"}") << QStringLiteral("{\"a\":{\"q\":1},\"s\":\"str\",\"list\":[1,2]}")
        << true << QStringLiteral("The root directive must be an object");
    QTest::newRow("root directive array with a directive") << QStringLiteral("{\"__segment_internal_directive\":[{\"@path\":\"$.s\"}],\"k\":1}") << QStringLiteral("{\"a\":{\"q\":1},\"s\":\"str\",\"list\":[1,2]}")
        << false << QStringLiteral("[{\"@path\":\"$.s\",\"mapping\":{\"k\":1}}]");
    QTest::newRow("root directive plain object") << QStringLiteral("{\"__segment_internal_directive\":{\"x\":{\"@path\":\"$.s\"}},\"k\":1}") << QStringLiteral("{\"a\":{\"q\":1},\"s\":\"str\",\"list\":[1,2]}")
        << true << QStringLiteral("/x should only have one @-prefixed key but it has 2 keys.");
    QTest::newRow("root directive literal") << QStringLiteral("{\"__segment_internal_directive\":{\"@literal\":{\"v\":{\"@path\":\"$.s\"}}},\"k\":{\"@path\":\"$.a\"}}") << QStringLiteral("{\"a\":{\"q\":1},\"s\":\"str\",\"list\":[1,2]}")
        << false << QStringLiteral("{\"v\":\"str\",\"mapping\":{\"k\":{\"q\":1}}}");
    QTest::newRow("root directive mapping keys with __proto__") << QStringLiteral("{\"__segment_internal_directive\":{\"@literal\":{}},\"__proto__\":{\"p\":1},\"k\":2}") << QStringLiteral("{\"a\":{\"q\":1},\"s\":\"str\",\"list\":[1,2]}")
        << false << QStringLiteral("{\"mapping\":{\"k\":2}}");
    QTest::newRow("root if with no branch is undefined") << QStringLiteral("{\"__segment_internal_directive\":{\"@if\":{\"exists\":{\"@path\":\"$.nope\"},\"then\":1}}}") << QStringLiteral("{\"a\":{\"q\":1},\"s\":\"str\",\"list\":[1,2]}")
        << false << QStringLiteral("undefined");
    QTest::newRow("mapping __proto__ key with a string value") << QStringLiteral("{\"__proto__\":\"x\",\"b\":2}") << QStringLiteral("{\"a\":{\"q\":1},\"s\":\"str\",\"list\":[1,2]}")
        << false << QStringLiteral("{\"b\":2}");
    QTest::newRow("mapping __proto__ key with an object value") << QStringLiteral("{\"__proto__\":{\"@path\":\"$.a\"},\"b\":2}") << QStringLiteral("{\"a\":{\"q\":1},\"s\":\"str\",\"list\":[1,2]}")
        << false << QStringLiteral("{\"b\":2}");
    QTest::newRow("undefined results dropped, nulls kept") << QStringLiteral("{\"a\":{\"@path\":\"$.nope\"},\"b\":null,\"c\":[{\"@path\":\"$.nope\"}]}") << QStringLiteral("{\"a\":{\"q\":1},\"s\":\"str\",\"list\":[1,2]}")
        << false << QStringLiteral("{\"b\":null,\"c\":[null]}");
    QTest::newRow("invalid directive in an array fails at resolution") << QStringLiteral("{\"x\":[{\"@bogus\":1}]}") << QStringLiteral("{\"a\":{\"q\":1},\"s\":\"str\",\"list\":[1,2]}")
        << true << QStringLiteral("@bogus is not a valid directive, got undefined");
    QTest::newRow("if options in an array") << QStringLiteral("{\"x\":[{\"@if\":[]}]}") << QStringLiteral("{\"a\":{\"q\":1},\"s\":\"str\",\"list\":[1,2]}")
        << true << QStringLiteral("@if requires an object with an \"exists\" key");
    QTest::newRow("arrayPath options in an array") << QStringLiteral("{\"x\":[{\"@arrayPath\":{}}]}") << QStringLiteral("{\"a\":{\"q\":1},\"s\":\"str\",\"list\":[1,2]}")
        << true << QStringLiteral("@arrayPath expected array, got object");
    QTest::newRow("case options in an array") << QStringLiteral("{\"x\":[{\"@case\":{\"operator\":\"upper\"}}]}") << QStringLiteral("{\"a\":{\"q\":1},\"s\":\"str\",\"list\":[1,2]}")
        << false << QStringLiteral("{\"x\":[null]}");
    QTest::newRow("replace options in an array") << QStringLiteral("{\"x\":[{\"@replace\":{\"value\":\"x\"}}]}") << QStringLiteral("{\"a\":{\"q\":1},\"s\":\"str\",\"list\":[1,2]}")
        << true << QStringLiteral("@replace requires a \"pattern\" key");
    QTest::newRow("flatten options in an array") << QStringLiteral("{\"x\":[{\"@flatten\":null}]}") << QStringLiteral("{\"a\":{\"q\":1},\"s\":\"str\",\"list\":[1,2]}")
        << true << QStringLiteral("@flatten requires an object with a \"separator\" key");
    QTest::newRow("json options in an array") << QStringLiteral("{\"x\":[{\"@json\":{\"value\":\"x\"}}]}") << QStringLiteral("{\"a\":{\"q\":1},\"s\":\"str\",\"list\":[1,2]}")
        << true << QStringLiteral("@json requires a \"mode\" key");
    QTest::newRow("merge options in an array") << QStringLiteral("{\"x\":[{\"@merge\":{\"direction\":\"right\"}}]}") << QStringLiteral("{\"a\":{\"q\":1},\"s\":\"str\",\"list\":[1,2]}")
        << true << QStringLiteral("@merge requires a \"objects\" key");
    QTest::newRow("transform options in an array") << QStringLiteral("{\"x\":[{\"@transform\":{\"mapping\":{\"a\":1}}}]}") << QStringLiteral("{\"a\":{\"q\":1},\"s\":\"str\",\"list\":[1,2]}")
        << true << QStringLiteral("@transform requires a \"apply\" key");
    QTest::newRow("transform apply not an object in an array") << QStringLiteral("{\"x\":[{\"@transform\":{\"apply\":\"a\",\"mapping\":{\"a\":1}}}]}") << QStringLiteral("{\"a\":{\"q\":1},\"s\":\"str\",\"list\":[1,2]}")
        << true << QStringLiteral("@transform \"apply\" key should be an object");
    QTest::newRow("path number in an array") << QStringLiteral("{\"x\":[{\"@path\":1}]}") << QStringLiteral("{\"a\":{\"q\":1},\"s\":\"str\",\"list\":[1,2]}")
        << true << QStringLiteral("@path: expected string, got number");
    QTest::newRow("template object in an array") << QStringLiteral("{\"x\":[{\"@template\":{}}]}") << QStringLiteral("{\"a\":{\"q\":1},\"s\":\"str\",\"list\":[1,2]}")
        << true << QStringLiteral("@template: expected string, got object");
}

void TestTransform::segment()
{
    QFETCH(QString, mapping);
    QFETCH(QString, event);
    QFETCH(bool, expectError);
    QFETCH(QString, expected);
    const Result<json::Value> result = mapping::transform(parsed(mapping), parsed(event));
    QCOMPARE(result.ok(), !expectError);
    QCOMPARE(result.ok() ? mapping::test::outputText(*result) : result.error().message, expected);
}

void TestTransform::undefinedEventIsEmptyObject()
{
    // transform(mapping, data = {}): no event at all is an empty one, not an error.
    const Result<json::Value> result = mapping::transform(parsed(u"{\"all\":{\"@path\":\"$.\"},\"t\":{\"@template\":\"{{ }}\"}}"_s),
                                                          json::Value());
    QVERIFY(result.ok());
    QCOMPARE(mapping::test::outputText(*result), u"{\"all\":{},\"t\":\"[object Object]\"}"_s);
}

void TestTransform::errorLocations_data()
{
    QTest::addColumn<QString>("mapping");
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("path");
    QTest::newRow("validation") << u"{\"data\":{\"properties\":{\"sku\":{\"@path\":5}}}}"_s
                                << u"/data/properties/sku/@path should be a string or a mapping directive but it is a number."_s
                                << u"data.properties.sku.@path"_s;
    QTest::newRow("validation aggregate keeps the first path")
        << u"{\"a\":{\"@path\":1},\"b\":{\"@path\":2}}"_s
        << u"/a/@path should be a string or a mapping directive but it is a number.\n"
           "/b/@path should be a string or a mapping directive but it is a number."_s
        << u"a.@path"_s;
    QTest::newRow("resolution inside an array") << u"{\"a\":{\"b\":[1,{\"@path\":5}]}}"_s
                                                << u"@path: expected string, got number"_s << u"a.b.1.@path"_s;
    QTest::newRow("resolution inside a directive option")
        << u"{\"x\":[{\"@if\":{\"exists\":1,\"then\":{\"@case\":{\"operator\":\"title\",\"value\":\"v\"}}}}]}"_s
        << u"operator key should have a value of \"lower\" or \"upper\""_s << u"x.0.@if.then.@case"_s;
    QTest::newRow("validation of a nested transform at resolution")
        << u"{\"v\":[{\"@transform\":{\"apply\":{\"s\":{\"@path\":5}},\"mapping\":{\"x\":1}}}]}"_s
        << u"/s/@path should be a string or a mapping directive but it is a number."_s
        << u"v.0.@transform.apply.s.@path"_s;
    QTest::newRow("root form") << u"{\"__segment_internal_directive\":{}}"_s
                               << u"The root directive must be an object"_s << QString();
}

void TestTransform::errorLocations()
{
    QFETCH(QString, mapping);
    QFETCH(QString, message);
    QFETCH(QString, path);
    const Result<json::Value> result = mapping::transform(parsed(mapping), parsed(u"{\"a\":1}"_s));
    QVERIFY(!result.ok());
    QCOMPARE(result.error().message, message);
    QCOMPARE(result.error().location.path, path);
}

void TestTransform::liquid_data()
{
    QTest::addColumn<QString>("mapping");
    QTest::addColumn<QString>("output");
    QTest::addColumn<QString>("error");
    QTest::addColumn<QString>("errorPath");
    // The template is used as written, not resolved: a directive inside is not a template.
    QTest::newRow("renders with the event as scope") << u"{\"a\":{\"@liquid\":\"{{x | plus: 1}} {{ y | default: 'none' }}\"}}"_s
                                                    << u"{\"a\":\"2 none\"}"_s << QString() << QString();
    QTest::newRow("empty template is empty") << u"{\"a\":{\"@liquid\":\"\"}}"_s << u"{\"a\":\"\"}"_s << QString() << QString();
    QTest::newRow("disabled tag") << u"{\"a\":{\"@liquid\":\"{% for i in x %}{% endfor %}\"}}"_s << QString()
                                  << u"tag \"for\" is disabled"_s << u"a.@liquid"_s;
    QTest::newRow("too long") << (u"{\"a\":{\"@liquid\":\""_s + QString(1001, u'x') + u"\"}}"_s) << QString()
                              << u"liquid template values are limited to 1000 characters"_s << u"a.@liquid"_s;
    // Validation is Segment's: a non-string template is reported as such, before anything runs.
    QTest::newRow("not a string") << u"{\"a\":{\"@liquid\":5}}"_s << QString()
                                  << u"/a/@liquid should be a string but it is a number."_s << QString();
    // A branch that is not taken is never resolved, so a broken template there does not fail.
    QTest::newRow("untaken branch") << u"{\"a\":{\"@if\":{\"exists\":{\"@path\":\"$.nope\"},\"then\":{\"@liquid\":\"{% for %}\"},\"else\":2}}}"_s
                                    << u"{\"a\":2}"_s << QString() << QString();
}

void TestTransform::liquid()
{
    QFETCH(QString, mapping);
    QFETCH(QString, output);
    QFETCH(QString, error);
    QFETCH(QString, errorPath);
    const Result<json::Value> result = mapping::transform(parsed(mapping), parsed(u"{\"x\":1}"_s));
    if (error.isEmpty()) {
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message));
        QCOMPARE(mapping::test::outputText(*result), output);
        return;
    }
    QVERIFY(!result.ok());
    QVERIFY2(result.error().message.contains(error), qPrintable(result.error().message));
    if (!errorPath.isEmpty())
        QCOMPARE(result.error().location.path, errorPath);
}

void TestTransform::deepMapping()
{
    // As deep as JSON text can be: resolved like any other mapping.
    QString text = u"{\"@path\":\"$.x\"}"_s;
    for (int i = 0; i < 990; ++i)
        text = u"{\"a\":"_s + text + u'}';
    const Result<json::Value> parsedDeep = mapping::transform(parsed(text), parsed(u"{\"x\":7}"_s));
    QVERIFY(parsedDeep.ok());
    QVERIFY(mapping::test::outputText(*parsedDeep).contains(u"{\"a\":{\"a\":7}}}"_s));
    QCOMPARE(mapping::test::outputText(*parsedDeep).count(u'}'), 990); // 990 objects around the value

    // Deeper than text allows, built in code: refused with an error instead of exhausting the stack.
    json::Value mapping(1);
    for (int i = 0; i < mapping::kMaxMappingDepth + 10; ++i) {
        json::Array wrapper;
        wrapper.push_back(mapping);
        mapping = json::Value(std::move(wrapper));
    }
    json::Object root;
    root.set(u"x"_s, mapping);
    const Result<json::Value> result = mapping::transform(json::Value(std::move(root)), json::Value(json::Object()));
    QVERIFY(!result.ok());
    QVERIFY2(result.error().message.contains(u"nested deeper than"_s), qPrintable(result.error().message));
}

void TestTransform::deepEvent()
{
    json::Value deep(1);
    for (int i = 0; i < mapping::kMaxValueDepth + 10; ++i) {
        json::Object wrapper;
        wrapper.set(u"a"_s, deep);
        deep = json::Value(std::move(wrapper));
    }
    json::Object top;
    top.set(u"a"_s, deep);
    top.set(u"b"_s, 1);
    const json::Value event(std::move(top));
    // Picking a shallow field needs no look at the rest.
    const Result<json::Value> picked = mapping::transform(parsed(u"{\"v\":{\"@path\":\"$.b\"}}"_s), event);
    QVERIFY(picked.ok());
    QCOMPARE(mapping::test::outputText(*picked), u"{\"v\":1}"_s);
    // Copying the whole event, flattening or encoding it: an error, not a crash.
    for (const QString &text : {u"{\"v\":{\"@path\":\"$.\"}}"_s,
                                u"{\"v\":{\"@flatten\":{\"separator\":\".\",\"value\":{\"@path\":\"$.\"}}}}"_s,
                                u"{\"v\":{\"@excludeWhenNull\":{\"@path\":\"$.\"}}}"_s}) {
        const Result<json::Value> result = mapping::transform(parsed(text), event);
        QVERIFY2(!result.ok(), qPrintable(text));
        QVERIFY(result.error().message.contains(u"nested deeper than"_s));
    }
}

void TestTransform::hugeStrings()
{
    const QString big(4000000, u'x');
    json::Object event;
    event.set(u"s"_s, big);
    const json::Value mapping = parsed(
        u"{\"t\":{\"@template\":\"{{s}}{{s}}\"},\"r\":{\"@replace\":{\"pattern\":\"X\",\"replacement\":\"yz\","
        "\"ignorecase\":true,\"value\":{\"@path\":\"$.s\"}}},\"c\":{\"@case\":{\"operator\":\"upper\","
        "\"value\":{\"@path\":\"$.s\"}}},\"j\":{\"@json\":{\"mode\":\"decode\",\"value\":{\"@path\":\"$.s\"}}}}"_s);
    const Result<json::Value> result = mapping::transform(mapping, json::Value(std::move(event)));
    QVERIFY(result.ok());
    const json::Object &out = result->toObject();
    QCOMPARE(out.find(u"t")->toString().size(), qsizetype(8000000));
    QCOMPARE(out.find(u"r")->toString().size(), qsizetype(8000000));
    QCOMPARE(out.find(u"c")->toString(), QString(4000000, u'X'));
    QCOMPARE(out.find(u"j")->toString(), big); // not JSON: returned as it is
}

void TestTransform::nonObjectEvents_data()
{
    QTest::addColumn<json::Value>("event");
    QTest::addColumn<QString>("message");
    QTest::newRow("null") << json::Value(nullptr) << u"data must be an object, got null"_s;
    QTest::newRow("boolean") << json::Value(true) << u"data must be an object, got boolean"_s;
    QTest::newRow("number") << json::Value(1.5) << u"data must be an object, got number"_s;
    QTest::newRow("string") << json::Value(u"{}"_s) << u"data must be an object, got string"_s;
    QTest::newRow("array") << json::Value(json::Array()) << u"data must be an object, got array"_s;
    QTest::newRow("function") << json::Value(json::Function{u"Object"_s}) << u"data must be an object, got function"_s;
}

void TestTransform::nonObjectEvents()
{
    QFETCH(json::Value, event);
    QFETCH(QString, message);
    const Result<json::Value> result = mapping::transform(parsed(u"{\"a\":1}"_s), event);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().message, message);
}

QTEST_GUILESS_MAIN(TestTransform)
#include "tst_transform.moc"
