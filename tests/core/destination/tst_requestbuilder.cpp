#include "destination/requestbuilder.h"

#include "json/object.h"
#include "json/parser.h"

#include <QTest>

using namespace inkmapper;
using namespace inkmapper::destination;
using namespace Qt::StringLiterals;

using Kind = RequestWarning::Kind;

/**
 * RequestBuilder against what Segment's engine does (expected values were produced by running
 * @segment/actions-core 3.170.0 on the same input): each header rule, the auth encoding, URL forms,
 * settings and payload validation, the trigger, and InkMapper's warnings.
 */
class TestRequestBuilder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void mappedHeaders_data();
    void mappedHeaders();
    void headerErrors_data();
    void headerErrors();
    void wireOrder_data();
    void wireOrder();
    void authorization_data();
    void authorization();
    void urls_data();
    void urls();
    void urlErrors_data();
    void urlErrors();
    void settingsErrors_data();
    void settingsErrors();
    void payloadErrors_data();
    void payloadErrors();
    void body_data();
    void body();
    void trigger_data();
    void trigger();
    void warnings_data();
    void warnings();
    void payloadIsExposed();
    void redactedPreview();
};

namespace {

const QString defaultUrl = u"http://127.0.0.1:47231/v1/segment/events"_s;
const QString trackEvent =
    u"{\"type\":\"track\",\"event\":\"Order Completed\",\"userId\":\"u1\",\"messageId\":\"m-1\","
    "\"properties\":{\"total\":5},\"context\":{\"library\":{\"name\":\"analytics.js\",\"version\":\"2.11.1\"}}}"_s;

json::Value parse(const QString &text)
{
    const Result<json::Value> v = json::parse(QStringView(text));
    Q_ASSERT_X(v.ok(), "parse", qPrintable(text));
    return v.value();
}

json::Value settingsFor(const QString &url, const QString &username = u"mi_user"_s,
                        const QString &password = u"s3cr3t-Access"_s)
{
    return RequestBuilder::settingsObject(url, username, password);
}

Result<RequestOutcome> build(const json::Value &settings, const QString &mapping, const QString &event = trackEvent,
                             const json::Value &subscribe = json::Value())
{
    if (subscribe.isUndefined())
        return RequestBuilder().build(settings, parse(mapping), parse(event));
    return RequestBuilder().build(settings, parse(mapping), parse(event), Subscription(subscribe));
}

// "name: value" for the fields the destination sets, sorted by lower-case name (the CLI's view).
QStringList destinationHeaders(const HttpRequest &r)
{
    QStringList out;
    for (const HttpHeader &h : r.destinationHeaders())
        out << QString::fromLatin1(h.name).toLower() + u": "_s + QString::fromLatin1(h.value);
    out.sort();
    return out;
}

QString errorOf(const Result<RequestOutcome> &r)
{
    return r.ok() ? QString() : r.error().message;
}

} // namespace

