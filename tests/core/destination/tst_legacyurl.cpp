#include "destination/legacyurl.h"

#include <QTest>

using namespace inkmapper;
using namespace inkmapper::destination::Internal;
using namespace Qt::StringLiterals;

class TestLegacyUrl : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_data();
    void parse();
    void formatRoundTrip_data();
    void formatRoundTrip();
    void decodeUriComponent_data();
    void decodeUriComponent();
    void formatOfUserInfo_data();
    void formatOfUserInfo();
};

// "<null>" stands for a field Node leaves null; an expected protocol starting with '!' is an error.
static QString orNull(const std::optional<QString> &s)
{
    return s ? *s : u"<null>"_s;
}

void TestLegacyUrl::parse_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("protocol");
    QTest::addColumn<QString>("auth");
    QTest::addColumn<QString>("host");
    QTest::addColumn<QString>("hostname");
    QTest::addColumn<QString>("port");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("hash");
    QTest::addColumn<QString>("href");
    // Every expectation is what Node 20's url.parse() returned for the same text.
    QTest::newRow("plain http URL") << u"http://127.0.0.1:47231/v1/segment/events"_s << u"http:"_s << u"<null>"_s << u"127.0.0.1:47231"_s << u"127.0.0.1"_s << u"47231"_s << u"/v1/segment/events"_s << u"<null>"_s << u"http://127.0.0.1:47231/v1/segment/events"_s;
    QTest::newRow("spaces escaped") << u"http://h/a b?c d"_s << u"http:"_s << u"<null>"_s << u"h"_s << u"h"_s << u"<null>"_s << u"/a%20b?c%20d"_s << u"<null>"_s << u"http://h/a%20b?c%20d"_s;
    QTest::newRow("fragment kept apart") << u"http://h/collect#frag"_s << u"http:"_s << u"<null>"_s << u"h"_s << u"h"_s << u"<null>"_s << u"/collect"_s << u"#frag"_s << u"http://h/collect#frag"_s;
    QTest::newRow("credentials decoded") << u"http://us%C3%A9r:p%40ss@h/x"_s << u"http:"_s << u"us\u00e9r:p@ss"_s << u"h"_s << u"h"_s << u"<null>"_s << u"/x"_s << u"<null>"_s << u"http://us%C3%A9r:p%40ss@h/x"_s;
    QTest::newRow("dot segments left alone") << u"http://h/a/./b/../c"_s << u"http:"_s << u"<null>"_s << u"h"_s << u"h"_s << u"<null>"_s << u"/a/./b/../c"_s << u"<null>"_s << u"http://h/a/./b/../c"_s;
    QTest::newRow("percent-escapes left alone") << u"http://h/%C3%A9v%20x?q=%E2%9C%93"_s << u"http:"_s << u"<null>"_s << u"h"_s << u"h"_s << u"<null>"_s << u"/%C3%A9v%20x?q=%E2%9C%93"_s << u"<null>"_s << u"http://h/%C3%A9v%20x?q=%E2%9C%93"_s;
    QTest::newRow("latin-1 path kept") << u"http://h/\u00e9"_s << u"http:"_s << u"<null>"_s << u"h"_s << u"h"_s << u"<null>"_s << u"/\u00e9"_s << u"<null>"_s << u"http://h/\u00e9"_s;
    QTest::newRow("non-latin-1 path kept") << u"http://h/\u2713"_s << u"http:"_s << u"<null>"_s << u"h"_s << u"h"_s << u"<null>"_s << u"/\u2713"_s << u"<null>"_s << u"http://h/\u2713"_s;
    QTest::newRow("IPv6 literal") << u"http://[::1]:8080/x"_s << u"http:"_s << u"<null>"_s << u"[::1]:8080"_s << u"::1"_s << u"8080"_s << u"/x"_s << u"<null>"_s << u"http://[::1]:8080/x"_s;
    QTest::newRow("IPv4-mapped IPv6") << u"http://[::ffff:1.2.3.4]/"_s << u"http:"_s << u"<null>"_s << u"[::ffff:1.2.3.4]"_s << u"::ffff:1.2.3.4"_s << u"<null>"_s << u"/"_s << u"<null>"_s << u"http://[::ffff:1.2.3.4]/"_s;
    QTest::newRow("upper-case scheme and host") << u"HTTP://H.EXAMPLE/X"_s << u"http:"_s << u"<null>"_s << u"h.example"_s << u"h.example"_s << u"<null>"_s << u"/X"_s << u"<null>"_s << u"http://h.example/X"_s;
    QTest::newRow("no path") << u"http://h"_s << u"http:"_s << u"<null>"_s << u"h"_s << u"h"_s << u"<null>"_s << u"/"_s << u"<null>"_s << u"http://h/"_s;
    QTest::newRow("query without path") << u"http://h?x"_s << u"http:"_s << u"<null>"_s << u"h"_s << u"h"_s << u"<null>"_s << u"/?x"_s << u"<null>"_s << u"http://h/?x"_s;
    QTest::newRow("backslashes before the query") << u"http://h\\a\\b?c\\d"_s << u"http:"_s << u"<null>"_s << u"h"_s << u"h"_s << u"<null>"_s << u"/a/b?c%5Cd"_s << u"<null>"_s << u"http://h/a/b?c%5Cd"_s;
    QTest::newRow("surrounding whitespace trimmed") << u"  http://h/x  "_s << u"http:"_s << u"<null>"_s << u"h"_s << u"h"_s << u"<null>"_s << u"/x"_s << u"<null>"_s << u"http://h/x"_s;
    QTest::newRow("tab inside the host removed") << u"http://h\tost/x"_s << u"http:"_s << u"<null>"_s << u"host"_s << u"host"_s << u"<null>"_s << u"/x"_s << u"<null>"_s << u"http://host/x"_s;
    QTest::newRow("tab in the path escaped") << u"http://h/a\tb"_s << u"http:"_s << u"<null>"_s << u"h"_s << u"h"_s << u"<null>"_s << u"/a%09b"_s << u"<null>"_s << u"http://h/a%09b"_s;
    QTest::newRow("auto-escaped characters") << u"http://h/{x}|^`'\"<>"_s << u"http:"_s << u"<null>"_s << u"h"_s << u"h"_s << u"<null>"_s << u"/%7Bx%7D%7C%5E%60%27%22%3C%3E"_s << u"<null>"_s << u"http://h/%7Bx%7D%7C%5E%60%27%22%3C%3E"_s;
    QTest::newRow("invalid host character starts the path") << u"http://a b.com/"_s << u"http:"_s << u"<null>"_s << u"a"_s << u"a"_s << u"<null>"_s << u"%20b.com/"_s << u"<null>"_s << u"http://a/%20b.com/"_s;
    QTest::newRow("non-numeric port moves to the path") << u"http://h:abc/"_s << u"http:"_s << u"<null>"_s << u"h"_s << u"h"_s << u"<null>"_s << u"/:abc/"_s << u"<null>"_s << u"http://h/:abc/"_s;
    QTest::newRow("empty port") << u"http://h:/x"_s << u"http:"_s << u"<null>"_s << u"h"_s << u"h"_s << u"<null>"_s << u"/x"_s << u"<null>"_s << u"http://h/x"_s;
    QTest::newRow("last @ ends the user info") << u"http://a@b@c/"_s << u"http:"_s << u"a@b"_s << u"c"_s << u"c"_s << u"<null>"_s << u"/"_s << u"<null>"_s << u"http://a%40b@c/"_s;
    QTest::newRow("IDN host to punycode") << u"http://b\u00fccher.example/"_s << u"http:"_s << u"<null>"_s << u"xn--bcher-kva.example"_s << u"xn--bcher-kva.example"_s << u"<null>"_s << u"/"_s << u"<null>"_s << u"http://xn--bcher-kva.example/"_s;
    QTest::newRow("IDN with sharp s (non-transitional)") << u"http://fa\u00df.de/"_s << u"http:"_s << u"<null>"_s << u"xn--fa-hia.de"_s << u"xn--fa-hia.de"_s << u"<null>"_s << u"/"_s << u"<null>"_s << u"http://xn--fa-hia.de/"_s;
    QTest::newRow("full-width letters and ideographic full stop") << u"http://\uff21\u3002com/"_s << u"http:"_s << u"<null>"_s << u"a.com"_s << u"a.com"_s << u"<null>"_s << u"/"_s << u"<null>"_s << u"http://a.com/"_s;
    QTest::newRow("soft hyphen ignored") << u"http://ex\u00adample.com/"_s << u"http:"_s << u"<null>"_s << u"example.com"_s << u"example.com"_s << u"<null>"_s << u"/"_s << u"<null>"_s << u"http://example.com/"_s;
    QTest::newRow("ASCII punctuation allowed in hosts") << u"http://a_b!$.com/"_s << u"http:"_s << u"<null>"_s << u"a_b!$.com"_s << u"a_b!$.com"_s << u"<null>"_s << u"/"_s << u"<null>"_s << u"http://a_b!$.com/"_s;
    QTest::newRow("ACE label that decodes to ASCII") << u"http://xn--a-/"_s << u"http:"_s << u"<null>"_s << u"xn--a-"_s << u"xn--a-"_s << u"<null>"_s << u"/"_s << u"<null>"_s << u"http://xn--a-/"_s;
    QTest::newRow("host longer than 255 characters is dropped") << (u"http://"_s + QString(256, u'a') + u"/"_s) << u"http:"_s << u"<null>"_s << u""_s << u""_s << u"<null>"_s << u"/"_s << u"<null>"_s << u"http:///"_s;
    QTest::newRow("relative path") << u"/rel"_s << u"<null>"_s << u"<null>"_s << u"<null>"_s << u"<null>"_s << u"<null>"_s << u"/rel"_s << u"<null>"_s << u"/rel"_s;
    QTest::newRow("scheme-relative") << u"//h/x"_s << u"<null>"_s << u"<null>"_s << u"<null>"_s << u"<null>"_s << u"<null>"_s << u"//h/x"_s << u"<null>"_s << u"//h/x"_s;
    QTest::newRow("http: without slashes") << u"http:h/x"_s << u"http:"_s << u"<null>"_s << u"<null>"_s << u"<null>"_s << u"<null>"_s << u"h/x"_s << u"<null>"_s << u"http:h/x"_s;
    QTest::newRow("HTTP: without slashes still has a host") << u"HTTP:h/x"_s << u"http:"_s << u"<null>"_s << u"h"_s << u"h"_s << u"<null>"_s << u"/x"_s << u"<null>"_s << u"http://h/x"_s;
    QTest::newRow("host:port without a scheme") << u"localhost:47231"_s << u"localhost:"_s << u"<null>"_s << u"47231"_s << u"47231"_s << u"<null>"_s << u"<null>"_s << u"<null>"_s << u"localhost:47231"_s;
    QTest::newRow("ftp") << u"ftp://h/x"_s << u"ftp:"_s << u"<null>"_s << u"h"_s << u"h"_s << u"<null>"_s << u"/x"_s << u"<null>"_s << u"ftp://h/x"_s;
    QTest::newRow("javascript is hostless") << u"javascript:alert(1)"_s << u"javascript:"_s << u"<null>"_s << u"<null>"_s << u"<null>"_s << u"<null>"_s << u"alert(1)"_s << u"<null>"_s << u"javascript:alert(1)"_s;
    QTest::newRow("invalid ACE label") << u"http://xn--zz/"_s << u"!Invalid URL"_s << QString() << QString() << QString() << QString() << QString() << QString() << QString();
    QTest::newRow("unclosed IPv6 bracket") << u"http://[::1/x"_s << u"!Invalid URL"_s << QString() << QString() << QString() << QString() << QString() << QString() << QString();
    QTest::newRow("zero-width joiner without virama") << u"http://ab\u200dc/"_s << u"!Invalid URL"_s << QString() << QString() << QString() << QString() << QString() << QString() << QString();
    QTest::newRow("right-to-left label ending in LTR") << u"http://\u05d0a/"_s << u"!Invalid URL"_s << QString() << QString() << QString() << QString() << QString() << QString() << QString();
    QTest::newRow("malformed escape in user info") << u"http://%zz@h/"_s << u"!URI malformed"_s << QString() << QString() << QString() << QString() << QString() << QString() << QString();
}

