#include "preview/preview.h"
#include "preview/previewer.h"

#include "destination/basicauth.h"
#include "json/object.h"
#include "json/parser.h"
#include "json/writer.h"

#include <QProcess>
#include <QStandardPaths>
#include <QTest>

using namespace inkmapper;
using preview::Preview;
using preview::PreviewInputs;
using preview::PreviewResult;
using Match = PreviewResult::Match;
using Delivery = PreviewResult::Delivery;

namespace {

const QString LocalUrl = QStringLiteral("http://127.0.0.1:47231/v1/segment/events");
const QString OrderTrigger = QStringLiteral(R"(type = "track" and event = "Order Completed")");
const QString Order = QStringLiteral(R"({"type":"track","event":"Order Completed","userId":"u1",
    "properties":{"order_id":"o-1","total":42.5,"currency":"USD"}})");

json::Value parsed(const QString &text)
{
    const Result<json::Value> value = json::parse(QStringView(text));
    if (!value)
        qFatal("test JSON does not parse: %s", qPrintable(value.error().describe()));
    return value.value();
}

PreviewInputs inputs(const QString &trigger, const QString &mapping, const QString &event,
                     const QString &url = LocalUrl)
{
    PreviewInputs in;
    in.settings.movableInkUrl = url;
    in.settings.username = QStringLiteral("mi_user");
    in.secret = QStringLiteral("s3cr3t-Access");
    in.mapping = project::MappingConfig::fromPreset(QStringLiteral("Test"));
    in.mapping.subscribe = trigger;
    in.mapping.mapping = parsed(mapping);
    in.event = parsed(event);
    return in;
}

destination::HttpRequest requestWith(const QByteArray &body, QList<destination::HttpHeader> extra = {})
{
    destination::HttpRequest request;
    request.setMethod("POST");
    request.setEndpoint(QStringLiteral("http"), QStringLiteral("127.0.0.1"), 47231, "/v1/segment/events",
                        QStringLiteral("http://127.0.0.1:47231/v1/segment/events"));
    QList<destination::HttpHeader> headers{{"user-agent", "Segment (Actions)", destination::HttpHeader::Origin::Client},
                                           {"authorization", "Basic bWlfdXNlcjpzM2NyM3QtQWNjZXNz",
                                            destination::HttpHeader::Origin::Client},
                                           {"Content-Type", "application/json", destination::HttpHeader::Origin::Client},
                                           {"Accept", "*/*", destination::HttpHeader::Origin::Client}};
    headers += extra;
    headers.append({"Content-Length", QByteArray::number(body.size()), destination::HttpHeader::Origin::Transport});
    request.setHeaders(headers);
    request.setBody(body);
    return request;
}

// The arguments bash hands to `curl` when it runs `command`, each exactly as bytes.
std::optional<QList<QByteArray>> curlArguments(const QString &command)
{
    const QString bash = QStandardPaths::findExecutable(QStringLiteral("bash"));
    if (bash.isEmpty())
        return std::nullopt;
    QProcess process;
    // A stand-in curl that prints each argument followed by a NUL byte.
    const QString script = QStringLiteral("curl() { for a in \"$@\"; do printf '%s\\0' \"$a\"; done; }\n") + command
        + u'\n';
    process.start(bash, {QStringLiteral("-c"), script});
    process.waitForFinished();
    QList<QByteArray> args = process.readAllStandardOutput().split('\0');
    args.removeLast();
    return args;
}

} // namespace

class TestPreview : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void outcome_data();
    void outcome();
    void whyNothingIsSent_data();
    void whyNothingIsSent();
    void triggerErrorHasColumn();
    void evaluationError();
    void transformErrorHasKeyPath();
    void payloadShownWhenNotMatching();
    void outcomeDetailSkipsPayloadOfNonMatches();
    void requestIsSegments();
    void warnings_data();
    void warnings();
    void disabledMappingIsNoted();
    void previewerIsReusedOnlyForSameInputs();
    void previewerAgreesWithCompute();
    void sharedPreviewsEqualPreviewsAlone_data();
    void sharedPreviewsEqualPreviewsAlone();
    void conditionText_data();
    void conditionText();
    void valueText();
    void curlRedactsUnlessRevealed();
    void curlCommandLine();
    void curlQuoting_data();
    void curlQuoting();
    void curlArgumentsSurviveTheShell_data();
    void curlArgumentsSurviveTheShell();
};