void TestRequestBuilder::mappedHeaders_data()
{
    QTest::addColumn<QString>("headers");
    QTest::addColumn<QStringList>("expected"); // besides authorization, accept and content-type
    const QString ua = u"user-agent: Segment (Actions)"_s;
    QTest::newRow("static custom headers") << u"{\"X-Api-Key\":\"abc123\",\"X-Source\":\"segment\"}"_s
                                           << QStringList{ua, u"x-api-key: abc123"_s, u"x-source: segment"_s};
    QTest::newRow("boolean and null are stringified") << u"{\"X-True\":true,\"X-Null\":null}"_s
                                                      << QStringList{ua, u"x-null: null"_s, u"x-true: true"_s};
    QTest::newRow("array joined with commas") << u"{\"X-Arr\":[\"a\",\"b\",1]}"_s << QStringList{ua, u"x-arr: a,b,1"_s};
    QTest::newRow("object becomes [object Object]") << u"{\"X-O\":{\"a\":1}}"_s << QStringList{ua, u"x-o: [object Object]"_s};
    QTest::newRow("numbers as JavaScript prints them") << u"{\"X-Big\":1e21,\"X-Z\":-0,\"X-F\":0.000001}"_s
                                                       << QStringList{ua, u"x-big: 1e+21"_s, u"x-f: 0.000001"_s, u"x-z: 0"_s};
    QTest::newRow("padding kept") << u"{\"X-Pad\":\"  padded value  \"}"_s << QStringList{ua, u"x-pad:   padded value  "_s};
    QTest::newRow("tab allowed") << u"{\"X-Tab\":\"a\\tb\"}"_s << QStringList{ua, u"x-tab: a\tb"_s};
    QTest::newRow("latin-1 sent as single bytes") << u"{\"X-Name\":\"caf\\u00e9\"}"_s << QStringList{ua, u"x-name: caf\u00e9"_s};
    QTest::newRow("names lower-cased") << u"{\"X-UPPER-CASE\":\"v\"}"_s << QStringList{ua, u"x-upper-case: v"_s};
    QTest::newRow("same name twice joined") << u"{\"X-A\":\"1\",\"x-a\":\"2\"}"_s << QStringList{ua, u"x-a: 1, 2"_s};
    QTest::newRow("\"undefined\" removes the header") << u"{\"X-Gone\":\"undefined\",\"X-Kept\":\"k\"}"_s
                                                      << QStringList{ua, u"x-kept: k"_s};
    QTest::newRow("\"undefined\" with a duplicate is kept") << u"{\"X-A\":\"undefined\",\"x-a\":\"1\"}"_s
                                                            << QStringList{ua, u"x-a: undefined, 1"_s};
    QTest::newRow("removing User-Agent brings node-fetch's") << u"{\"User-Agent\":\"undefined\"}"_s
                                                             << QStringList{u"user-agent: node-fetch/1.0 (+https://github.com/bitinn/node-fetch)"_s};
    QTest::newRow("custom User-Agent kept") << u"{\"User-Agent\":\"MyAgent/1.0\"}"_s << QStringList{u"user-agent: MyAgent/1.0"_s};
    QTest::newRow("custom Content-Type replaced") << u"{\"Content-Type\":\"text/plain\"}"_s << QStringList{ua};
    QTest::newRow("custom Authorization replaced") << u"{\"Authorization\":\"Bearer x\"}"_s << QStringList{ua};
    QTest::newRow("custom Accept-Encoding kept") << u"{\"Accept-Encoding\":\"identity\"}"_s
                                                 << QStringList{u"accept-encoding: identity"_s, ua};
    QTest::newRow("mapped Host replaces the default") << u"{\"Host\":\"example.com\"}"_s << QStringList{u"host: example.com"_s, ua};
    QTest::newRow("headers from @path to an object") << u"{\"@path\":\"$.context.library\"}"_s
                                                     << QStringList{u"name: analytics.js"_s, ua, u"version: 2.11.1"_s};
    QTest::newRow("headers from @template") << u"{\"X-User\":{\"@template\":\"{{userId}}/{{messageId}}\"}}"_s
                                            << QStringList{ua, u"x-user: u1/m-1"_s};
    QTest::newRow("a valid nested headers object") << u"{\"headers\":{\"ab\":\"x\"}}"_s
                                                   << QStringList{u"headers: [object Object]"_s, ua};
    QTest::newRow("empty headers object") << u"{}"_s << QStringList{ua};
    QTest::newRow("null headers ignored") << u"null"_s << QStringList{ua};
    QTest::newRow("empty string headers ignored") << u"\"\""_s << QStringList{ua};
}

void TestRequestBuilder::mappedHeaders()
{
    QFETCH(QString, headers);
    QFETCH(QStringList, expected);
    const Result<RequestOutcome> r = build(settingsFor(defaultUrl), u"{\"headers\":%1,\"data\":{\"a\":1}}"_s.arg(headers));
    QVERIFY2(r.ok(), qPrintable(errorOf(r)));
    QVERIFY(r->isSent());
    expected << u"accept: */*"_s << u"authorization: Basic bWlfdXNlcjpzM2NyM3QtQWNjZXNz"_s
             << u"content-type: application/json"_s;
    expected.sort();
    QCOMPARE(destinationHeaders(r->request()), expected);
}

void TestRequestBuilder::headerErrors_data()
{
    QTest::addColumn<QString>("headers");
    QTest::addColumn<QString>("error");
    QTest::newRow("emoji value") << u"{\"X-Emoji\":\"\\ud83d\\uded2\"}"_s << u"\U0001f6d2 is not a legal HTTP header value"_s;
    QTest::newRow("newline in value") << u"{\"X\":\"a\\nb\"}"_s << u"a\nb is not a legal HTTP header value"_s;
    QTest::newRow("DEL in value") << u"{\"X\":\"a\\u007fb\"}"_s << u"a\x7f" "b is not a legal HTTP header value"_s;
    QTest::newRow("control character in value") << u"{\"X\":\"\\u0001\"}"_s << u"\x01 is not a legal HTTP header value"_s;
    QTest::newRow("character beyond latin-1") << u"{\"X\":\"\\u0100\"}"_s << u"\u0100 is not a legal HTTP header value"_s;
    QTest::newRow("empty name") << u"{\"\":\"v\"}"_s << u" is not a legal HTTP header name"_s;
    QTest::newRow("space in name") << u"{\"X Y\":\"v\"}"_s << u"X Y is not a legal HTTP header name"_s;
    QTest::newRow("non-ASCII name") << u"{\"X-\\u00e9\":\"v\"}"_s << u"X-\u00e9 is not a legal HTTP header name"_s;
    QTest::newRow("nested headers object validated") << u"{\"headers\":{\"a b\":\"x\"}}"_s << u"a b is not a legal HTTP header name"_s;
    QTest::newRow("constructor.headers validated") << u"{\"constructor\":{\"headers\":{\"a b\":\"x\"}}}"_s
                                                   << u"a b is not a legal HTTP header name"_s;
    QTest::newRow("nested headers array of strings") << u"{\"headers\":[\"ab\"]}"_s << u"Each header pair must be iterable"_s;
    QTest::newRow("object with its own toString") << u"{\"X\":{\"toString\":\"v\"}}"_s << u"Cannot convert object to primitive value"_s;
}

