#include "delivery/redirectpolicy.h"

#include <QTest>

using namespace inkmapper;
using delivery::RedirectPolicy;
using destination::HttpHeader;

namespace {

destination::HttpRequest post(const QString &url)
{
    const QUrl u(url);
    destination::HttpRequest r;
    r.setMethod("POST");
    r.setEndpoint(u.scheme(), u.host(), u.port(u.scheme() == u"https" ? 443 : 80), u.path().toLatin1(), url);
    r.setHeaders({{"user-agent", "Segment (Actions)", HttpHeader::Origin::Client},
                  {"authorization", "Basic dTpw", HttpHeader::Origin::Client},
                  {"content-type", "application/json", HttpHeader::Origin::Client},
                  {"X-Source", "inkmapper", HttpHeader::Origin::Mapping},
                  {"content-length", "2", HttpHeader::Origin::Transport}});
    r.setBody("{}");
    return r;
}

} // namespace

/** node-fetch's redirect rules, as the Sender follows them. */
class TestRedirectPolicy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void statuses();
    void keepsCredentials_data();
    void keepsCredentials();
    void follow_data();
    void follow();
};

void TestRedirectPolicy::statuses()
{
    for (int status : {301, 302, 303, 307, 308})
        QVERIFY(RedirectPolicy::isRedirect(status));
    for (int status : {200, 300, 304, 305, 306, 400})
        QVERIFY(!RedirectPolicy::isRedirect(status));
}

void TestRedirectPolicy::keepsCredentials_data()
{
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
    QTest::addColumn<bool>("kept");
    QTest::newRow("same host, other path") << "https://mi.example.com/a" << "https://mi.example.com/b" << true;
    QTest::newRow("same host, other port") << "https://mi.example.com/a" << "https://mi.example.com:8443/b" << true;
    QTest::newRow("host names are case-blind") << "https://MI.example.com/a" << "https://mi.EXAMPLE.com/b" << true;
    QTest::newRow("subdomain to its parent") << "https://api.mi.example.com/a" << "https://mi.example.com/b" << true;
    QTest::newRow("parent to a subdomain") << "https://mi.example.com/a" << "https://api.mi.example.com/b" << false;
    QTest::newRow("another host") << "https://mi.example.com/a" << "https://evil.example.net/b" << false;
    QTest::newRow("a lookalike suffix") << "https://badmi.example.com/a" << "https://mi.example.com/b" << false;
    QTest::newRow("https to http, same host") << "https://mi.example.com/a" << "http://mi.example.com/b" << false;
    QTest::newRow("http to https, same host") << "http://mi.example.com/a" << "https://mi.example.com/b" << false;
}

void TestRedirectPolicy::keepsCredentials()
{
    QFETCH(QString, from);
    QFETCH(QString, to);
    QFETCH(bool, kept);
    QCOMPARE(RedirectPolicy::keepsCredentials(QUrl(from), QUrl(to)), kept);
}

void TestRedirectPolicy::follow_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("to");
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<bool>("body");
    QTest::addColumn<bool>("authorization");
    const QString same = QStringLiteral("https://mi.example.com/v2/events?x=1");
    const QString other = QStringLiteral("https://other.example.net/in");
    QTest::newRow("307 repeats") << 307 << same << QByteArray("POST") << true << true;
    QTest::newRow("308 repeats") << 308 << same << QByteArray("POST") << true << true;
    QTest::newRow("301 after POST: GET") << 301 << same << QByteArray("GET") << false << true;
    QTest::newRow("302 after POST: GET") << 302 << same << QByteArray("GET") << false << true;
    QTest::newRow("303: GET") << 303 << same << QByteArray("GET") << false << true;
    QTest::newRow("307 to another host: no credentials") << 307 << other << QByteArray("POST") << true << false;
}

void TestRedirectPolicy::follow()
{
    QFETCH(int, status);
    QFETCH(QString, to);
    QFETCH(QByteArray, method);
    QFETCH(bool, body);
    QFETCH(bool, authorization);
    const destination::HttpRequest from = post(QStringLiteral("https://mi.example.com/v1/events"));
    const destination::HttpRequest next = RedirectPolicy::follow(from, status, QUrl(to));
    QCOMPARE(next.method(), method);
    QCOMPARE(next.body().isEmpty(), !body);
    QCOMPARE(next.hasHeader("authorization"), authorization);
    QCOMPARE(next.url(), to);
    QCOMPARE(next.scheme(), QStringLiteral("https"));
    QCOMPARE(next.port(), 443);
    QCOMPARE(next.hostname(), QUrl(to).host());
    QCOMPARE(next.target(), QUrl(to).path().toLatin1() + (QUrl(to).hasQuery() ? "?" + QUrl(to).query().toLatin1() : QByteArray()));
    // The mapped headers and the client's own go on; the transport writes its framing anew.
    QCOMPARE(next.header("x-source"), QByteArrayLiteral("inkmapper"));
    QCOMPARE(next.header("content-type"), QByteArrayLiteral("application/json"));
    QVERIFY(!next.hasHeader("content-length"));
}

QTEST_GUILESS_MAIN(TestRedirectPolicy)
#include "tst_redirectpolicy.moc"
