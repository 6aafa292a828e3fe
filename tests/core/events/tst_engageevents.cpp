#include "events/engageevents.h"
#include "events/samplelibrary.h"
#include "events/specchecker.h"

#include "destination/readinesschecker.h"
#include "json/object.h"
#include "json/writer.h"

#include <QTest>

using namespace inkmapper;
using events::EngageEvents;
using Computation = EngageEvents::Computation;

namespace {

const QString Space = QStringLiteral("spa_9XkP2mQvT7nLr4sW8yBc1dFgH3j");
const QString AudienceId = QStringLiteral("aud_2hJx9TqLmW4cVbN7pK3sZ8rYdE1");

const EngageEvents::Recipient maria{QStringLiteral("user_8472"), QString(), QStringLiteral("maria.jensen@example.com")};

Computation firstTimeShopper()
{
    return {Computation::Kind::Audience, QStringLiteral("First Time Shopper"), QString(), AudienceId, Space};
}

EngageEvents::Stamp stamp(const char *at, const char *messageId)
{
    return {QDateTime::fromString(QString::fromLatin1(at), Qt::ISODateWithMs), QString::fromLatin1(messageId)};
}

json::Value personas(const json::Value &event)
{
    return event.toObject().value(u"context").toObject().value(u"personas");
}

} // namespace

class TestEngageEvents : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void traitKey_data();
    void traitKey();
    void audienceIdentify();
    void audienceTrack_data();
    void audienceTrack();
    void computedTrait();
    void defaultsStampAndIdentify();
    void samplesAreWhatTheGeneratorMakes_data();
    void samplesAreWhatTheGeneratorMakes();
};

void TestEngageEvents::traitKey_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("key");
    QTest::newRow("words") << QStringLiteral("First Time Shopper") << QStringLiteral("first_time_shopper");
    QTest::newRow("Segment's example") << QStringLiteral("Order Completed Last 30days") << QStringLiteral("order_completed_last_30days");
    QTest::newRow("punctuation runs") << QStringLiteral("  VIP -- (high value) buyers! ") << QStringLiteral("vip_high_value_buyers");
    QTest::newRow("camel case") << QStringLiteral("highValueCustomers") << QStringLiteral("high_value_customers");
    QTest::newRow("already a key") << QStringLiteral("cart_abandoners_7d") << QStringLiteral("cart_abandoners_7d");
    QTest::newRow("letters beyond ASCII") << QStringLiteral("Café Lovers") << QStringLiteral("café_lovers");
    QTest::newRow("nothing usable") << QStringLiteral("!!!") << QString();
}

void TestEngageEvents::traitKey()
{
    QFETCH(QString, name);
    QFETCH(QString, key);
    QCOMPARE(EngageEvents::traitKey(name), key);
}

void TestEngageEvents::audienceIdentify()
{
    const json::Value event = EngageEvents::identify(firstTimeShopper(), maria, json::Value(true),
                                                     stamp("2024-05-14T15:20:00.000Z", "personas_1"));
    QCOMPARE(json::toJsonString(event),
             QStringLiteral(R"({"type":"identify","userId":"user_8472","traits":{"first_time_shopper":true,"email":"maria.jensen@example.com"},)"
                            R"("context":{"library":{"name":"unknown","version":"unknown"},"personas":{"computation_class":"audience",)"
                            R"("computation_id":"aud_2hJx9TqLmW4cVbN7pK3sZ8rYdE1","computation_key":"first_time_shopper",)"
                            R"("namespace":"spa_9XkP2mQvT7nLr4sW8yBc1dFgH3j","space_id":"spa_9XkP2mQvT7nLr4sW8yBc1dFgH3j"}},)"
                            R"x("integrations":{"All":false,"Movable Ink (Actions)":true},"messageId":"personas_1",)x"
                            R"("timestamp":"2024-05-14T15:20:00.000Z"})"));
    // Engage's events follow Segment's spec, and Movable Ink can join them to the user.
    QVERIFY(events::SpecChecker::check(event).empty());
    QVERIFY(destination::ReadinessChecker::checkData(event, event).empty());
}

void TestEngageEvents::audienceTrack_data()
{
    QTest::addColumn<bool>("member");
    QTest::addColumn<QString>("name");
    QTest::newRow("entering") << true << QStringLiteral("Audience Entered");
    QTest::newRow("leaving") << false << QStringLiteral("Audience Exited");
}

void TestEngageEvents::audienceTrack()
{
    QFETCH(bool, member);
    QFETCH(QString, name);
    const json::Value event = EngageEvents::track(firstTimeShopper(), maria, json::Value(member));
    const json::Object &e = event.toObject();
    QCOMPARE(e.value(u"type").toString(), QStringLiteral("track"));
    QCOMPARE(e.value(u"event").toString(), name);
    QCOMPARE(json::toJsonString(e.value(u"properties")),
             QStringLiteral(R"({"audience_key":"first_time_shopper","first_time_shopper":%1})")
                 .arg(member ? QStringLiteral("true") : QStringLiteral("false")));
    QCOMPARE(e.value(u"context").toObject().value(u"traits").toObject().value(u"email").toString(), maria.email);
    QCOMPARE(personas(event).toObject().value(u"computation_class").toString(), QStringLiteral("audience"));
    QVERIFY(!e.contains(u"traits")); // a track carries the user's traits in context
    QVERIFY(events::SpecChecker::check(event).empty());
}