void TestRequestBuilder::headerErrors()
{
    QFETCH(QString, headers);
    const Result<RequestOutcome> r = build(settingsFor(defaultUrl), u"{\"headers\":%1,\"data\":{\"a\":1}}"_s.arg(headers));
    QVERIFY(!r.ok());
    QTEST(r.error().message, "error");
}

void TestRequestBuilder::wireOrder_data()
{
    QTest::addColumn<QString>("username");
    QTest::addColumn<QString>("mapping");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("default mapping")
        << u"mi_user"_s << u"{\"data\":{\"@path\":\"$.properties\"}}"_s
        << QStringList{u"user-agent: Segment (Actions)"_s, u"authorization: Basic bWlfdXNlcjpzM2NyM3QtQWNjZXNz"_s,
                       u"Content-Type: application/json"_s, u"Accept: */*"_s, u"Content-Length: 11"_s,
                       u"Accept-Encoding: gzip,deflate"_s, u"Connection: close"_s, u"Host: 127.0.0.1:47231"_s};
    // The auth middleware merges the options again, which sorts the mapped fields in with user-agent.
    QTest::newRow("mapped fields sorted in by the auth merge")
        << u"mi_user"_s << u"{\"headers\":{\"b\":\"1\",\"a\":\"2\",\"z\":\"3\"},\"data\":{}}"_s
        << QStringList{u"a: 2"_s, u"b: 1"_s, u"user-agent: Segment (Actions)"_s, u"z: 3"_s,
                       u"authorization: Basic bWlfdXNlcjpzM2NyM3QtQWNjZXNz"_s, u"Content-Type: application/json"_s,
                       u"Accept: */*"_s, u"Content-Length: 2"_s, u"Accept-Encoding: gzip,deflate"_s,
                       u"Connection: close"_s, u"Host: 127.0.0.1:47231"_s};
    QTest::newRow("without credentials there is no second merge")
        << QString() << u"{\"headers\":{\"b\":\"1\",\"a\":\"2\"},\"data\":{}}"_s
        << QStringList{u"user-agent: Segment (Actions)"_s, u"a: 2"_s, u"b: 1"_s, u"content-type: application/json"_s,
                       u"Accept: */*"_s, u"Content-Length: 2"_s, u"Accept-Encoding: gzip,deflate"_s,
                       u"Connection: close"_s, u"Host: 127.0.0.1:47231"_s};
    QTest::newRow("index-like names first")
        << u"mi_user"_s << u"{\"headers\":{\"X-B\":\"1\",\"123\":\"n\"},\"data\":{}}"_s
        << QStringList{u"123: n"_s, u"user-agent: Segment (Actions)"_s, u"x-b: 1"_s,
                       u"authorization: Basic bWlfdXNlcjpzM2NyM3QtQWNjZXNz"_s, u"Content-Type: application/json"_s,
                       u"Accept: */*"_s, u"Content-Length: 2"_s, u"Accept-Encoding: gzip,deflate"_s,
                       u"Connection: close"_s, u"Host: 127.0.0.1:47231"_s};
    QTest::newRow("no body: no content type, length 0")
        << u"mi_user"_s << u"{}"_s
        << QStringList{u"user-agent: Segment (Actions)"_s, u"authorization: Basic bWlfdXNlcjpzM2NyM3QtQWNjZXNz"_s,
                       u"Accept: */*"_s, u"Content-Length: 0"_s, u"Accept-Encoding: gzip,deflate"_s,
                       u"Connection: close"_s, u"Host: 127.0.0.1:47231"_s};
    QTest::newRow("mapped transport fields")
        << u"mi_user"_s
        << u"{\"headers\":{\"Host\":\"example.com\",\"Connection\":\"keep-alive\",\"Content-Length\":\"5\",\"Accept\":\"x/y\"},\"data\":{\"a\":1}}"_s
        << QStringList{u"accept: x/y"_s, u"connection: keep-alive"_s, u"content-length: 7"_s, u"host: example.com"_s,
                       u"user-agent: Segment (Actions)"_s, u"authorization: Basic bWlfdXNlcjpzM2NyM3QtQWNjZXNz"_s,
                       u"Content-Type: application/json"_s, u"Accept-Encoding: gzip,deflate"_s};
    QTest::newRow("an empty mapped Host gets node's default in place")
        << u"mi_user"_s << u"{\"headers\":{\"7\":true,\"Host\":\"\"},\"data\":{}}"_s
        << QStringList{u"7: true"_s, u"Host: 127.0.0.1:47231"_s, u"user-agent: Segment (Actions)"_s,
                       u"authorization: Basic bWlfdXNlcjpzM2NyM3QtQWNjZXNz"_s, u"Content-Type: application/json"_s,
                       u"Accept: */*"_s, u"Content-Length: 2"_s, u"Accept-Encoding: gzip,deflate"_s,
                       u"Connection: close"_s};
}