void TestPreview::outcome_data()
{
    QTest::addColumn<QString>("trigger");
    QTest::addColumn<QString>("mapping");
    QTest::addColumn<QString>("event");
    QTest::addColumn<QString>("url");
    QTest::addColumn<int>("match");
    QTest::addColumn<int>("delivery");
    QTest::addColumn<QString>("summary");

    const QString entire = QStringLiteral(R"({"data":{"@path":"$."}})");
    QTest::newRow("match decided by the last condition")
        << OrderTrigger << entire << Order << LocalUrl << int(Match::Matches) << int(Delivery::Sent)
        << QStringLiteral("Matches \u2014 decided by: event = \"Order Completed\"");
    QTest::newRow("no match decided by the type")
        << OrderTrigger << entire << QStringLiteral(R"({"type":"identify","userId":"u1"})") << LocalUrl
        << int(Match::NoMatch) << int(Delivery::NotSent)
        << QStringLiteral("Does not match \u2014 type = \"track\" was false for this event");
    QTest::newRow("or matches at its first true condition")
        << QStringLiteral(R"(type = "identify" or type = "track" or type = "page")") << entire << Order << LocalUrl
        << int(Match::Matches) << int(Delivery::Sent) << QStringLiteral("Matches \u2014 decided by: type = \"track\"");
    QTest::newRow("nested group points at the leaf inside it")
        << QStringLiteral(R"(type = "track" and (event = "A" or event = "B"))") << entire << Order << LocalUrl
        << int(Match::NoMatch) << int(Delivery::NotSent)
        << QStringLiteral("Does not match \u2014 event = \"B\" was false for this event");
    QTest::newRow("property condition")
        << QStringLiteral(R"(properties.total >= 100)") << entire << Order << LocalUrl << int(Match::NoMatch)
        << int(Delivery::NotSent) << QStringLiteral("Does not match \u2014 properties.total >= 100 was false for this event");
    QTest::newRow("trigger error")
        << QStringLiteral("!!!") << entire << Order << LocalUrl << int(Match::TriggerError) << int(Delivery::NotSent)
        << QStringLiteral("Trigger error at column 1: expected '=' after '!', got \"!\"");
    QTest::newRow("empty trigger")
        << QString() << entire << Order << LocalUrl << int(Match::TriggerError) << int(Delivery::NotSent)
        << QStringLiteral("Trigger error: the trigger is empty, so Segment sends nothing");
    QTest::newRow("missing URL fails the request")
        << OrderTrigger << entire << Order << QString() << int(Match::Matches) << int(Delivery::Failed)
        << QStringLiteral("Matches \u2014 decided by: event = \"Order Completed\", but Segment fails: \"Movable Ink "
                          "URL\" setting or \"Movable Ink URL\" field must be populated");
    QTest::newRow("payload validation fails the request")
        << OrderTrigger << QStringLiteral(R"({"data":{"@path":"$.event"}})") << Order << LocalUrl
        << int(Match::Matches) << int(Delivery::Failed)
        << QStringLiteral("Matches \u2014 decided by: event = \"Order Completed\", but Segment fails: Data must be an "
                          "object but it was a string.");
    QTest::newRow("illegal header value fails the request")
        << OrderTrigger << QStringLiteral(R"({"headers":{"X-Cart":"\ud83d\uded2"},"data":{}})") << Order << LocalUrl
        << int(Match::Matches) << int(Delivery::Failed)
        << QStringLiteral("Matches \u2014 decided by: event = \"Order Completed\", but Segment fails: "
                          "\U0001F6D2 is not a legal HTTP header value");
}