void TestEngageEvents::computedTrait()
{
    const Computation revenue{Computation::Kind::ComputedTrait, QStringLiteral("Total Revenue 180 Days"), QString(), QString(), Space};
    const json::Value identify = EngageEvents::identify(revenue, maria, json::Value(450.0));
    QCOMPARE(identify.toObject().value(u"traits").toObject().value(u"total_revenue_180_days").toNumber(), 450.0);
    QCOMPARE(json::toJsonString(personas(identify)),
             QStringLiteral(R"({"computation_class":"trait","computation_id":"tra_total_revenue_180_days",)"
                            R"("computation_key":"total_revenue_180_days","namespace":"%1","space_id":"%1"})")
                 .arg(Space));
    const json::Value track = EngageEvents::track(revenue, maria, json::Value(450.0));
    QCOMPARE(track.toObject().value(u"event").toString(), QStringLiteral("Trait Computed"));
    QCOMPARE(json::toJsonString(track.toObject().value(u"properties")),
             QStringLiteral(R"({"trait_key":"total_revenue_180_days","total_revenue_180_days":450})"));
}

void TestEngageEvents::defaultsStampAndIdentify()
{
    // A key set by hand wins over the name; no space, id or stamp given: defaults, dated now.
    const Computation audience{Computation::Kind::Audience, QStringLiteral("Anything"), QStringLiteral("vip"), QString(), QString()};
    const QDateTime before = QDateTime::currentDateTimeUtc().addSecs(-1);
    const json::Value event = EngageEvents::identify(audience, {QString(), QStringLiteral("anon-1"), QString()}, json::Value(false));
    const json::Object &e = event.toObject();
    QVERIFY(!e.contains(u"userId"));
    QCOMPARE(e.value(u"anonymousId").toString(), QStringLiteral("anon-1"));
    QCOMPARE(json::toJsonString(e.value(u"traits")), QStringLiteral(R"({"vip":false})"));
    QCOMPARE(personas(event).toObject().value(u"computation_id").toString(), QStringLiteral("aud_vip"));
    QCOMPARE(personas(event).toObject().value(u"space_id").toString(), QStringLiteral("spa_inkmapper"));
    QVERIFY(e.value(u"messageId").toString().startsWith(QStringLiteral("personas_")));
    const QDateTime at = QDateTime::fromString(e.value(u"timestamp").toString(), Qt::ISODateWithMs);
    QVERIFY(at >= before && at <= QDateTime::currentDateTimeUtc().addSecs(1));
    const json::Value second = EngageEvents::identify(audience, {QString(), QStringLiteral("anon-1"), QString()}, json::Value(false));
    QVERIFY(second.toObject().value(u"messageId") != e.value(u"messageId"));
}

void TestEngageEvents::samplesAreWhatTheGeneratorMakes_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<bool>("track");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("at");
    QTest::addColumn<QString>("messageId");
    QTest::newRow("audience-entered") << QStringLiteral("audience-entered") << QStringLiteral("audience") << false
                                      << QStringLiteral("true") << QStringLiteral("2024-05-14T15:20:00.000Z")
                                      << QStringLiteral("personas_2hJxA1bC3dE4fG5hI6jK7lM8nO9");
    QTest::newRow("audience-exited") << QStringLiteral("audience-exited") << QStringLiteral("audience") << false
                                     << QStringLiteral("false") << QStringLiteral("2024-06-13T15:20:00.000Z")
                                     << QStringLiteral("personas_2hQw3eR4tY5uI6oP7aS8dF9gH0j");
    QTest::newRow("audience-entered-track") << QStringLiteral("audience-entered-track") << QStringLiteral("audience") << true
                                            << QStringLiteral("true") << QStringLiteral("2024-05-14T15:20:00.000Z")
                                            << QStringLiteral("personas_2hJxB2cD4eF6gH8iJ0kL2mN4oP6");
    QTest::newRow("audience-exited-track") << QStringLiteral("audience-exited-track") << QStringLiteral("audience") << true
                                           << QStringLiteral("false") << QStringLiteral("2024-06-13T15:20:00.000Z")
                                           << QStringLiteral("personas_2hQwC3dE5fG7hI9jK1lM3nO5pQ7");
    QTest::newRow("computed-trait") << QStringLiteral("computed-trait") << QStringLiteral("trait") << false
                                    << QStringLiteral("166.42") << QStringLiteral("2024-05-14T16:00:00.000Z")
                                    << QStringLiteral("personas_2hK1pQ2rS3tU4vW5xY6zA7bC8dE");
}

void TestEngageEvents::samplesAreWhatTheGeneratorMakes()
{
    QFETCH(QString, id);
    QFETCH(QString, kind);
    QFETCH(bool, track);
    QFETCH(QString, value);
    QFETCH(QString, at);
    QFETCH(QString, messageId);
    const auto sample = events::SampleLibrary::builtIn().event(id, events::SampleLibrary::Stamping::AsStored);
    QVERIFY(sample.ok());
    const Computation computation = kind == u"audience"
        ? firstTimeShopper()
        : Computation{Computation::Kind::ComputedTrait, QStringLiteral("Total Revenue 180 Days"), QString(),
                      QStringLiteral("tra_2hK1mN3bV5cX7zL9kJ2hG4fD6s"), Space};
    const json::Value v = value == u"true" ? json::Value(true) : value == u"false" ? json::Value(false) : json::Value(value.toDouble());
    const EngageEvents::Stamp s{QDateTime::fromString(at, Qt::ISODateWithMs), messageId};
    const json::Value generated = track ? EngageEvents::track(computation, maria, v, s) : EngageEvents::identify(computation, maria, v, s);
    QCOMPARE(json::toJsonString(sample.value().event), json::toJsonString(generated));
}

QTEST_GUILESS_MAIN(TestEngageEvents)
#include "tst_engageevents.moc"
