#include "events/specchecker.h"

#include "json/parser.h"

#include <QTest>

using namespace inkmapper;
using events::SpecChecker;
using events::SpecFinding;
using Level = SpecFinding::Level;

Q_DECLARE_METATYPE(SpecFinding::Level)

namespace {

json::Value parse(const QByteArray &text)
{
    auto parsed = json::parse(QByteArrayView(text));
    if (!parsed)
        qFatal("bad test data: %s", qPrintable(parsed.error().describe()));
    return parsed.value();
}

QString describe(const std::vector<SpecFinding> &findings)
{
    QStringList lines;
    for (const SpecFinding &f : findings)
        lines.append(QStringLiteral("[%1] %2: %3").arg(int(f.level)).arg(f.path, f.message));
    return lines.join(u'\n');
}

} // namespace

class TestSpecChecker : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cleanEventsHaveNoFindings_data();
    void cleanEventsHaveNoFindings();
    void findings_data();
    void findings();
    void notReported_data();
    void notReported();
    void notAnObject_data();
    void notAnObject();
    void hasErrors();
    void lists();
};

void TestSpecChecker::cleanEventsHaveNoFindings_data()
{
    QTest::addColumn<QByteArray>("event");
    const QByteArray common = R"("messageId":"m1","timestamp":"2024-05-14T15:02:11.000Z")";
    QTest::newRow("identify") << QByteArray(R"({"type":"identify","userId":"u1","traits":{"email":"a@b.c"},)" + common + "}");
    QTest::newRow("anonymous track") << QByteArray(R"({"type":"track","event":"Signed Up","anonymousId":"a1","properties":{},)" + common + "}");
    QTest::newRow("page with context")
        << QByteArray(R"({"type":"page","name":"Home","anonymousId":"a1","context":{"page":{"url":"https://x"},"ip":"1.2.3.4"},)" + common + "}");
    QTest::newRow("screen") << QByteArray(R"({"type":"screen","name":"Cart","userId":"u1",)" + common + "}");
    QTest::newRow("group") << QByteArray(R"({"type":"group","groupId":"g1","userId":"u1","traits":{"name":"Acme"},)" + common + "}");
    QTest::newRow("alias") << QByteArray(R"({"type":"alias","previousId":"a1","userId":"u1",)" + common + "}");
    QTest::newRow("order completed")
        << QByteArray(R"({"type":"track","event":"Order Completed","userId":"u1","properties":{"order_id":"o1","total":10.5,)"
                      R"("products":[{"sku":"S1","price":10.5,"quantity":1}]},)" + common + "}");
    QTest::newRow("timestamp with offset") << QByteArray(R"({"type":"track","event":"X","userId":"u","messageId":"m","timestamp":"2024-05-14T17:02:11+02:00"})");
    QTest::newRow("Segment's server-side fields")
        << QByteArray(R"({"type":"track","event":"X","userId":"u","messageId":"m","originalTimestamp":"2024-05-14T15:02:11.000Z",)"
                      R"("receivedAt":"2024-05-14T15:02:12.5Z","sentAt":"2024-05-14T15:02:11.1Z","version":2,"channel":"server",)"
                      R"("integrations":{"All":true},"writeKey":"k","projectId":"p","_metadata":{}})");
}

void TestSpecChecker::cleanEventsHaveNoFindings()
{
    QFETCH(QByteArray, event);
    const auto findings = SpecChecker::check(parse(event));
    QVERIFY2(findings.empty(), qPrintable(describe(findings)));
}

void TestSpecChecker::findings_data()
{
    QTest::addColumn<QByteArray>("event");
    QTest::addColumn<Level>("level");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("messagePart");
    const QByteArray ok = R"("messageId":"m","timestamp":"2024-05-14T15:02:11Z")";
    const auto ev = [&](const char *fields) { return QByteArray("{") + fields + ',' + ok + '}'; };

    QTest::newRow("type missing") << ev(R"("userId":"u")") << Level::Error << QStringLiteral("type") << QStringLiteral("missing");
    QTest::newRow("type is a number") << ev(R"("type":1,"userId":"u")") << Level::Error << QStringLiteral("type") << QStringLiteral("found 1");
    QTest::newRow("unknown type") << ev(R"("type":"purchase","userId":"u")") << Level::Error << QStringLiteral("type")
                                  << QStringLiteral("\"purchase\" is not one of Segment's types");
    QTest::newRow("capitalised type") << ev(R"("type":"Track","event":"X","userId":"u")") << Level::Error << QStringLiteral("type")
                                      << QStringLiteral("lower case: \"track\"");
    QTest::newRow("no identity") << ev(R"("type":"track","event":"X")") << Level::Error << QString()
                                 << QStringLiteral("neither userId nor anonymousId");
    QTest::newRow("null identity") << ev(R"("type":"page","userId":null,"anonymousId":null)") << Level::Error << QString()
                                   << QStringLiteral("neither userId nor anonymousId");
    QTest::newRow("empty userId") << ev(R"("type":"page","userId":"")") << Level::Warning << QStringLiteral("userId")
                                  << QStringLiteral("is empty");
    QTest::newRow("empty userId is no identity") << ev(R"("type":"page","userId":"")") << Level::Error << QString()
                                                 << QStringLiteral("neither userId nor anonymousId");
    QTest::newRow("numeric userId") << ev(R"("type":"page","userId":42)") << Level::Warning << QStringLiteral("userId")
                                    << QStringLiteral("is a number");
    QTest::newRow("object anonymousId") << ev(R"("type":"page","anonymousId":{"id":1})") << Level::Error << QStringLiteral("anonymousId")
                                        << QStringLiteral("must be a string, found an object");
    QTest::newRow("alias without previousId") << ev(R"("type":"alias","userId":"u")") << Level::Error << QStringLiteral("previousId")
                                              << QStringLiteral("previous id");
    QTest::newRow("alias without userId") << ev(R"("type":"alias","previousId":"a","anonymousId":"a")") << Level::Error
                                          << QStringLiteral("userId") << QStringLiteral("new userId");
    QTest::newRow("track without event") << ev(R"("type":"track","userId":"u")") << Level::Error << QStringLiteral("event")
                                         << QStringLiteral("needs the name of the action");
    QTest::newRow("track with empty event") << ev(R"("type":"track","event":" ","userId":"u")") << Level::Error << QStringLiteral("event")
                                            << QStringLiteral("is empty");
    QTest::newRow("track with numeric event") << ev(R"("type":"track","event":7,"userId":"u")") << Level::Error
                                              << QStringLiteral("event") << QStringLiteral("must be a string, found 7");
    QTest::newRow("group without groupId") << ev(R"("type":"group","userId":"u")") << Level::Error << QStringLiteral("groupId")
                                           << QStringLiteral("account or company");
    QTest::newRow("screen without name") << ev(R"("type":"screen","userId":"u")") << Level::Hint << QStringLiteral("name")
                                         << QStringLiteral("name the screen");
    QTest::newRow("page name is a number") << ev(R"("type":"page","name":3,"userId":"u")") << Level::Warning << QStringLiteral("name")
                                           << QStringLiteral("should be a string");
    QTest::newRow("properties is a string") << ev(R"("type":"track","event":"X","userId":"u","properties":"sku=1")") << Level::Error
                                            << QStringLiteral("properties") << QStringLiteral("must be an object, found \"sku=1\"");
    QTest::newRow("traits is an array") << ev(R"("type":"identify","userId":"u","traits":[])") << Level::Error
                                        << QStringLiteral("traits") << QStringLiteral("must be an object, found an array");
    QTest::newRow("context is a number") << ev(R"("type":"page","userId":"u","context":5)") << Level::Error << QStringLiteral("context")
                                         << QStringLiteral("must be an object");
    QTest::newRow("properties is null") << ev(R"("type":"page","userId":"u","properties":null)") << Level::Warning
                                        << QStringLiteral("properties") << QStringLiteral("is null");
    QTest::newRow("context.page is a string") << ev(R"("type":"page","userId":"u","context":{"page":"/home"})") << Level::Warning
                                              << QStringLiteral("context.page") << QStringLiteral("must be an object");
    QTest::newRow("context.ip is a number") << ev(R"("type":"page","userId":"u","context":{"ip":127001})") << Level::Warning
                                            << QStringLiteral("context.ip") << QStringLiteral("should be a string");
    QTest::newRow("messageId missing") << QByteArray(R"({"type":"page","userId":"u","timestamp":"2024-05-14T15:02:11Z"})") << Level::Hint
                                       << QStringLiteral("messageId") << QStringLiteral("missing");
    QTest::newRow("messageId is a number") << QByteArray(R"({"type":"page","userId":"u","messageId":1})") << Level::Warning
                                           << QStringLiteral("messageId") << QStringLiteral("should be a string");
    QTest::newRow("timestamp missing") << QByteArray(R"({"type":"page","userId":"u","messageId":"m"})") << Level::Hint
                                       << QStringLiteral("timestamp") << QStringLiteral("time it received");
    QTest::newRow("timestamp in US format") << QByteArray(R"({"type":"page","userId":"u","messageId":"m","timestamp":"05/14/2024 3:02 PM"})")
                                            << Level::Warning << QStringLiteral("timestamp") << QStringLiteral("not an ISO-8601");
    QTest::newRow("timestamp on the 30th of February")
        << QByteArray(R"({"type":"page","userId":"u","messageId":"m","timestamp":"2024-02-30T10:00:00Z"})") << Level::Warning
        << QStringLiteral("timestamp") << QStringLiteral("not an ISO-8601");
    QTest::newRow("timestamp at 25 o'clock")
        << QByteArray(R"({"type":"page","userId":"u","messageId":"m","timestamp":"2024-02-03T25:00:00Z"})") << Level::Warning
        << QStringLiteral("timestamp") << QStringLiteral("not an ISO-8601");
    QTest::newRow("timestamp in epoch milliseconds") << QByteArray(R"({"type":"page","userId":"u","messageId":"m","timestamp":1715698931000})")
                                                     << Level::Warning << QStringLiteral("timestamp") << QStringLiteral("ISO-8601 string");
    QTest::newRow("timestamp without zone") << QByteArray(R"({"type":"page","userId":"u","messageId":"m","timestamp":"2024-05-14T15:02:11"})")
                                            << Level::Hint << QStringLiteral("timestamp") << QStringLiteral("no time zone");
    QTest::newRow("sentAt garbage") << ev(R"("type":"page","userId":"u","sentAt":"yesterday")") << Level::Warning << QStringLiteral("sentAt")
                                    << QStringLiteral("\"yesterday\" is not an ISO-8601");
    QTest::newRow("custom top-level field") << ev(R"("type":"page","userId":"u","email":"a@b.c")") << Level::Hint << QStringLiteral("email")
                                            << QStringLiteral("$.email");
    QTest::newRow("traits on a track call") << ev(R"("type":"track","event":"X","userId":"u","traits":{})") << Level::Hint
                                            << QStringLiteral("traits") << QStringLiteral("context.traits");
    QTest::newRow("properties on identify") << ev(R"("type":"identify","userId":"u","properties":{})") << Level::Hint
                                            << QStringLiteral("properties") << QStringLiteral("traits");
    QTest::newRow("snake_case spec event") << ev(R"("type":"track","event":"order_completed","userId":"u")") << Level::Hint
                                           << QStringLiteral("event") << QStringLiteral("spells this event \"Order Completed\"");
    QTest::newRow("lower-case spec event") << ev(R"("type":"track","event":"product viewed","userId":"u")") << Level::Hint
                                           << QStringLiteral("event") << QStringLiteral("\"Product Viewed\"");
    QTest::newRow("price as a string")
        << ev(R"("type":"track","event":"Product Added","userId":"u","properties":{"sku":"s","price":"19.99"})") << Level::Warning
        << QStringLiteral("properties.price") << QStringLiteral("is \"19.99\"; the e-commerce spec expects a number");
    QTest::newRow("product price as a string")
        << ev(R"("type":"track","event":"Order Completed","userId":"u","properties":{"order_id":"o","products":[{"sku":"a"},{"sku":"b","price":"1"}]})")
        << Level::Warning << QStringLiteral("properties.products[1].price") << QStringLiteral("expects a number");
    QTest::newRow("products is an object")
        << ev(R"("type":"track","event":"Cart Viewed","userId":"u","properties":{"products":{"sku":"a"}})") << Level::Warning
        << QStringLiteral("properties.products") << QStringLiteral("array of products");
    QTest::newRow("a product is a string")
        << ev(R"("type":"track","event":"Cart Viewed","userId":"u","properties":{"products":["SKU-1"]})") << Level::Warning
        << QStringLiteral("properties.products[0]") << QStringLiteral("product object");
    QTest::newRow("product without product_id or sku")
        << ev(R"("type":"track","event":"Product Viewed","userId":"u","properties":{"name":"Shoe"})") << Level::Hint
        << QStringLiteral("properties") << QStringLiteral("product_id or sku");
    QTest::newRow("order without order_id")
        << ev(R"("type":"track","event":"Order Completed","userId":"u","properties":{"total":3})") << Level::Hint
        << QStringLiteral("properties.order_id") << QStringLiteral("missing");
}

void TestSpecChecker::findings()
{
    QFETCH(QByteArray, event);
    QFETCH(Level, level);
    QFETCH(QString, path);
    QFETCH(QString, messagePart);
    const auto findings = SpecChecker::check(parse(event));
    const bool found = std::any_of(findings.begin(), findings.end(), [&](const SpecFinding &f) {
        return f.level == level && f.path == path && f.message.contains(messagePart);
    });
    QVERIFY2(found, qPrintable(describe(findings)));
}

void TestSpecChecker::notReported_data()
{
    QTest::addColumn<QByteArray>("event");
    QTest::addColumn<QString>("path");
    // Things that look suspicious to a naive checker but are fine by the spec.
    QTest::newRow("alias needs no anonymousId") << QByteArray(R"({"type":"alias","previousId":"a","userId":"u","messageId":"m"})") << QString();
    QTest::newRow("identify by anonymousId only") << QByteArray(R"({"type":"identify","anonymousId":"a","messageId":"m"})") << QString();
    QTest::newRow("page without name") << QByteArray(R"({"type":"page","anonymousId":"a","messageId":"m"})") << QStringLiteral("name");
    QTest::newRow("custom track event name") << QByteArray(R"({"type":"track","event":"Played Video","userId":"u"})") << QStringLiteral("event");
    QTest::newRow("exact spec name") << QByteArray(R"({"type":"track","event":"Order Completed","userId":"u","properties":{"order_id":"o"}})")
                                     << QStringLiteral("event");
    QTest::newRow("string price outside the e-commerce spec")
        << QByteArray(R"({"type":"track","event":"Plan Chosen","userId":"u","properties":{"price":"9"}})") << QStringLiteral("properties.price");
    QTest::newRow("date-only timestamp") << QByteArray(R"({"type":"page","userId":"u","timestamp":"2024-05-14"})") << QStringLiteral("timestamp");
}

void TestSpecChecker::notReported()
{
    QFETCH(QByteArray, event);
    QFETCH(QString, path);
    const auto findings = SpecChecker::check(parse(event));
    for (const SpecFinding &f : findings)
        QVERIFY2(f.path != path, qPrintable(describe(findings)));
}

void TestSpecChecker::notAnObject_data()
{
    QTest::addColumn<QByteArray>("event");
    QTest::addColumn<QString>("found");
    QTest::newRow("array") << QByteArray(R"([{"type":"track"}])") << QStringLiteral("an array");
    QTest::newRow("string") << QByteArray(R"("track")") << QStringLiteral("\"track\"");
    QTest::newRow("null") << QByteArray("null") << QStringLiteral("null");
}

void TestSpecChecker::notAnObject()
{
    QFETCH(QByteArray, event);
    QFETCH(QString, found);
    const auto findings = SpecChecker::check(parse(event));
    QCOMPARE(int(findings.size()), 1);
    QCOMPARE(findings[0].level, Level::Error);
    QCOMPARE(findings[0].path, QString());
    QCOMPARE(findings[0].message, QStringLiteral("a Segment event is a JSON object, this is %1").arg(found));
}

void TestSpecChecker::hasErrors()
{
    QVERIFY(SpecChecker::hasErrors(SpecChecker::check(parse(R"({"type":"track"})"))));
    QVERIFY(!SpecChecker::hasErrors(SpecChecker::check(parse(R"({"type":"track","event":"X","userId":"u"})"))));
    QVERIFY(!SpecChecker::hasErrors({}));
}

void TestSpecChecker::lists()
{
    QCOMPARE(SpecChecker::eventTypes().size(), 6);
    for (const char16_t *name : {u"Product Viewed", u"Product Added", u"Product Removed", u"Cart Viewed", u"Checkout Started",
                                 u"Order Completed", u"Product List Viewed", u"Products Searched", u"Product Clicked", u"Promotion Viewed"})
        QVERIFY(SpecChecker::ecommerceEvents().contains(QString::fromUtf16(name)));
}

QTEST_GUILESS_MAIN(TestSpecChecker)
#include "tst_specchecker.moc"
