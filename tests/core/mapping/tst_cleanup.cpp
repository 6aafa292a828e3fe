// The value helpers behind transform(): removeUndefined(), @excludeWhenNull's cleanNulls() and
// @flatten's flattenObject(), on values built in code (undefined members cannot come from JSON).

#include "mapping/cleanup.h"
#include "mapping/flatten.h"
#include "mapping/limits.h"

#include "json/object.h"
#include "json/parser.h"
#include "json/writer.h"

#include <QTest>

using namespace inkmapper;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(inkmapper::json::Value)

class TestCleanup : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void removeUndefined_data();
    void removeUndefined();
    void removeUndefinedSharesCleanValues();
    void cleanNulls_data();
    void cleanNulls();
    void flatten_data();
    void flatten();
    void tooDeep();
};

namespace {

json::Value object(std::initializer_list<std::pair<const char16_t *, json::Value>> members)
{
    json::Object o;
    for (const auto &[key, value] : members)
        o.set(QString::fromUtf16(key), value);
    return json::Value(std::move(o));
}

json::Value array(std::initializer_list<json::Value> items)
{
    return json::Value(json::Array(items));
}

QString text(const json::Value &value)
{
    const QString json = json::toJsonString(value);
    return json.isNull() ? QStringLiteral("undefined") : json;
}

/** Member names in order, `=u` marking undefined values: what JSON text cannot show. */
QString keys(const json::Value &value)
{
    if (!value.isObject())
        return QStringLiteral("-");
    QStringList names;
    for (const auto &[key, member] : value.toObject())
        names << (member.isUndefined() ? key + u"=u"_s : key);
    return names.join(u',');
}

} // namespace

void TestCleanup::removeUndefined_data()
{
    QTest::addColumn<json::Value>("input");
    QTest::addColumn<QString>("expectedKeys");
    QTest::addColumn<QString>("expectedJson");
    QTest::newRow("undefined stays undefined") << json::Value() << u"-"_s << u"undefined"_s;
    QTest::newRow("scalar") << json::Value(1) << u"-"_s << u"1"_s;
    QTest::newRow("undefined members deleted") << object({{u"a", json::Value()}, {u"b", 1}, {u"c", json::Value()}})
                                               << u"b"_s << u"{\"b\":1}"_s;
    QTest::newRow("nested") << object({{u"a", object({{u"x", json::Value()}, {u"y", nullptr}})}}) << u"a"_s
                            << u"{\"a\":{\"y\":null}}"_s;
    QTest::newRow("undefined array items stay") << array({json::Value(), 1}) << u"-"_s << u"[null,1]"_s;
    QTest::newRow("objects inside arrays") << array({object({{u"a", json::Value()}, {u"b", 2}})}) << u"-"_s
                                           << u"[{\"b\":2}]"_s;
    QTest::newRow("own __proto__ dropped") << object({{u"__proto__", object({{u"p", 1}})}, {u"b", 2}}) << u"b"_s
                                           << u"{\"b\":2}"_s;
    QTest::newRow("__proto__ dropped deep") << object({{u"a", array({object({{u"__proto__", 1}, {u"c", 3}})})}})
                                            << u"a"_s << u"{\"a\":[{\"c\":3}]}"_s;
}

void TestCleanup::removeUndefined()
{
    QFETCH(json::Value, input);
    QFETCH(QString, expectedKeys);
    QFETCH(QString, expectedJson);
    const Result<json::Value> result = mapping::removeUndefined(input);
    QVERIFY(result.ok());
    QCOMPARE(keys(*result), expectedKeys);
    QCOMPARE(text(*result), expectedJson);
    QCOMPARE(mapping::isFreeOfUndefined(input), *result == input);
}

void TestCleanup::removeUndefinedSharesCleanValues()
{
    // A clean event is returned as it is: the default mapping {"@path":"$."} must not copy it.
    const json::Value event = json::parse(QByteArrayView(R"({"a":{"b":[1,{"c":null}]},"d":"x"})")).value();
    const Result<json::Value> result = mapping::removeUndefined(event);
    QVERIFY(result.ok());
    QCOMPARE(&result->toObject(), &event.toObject());
    QVERIFY(mapping::isFreeOfUndefined(event));

    // Only the containers on the way to an undefined member are rebuilt.
    const json::Value shared = object({{u"x", 1}});
    const json::Value input = object({{u"keep", shared}, {u"fix", object({{u"u", json::Value()}})}});
    const Result<json::Value> cleaned = mapping::removeUndefined(input);
    QVERIFY(cleaned.ok());
    QCOMPARE(&cleaned->toObject().find(u"keep")->toObject(), &shared.toObject());
}