void TestPreview::outcome()
{
    QFETCH(QString, trigger);
    QFETCH(QString, mapping);
    QFETCH(QString, event);
    QFETCH(QString, url);
    QFETCH(int, match);
    QFETCH(int, delivery);
    QFETCH(QString, summary);

    const PreviewResult r = Preview::compute(inputs(trigger, mapping, event, url));
    QCOMPARE(int(r.match), match);
    QCOMPARE(int(r.delivery), delivery);
    QCOMPARE(Preview::summary(r), summary);
    QCOMPARE(r.request.has_value(), delivery == int(Delivery::Sent));
    QCOMPARE(r.requestError.has_value(), delivery == int(Delivery::Failed));
    QCOMPARE(r.hasError(), delivery == int(Delivery::Failed) || match == int(Match::TriggerError));
    if (delivery == int(Delivery::NotSent))
        QVERIFY(!r.notSentReason.isEmpty());
}

void TestPreview::triggerErrorHasColumn()
{
    // An unterminated string: the parser stops where the string starts.
    const QString trigger = QStringLiteral(R"(type = "track" and event = "Order)");
    const PreviewResult r = Preview::compute(inputs(trigger, QStringLiteral("{}"), Order));
    QCOMPARE(r.match, Match::TriggerError);
    QVERIFY(r.triggerError.location.column > 1);
    QVERIFY2(Preview::summary(r).startsWith(QStringLiteral("Trigger error at column %1: ")
                                                .arg(r.triggerError.location.column)),
             qPrintable(Preview::summary(r)));
    QVERIFY(r.explanation.conditions.empty());
    QCOMPARE(r.decidingCondition, -1);
    // Segment reports the same problem as its result and sends nothing.
    QVERIFY(r.notSentReason.startsWith(QStringLiteral("Invalid subscription : ")));
}

void TestPreview::evaluationError()
{
    // A null event makes Segment's evaluator throw.
    PreviewInputs in = inputs(OrderTrigger, QStringLiteral("{}"), QStringLiteral("null"));
    const PreviewResult r = Preview::compute(in);
    QCOMPARE(r.match, Match::EvaluationError);
    QVERIFY(!r.triggerError.message.isEmpty());
    QCOMPARE(r.delivery, Delivery::Failed);
    QVERIFY(r.hasError());
    QVERIFY(Preview::summary(r).startsWith(QStringLiteral("Trigger fails on this event")));
}

void TestPreview::transformErrorHasKeyPath()
{
    const PreviewResult r = Preview::compute(
        inputs(OrderTrigger, QStringLiteral(R"({"data":{"order":{"id":{"@path":5}}}})"), Order));
    QCOMPARE(r.match, Match::Matches);
    QCOMPARE(r.delivery, Delivery::Failed);
    QVERIFY(r.payloadError.has_value());
    QCOMPARE(r.payloadError->location.path, QStringLiteral("data.order.id.@path"));
    QCOMPARE(r.payloadError->message,
             QStringLiteral("/data/order/id/@path should be a string or a mapping directive but it is a number."));
    QCOMPARE(r.requestError->message, r.payloadError->message);
    QVERIFY(r.payload.isUndefined());
}

void TestPreview::payloadShownWhenNotMatching()
{
    const PreviewResult r = Preview::compute(inputs(QStringLiteral(R"(type = "identify")"),
                                                    QStringLiteral(R"({"data":{"id":{"@path":"$.properties.order_id"}}})"),
                                                    Order));
    QCOMPARE(r.match, Match::NoMatch);
    QVERIFY(r.payloadComputed);
    QVERIFY(!r.payloadValidated);
    QCOMPARE(json::toJsonString(r.payload), QStringLiteral(R"({"data":{"id":"o-1"}})"));
}

void TestPreview::outcomeDetailSkipsPayloadOfNonMatches()
{
    const PreviewInputs in = inputs(QStringLiteral(R"(type = "identify")"), QStringLiteral(R"({"data":{"@path":"$."}})"),
                                    Order);
    const preview::Previewer previewer(in.settings, in.secret, in.mapping);
    const PreviewResult full = previewer.compute(in.event);
    const PreviewResult outcome = previewer.compute(in.event, preview::Previewer::Detail::Outcome);
    QVERIFY(full.payloadComputed);
    QVERIFY(!outcome.payloadComputed);
    QCOMPARE(outcome.match, full.match);
    QCOMPARE(Preview::summary(outcome), Preview::summary(full));
}

