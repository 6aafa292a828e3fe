#include "delivery/exchangetext.h"

#include "util/linediff.h"

#include <QTest>

using namespace inkmapper;
using delivery::ExchangeText;
using delivery::SentTest;

namespace {

SentTest sent(int status, const QByteArray &responseBody)
{
    SentTest t;
    t.mapping = QStringLiteral("Orders");
    destination::HttpRequest request;
    request.setMethod("POST");
    request.setEndpoint(QStringLiteral("http"), QStringLiteral("127.0.0.1"), 8787, "/v1/segment/events",
                        QStringLiteral("http://127.0.0.1:8787/v1/segment/events"));
    request.setHeaders({{"authorization", "Basic [redacted]", destination::HttpHeader::Origin::Client},
                        {"content-length", "27", destination::HttpHeader::Origin::Transport}});
    request.setBody(R"({"event":"Order Completed"})");
    t.exchange.request = request;
    t.exchange.status = status;
    t.exchange.reasonPhrase = status == 200 ? "OK" : "Bad Request";
    t.exchange.responseHeaders = {{"Content-Type", "application/json"}};
    t.exchange.responseBody = responseBody;
    t.exchange.timings.total = status; // durations are not compared
    return t;
}

} // namespace

class TestExchangeText : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readableBody_data();
    void readableBody();
    void forComparison();
    void comparingTwoTestsShowsWhatChanged();
};

void TestExchangeText::readableBody_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("text");
    QTest::newRow("JSON is laid out") << QByteArray(R"({"a":[1,2]})") << QStringLiteral("{\n  \"a\": [\n    1,\n    2\n  ]\n}");
    QTest::newRow("text stays") << QByteArray("Bad things happened") << QStringLiteral("Bad things happened");
    QTest::newRow("empty") << QByteArray() << QString();
    QTest::newRow("UTF-8") << QByteArray("caf\xc3\xa9") << QStringLiteral("café");
}

void TestExchangeText::readableBody()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, text);
    QCOMPARE(ExchangeText::readableBody(body), text);
}

void TestExchangeText::forComparison()
{
    const QStringList lines = ExchangeText::forComparison(sent(200, R"({"ok":true})"));
    QCOMPARE(lines.mid(0, 3), (QStringList{QStringLiteral("Mapping: Orders"),
                                           QStringLiteral("POST http://127.0.0.1:8787/v1/segment/events"),
                                           QStringLiteral("authorization: Basic [redacted]")}));
    QVERIFY(!lines.contains(QStringLiteral("content-length: 27"))); // the transport's, not the destination's
    QVERIFY(lines.contains(QStringLiteral("  \"event\": \"Order Completed\"")));
    QVERIFY(lines.contains(QStringLiteral("HTTP 200 OK")));
    QVERIFY(lines.contains(QStringLiteral("  \"ok\": true")));

    SentTest refused = sent(0, {});
    refused.exchange.networkError = QNetworkReply::ConnectionRefusedError;
    QCOMPARE(ExchangeText::forComparison(refused).last(), QStringLiteral("No answer: Connection refused"));
}

void TestExchangeText::comparingTwoTestsShowsWhatChanged()
{
    const std::vector<util::DiffLine> diff = util::LineDiff::compare(
        ExchangeText::forComparison(sent(200, R"({"ok":true})")),
        ExchangeText::forComparison(sent(400, R"({"ok":false,"error":"price must be a number"})")));
    QStringList changed;
    for (const util::DiffLine &line : diff) {
        if (line.kind != util::DiffLine::Kind::Same)
            changed << (line.kind == util::DiffLine::Kind::Added ? u'+' : u'-') + line.text;
    }
    QCOMPARE(changed, (QStringList{QStringLiteral("-HTTP 200 OK"), QStringLiteral("+HTTP 400 Bad Request"),
                                   QStringLiteral("-  \"ok\": true"), QStringLiteral("+  \"ok\": false,"),
                                   QStringLiteral("+  \"error\": \"price must be a number\"")}));
}

QTEST_GUILESS_MAIN(TestExchangeText)
#include "tst_exchangetext.moc"