void TestLegacyUrl::parse()
{
    QFETCH(QString, url);
    QFETCH(QString, protocol);
    const Result<LegacyUrl> parsed = LegacyUrl::parse(url);
    if (protocol.startsWith(u'!')) {
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.error().message, protocol.mid(1));
        return;
    }
    QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().message));
    QCOMPARE(orNull(parsed->protocol), protocol);
    QTEST(orNull(parsed->auth), "auth");
    QTEST(orNull(parsed->host), "host");
    QTEST(orNull(parsed->hostname), "hostname");
    QTEST(orNull(parsed->port), "port");
    QTEST(orNull(parsed->path), "path");
    QTEST(orNull(parsed->hash), "hash");
    QTEST(parsed->href, "href");
}

void TestLegacyUrl::formatRoundTrip_data()
{
    QTest::addColumn<QString>("url");
    QTest::newRow("user info with reserved characters") << u"http://a%40b:c@h:81/p?q#f"_s;
    QTest::newRow("IPv6 with port") << u"http://[::1]:8080/x?y"_s;
    QTest::newRow("escaped path") << u"http://h/a%20b/%7B%7D"_s;
    QTest::newRow("punycode host") << u"http://xn--bcher-kva.example/"_s;
}

void TestLegacyUrl::formatRoundTrip()
{
    // node-fetch re-parses url.format(parsed) on every Request copy; for canonical URLs that is stable.
    QFETCH(QString, url);
    const Result<LegacyUrl> once = LegacyUrl::parse(url);
    QVERIFY(once.ok());
    const Result<QString> text = once->format();
    QVERIFY(text.ok());
    QCOMPARE(text.value(), url);
    const Result<LegacyUrl> twice = LegacyUrl::parse(text.value());
    QVERIFY(twice.ok());
    QCOMPARE(twice->href, once->href);
    QCOMPARE(twice->path, once->path);
}

