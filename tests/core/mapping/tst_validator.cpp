// Segment's mapping validation: every kind of invalid directive, with Segment's exact messages
// (recorded from its validate()) and the key path of each problem.

#include "mapping/limits.h"
#include "mapping/validator.h"

#include "json/object.h"
#include "json/parser.h"

#include <QElapsedTimer>
#include <QTest>

using namespace inkmapper;

Q_DECLARE_METATYPE(inkmapper::json::Value)

class TestValidator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void errors_data();
    void errors();
    void aggregate_data() { errors_data(); }
    void aggregate();
    void nonObjectMappings_data();
    void nonObjectMappings();
    void nestedOptionsStayLinear();
    void deepMappingIsRefused();
};

namespace {

json::Value parsed(const QString &text)
{
    const Result<json::Value> value = json::parse(QStringView(text));
    return value.ok() ? value.value() : json::Value();
}

} // namespace

void TestValidator::errors_data()
{
    QTest::addColumn<QString>("mapping");
    QTest::addColumn<QStringList>("messages");
    QTest::addColumn<QStringList>("paths");

    QTest::newRow("valid plain") << QStringLiteral("{\"a\":1,\"b\":{\"c\":[{\"@nope\":1}]},\"d\":null}")
        << QStringList{}
        << QStringList{};
    QTest::newRow("valid every directive") << QStringLiteral("{\"a\":{\"@if\":{\"exists\":{\"@path\":\"$.x\"},\"then\":{\"@template\":\"{{x}}\"},\"else\":{\"@literal\":1}}},\"b\":{\"@case\":{\"operator\":\"upper\",\"value\":\"x\"}},\"c\":{\"@replace\":{\"pattern\":\"a\",\"replacement\":\"b\",\"value\":{\"@path\":\"$.y\"},\"ignorecase\":true,\"global\":false}},\"d\":{\"@arrayPath\":[\"$.p\",{\"q\":{\"@path\":\"$.q\"}}]},\"e\":{\"@json\":{\"mode\":\"DECODE\",\"value\":\"[]\"}},\"f\":{\"@flatten\":{\"separator\":\".\",\"value\":{\"@path\":\"$.\"}}},\"g\":{\"@merge\":{\"direction\":\"left\",\"objects\":[{\"@path\":\"$.a\"},{\"k\":1}]}},\"h\":{\"@transform\":{\"apply\":{\"x\":1},\"mapping\":{\"@path\":\"$.x\"}}},\"i\":{\"@excludeWhenNull\":{\"@path\":\"$.i\"}},\"j\":{\"@liquid\":\"{{x}}\"},\"k\":{\"@path\":\"$.k\",\"_metadata\":{\"label\":\"K\"}}}")
        << QStringList{}
        << QStringList{};
    QTest::newRow("directive root") << QStringLiteral("{\"@path\":5}")
        << QStringList{QStringLiteral("/@path should be a string or a mapping directive but it is a number.")}
        << QStringList{QStringLiteral("@path")};
    QTest::newRow("array root is not looked into") << QStringLiteral("[{\"@path\":5}]")
        << QStringList{}
        << QStringList{};
    QTest::newRow("two directive keys") << QStringLiteral("{\"x\":{\"@path\":\"$.a\",\"@template\":\"b\"}}")
        << QStringList{QStringLiteral("/x should only have one @-prefixed key but it has 2 keys.")}
        << QStringList{QStringLiteral("x")};
    QTest::newRow("directive with another key") << QStringLiteral("{\"x\":{\"@path\":\"$.a\",\"other\":1}}")
        << QStringList{QStringLiteral("/x should only have one @-prefixed key but it has 2 keys.")}
        << QStringList{QStringLiteral("x")};
    QTest::newRow("unknown directive") << QStringLiteral("{\"x\":{\"@paths\":\"$.a\"}}")
        << QStringList{QStringLiteral("/x has an invalid directive: @paths.")}
        << QStringList{QStringLiteral("x")};
    QTest::newRow("bare at sign") << QStringLiteral("{\"x\":{\"@\":1}}")
        << QStringList{QStringLiteral("/x has an invalid directive: @.")}
        << QStringList{QStringLiteral("x")};
    QTest::newRow("path not a string") << QStringLiteral("{\"x\":{\"@path\":1}}")
        << QStringList{QStringLiteral("/x/@path should be a string or a mapping directive but it is a number.")}
        << QStringList{QStringLiteral("x.@path")};
    QTest::newRow("path an array") << QStringLiteral("{\"x\":{\"@path\":[]}}")
        << QStringList{QStringLiteral("/x/@path should be a string or a mapping directive but it is an array.")}
        << QStringList{QStringLiteral("x.@path")};
    QTest::newRow("template null") << QStringLiteral("{\"x\":{\"@template\":null}}")
        << QStringList{QStringLiteral("/x/@template should be a string or a mapping directive but it is a null.")}
        << QStringList{QStringLiteral("x.@template")};
    QTest::newRow("nested path error") << QStringLiteral("{\"a\":{\"b\":{\"c\":{\"@path\":true}}}}")
        << QStringList{QStringLiteral("/a/b/c/@path should be a string or a mapping directive but it is a boolean.")}
        << QStringList{QStringLiteral("a.b.c.@path")};
    QTest::newRow("several errors aggregate") << QStringLiteral("{\"a\":{\"@path\":1},\"b\":{\"@template\":2},\"c\":{\"d\":{\"@case\":3}}}")
        << QStringList{QStringLiteral("/a/@path should be a string or a mapping directive but it is a number."), QStringLiteral("/b/@template should be a string or a mapping directive but it is a number."), QStringLiteral("/c/d/@case should be an object but it is a number.")}
        << QStringList{QStringLiteral("a.@path"), QStringLiteral("b.@template"), QStringLiteral("c.d.@case")};
    QTest::newRow("if not an object") << QStringLiteral("{\"x\":{\"@if\":\"yes\"}}")
        << QStringList{QStringLiteral("/x/@if should be an object but it is a string.")}
        << QStringList{QStringLiteral("x.@if")};
    QTest::newRow("if a directive") << QStringLiteral("{\"x\":{\"@if\":{\"@path\":\"$.a\"}}}")
        << QStringList{QStringLiteral("/x/@if should be an object but it is a directive.")}
        << QStringList{QStringLiteral("x.@if")};
    QTest::newRow("if bad exists") << QStringLiteral("{\"x\":{\"@if\":{\"exists\":{\"@path\":1}}}}")
        << QStringList{QStringLiteral("/x/@if/exists/@path should be a string or a mapping directive but it is a number.")}
        << QStringList{QStringLiteral("x.@if.exists.@path")};
    QTest::newRow("if bad blank") << QStringLiteral("{\"x\":{\"@if\":{\"blank\":{\"@path\":1}}}}")
        << QStringList{QStringLiteral("/x/@if/blank/@path should be a string or a mapping directive but it is a number.")}
        << QStringList{QStringLiteral("x.@if.blank.@path")};
    QTest::newRow("if bad then and else") << QStringLiteral("{\"x\":{\"@if\":{\"exists\":1,\"then\":{\"@nope\":1},\"else\":{\"@path\":{}}}}}")
        << QStringList{QStringLiteral("/x/@if/then has an invalid directive: @nope."), QStringLiteral("/x/@if/else/@path should be a string or a mapping directive but it is an object.")}
        << QStringList{QStringLiteral("x.@if.then"), QStringLiteral("x.@if.else.@path")};
    QTest::newRow("case operator not a string") << QStringLiteral("{\"x\":{\"@case\":{\"operator\":1,\"value\":\"a\"}}}")
        << QStringList{QStringLiteral("/x/@case/operator should be a string but it is a number.")}
        << QStringList{QStringLiteral("x.@case.operator")};
    QTest::newRow("case value a number") << QStringLiteral("{\"x\":{\"@case\":{\"operator\":\"lower\",\"value\":1}}}")
        << QStringList{QStringLiteral("/x/@case/value should be a string or a mapping directive but it is a number.")}
        << QStringList{QStringLiteral("x.@case.value")};
    QTest::newRow("replace missing pattern and value") << QStringLiteral("{\"x\":{\"@replace\":{\"replacement\":\"a\"}}}")
        << QStringList{QStringLiteral("/x/@replace should have field \"pattern\" but it doesn't."), QStringLiteral("/x/@replace should have field \"value\" but it doesn't.")}
        << QStringList{QStringLiteral("x.@replace"), QStringLiteral("x.@replace")};
    QTest::newRow("replace empty pattern") << QStringLiteral("{\"x\":{\"@replace\":{\"pattern\":\"\",\"value\":\"a\"}}}")
        << QStringList{QStringLiteral("/x/@replace/pattern should be a string of length 1 or greater.")}
        << QStringList{QStringLiteral("x.@replace.pattern")};
    QTest::newRow("replace long pattern") << QStringLiteral("{\"x\":{\"@replace\":{\"pattern\":\"12345678901\",\"value\":\"a\"}}}")
        << QStringList{QStringLiteral("/x/@replace/pattern should be a string of length 10 or less.")}
        << QStringList{QStringLiteral("x.@replace.pattern")};
    QTest::newRow("replace long replacement") << QStringLiteral("{\"x\":{\"@replace\":{\"pattern\":\"a\",\"replacement\":\"12345678901\",\"value\":\"a\"}}}")
        << QStringList{QStringLiteral("/x/@replace/replacement should be a string of length 10 or less.")}
        << QStringList{QStringLiteral("x.@replace.replacement")};
    QTest::newRow("replace flags not booleans") << QStringLiteral("{\"x\":{\"@replace\":{\"pattern\":\"a\",\"value\":\"a\",\"ignorecase\":\"yes\",\"global\":null}}}")
        << QStringList{QStringLiteral("/x/@replace/ignorecase should be a boolean but it is a string."), QStringLiteral("/x/@replace/global should be a boolean but it is a null.")}
        << QStringList{QStringLiteral("x.@replace.ignorecase"), QStringLiteral("x.@replace.global")};
    QTest::newRow("replace pattern a number") << QStringLiteral("{\"x\":{\"@replace\":{\"pattern\":5,\"value\":\"a\"}}}")
        << QStringList{QStringLiteral("/x/@replace/pattern should be a string but it is a number.")}
        << QStringList{QStringLiteral("x.@replace.pattern")};
    QTest::newRow("arrayPath not an array") << QStringLiteral("{\"x\":{\"@arrayPath\":{\"a\":1}}}")
        << QStringList{QStringLiteral("/x/@arrayPath should be an array but it is an object.")}
        << QStringList{QStringLiteral("x.@arrayPath")};
    QTest::newRow("arrayPath empty") << QStringLiteral("{\"x\":{\"@arrayPath\":[]}}")
        << QStringList{QStringLiteral("/x/@arrayPath should be a string or a mapping directive but it is an undefined.")}
        << QStringList{QStringLiteral("x.@arrayPath")};
    QTest::newRow("arrayPath bad shape directive") << QStringLiteral("{\"x\":{\"@arrayPath\":[\"$.a\",{\"@nope\":1}]}}")
        << QStringList{QStringLiteral("/x/@arrayPath has an invalid directive: @nope.")}
        << QStringList{QStringLiteral("x.@arrayPath")};
    QTest::newRow("arrayPath bad shape member") << QStringLiteral("{\"x\":{\"@arrayPath\":[\"$.a\",{\"b\":{\"@path\":2}}]}}")
        << QStringList{QStringLiteral("/x/@arrayPath/b/@path should be a string or a mapping directive but it is a number.")}
        << QStringList{QStringLiteral("x.@arrayPath.b.@path")};
    QTest::newRow("json missing mode") << QStringLiteral("{\"x\":{\"@json\":{\"value\":1}}}")
        << QStringList{QStringLiteral("/x/@json should have field \"mode\" but it doesn't.")}
        << QStringList{QStringLiteral("x.@json")};
    QTest::newRow("json mode not allowed") << QStringLiteral("{\"x\":{\"@json\":{\"mode\":\"dump\",\"value\":1}}}")
        << QStringList{QStringLiteral("/x/@json/mode should be one of encode, decode but it is \"dump\".")}
        << QStringList{QStringLiteral("x.@json.mode")};
    QTest::newRow("json mode not a string") << QStringLiteral("{\"x\":{\"@json\":{\"mode\":[],\"value\":1}}}")
        << QStringList{QStringLiteral("/x/@json/mode should be a string but it is an array.")}
        << QStringList{QStringLiteral("x.@json.mode")};
    QTest::newRow("json value a bad directive") << QStringLiteral("{\"x\":{\"@json\":{\"mode\":\"encode\",\"value\":{\"@x\":1}}}}")
        << QStringList{QStringLiteral("/x/@json/value has an invalid directive: @x.")}
        << QStringList{QStringLiteral("x.@json.value")};
    QTest::newRow("flatten separator a number") << QStringLiteral("{\"x\":{\"@flatten\":{\"separator\":1,\"value\":1}}}")
        << QStringList{QStringLiteral("/x/@flatten/separator should be a string but it is a number.")}
        << QStringList{QStringLiteral("x.@flatten.separator")};
    QTest::newRow("flatten missing value") << QStringLiteral("{\"x\":{\"@flatten\":{\"separator\":\".\"}}}")
        << QStringList{QStringLiteral("/x/@flatten should have field \"value\" but it doesn't.")}
        << QStringList{QStringLiteral("x.@flatten")};
    QTest::newRow("merge missing objects") << QStringLiteral("{\"x\":{\"@merge\":{\"direction\":\"right\"}}}")
        << QStringList{QStringLiteral("/x/@merge should have field \"objects\" but it doesn't.")}
        << QStringList{QStringLiteral("x.@merge")};
    QTest::newRow("merge objects an object") << QStringLiteral("{\"x\":{\"@merge\":{\"direction\":\"right\",\"objects\":{}}}}")
        << QStringList{QStringLiteral("/x/@merge/objects should be an array but it is an object.")}
        << QStringList{QStringLiteral("x.@merge.objects")};
    QTest::newRow("merge bad direction") << QStringLiteral("{\"x\":{\"@merge\":{\"direction\":\"up\",\"objects\":[]}}}")
        << QStringList{QStringLiteral("/x/@merge/direction should be one of left, right but it is \"up\".")}
        << QStringList{QStringLiteral("x.@merge.direction")};
    QTest::newRow("merge object element a string") << QStringLiteral("{\"x\":{\"@merge\":{\"direction\":\"right\",\"objects\":[\"a\"]}}}")
        << QStringList{QStringLiteral("/ should be a object or a mapping directive but it is a string.")}
        << QStringList{QStringLiteral("")};
    QTest::newRow("merge object element a bad directive") << QStringLiteral("{\"x\":{\"@merge\":{\"direction\":\"right\",\"objects\":[{\"@path\":1}]}}}")
        << QStringList{QStringLiteral("/@path should be a string or a mapping directive but it is a number.")}
        << QStringList{QStringLiteral("@path")};
    QTest::newRow("transform missing apply") << QStringLiteral("{\"x\":{\"@transform\":{\"mapping\":{}}}}")
        << QStringList{QStringLiteral("/x/@transform should have field \"apply\" but it doesn't.")}
        << QStringList{QStringLiteral("x.@transform")};
    QTest::newRow("transform apply a string") << QStringLiteral("{\"x\":{\"@transform\":{\"apply\":\"a\",\"mapping\":{}}}}")
        << QStringList{QStringLiteral("/x/@transform/apply should be a object or a mapping directive but it is a string.")}
        << QStringList{QStringLiteral("x.@transform.apply")};
    QTest::newRow("transform bad nested") << QStringLiteral("{\"x\":{\"@transform\":{\"apply\":{\"a\":{\"@path\":1}},\"mapping\":{\"b\":{\"@template\":2}}}}}")
        << QStringList{QStringLiteral("/x/@transform/apply/a/@path should be a string or a mapping directive but it is a number."), QStringLiteral("/x/@transform/mapping/b/@template should be a string or a mapping directive but it is a number.")}
        << QStringList{QStringLiteral("x.@transform.apply.a.@path"), QStringLiteral("x.@transform.mapping.b.@template")};
    QTest::newRow("literal nested error") << QStringLiteral("{\"x\":{\"@literal\":{\"@path\":1}}}")
        << QStringList{QStringLiteral("/x/@literal/@path should be a string or a mapping directive but it is a number.")}
        << QStringList{QStringLiteral("x.@literal.@path")};
    QTest::newRow("literal plain object is not looked into") << QStringLiteral("{\"x\":{\"@literal\":{\"a\":{\"@path\":1}}}}")
        << QStringList{}
        << QStringList{};
    QTest::newRow("excludeWhenNull nested error") << QStringLiteral("{\"x\":{\"@excludeWhenNull\":{\"@case\":[]}}}")
        << QStringList{QStringLiteral("/x/@excludeWhenNull/@case should be an object but it is an array.")}
        << QStringList{QStringLiteral("x.@excludeWhenNull.@case")};
    QTest::newRow("liquid not a string") << QStringLiteral("{\"x\":{\"@liquid\":1}}")
        << QStringList{QStringLiteral("/x/@liquid should be a string but it is a number.")}
        << QStringList{QStringLiteral("x.@liquid")};
    QTest::newRow("an error inside a field is reported once") << QStringLiteral("{\"x\":{\"@if\":{\"exists\":1,\"then\":{\"a\":{\"@path\":1}}}}}")
        << QStringList{QStringLiteral("/x/@if/then/a/@path should be a string or a mapping directive but it is a number.")}
        << QStringList{QStringLiteral("x.@if.then.a.@path")};
    QTest::newRow("key with slash and dot") << QStringLiteral("{\"a/b\":{\"c.d\":{\"@path\":1}}}")
        << QStringList{QStringLiteral("/a/b/c.d/@path should be a string or a mapping directive but it is a number.")}
        << QStringList{QStringLiteral("a/b.c.d.@path")};
}