void TestRequestBuilder::wireOrder()
{
    QFETCH(QString, username);
    QFETCH(QString, mapping);
    const Result<RequestOutcome> r = build(settingsFor(defaultUrl, username, username.isEmpty() ? QString() : u"s3cr3t-Access"_s), mapping);
    QVERIFY2(r.ok(), qPrintable(errorOf(r)));
    QStringList actual;
    for (const HttpHeader &h : r->request().headers())
        actual << QString::fromLatin1(h.name) + u": "_s + QString::fromLatin1(h.value);
    QTEST(actual, "expected");
}

void TestRequestBuilder::authorization_data()
{
    QTest::addColumn<QString>("settings");
    QTest::addColumn<QString>("expected"); // empty: no Authorization header
    const QString url = u"\"movable_ink_url\":\"http://127.0.0.1:47231/x\""_s;
    QTest::newRow("ASCII") << u"{\"username\":\"mi_user\",\"password\":\"s3cr3t-Access\",%1}"_s.arg(url)
                           << u"Basic bWlfdXNlcjpzM2NyM3QtQWNjZXNz"_s;
    QTest::newRow("UTF-8 username") << u"{\"username\":\"\\u00fcser\",\"password\":\"s3cr3t-Access\",%1}"_s.arg(url)
                                    << u"Basic w7xzZXI6czNjcjN0LUFjY2Vzcw=="_s;
    QTest::newRow("UTF-8 secret") << u"{\"username\":\"u\",\"password\":\"p\\u00e4ss\\u2713\",%1}"_s.arg(url)
                                  << u"Basic dTpww6Rzc+Kckw=="_s;
    QTest::newRow("colons in the secret") << u"{\"username\":\"mi_user\",\"password\":\"a:b:c\",%1}"_s.arg(url)
                                          << u"Basic bWlfdXNlcjphOmI6Yw=="_s;
    QTest::newRow("empty secret") << u"{\"username\":\"mi_user\",\"password\":\"\",%1}"_s.arg(url) << u"Basic bWlfdXNlcjo="_s;
    QTest::newRow("both empty: no header") << u"{\"username\":\"\",\"password\":\"\",%1}"_s.arg(url) << QString();
    QTest::newRow("number username coerced") << u"{\"username\":12345,\"password\":\"s3cr3t-Access\",%1}"_s.arg(url)
                                             << u"Basic MTIzNDU6czNjcjN0LUFjY2Vzcw=="_s;
    QTest::newRow("boolean and null coerced") << u"{\"username\":false,\"password\":null,%1}"_s.arg(url) << u"Basic ZmFsc2U6"_s;
    QTest::newRow("one-element arrays unwrapped") << u"{\"username\":[5],\"password\":[null],%1}"_s.arg(url) << u"Basic NTo="_s;
    QTest::newRow("lone surrogates as U+FFFD") << u"{\"username\":\"a\\ud800\",\"password\":\"\\udc00b\",%1}"_s.arg(url)
                                               << u"Basic Ye+/vTrvv71i"_s;
    QTest::newRow("URL user info ignored when credentials are set")
        << u"{\"username\":\"mi_user\",\"password\":\"s3cr3t-Access\",\"movable_ink_url\":\"http://url-user:url-pass@127.0.0.1:47231/x\"}"_s
        << u"Basic bWlfdXNlcjpzM2NyM3QtQWNjZXNz"_s;
    QTest::newRow("URL user info sent when credentials are empty")
        << u"{\"username\":\"\",\"password\":\"\",\"movable_ink_url\":\"http://us%C3%A9r:p%40ss@127.0.0.1:47231/x\"}"_s
        << u"Basic dXPDqXI6cEBzcw=="_s;
    QTest::newRow("mapped Authorization kept when credentials are empty")
        << u"{\"username\":\"\",\"password\":\"\",%1}"_s.arg(url) << u"Bearer t0ken"_s;
}

void TestRequestBuilder::authorization()
{
    QFETCH(QString, settings);
    QFETCH(QString, expected);
    const QString mapping = QString::fromLatin1(QTest::currentDataTag()).startsWith(u"mapped"_s)
                                ? u"{\"headers\":{\"Authorization\":\"Bearer t0ken\"},\"data\":{\"a\":1}}"_s
                                : u"{\"data\":{\"a\":1}}"_s;
    const Result<RequestOutcome> r = RequestBuilder().build(parse(settings), parse(mapping), parse(trackEvent));
    QVERIFY2(r.ok(), qPrintable(errorOf(r)));
    QCOMPARE(r->request().hasHeader("authorization"), !expected.isEmpty());
    QCOMPARE(QString::fromLatin1(r->request().header("authorization")), expected);
}