void TestPreview::requestIsSegments()
{
    const PreviewResult r = Preview::compute(
        inputs(OrderTrigger, QStringLiteral(R"({"headers":{"X-Source":"segment"},"data":{"id":{"@path":"$.properties.order_id"}}})"),
               Order));
    QCOMPARE(r.delivery, Delivery::Sent);
    QVERIFY(r.payloadValidated);
    // The payload shown is the one sent: its data is the body.
    QCOMPARE(json::toJsonString(r.payload), QStringLiteral(R"({"headers":{"X-Source":"segment"},"data":{"id":"o-1"}})"));
    QCOMPARE(json::stringify(r.payload.toObject().value(u"data")), r.request->body());
    QCOMPARE(r.request->method(), QByteArray("POST"));
    QCOMPARE(r.request->url(), LocalUrl);
    QCOMPARE(r.request->body(), QByteArray(R"({"id":"o-1"})"));
    QCOMPARE(r.request->header("x-source"), QByteArray("segment"));
    QCOMPARE(r.request->header("authorization"),
             destination::BasicAuth::headerValue(QStringLiteral("mi_user"), QStringLiteral("s3cr3t-Access")));
}

void TestPreview::warnings_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("mapping");
    QTest::addColumn<int>("kind");

    QTest::newRow("http off loopback") << QStringLiteral("http://collector.example.com/events")
                                       << QStringLiteral(R"({"data":{}})")
                                       << int(destination::RequestWarning::Kind::InsecureUrl);
    QTest::newRow("non-ASCII header value") << LocalUrl << QStringLiteral(R"({"headers":{"X-City":"Z\u00fcrich"},"data":{}})")
                                            << int(destination::RequestWarning::Kind::NonAsciiHeaderValue);
    QTest::newRow("overwritten header") << LocalUrl << QStringLiteral(R"({"headers":{"Authorization":"Bearer x"},"data":{}})")
                                        << int(destination::RequestWarning::Kind::HeaderOverwritten);
}

void TestPreview::warnings()
{
    QFETCH(QString, url);
    QFETCH(QString, mapping);
    QFETCH(int, kind);
    const PreviewResult r = Preview::compute(inputs(OrderTrigger, mapping, Order, url));
    QCOMPARE(r.delivery, Delivery::Sent);
    QCOMPARE(r.warnings.size(), 1);
    QCOMPARE(int(r.warnings.front().kind), kind);
    QVERIFY(!r.warnings.front().message.isEmpty());
    QVERIFY(!r.hasError());
}

void TestPreview::disabledMappingIsNoted()
{
    PreviewInputs in = inputs(OrderTrigger, QStringLiteral(R"({"data":{}})"), Order);
    QVERIFY(Preview::compute(in).notes.isEmpty());
    in.mapping.enabled = false;
    const PreviewResult r = Preview::compute(in);
    QCOMPARE(r.notes.size(), 1);
    QVERIFY(r.notes.front().contains(QStringLiteral("disabled")));
    // The preview still shows what the mapping would send once enabled.
    QCOMPARE(r.delivery, Delivery::Sent);
}

void TestPreview::previewerIsReusedOnlyForSameInputs()
{
    const PreviewInputs in = inputs(OrderTrigger, QStringLiteral(R"({"data":{}})"), Order);
    const preview::Previewer previewer(in.settings, in.secret, in.mapping);
    QVERIFY(previewer.isFor(in.settings, in.secret, in.mapping));
    project::MappingConfig renamed = in.mapping;
    renamed.name = QStringLiteral("Another name");
    QVERIFY(previewer.isFor(in.settings, in.secret, renamed));
    project::MappingConfig other = in.mapping;
    other.subscribe = QStringLiteral(R"(type = "page")");
    QVERIFY(!previewer.isFor(in.settings, in.secret, other));
    other = in.mapping;
    other.mapping = parsed(QStringLiteral(R"({"data":{"x":1}})"));
    QVERIFY(!previewer.isFor(in.settings, in.secret, other));
    QVERIFY(!previewer.isFor(in.settings, QStringLiteral("other secret"), in.mapping));
    project::DestinationSettings settings = in.settings;
    settings.movableInkUrl = QStringLiteral("https://example.com/");
    QVERIFY(!previewer.isFor(settings, in.secret, in.mapping));
}