void TestLegacyUrl::decodeUriComponent_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected"); // "!" for URIError
    QTest::newRow("plain") << u"abc"_s << u"abc"_s;
    QTest::newRow("ASCII escape") << u"p%40ss"_s << u"p@ss"_s;
    QTest::newRow("UTF-8 sequence") << u"us%C3%A9r"_s << u"us\u00e9r"_s;
    QTest::newRow("four-byte sequence") << u"%F0%9F%98%80"_s << u"\U0001f600"_s;
    QTest::newRow("lower-case hex") << u"%c3%a9"_s << u"\u00e9"_s;
    QTest::newRow("bad hex") << u"%zz"_s << u"!"_s;
    QTest::newRow("truncated escape") << u"%4"_s << u"!"_s;
    QTest::newRow("lone continuation byte") << u"%80"_s << u"!"_s;
    QTest::newRow("overlong encoding") << u"%C0%AF"_s << u"!"_s;
    QTest::newRow("encoded surrogate") << u"%ED%A0%80"_s << u"!"_s;
    QTest::newRow("truncated sequence") << u"%C3"_s << u"!"_s;
}

void TestLegacyUrl::decodeUriComponent()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    const std::optional<QString> decoded = LegacyUrl::decodeUriComponent(input);
    if (expected == u"!"_s) {
        QVERIFY(!decoded);
        return;
    }
    QVERIFY(decoded);
    QCOMPARE(*decoded, expected);
}