void TestRequestBuilder::urls_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("expectedUrl");
    QTest::addColumn<QByteArray>("target");
    QTest::addColumn<QString>("hostname");
    QTest::addColumn<int>("port");
    QTest::newRow("plain") << defaultUrl << defaultUrl << "/v1/segment/events"_ba << u"127.0.0.1"_s << 47231;
    QTest::newRow("spaces percent-encoded") << u"http://127.0.0.1:47231/a b?c d"_s << u"http://127.0.0.1:47231/a%20b?c%20d"_s
                                            << "/a%20b?c%20d"_ba << u"127.0.0.1"_s << 47231;
    QTest::newRow("fragment dropped") << u"http://127.0.0.1:47231/collect#frag"_s << u"http://127.0.0.1:47231/collect"_s
                                      << "/collect"_ba << u"127.0.0.1"_s << 47231;
    QTest::newRow("credentials dropped") << u"http://url-user:url-pass@127.0.0.1:47231/x"_s << u"http://127.0.0.1:47231/x"_s
                                         << "/x"_ba << u"127.0.0.1"_s << 47231;
    QTest::newRow("dot segments left alone") << u"http://127.0.0.1:47231/a/./b/../c"_s << u"http://127.0.0.1:47231/a/./b/../c"_s
                                             << "/a/./b/../c"_ba << u"127.0.0.1"_s << 47231;
    QTest::newRow("percent-encoding kept") << u"http://127.0.0.1:47231/%C3%A9v%20x?q=%E2%9C%93"_s
                                           << u"http://127.0.0.1:47231/%C3%A9v%20x?q=%E2%9C%93"_s
                                           << "/%C3%A9v%20x?q=%E2%9C%93"_ba << u"127.0.0.1"_s << 47231;
    QTest::newRow("latin-1 path character as one byte") << u"http://127.0.0.1:47231/\u00e9"_s << u"http://127.0.0.1:47231/\u00e9"_s
                                                        << "/\xE9"_ba << u"127.0.0.1"_s << 47231;
    QTest::newRow("IPv6 literal") << u"http://[::1]:47231/x"_s << u"http://[::1]:47231/x"_s << "/x"_ba << u"::1"_s << 47231;
    QTest::newRow("upper-case scheme and host") << u"HTTP://LOCALHOST:47231/Q?x"_s << u"http://localhost:47231/Q?x"_s
                                                << "/Q?x"_ba << u"localhost"_s << 47231;
    QTest::newRow("no path") << u"http://127.0.0.1:47231"_s << u"http://127.0.0.1:47231/"_s << "/"_ba << u"127.0.0.1"_s << 47231;
    QTest::newRow("default http port left out") << u"http://example.com:80/x"_s << u"http://example.com/x"_s << "/x"_ba
                                                << u"example.com"_s << 80;
    QTest::newRow("https default port") << u"https://api.example.com/v1"_s << u"https://api.example.com/v1"_s << "/v1"_ba
                                        << u"api.example.com"_s << 443;
    QTest::newRow("port with a leading zero") << u"http://127.0.0.1:047231/x"_s << u"http://127.0.0.1:047231/x"_s << "/x"_ba
                                              << u"127.0.0.1"_s << 47231;
    QTest::newRow("surrounding spaces trimmed") << u"  http://127.0.0.1:47231/x  "_s << u"http://127.0.0.1:47231/x"_s
                                                << "/x"_ba << u"127.0.0.1"_s << 47231;
    QTest::newRow("backslashes become slashes") << u"http://127.0.0.1:47231\\a\\b?c\\d"_s << u"http://127.0.0.1:47231/a/b?c%5Cd"_s
                                                << "/a/b?c%5Cd"_ba << u"127.0.0.1"_s << 47231;
    QTest::newRow("IDN host as punycode") << u"https://b\u00fccher.example/"_s << u"https://xn--bcher-kva.example/"_s << "/"_ba
                                          << u"xn--bcher-kva.example"_s << 443;
}

void TestRequestBuilder::urls()
{
    QFETCH(QString, url);
    const Result<RequestOutcome> r = build(settingsFor(url), u"{\"data\":{\"a\":1}}"_s);
    QVERIFY2(r.ok(), qPrintable(errorOf(r)));
    QTEST(r->request().url(), "expectedUrl");
    QTEST(r->request().target(), "target");
    QTEST(r->request().hostname(), "hostname");
    QTEST(r->request().port(), "port");
}