void TestValidator::errors()
{
    QFETCH(QString, mapping);
    QFETCH(QStringList, messages);
    QFETCH(QStringList, paths);
    const json::Value value = parsed(mapping);
    QVERIFY(!value.isUndefined());
    const std::vector<Error> errors = mapping::validationErrors(value);
    QStringList gotMessages;
    QStringList gotPaths;
    for (const Error &error : errors) {
        gotMessages << error.message;
        gotPaths << error.location.path;
    }
    QCOMPARE(gotMessages, messages);
    QCOMPARE(gotPaths, paths);
}

void TestValidator::aggregate()
{
    // What transform() reports: one error, the messages joined with "\n", the first problem's path.
    QFETCH(QString, mapping);
    QFETCH(QStringList, messages);
    QFETCH(QStringList, paths);
    const Result<Ok> result = mapping::validateMapping(parsed(mapping));
    QCOMPARE(result.ok(), messages.isEmpty());
    if (!result.ok()) {
        QCOMPARE(result.error().message, messages.join(u'\n'));
        QCOMPARE(result.error().location.path, paths.front());
    }
}

void TestValidator::nonObjectMappings_data()
{
    QTest::addColumn<json::Value>("mapping");
    QTest::newRow("undefined") << json::Value();
    QTest::newRow("null") << json::Value(nullptr);
    QTest::newRow("number") << json::Value(5);
    QTest::newRow("string") << json::Value(QStringLiteral("@path"));
    QTest::newRow("array of invalid directives") << parsed(QStringLiteral("[{\"@path\":1},{\"@nope\":2}]"));
    QTest::newRow("function") << json::Value(json::Function{QStringLiteral("Object")});
}