void TestCleanup::cleanNulls_data()
{
    QTest::addColumn<json::Value>("input");
    QTest::addColumn<QString>("expectedKeys");
    QTest::addColumn<QString>("expectedJson");
    QTest::newRow("null members become undefined in place")
        << object({{u"a", nullptr}, {u"b", 1}, {u"c", nullptr}}) << u"a=u,b,c=u"_s << u"{\"b\":1}"_s;
    QTest::newRow("nested objects cleaned") << object({{u"a", object({{u"x", nullptr}, {u"y", 2}})}}) << u"a"_s
                                            << u"{\"a\":{\"y\":2}}"_s;
    QTest::newRow("arrays untouched") << object({{u"a", array({nullptr, object({{u"n", nullptr}})})}}) << u"a"_s
                                      << u"{\"a\":[null,{\"n\":null}]}"_s;
    QTest::newRow("array root untouched") << array({nullptr}) << u"-"_s << u"[null]"_s;
    QTest::newRow("scalar") << json::Value(QStringLiteral("s")) << u"-"_s << u"\"s\""_s;
    QTest::newRow("__proto__ dropped") << object({{u"__proto__", nullptr}, {u"k", 1}}) << u"k"_s << u"{\"k\":1}"_s;
}

void TestCleanup::cleanNulls()
{
    QFETCH(json::Value, input);
    QFETCH(QString, expectedKeys);
    QFETCH(QString, expectedJson);
    const Result<json::Value> result = mapping::cleanNulls(input);
    QVERIFY(result.ok());
    QCOMPARE(keys(*result), expectedKeys);
    QCOMPARE(text(*result), expectedJson);
}

void TestCleanup::flatten_data()
{
    QTest::addColumn<json::Value>("input");
    QTest::addColumn<QString>("separator");
    QTest::addColumn<bool>("omitArrays");
    QTest::addColumn<QString>("expectedKeys");
    QTest::newRow("scalar gets the empty key") << json::Value(5) << u"."_s << false << u""_s;
    QTest::newRow("nested") << object({{u"a", object({{u"b", 1}, {u"c", array({1, 2})}})}}) << u"."_s << false
                            << u"a.b,a.c.0,a.c.1"_s;
    QTest::newRow("arrays kept") << object({{u"a", array({1, 2})}}) << u"_"_s << true << u"a"_s;
    QTest::newRow("array root") << array({object({{u"x", 1}}), 2}) << u"/"_s << false << u"1,0/x"_s;
    QTest::newRow("empty containers vanish") << object({{u"a", object({})}, {u"b", array({})}}) << u"."_s << false
                                             << u""_s;
    QTest::newRow("undefined members kept") << object({{u"a", json::Value()}}) << u"."_s << false << u"a=u"_s;
    QTest::newRow("later duplicate overwrites in place")
        << object({{u"a.b", 1}, {u"c", 2}, {u"a", object({{u"b", json::Value()}})}}) << u"."_s << false
        << u"a.b=u,c"_s;
    QTest::newRow("empty separator") << object({{u"__proto", object({{u"__", 1}})}}) << QString() << false
                                     << u"__proto__"_s;
}

void TestCleanup::flatten()
{
    QFETCH(json::Value, input);
    QFETCH(QString, separator);
    QFETCH(bool, omitArrays);
    QFETCH(QString, expectedKeys);
    const Result<json::Value> result = mapping::flattenObject(input, separator, omitArrays);
    QVERIFY(result.ok());
    QCOMPARE(keys(*result), expectedKeys);
}

void TestCleanup::tooDeep()
{
    // Values built in code can nest deeper than parsed ones; each helper refuses instead of overflowing.
    json::Value deep(1);
    for (int i = 0; i < mapping::kMaxValueDepth + 10; ++i)
        deep = object({{u"a", deep}});
    QVERIFY(!mapping::removeUndefined(deep).ok());
    QVERIFY(!mapping::cleanNulls(deep).ok());
    QVERIFY(!mapping::flattenObject(deep, u"."_s, false).ok());
    QVERIFY(!mapping::isFreeOfUndefined(deep));
}

QTEST_GUILESS_MAIN(TestCleanup)
#include "tst_cleanup.moc"