void TestRequestBuilder::urlErrors_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("error");
    QTest::newRow("empty URL fails in the action")
        << QString() << u"\"Movable Ink URL\" setting or \"Movable Ink URL\" field must be populated"_s;
    QTest::newRow("relative URL") << u"/relative"_s << u"Only absolute URLs are supported"_s;
    QTest::newRow("scheme-relative URL") << u"//127.0.0.1:47231/x"_s << u"Only absolute URLs are supported"_s;
    QTest::newRow("http: without slashes") << u"http:127.0.0.1:47231"_s << u"Only absolute URLs are supported"_s;
    QTest::newRow("ftp scheme") << u"ftp://127.0.0.1:47231/"_s << u"Only HTTP(S) protocols are supported"_s;
    QTest::newRow("host:port without a scheme") << u"127.0.0.1:47231/x"_s << u"Only HTTP(S) protocols are supported"_s;
    QTest::newRow("javascript scheme") << u"javascript:alert(1)"_s << u"Only absolute URLs are supported"_s;
    QTest::newRow("path character beyond latin-1") << u"http://127.0.0.1:47231/\u2713"_s
                                                   << u"Request path contains unescaped characters"_s;
    QTest::newRow("control character in path") << u"http://127.0.0.1:47231/a\u0001b"_s
                                               << u"Request path contains unescaped characters"_s;
    QTest::newRow("port beyond 65535") << u"http://127.0.0.1:99999/x"_s
                                       << u"Port should be >= 0 and < 65536. Received type string ('99999')."_s;
    QTest::newRow("malformed user info escape") << u"http://%zz@127.0.0.1:47231/"_s << u"URI malformed"_s;
    QTest::newRow("invalid punycode host") << u"http://xn--zz/"_s << u"Invalid URL"_s;
}

void TestRequestBuilder::urlErrors()
{
    QFETCH(QString, url);
    const Result<RequestOutcome> r = build(settingsFor(url), u"{\"data\":{\"a\":1}}"_s);
    QVERIFY(!r.ok());
    QTEST(r.error().message, "error");
}

void TestRequestBuilder::settingsErrors_data()
{
    QTest::addColumn<QString>("settings");
    QTest::addColumn<QString>("error");
    QTest::newRow("missing password")
        << u"{\"username\":\"mi_user\",\"movable_ink_url\":\"http://127.0.0.1:47231/x\"}"_s
        << u"The root value is missing the required field 'password'."_s;
    QTest::newRow("missing URL") << u"{\"username\":\"mi_user\",\"password\":\"p\"}"_s
                                 << u"The root value is missing the required field 'movable_ink_url'."_s;
    QTest::newRow("everything missing, one message per field")
        << u"{}"_s
        << u"The root value is missing the required field 'username'.\n"
           "The root value is missing the required field 'password'.\n"
           "The root value is missing the required field 'movable_ink_url'."_s;
    QTest::newRow("a string spreads into characters")
        << u"\"abc\""_s
        << u"The root value is missing the required field 'username'.\n"
           "The root value is missing the required field 'password'.\n"
           "The root value is missing the required field 'movable_ink_url'."_s;
    QTest::newRow("object and array values") << u"{\"username\":{},\"password\":[],\"movable_ink_url\":null}"_s
                                             << u"Username must be a string but it was an object.\n"
                                                "Access Secret must be a string but it was an array."_s;
    QTest::newRow("arrays that cannot be unwrapped")
        << u"{\"username\":[{}],\"password\":[[1]],\"movable_ink_url\":[\"a\",\"b\"]}"_s
        << u"Username must be a string but it was an object.\n"
           "Access Secret must be a string but it was an array.\n"
           "Movable Ink URL must be a string but it was an array."_s;
    QTest::newRow("null URL becomes empty and fails in the action")
        << u"{\"username\":\"a\",\"password\":\"b\",\"movable_ink_url\":null}"_s
        << u"\"Movable Ink URL\" setting or \"Movable Ink URL\" field must be populated"_s;
}

void TestRequestBuilder::settingsErrors()
{
    QFETCH(QString, settings);
    const Result<RequestOutcome> r = RequestBuilder().build(parse(settings), parse(u"{\"data\":{\"a\":1}}"_s), parse(trackEvent));
    QVERIFY(!r.ok());
    QTEST(r.error().message, "error");
}

void TestRequestBuilder::payloadErrors_data()
{
    QTest::addColumn<QString>("mapping");
    QTest::addColumn<QString>("error");
    QTest::newRow("data resolving to a string") << u"{\"data\":{\"@path\":\"$.event\"}}"_s
                                                << u"Data must be an object but it was a string."_s;
    QTest::newRow("data array") << u"{\"data\":[]}"_s << u"Data must be an object but it was an array."_s;
    QTest::newRow("data 0") << u"{\"data\":0}"_s << u"Data must be an object but it was a number."_s;
    QTest::newRow("data false") << u"{\"data\":false}"_s << u"Data must be an object but it was a boolean."_s;
    QTest::newRow("headers number") << u"{\"headers\":5,\"data\":{}}"_s << u"Headers must be an object but it was a number."_s;
    QTest::newRow("headers array") << u"{\"headers\":[1],\"data\":{}}"_s << u"Headers must be an object but it was an array."_s;
    QTest::newRow("both wrong, in field order") << u"{\"data\":\"x\",\"headers\":[1]}"_s
                                                << u"Headers must be an object but it was an array.\n"
                                                   "Data must be an object but it was a string."_s;
    QTest::newRow("root @path to nothing") << u"{\"@path\":\"$.missing\"}"_s
                                           << u"The root value must be an object but it was undefined."_s;
}

void TestRequestBuilder::payloadErrors()
{
    QFETCH(QString, mapping);
    const Result<RequestOutcome> r = build(settingsFor(defaultUrl), mapping);
    QVERIFY(!r.ok());
    QTEST(r.error().message, "error");
}