void TestPreview::previewerAgreesWithCompute()
{
    const PreviewInputs in = inputs(OrderTrigger, QStringLiteral(R"({"data":{"@path":"$.properties"}})"), Order);
    const preview::Previewer previewer(in.settings, in.secret, in.mapping);
    const QStringList events{Order, QStringLiteral(R"({"type":"track","event":"Other"})"), QStringLiteral("null"),
                             QStringLiteral(R"({"type":"page"})")};
    for (const QString &text : events) {
        PreviewInputs each = in;
        each.event = parsed(text);
        const PreviewResult once = Preview::compute(each);
        const PreviewResult reused = previewer.compute(each.event);
        QCOMPARE(Preview::summary(reused), Preview::summary(once));
        QCOMPARE(reused.payload, once.payload);
        QCOMPARE(reused.request, once.request);
    }
}

void TestPreview::sharedPreviewsEqualPreviewsAlone_data()
{
    QTest::addColumn<QString>("event");
    QTest::newRow("order") << Order;
    QTest::newRow("other track") << QStringLiteral(R"({"type":"track","event":"Other","userId":"u2"})");
    QTest::newRow("identify") << QStringLiteral(R"({"type":"identify","userId":"u1","traits":{"email":"é@x.io"}})");
    QTest::newRow("no properties") << QStringLiteral(R"({"type":"track","event":"Order Completed"})");
    QTest::newRow("null") << QStringLiteral("null");
    QTest::newRow("batch") << QStringLiteral(R"([{"type":"track"}])");
}

void TestPreview::sharedPreviewsEqualPreviewsAlone()
{
    QFETCH(QString, event);
    // The same mappings under different triggers, the same trigger with different mappings, a mapping
    // that fails, one whose payload Segment refuses, a header that differs only in its value.
    const QList<QPair<QString, QString>> subscriptions = {
        {QStringLiteral(R"(type = "track")"), QStringLiteral(R"({"data":{"@path":"$."}})")},
        {OrderTrigger, QStringLiteral(R"({"data":{"@path":"$."}})")},
        {QStringLiteral("userId != null"), QStringLiteral(R"({"data":{"@path":"$."}})")},
        {QStringLiteral(R"(type = "track")"), QStringLiteral(R"({"data":{"@path":"$.properties"}})")},
        {QStringLiteral("userId != null"), QStringLiteral(R"({"data":{"@json":{"mode":"decode","value":"{"}}})")},
        {QStringLiteral("userId != null"), QStringLiteral(R"({"data":"not an object"})")},
        {QStringLiteral(R"(type = "track")"), QStringLiteral(R"({"headers":{"X-A":"1"},"data":{"@path":"$."}})")},
        {OrderTrigger, QStringLiteral(R"({"headers":{"X-A":"2"},"data":{"@path":"$."}})")},
        {QStringLiteral("userId != null"), QStringLiteral(R"({"headers":{"X-A":"1"},"data":{"@path":"$."}})")},
        {QStringLiteral(R"(type = "identify")"), QStringLiteral(R"({"data":{"@flatten":{"value":{"@path":"$.traits"},"separator":"."}}})")},
        {QStringLiteral("userId != null"), QStringLiteral(R"({"data":{"@flatten":{"value":{"@path":"$.traits"},"separator":"."}}})")},
    };
    const json::Value e = parsed(event);
    destination::MatchedRequestCache sameEvent;
    int sent = 0;
    for (const auto &[trigger, mapping] : subscriptions) {
        PreviewInputs in = inputs(trigger, mapping, Order);
        const preview::Previewer previewer(in.settings, in.secret, in.mapping);
        for (const auto detail : {preview::Previewer::Detail::Full, preview::Previewer::Detail::Outcome}) {
            const PreviewResult alone = previewer.compute(e, detail);
            const PreviewResult shared = previewer.compute(e, detail, &sameEvent);
            QCOMPARE(Preview::summary(shared), Preview::summary(alone));
            QCOMPARE(shared.match, alone.match);
            QCOMPARE(shared.delivery, alone.delivery);
            QCOMPARE(shared.payload, alone.payload);
            QCOMPARE(shared.request, alone.request);
            QCOMPARE(shared.requestError.has_value(), alone.requestError.has_value());
            if (alone.requestError)
                QCOMPARE(shared.requestError->message, alone.requestError->message);
            QCOMPARE(shared.warnings.size(), alone.warnings.size());
            QCOMPARE(shared.notSentReason, alone.notSentReason);
            sent += shared.request.has_value();
        }
    }
    if (event == Order)
        QVERIFY(sent > 0); // the comparison covered requests, not only refusals
}

void TestPreview::conditionText_data()
{
    QTest::addColumn<QString>("condition");
    QTest::addColumn<QString>("text");
    QTest::newRow("event type") << QStringLiteral(R"({"type":"event-type","operator":"=","value":"track"})")
                                << QStringLiteral(R"(type = "track")");
    QTest::newRow("property exists") << QStringLiteral(R"({"type":"event-property","name":"coupon","operator":"exists"})")
                                     << QStringLiteral("properties.coupon != null");
    QTest::newRow("starts with") << QStringLiteral(R"({"type":"event","operator":"starts_with","value":"Order"})")
                                 << QStringLiteral(R"(match(event, "Order*"))");
    QTest::newRow("group") << QStringLiteral(R"({"type":"group","operator":"or","children":[
                                  {"type":"event","operator":"=","value":"A"},{"type":"event","operator":"=","value":"B"}]})")
                           << QStringLiteral(R"((event = "A" or event = "B"))");
}

