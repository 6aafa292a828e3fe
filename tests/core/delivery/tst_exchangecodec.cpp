#include "delivery/exchangecodec.h"

#include "json/object.h"
#include "json/parser.h"
#include "json/writer.h"

#include <QProcess>
#include <QSslError>
#include <QTemporaryDir>
#include <QTest>

using namespace inkmapper;
using delivery::Exchange;
using delivery::ExchangeCodec;
using destination::HttpHeader;

namespace {

Exchange accepted()
{
    Exchange e;
    destination::HttpRequest request;
    request.setMethod("POST");
    request.setEndpoint(QStringLiteral("https"), QStringLiteral("collector.movableink.com"), 443,
                        QByteArrayLiteral("/v1/segment/events?caf\xe9=1"), QStringLiteral("https://collector.movableink.com/v1/segment/events?café=1"));
    request.setHeaders({{"user-agent", "Segment (Actions)", HttpHeader::Origin::Client},
                        {"authorization", "Basic [redacted]", HttpHeader::Origin::Client},
                        {"X-Source", "inkmapper \xe9", HttpHeader::Origin::Mapping},
                        {"content-length", "29", HttpHeader::Origin::Transport},
                        {"authorization", "Basic dTpw", HttpHeader::Origin::UrlCredentials}});
    request.setBody(QByteArrayLiteral("{\"note\":\"caf\xc3\xa9 \xe2\x98\x95\"}"));
    e.request = request;
    e.startedAt = QDateTime(QDate(2026, 12, 7), QTime(10, 11, 12, 345), Qt::UTC);
    e.status = 200;
    e.httpVersion = "HTTP/2";
    e.reasonPhrase = "OK";
    e.responseHeaders = {{"Content-Type", "application/json"}, {"X-Request-Id", "abc"}};
    e.responseBody = "{\"ok\":true}";
    e.timings = {3, 40, 41, 90, 95};
    return e;
}

/** A self-signed certificate made by openssl, or a null one. */
QSslCertificate certificate(const QTemporaryDir &dir)
{
    QProcess openssl;
    openssl.setWorkingDirectory(dir.path());
    openssl.start(QStringLiteral("openssl"),
                  {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("rsa:2048"),
                   QStringLiteral("-nodes"), QStringLiteral("-days"), QStringLiteral("1"), QStringLiteral("-keyout"),
                   QStringLiteral("k.pem"), QStringLiteral("-out"), QStringLiteral("c.pem"), QStringLiteral("-subj"),
                   QStringLiteral("/CN=wrong.example")});
    if (!openssl.waitForFinished(60000) || openssl.exitCode() != 0)
        return QSslCertificate();
    const QList<QSslCertificate> certificates = QSslCertificate::fromPath(dir.filePath(QStringLiteral("c.pem")));
    return certificates.isEmpty() ? QSslCertificate() : certificates.front();
}

} // namespace

Q_DECLARE_METATYPE(inkmapper::delivery::Exchange)

/** ExchangeCodec: what the history keeps between sessions comes back exactly, and damage is located. */
class TestExchangeCodec : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip_data();
    void roundTrip();
    void certificatesRoundTrip();
    void survivesTheWrittenText();
    void damage_data();
    void damage();
};

void TestExchangeCodec::roundTrip_data()
{
    QTest::addColumn<Exchange>("exchange");
    QTest::newRow("accepted, every header origin, latin-1 target") << accepted();

    Exchange binary = accepted();
    binary.request.setBody(QByteArray("\x00\xff\xfe binary", 10));
    binary.responseBody = QByteArray("\x89PNG\r\n\x1a\n", 8);
    QTest::newRow("bodies that are not UTF-8") << binary;

    Exchange refused = accepted();
    refused.status = 0;
    refused.reasonPhrase.clear();
    refused.httpVersion.clear();
    refused.responseHeaders.clear();
    refused.responseBody.clear();
    refused.networkError = QNetworkReply::ConnectionRefusedError;
    refused.networkErrorText = QStringLiteral("Connection refused");
    refused.timings = {2, -1, -1, -1, 3};
    QTest::newRow("connection refused") << refused;

    Exchange timedOut = refused;
    timedOut.networkError = QNetworkReply::OperationCanceledError;
    timedOut.timedOut = true;
    timedOut.timings = {2, -1, 3, -1, 30000};
    QTest::newRow("timed out") << timedOut;

    Exchange cancelled = timedOut;
    cancelled.timedOut = false;
    cancelled.cancelled = true;
    QTest::newRow("cancelled") << cancelled;

    Exchange limited = accepted();
    limited.status = 429;
    limited.reasonPhrase = "Too Many Requests";
    limited.responseHeaders = {{"Retry-After", "30"}};
    limited.responseBody.clear();
    QTest::newRow("429, empty body") << limited;

    Exchange redirected = accepted();
    redirected.redirects = {QStringLiteral("https://other.example.com/in"), QStringLiteral("http://last.example.com/")};
    redirected.credentialsDropped = true;
    QTest::newRow("redirected, credentials left behind") << redirected;
}