void TestRequestBuilder::body_data()
{
    QTest::addColumn<QString>("mapping");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("contentType");
    QTest::newRow("no mapping at all: no body") << u"{}"_s << QByteArray() << false;
    QTest::newRow("null mapping means {}") << u"null"_s << QByteArray() << false;
    QTest::newRow("data null: no body") << u"{\"data\":null}"_s << QByteArray() << false;
    QTest::newRow("data empty string: no body") << u"{\"data\":\"\"}"_s << QByteArray() << false;
    QTest::newRow("data path to nothing: no body") << u"{\"data\":{\"@path\":\"$.missing\"}}"_s << QByteArray() << false;
    QTest::newRow("empty object") << u"{\"data\":{}}"_s << "{}"_ba << true;
    QTest::newRow("integer-like keys first") << u"{\"data\":{\"b\":1,\"10\":2,\"2\":3,\"a\":4,\"01\":5}}"_s
                                             << "{\"2\":3,\"10\":2,\"b\":1,\"a\":4,\"01\":5}"_ba << true;
    QTest::newRow("awkward strings as JSON.stringify writes them")
        << u"{\"data\":{\"uni\":\"Gr\\u00fc\\u00dfe \\ud83d\\uded2\",\"lone\":\"\\ud800\",\"ctrl\":\"\\u0000\\n\",\"ls\":\"\\u2028\",\"html\":\"</script>\"}}"_s
        << "{\"uni\":\"Gr\xC3\xBC\xC3\x9F" "e \xF0\x9F\x9B\x92\",\"lone\":\"\\ud800\",\"ctrl\":\"\\u0000\\n\",\"ls\":\"\xE2\x80\xA8\",\"html\":\"</script>\"}"_ba
        << true;
    QTest::newRow("root @path to an object without data")
        << u"{\"@path\":\"$.properties\"}"_s << QByteArray() << false;
    QTest::newRow("undeclared mapping keys dropped") << u"{\"data\":{\"a\":1},\"other\":\"x\"}"_s << "{\"a\":1}"_ba << true;
}

void TestRequestBuilder::body()
{
    QFETCH(QString, mapping);
    QFETCH(QByteArray, body);
    const Result<RequestOutcome> r = build(settingsFor(defaultUrl), mapping);
    QVERIFY2(r.ok(), qPrintable(errorOf(r)));
    const HttpRequest &request = r->request();
    QCOMPARE(request.body(), body);
    QCOMPARE(request.header("content-length"), QByteArray::number(body.size()));
    QTEST(request.hasHeader("content-type"), "contentType");
}

void TestRequestBuilder::trigger_data()
{
    QTest::addColumn<QString>("event");
    QTest::addColumn<QVariant>("subscribe"); // invalid QVariant: the preset's trigger
    QTest::addColumn<bool>("sent");
    QTest::addColumn<QString>("reasonOrError");
    const QVariant preset;
    for (const char *type : {"identify", "track", "page", "screen", "group"})
        QTest::newRow(qPrintable(u"preset sends %1"_s.arg(QLatin1String(type))))
            << u"{\"type\":\"%1\"}"_s.arg(QLatin1String(type)) << preset << true << QString();
    QTest::newRow("preset skips alias") << u"{\"type\":\"alias\"}"_s << preset << false << u"not subscribed"_s;
    QTest::newRow("preset skips an event without type") << u"{\"event\":\"x\"}"_s << preset << false << u"not subscribed"_s;
    QTest::newRow("custom trigger") << u"{\"type\":\"alias\"}"_s << QVariant(u"type = \"alias\""_s) << true << QString();
    QTest::newRow("empty trigger sends nothing") << u"{\"type\":\"track\"}"_s << QVariant(QString()) << false
                                                 << u"Failed to validate subscription"_s;
    QTest::newRow("non-string trigger sends nothing") << u"{\"type\":\"track\"}"_s << QVariant(5) << false
                                                      << u"Failed to validate subscription"_s;
    QTest::newRow("batch without a match sends nothing") << u"[{\"type\":\"alias\"}]"_s << preset << false
                                                         << u"not subscribed"_s;
    QTest::newRow("batch with a match fails") << u"[{\"type\":\"alias\"},{\"type\":\"track\"}]"_s << preset << false
                                              << u"!This action does not support batched requests."_s;
}

void TestRequestBuilder::trigger()
{
    QFETCH(QString, event);
    QFETCH(QVariant, subscribe);
    QFETCH(bool, sent);
    QFETCH(QString, reasonOrError);
    json::Value fql;
    if (subscribe.typeId() == QMetaType::QString)
        fql = json::Value(subscribe.toString());
    else if (subscribe.typeId() == QMetaType::Int)
        fql = json::Value(subscribe.toInt());
    const Result<RequestOutcome> r = build(settingsFor(defaultUrl), u"{\"data\":{\"a\":1}}"_s, event, fql);
    if (reasonOrError.startsWith(u'!')) {
        QVERIFY(!r.ok());
        QCOMPARE(r.error().message, reasonOrError.mid(1));
        return;
    }
    QVERIFY2(r.ok(), qPrintable(errorOf(r)));
    QCOMPARE(r->isSent(), sent);
    QCOMPARE(r->reason(), reasonOrError);
}