void TestPreview::conditionText()
{
    QFETCH(QString, condition);
    QFETCH(QString, text);
    QCOMPARE(Preview::conditionText(parsed(condition)), text);
}

void TestPreview::valueText()
{
    QCOMPARE(Preview::valueText(json::Value()), QStringLiteral("missing"));
    QCOMPARE(Preview::valueText(json::Value(QStringLiteral("track"))), QStringLiteral("\"track\""));
    QCOMPARE(Preview::valueText(json::Value::null()), QStringLiteral("null"));
    QCOMPARE(Preview::valueText(json::Value(QString(100, u'x')), 10), QStringLiteral("\"xxxxxxxx\u2026"));
}

void TestPreview::curlRedactsUnlessRevealed()
{
    const PreviewResult r = Preview::compute(inputs(OrderTrigger, QStringLiteral(R"({"data":{}})"), Order));
    QVERIFY(r.request);
    const QByteArray secret = r.request->header("authorization");
    QVERIFY(secret.startsWith("Basic ") && secret.size() > 10);
    const QString redacted = Preview::toCurl(*r.request, false);
    QVERIFY(redacted.contains(QStringLiteral("-H 'authorization: Basic <redacted>'")));
    QVERIFY(!redacted.contains(QString::fromLatin1(secret.mid(6))));
    const QString revealed = Preview::toCurl(*r.request, true);
    QVERIFY(revealed.contains(QStringLiteral("-H 'authorization: %1'").arg(QString::fromLatin1(secret))));
    QVERIFY(!revealed.contains(QStringLiteral("<redacted>")));
}

void TestPreview::curlCommandLine()
{
    const PreviewResult r = Preview::compute(inputs(OrderTrigger, QStringLiteral(R"({"data":{"a":1}})"), Order));
    const QString curl = Preview::toCurl(*r.request, false);
    const QStringList lines = curl.split(QStringLiteral(" \\\n  "));
    QCOMPARE(lines.front(), QStringLiteral("curl"));
    QCOMPARE(lines.at(1), QStringLiteral("'%1'").arg(LocalUrl));
    QCOMPARE(lines.back(), QStringLiteral(R"(--data-raw '{"a":1}')"));
    // Every header, in wire order, and nothing curl would add on its own.
    QStringList headers;
    for (const QString &line : lines) {
        if (line.startsWith(QStringLiteral("-H ")))
            headers << line;
    }
    QCOMPARE(headers.size(), r.request->headers().size());
    for (qsizetype i = 0; i < headers.size(); ++i)
        QVERIFY(headers[i].startsWith(QStringLiteral("-H '%1: ").arg(QString::fromLatin1(r.request->headers()[i].name))));
    QVERIFY(!curl.contains(QStringLiteral("-X ")));
}