void TestExchangeCodec::roundTrip()
{
    QFETCH(Exchange, exchange);
    const Result<Exchange> back = ExchangeCodec::fromJson(ExchangeCodec::toJson(exchange));
    QVERIFY2(back, back ? "" : qPrintable(back.error().describe()));
    QCOMPARE(back->request, exchange.request);
    QCOMPARE(back->responseBody, exchange.responseBody);
    QCOMPARE(back->timings, exchange.timings);
    QVERIFY(*back == exchange);
}

void TestExchangeCodec::certificatesRoundTrip()
{
    QTemporaryDir dir;
    const QSslCertificate made = certificate(dir);
    QVERIFY2(!made.isNull(), "openssl could not make a certificate");
    Exchange refused = accepted();
    refused.status = 0;
    refused.networkError = QNetworkReply::SslHandshakeFailedError;
    refused.sslErrors = {QSslError(QSslError::SelfSignedCertificate, made), QSslError(QSslError::HostNameMismatch, made)};
    refused.peerCertificate = made;
    const Result<Exchange> back = ExchangeCodec::fromJson(ExchangeCodec::toJson(refused));
    QVERIFY2(back, back ? "" : qPrintable(back.error().describe()));
    QCOMPARE(back->sslErrors, refused.sslErrors);
    QCOMPARE(back->peerCertificate, made);
    QVERIFY(*back == refused);
}

void TestExchangeCodec::survivesTheWrittenText()
{
    // Through the JSON text, as the workspace file holds it.
    Exchange binary = accepted();
    binary.request.setBody(QByteArray("\x00\xff", 2));
    const QString text = json::toJsonString(ExchangeCodec::toJson(binary));
    const Result<json::Value> parsed = json::parse(QStringView(text));
    QVERIFY(parsed);
    const Result<Exchange> back = ExchangeCodec::fromJson(*parsed);
    QVERIFY(back);
    QVERIFY(*back == binary);
}

void TestExchangeCodec::damage_data()
{
    QTest::addColumn<QString>("member"); // a member path to break
    QTest::addColumn<QString>("json");   // its new value
    QTest::addColumn<QString>("path");   // where the error says it is
    QTest::newRow("not an object") << QString() << "[]" << QString();
    QTest::newRow("status") << "status" << "\"200\"" << "status";
    QTest::newRow("status not whole") << "status" << "200.5" << "status";
    QTest::newRow("start time") << "startedAt" << "\"yesterday\"" << "startedAt";
    QTest::newRow("request port") << "request.port" << "null" << "request.port";
    QTest::newRow("request header origin") << "request.headers" << "[[\"a\",\"b\",\"somewhere\"]]" << "request.headers";
    QTest::newRow("request body") << "request.body" << "{\"base64\":3}" << "request.body.base64";
    QTest::newRow("response headers") << "responseHeaders" << "[[\"a\"]]" << "responseHeaders";
    QTest::newRow("certificate") << "peerCertificate" << "\"not a certificate\"" << "peerCertificate";
    QTest::newRow("timings") << "timings.firstByte" << "\"soon\"" << "timings.firstByte";
    QTest::newRow("timed out") << "timedOut" << "1" << "timedOut";
}

void TestExchangeCodec::damage()
{
    QFETCH(QString, member);
    QFETCH(QString, json);
    QFETCH(QString, path);
    const json::Value broken = *json::parse(QStringView(json));
    json::Value value = broken;
    if (!member.isEmpty()) {
        // Replace the member at the dotted path (objects only) in a copy of a good exchange.
        const std::function<json::Value(const json::Value &, QStringList)> replace = [&](const json::Value &at, QStringList keys) {
            json::Object object = at.toObject();
            const QString key = keys.takeFirst();
            object.set(key, keys.isEmpty() ? broken : replace(object.value(key), keys));
            return json::Value(std::move(object));
        };
        value = replace(ExchangeCodec::toJson(accepted()), member.split(u'.'));
    }
    const Result<Exchange> read = ExchangeCodec::fromJson(value);
    QVERIFY(!read);
    QCOMPARE(read.error().location.path, path);
    QVERIFY(read.error().message.startsWith(QStringLiteral("expected ")));
}

QTEST_GUILESS_MAIN(TestExchangeCodec)
#include "tst_exchangecodec.moc"