void TestRequestBuilder::warnings_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("username");
    QTest::addColumn<QString>("headers");
    QTest::addColumn<QList<int>>("kinds");
    QTest::newRow("loopback http, plain headers: nothing to say") << defaultUrl << u"u"_s << u"{\"X-A\":\"1\"}"_s << QList<int>{};
    QTest::newRow("https: nothing to say") << u"https://collector.example.com/x"_s << u"u"_s << u"{}"_s << QList<int>{};
    QTest::newRow("localhost is loopback") << u"http://localhost:8080/x"_s << u"u"_s << u"{}"_s << QList<int>{};
    QTest::newRow("IPv6 loopback") << u"http://[::1]:8080/x"_s << u"u"_s << u"{}"_s << QList<int>{};
    QTest::newRow("http to a remote host") << u"http://collector.example.com/x"_s << u"u"_s << u"{}"_s
                                           << QList<int>{int(Kind::InsecureUrl)};
    QTest::newRow("non-ASCII header value") << defaultUrl << u"u"_s << u"{\"X-Name\":\"caf\\u00e9\"}"_s
                                            << QList<int>{int(Kind::NonAsciiHeaderValue)};
    QTest::newRow("header removed by \"undefined\"") << defaultUrl << u"u"_s << u"{\"X-A\":\"undefined\"}"_s
                                                     << QList<int>{int(Kind::HeaderRemoved)};
    QTest::newRow("Content-Type overwritten") << defaultUrl << u"u"_s << u"{\"Content-Type\":\"text/plain\"}"_s
                                              << QList<int>{int(Kind::HeaderOverwritten)};
    QTest::newRow("Authorization overwritten") << defaultUrl << u"u"_s << u"{\"Authorization\":\"Bearer x\"}"_s
                                               << QList<int>{int(Kind::HeaderOverwritten)};
    QTest::newRow("Authorization kept without credentials") << defaultUrl << QString() << u"{\"Authorization\":\"Bearer x\"}"_s
                                                            << QList<int>{};
    QTest::newRow("framing header mapped") << defaultUrl << u"u"_s << u"{\"Transfer-Encoding\":\"chunked\"}"_s
                                           << QList<int>{int(Kind::TransportHeaderMapped)};
    QTest::newRow("URL user info ignored") << u"http://a:b@127.0.0.1:47231/x"_s << u"u"_s << u"{}"_s
                                           << QList<int>{int(Kind::UrlCredentialsIgnored)};
    QTest::newRow("URL user info sent") << u"http://a:b@127.0.0.1:47231/x"_s << QString() << u"{}"_s
                                        << QList<int>{int(Kind::UrlCredentialsSent)};
}

void TestRequestBuilder::warnings()
{
    QFETCH(QString, url);
    QFETCH(QString, username);
    QFETCH(QString, headers);
    QFETCH(QList<int>, kinds);
    const Result<RequestOutcome> r =
        build(settingsFor(url, username, QString()), u"{\"headers\":%1,\"data\":{\"a\":1}}"_s.arg(headers));
    QVERIFY2(r.ok(), qPrintable(errorOf(r)));
    QList<int> actual;
    for (const RequestWarning &w : r->warnings()) {
        actual << int(w.kind);
        QVERIFY(!w.message.isEmpty());
    }
    QCOMPARE(actual, kinds);
}

void TestRequestBuilder::payloadIsExposed()
{
    const Result<RequestOutcome> r =
        build(settingsFor(defaultUrl), u"{\"headers\":{\"X-A\":\"1\"},\"data\":{\"@path\":\"$.properties\"},\"x\":1}"_s);
    QVERIFY2(r.ok(), qPrintable(errorOf(r)));
    const json::Object &payload = r->payload().toObject();
    QCOMPARE(payload.size(), 2);
    QCOMPARE(payload.value(u"data").toObject().value(u"total").toNumber(), 5.0);
    QCOMPARE(payload.value(u"headers").toObject().value(u"X-A").toString(), u"1"_s);
}

void TestRequestBuilder::redactedPreview()
{
    const Result<RequestOutcome> r = build(settingsFor(defaultUrl), u"{\"data\":{\"a\":1}}"_s);
    QVERIFY2(r.ok(), qPrintable(errorOf(r)));
    const HttpRequest safe = r->request().redacted();
    QCOMPARE(safe.header("authorization"), "Basic [redacted]"_ba);
    QVERIFY(!safe.header("authorization").contains("bWlfdXNlcjpzM2NyM3QtQWNjZXNz"));
    QCOMPARE(r->request().header("authorization"), "Basic bWlfdXNlcjpzM2NyM3QtQWNjZXNz"_ba);
}

QTEST_GUILESS_MAIN(TestRequestBuilder)
#include "tst_requestbuilder.moc"