void TestPreview::curlQuoting_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("quoted");
    QTest::newRow("plain") << QByteArray(R"({"a":1})") << QStringLiteral(R"('{"a":1}')");
    QTest::newRow("single quote") << QByteArray(R"({"name":"O'Brien"})") << QStringLiteral(R"('{"name":"O'\''Brien"}')");
    QTest::newRow("newline") << QByteArray("a\nb") << QStringLiteral(R"($'a\nb')");
    QTest::newRow("newline and quote") << QByteArray("it's\n") << QStringLiteral(R"($'it\'s\n')");
    QTest::newRow("non-ASCII UTF-8") << QByteArray(R"({"city":"Zürich 🛒"})") << QStringLiteral(R"('{"city":"Zürich 🛒"}')");
    QTest::newRow("latin-1 byte") << QByteArray("caf\xe9") << QStringLiteral(R"($'caf\xe9')");
    QTest::newRow("dollar and backslash") << QByteArray(R"($HOME \n `x`)") << QStringLiteral(R"('$HOME \n `x`')");
    QTest::newRow("empty") << QByteArray() << QStringLiteral("''");
}

void TestPreview::curlQuoting()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, quoted);
    QCOMPARE(Preview::shellQuote(bytes), quoted);
}

void TestPreview::curlArgumentsSurviveTheShell_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("headerValue");
    QTest::newRow("quotes") << QByteArray(R"({"q":"it's \"quoted\""})") << QByteArray("O'Brien");
    QTest::newRow("newline in body") << QByteArray("{\"a\":\"x\"}\n") << QByteArray("plain");
    QTest::newRow("non-ASCII body") << QByteArray(R"({"city":"Zürich","emoji":"🛒"})") << QByteArray("caf\xe9");
    QTest::newRow("shell metacharacters") << QByteArray(R"({"x":"$(rm -rf /) `id` ${HOME} \\ !"})")
                                          << QByteArray("a;b|c&d");
}

void TestPreview::curlArgumentsSurviveTheShell()
{
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, headerValue);
    const destination::HttpRequest request =
        requestWith(body, {{"X-Test", headerValue, destination::HttpHeader::Origin::Mapping}});
    const auto args = curlArguments(Preview::toCurl(request, true));
    if (!args)
        QSKIP("bash is not available");
    // curl URL -H … -H … --data-raw BODY: the shell must hand every byte through unchanged.
    QVERIFY2(args->size() >= 4, qPrintable(QString::number(args->size())));
    QCOMPARE(args->front(), QByteArray("http://127.0.0.1:47231/v1/segment/events"));
    QCOMPARE(args->at(args->size() - 2), QByteArray("--data-raw"));
    QCOMPARE(args->back(), body);
    QVERIFY(args->contains(QByteArray("X-Test: ") + headerValue));
    QVERIFY(args->contains(QByteArray("authorization: Basic bWlfdXNlcjpzM2NyM3QtQWNjZXNz")));
}

void TestPreview::whyNothingIsSent_data()
{
    QTest::addColumn<QString>("trigger");
    QTest::addColumn<QString>("mapping");
    QTest::addColumn<QString>("reason");
    const QString data = QStringLiteral(R"({"data":{"@path":"$."}})");
    QTest::newRow("no match") << QStringLiteral(R"(type = "page")") << data << QString();
    QTest::newRow("trigger typo") << QStringLiteral(R"(type = "track" and event = "Order)") << data << QStringLiteral("the trigger does not parse: ");
    QTest::newRow("mapping error") << QStringLiteral(R"(type = "track")") << QStringLiteral(R"({"data":{"@path":42}})")
                                   << QStringLiteral("data");
}

void TestPreview::whyNothingIsSent()
{
    QFETCH(QString, trigger);
    QFETCH(QString, mapping);
    QFETCH(QString, reason);
    const PreviewResult result = Preview::compute(inputs(trigger, mapping, QStringLiteral(R"({"type":"track","event":"A"})")));
    QVERIFY(!result.request);
    const QString why = Preview::whyNothingIsSent(result);
    QVERIFY(!why.isEmpty());
    if (reason.isEmpty())
        QCOMPARE(why, result.notSentReason); // Segment's own words for a trigger that does not match
    else
        QVERIFY2(why.contains(reason), qPrintable(why));
}

QTEST_GUILESS_MAIN(TestPreview)
#include "tst_preview.moc"
