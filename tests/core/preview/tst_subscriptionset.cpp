#include "fql/parser.h"
#include "fql/trigger.h"
#include "json/object.h"
#include "json/parser.h"
#include "json/writer.h"
#include "mapping/mapper.h"
#include "preview/subscriptionset.h"

#include <QTest>

using namespace inkmapper;

namespace {

json::Value jsonValue(const char *text)
{
    return json::parse(QByteArrayView(text)).value();
}

json::Value tree(const QString &fql)
{
    return fql::parse(fql).value();
}

QString text(const Result<json::Value> &result)
{
    if (!result.ok())
        return QStringLiteral("error: ") + result.error().message;
    return json::toJsonString(result.value());
}

} // namespace

class TestSubscriptionSet : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void identicalTriggersAndMappingsAreCompiledOnce();
    void answersEqualEachSubscriptionOnItsOwn_data();
    void answersEqualEachSubscriptionOnItsOwn();
    void identicalResultsAreOneValue();
};

void TestSubscriptionSet::identicalTriggersAndMappingsAreCompiledOnce()
{
    preview::SubscriptionSet set;
    const json::Value entire = jsonValue(R"({"data":{"@path":"$."}})");
    const json::Value properties = jsonValue(R"({"data":{"@path":"$.properties"}})");
    QCOMPARE(set.add(tree(u"type = \"track\""_qs), entire), 0);
    QCOMPARE(set.add(tree(u"type = \"track\""_qs), properties), 1);
    QCOMPARE(set.add(tree(u"event = \"Order Completed\""_qs), entire), 2);
    QCOMPARE(set.size(), 3);
    QCOMPARE(set.distinctTriggers(), 2);
    QCOMPARE(set.distinctMappings(), 2);
}

void TestSubscriptionSet::answersEqualEachSubscriptionOnItsOwn_data()
{
    QTest::addColumn<QByteArray>("event");
    QTest::newRow("order completed") << QByteArray(R"({"type":"track","event":"Order Completed","properties":{"total":12.5}})");
    QTest::newRow("identify") << QByteArray(R"({"type":"identify","userId":"u1","traits":{"email":"a@b.c"}})");
    QTest::newRow("no properties") << QByteArray(R"({"type":"track","event":"Signed Up"})");
    QTest::newRow("null properties") << QByteArray(R"({"type":"track","properties":null})");
}

void TestSubscriptionSet::answersEqualEachSubscriptionOnItsOwn()
{
    QFETCH(QByteArray, event);
    // Repeated triggers and mappings, a tree that throws when evaluated (a null condition, as Segment's
    // parser makes for unsupported functions), a mapping that fails to transform.
    const json::Value throwing = jsonValue(R"({"type":"group","operator":"and","children":[null]})");
    const QList<QPair<json::Value, const char *>> subscriptions = {
        {tree(u"type = \"track\""_qs), R"({"data":{"@path":"$."}})"},
        {tree(u"type = \"track\" and event = \"Order Completed\""_qs), R"({"data":{"@path":"$.properties"}})"},
        {tree(u"type = \"track\""_qs), R"({"data":{"@path":"$.properties"}})"},
        {tree(u"properties.total > 10"_qs), R"({"data":{"total":{"@path":"$.properties.total"}}})"},
        {throwing, R"({"data":{"@path":"$."}})"},
        {tree(u"type = \"identify\""_qs), R"({"data":{"@json":{"mode":"nope","value":"x"}}})"},
        {tree(u"properties.total > 10"_qs), R"({"data":{"total":{"@path":"$.properties.total"}}})"},
        {throwing, R"({"data":{"@path":"$.properties"}})"},
    };
    preview::SubscriptionSet set;
    for (const auto &[conditionTree, mapping] : subscriptions)
        set.add(conditionTree, jsonValue(mapping));
    QCOMPARE(set.distinctTriggers(), 5);
    QCOMPARE(set.distinctMappings(), 4);

    const json::Value e = json::parse(QByteArrayView(event)).value();
    preview::SubscriptionSet::EventRun run(set, e);
    for (qsizetype i = 0; i < subscriptions.size(); ++i) {
        const Result<bool> alone = fql::Trigger::compile(subscriptions[i].first).matches(e);
        const Result<bool> &shared = run.matches(i);
        QCOMPARE(shared.ok(), alone.ok());
        if (alone.ok()) {
            QCOMPARE(shared.value(), alone.value());
        } else {
            QCOMPARE(shared.error().message, alone.error().message);
            QVERIFY(!shared.error().message.isEmpty());
        }
        QCOMPARE(text(run.transform(i)), text(mapping::Mapper(jsonValue(subscriptions[i].second)).transform(e)));
    }
}

void TestSubscriptionSet::identicalResultsAreOneValue()
{
    preview::SubscriptionSet set;
    const json::Value mapping = jsonValue(R"({"data":{"id":{"@path":"$.userId"}}})");
    set.add(tree(u"type = \"track\""_qs), mapping);
    set.add(tree(u"userId exists"_qs), mapping);
    const json::Value e = jsonValue(R"({"type":"track","userId":"u1"})");
    preview::SubscriptionSet::EventRun run(set, e);
    // Computed once: both subscriptions get the very same answer object.
    QCOMPARE(&run.transform(0), &run.transform(1));
    QCOMPARE(text(run.transform(1)), u"{\"data\":{\"id\":\"u1\"}}"_qs);
}

QTEST_GUILESS_MAIN(TestSubscriptionSet)
#include "tst_subscriptionset.moc"
