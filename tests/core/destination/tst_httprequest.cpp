#include "destination/httprequest.h"

#include <QTest>

using namespace inkmapper::destination;
using namespace Qt::StringLiterals;

using Origin = HttpHeader::Origin;

class TestHttpRequest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void headerLookupIsCaseInsensitive();
    void destinationHeadersLeaveOutTransport();
    void redacted_data();
    void redacted();
    void redactedKeepsEverythingElse();
};

static HttpRequest sample(const QByteArray &authorization)
{
    HttpRequest r;
    r.setMethod("POST");
    r.setEndpoint(u"https"_s, u"api.example"_s, 443, "/v1", u"https://api.example/v1"_s);
    r.setHeaders({{"user-agent", "Segment (Actions)", Origin::Client},
                  {"authorization", authorization, Origin::Client},
                  {"x-key", "abc", Origin::Mapping},
                  {"Content-Length", "2", Origin::Transport},
                  {"Host", "api.example", Origin::Transport}});
    r.setBody("{}");
    return r;
}

void TestHttpRequest::headerLookupIsCaseInsensitive()
{
    const HttpRequest r = sample("Basic c2VjcmV0");
    QCOMPARE(r.header("AUTHORIZATION"), "Basic c2VjcmV0"_ba);
    QCOMPARE(r.header("content-length"), "2"_ba);
    QVERIFY(r.hasHeader("X-Key"));
    QVERIFY(!r.hasHeader("accept"));
    QVERIFY(r.header("accept").isNull());
}

void TestHttpRequest::destinationHeadersLeaveOutTransport()
{
    QList<QByteArray> names;
    for (const HttpHeader &h : sample("Basic x").destinationHeaders())
        names << h.name;
    QCOMPARE(names, (QList<QByteArray>{"user-agent", "authorization", "x-key"}));
}

void TestHttpRequest::redacted_data()
{
    QTest::addColumn<QByteArray>("authorization");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("basic credentials keep their scheme") << "Basic bWlfdXNlcjpzM2NyM3Q="_ba << "Basic [redacted]"_ba;
    QTest::newRow("bearer token") << "Bearer abc.def"_ba << "Bearer [redacted]"_ba;
    QTest::newRow("value without a scheme") << "s3cr3t"_ba << "[redacted]"_ba;
}

void TestHttpRequest::redacted()
{
    QFETCH(QByteArray, authorization);
    const HttpRequest original = sample(authorization);
    const HttpRequest safe = original.redacted();
    QTEST(safe.header("authorization"), "expected");
    QVERIFY(!safe.headers().isEmpty());
    // The original keeps the secret: redaction makes a copy for previews and exports.
    QCOMPARE(original.header("authorization"), authorization);
}

void TestHttpRequest::redactedKeepsEverythingElse()
{
    const HttpRequest original = sample("Basic c2VjcmV0");
    const HttpRequest safe = original.redacted();
    QCOMPARE(safe.url(), original.url());
    QCOMPARE(safe.body(), original.body());
    QCOMPARE(safe.headers().size(), original.headers().size());
    for (qsizetype i = 0; i < safe.headers().size(); ++i) {
        if (safe.headers()[i].name != "authorization")
            QCOMPARE(safe.headers()[i], original.headers()[i]);
    }
    QVERIFY(!(safe == original));
}

QTEST_GUILESS_MAIN(TestHttpRequest)
#include "tst_httprequest.moc"