void TestLegacyUrl::formatOfUserInfo_data()
{
    QTest::addColumn<QString>("auth");
    QTest::addColumn<QString>("expected"); // "!" for URI malformed
    QTest::newRow("kept characters") << u"a-._~!'()*:b"_s << u"http://a-._~!'()*:b@h/"_s;
    QTest::newRow("escaped characters") << u"a@b c/d"_s << u"http://a%40b%20c%2Fd@h/"_s;
    QTest::newRow("non-ASCII as UTF-8") << u"\u00fc"_s << u"http://%C3%BC@h/"_s;
    QTest::newRow("trailing lone high surrogate") << (u"a"_s + QChar(0xD800)) << u"!"_s;
}

void TestLegacyUrl::formatOfUserInfo()
{
    QFETCH(QString, auth);
    QFETCH(QString, expected);
    Result<LegacyUrl> url = LegacyUrl::parse(u"http://h/"_s);
    QVERIFY(url.ok());
    LegacyUrl u = url.value();
    u.auth = auth;
    const Result<QString> text = u.format();
    if (expected == u"!"_s) {
        QVERIFY(!text.ok());
        QCOMPARE(text.error().message, u"URI malformed"_s);
        return;
    }
    QVERIFY(text.ok());
    QCOMPARE(text.value(), expected);
}

QTEST_GUILESS_MAIN(TestLegacyUrl)
#include "tst_legacyurl.moc"