void TestValidator::nonObjectMappings()
{
    // validate() only looks into objects: everything else passes (and may fail later, in transform).
    QFETCH(json::Value, mapping);
    QVERIFY(mapping::validationErrors(mapping).empty());
}

void TestValidator::nestedOptionsStayLinear()
{
    // Segment validates each option twice (as a member, then as a field), which doubles the work at
    // every nesting level; 60 nested @if would take 2^60 steps without remembering valid objects.
    QString text = QStringLiteral("1");
    for (int i = 0; i < 60; ++i)
        text = QStringLiteral("{\"@if\":{\"exists\":%1,\"then\":1}}").arg(text);
    const json::Value mapping = parsed(QStringLiteral("{\"x\":%1}").arg(text));
    QVERIFY(mapping.isObject());
    // No timing here: an exponential validator simply never finishes, and CTest's timeout fails the test.
    QVERIFY(mapping::validationErrors(mapping).empty());

    // An invalid leaf at the bottom is still found, once, at its full path.
    QString bad = QStringLiteral("{\"@path\":1}");
    for (int i = 0; i < 30; ++i)
        bad = QStringLiteral("{\"@if\":{\"exists\":%1}}").arg(bad);
    const std::vector<Error> errors = mapping::validationErrors(parsed(bad));
    QCOMPARE(errors.size(), size_t(1));
    QVERIFY(errors.front().location.path.startsWith(QStringLiteral("@if.exists.@if.exists.")));
    QVERIFY(errors.front().message.endsWith(QStringLiteral("@path should be a string or a mapping directive but it is a number.")));
}

void TestValidator::deepMappingIsRefused()
{
    // Deeper than any parsed JSON can be: built in code. The validator must answer, not overflow.
    json::Value mapping(QStringLiteral("leaf"));
    for (int i = 0; i < mapping::kMaxMappingDepth + 50; ++i) {
        json::Object wrapper;
        wrapper.set(QStringLiteral("@literal"), mapping);
        mapping = json::Value(std::move(wrapper));
    }
    const Result<Ok> result = mapping::validateMapping(mapping);
    QVERIFY(!result.ok());
    QVERIFY2(result.error().message.contains(QStringLiteral("nested deeper than")), qPrintable(result.error().message));
}

QTEST_GUILESS_MAIN(TestValidator)
#include "tst_validator.moc"
