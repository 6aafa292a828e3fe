// The filters of @liquid: every enabled liquidjs filter, the disabled ones, and unknown names.
// The expected values were produced by Segment's evaluateLiquid (liquidjs 10.27.2) under Node 20, TZ=UTC.
#include "mapping/liquid/liquiddirective.h"

#include "json/parser.h"

#include <QTest>

using namespace inkmapper;
using namespace Qt::StringLiterals;

class TestLiquidFilters : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void render_data();
    void render();
};

namespace {

/** The event every row renders against (a track call with a bit of everything). */
json::Value testEvent()
{
    static const json::Value event = json::parse(QByteArrayView(R"json({"type": "track", "event": "Order Completed", "userId": "u-1", "properties": {"total": 1346.53, "count": 0, "currency": "GBP", "tags": ["a", "b", null, 3], "empty": [], "obj": {}, "nested": {"a": {"b": [1, {"c": "deep"}]}}, "products": [{"sku": "A-1", "price": 10, "quantity": 2}, {"sku": "B-2", "price": 2.5, "quantity": 4}], "flag": false, "nil": null, "uni": "\u00dcn\u00ef \u00df \ud83d\ude00", "html": "<b>Bold</b> & \"q\" 'a'", "spaces": "  a  b \t\n c  ", "when": "2024-02-29T23:59:59Z", "epoch": 1709251199, "numstr": "42", "size": "S", "length": 3, "a-b": "dash"}})json")).value();
    return event;
}

} // namespace

void TestLiquidFilters::render_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<bool>("fails");
    QTest::addColumn<QString>("expected");
    QTest::newRow("append") << u"{{ type | append: '-x' }}"_s << false << u"track-x"_s;
    QTest::newRow("append needs its argument") << u"{{ type | append }}"_s << true << QString();  // append expect 2 arguments
    QTest::newRow("prepend") << u"{{ type | prepend: 'x-' }}"_s << false << u"x-track"_s;
    QTest::newRow("upcase full unicode") << u"{{ properties.uni | upcase }}"_s << false << u"\u00dcN\u00cf SS \U0001f600"_s;
    QTest::newRow("downcase") << u"{{ '\u00c0B \u0130' | downcase }}"_s << false << u"\u00e0b i\u0307"_s;
    QTest::newRow("capitalize") << u"{{ 'hELLO wORLD' | capitalize }}"_s << false << u"Hello world"_s;
    QTest::newRow("size filter") << u"{{ properties.tags | size }} {{ type | size }} {{ properties.obj | size }} {{ 42 | size }} {{ nil | size }} {{ properties.uni | size }}"_s << false << u"4 5 0 0 0 8"_s;
    QTest::newRow("first and last filters") << u"{{ properties.tags | first }} {{ type | first }} {{ type | last }} [{{ properties.empty | last }}] [{{ 5 | first }}]"_s << false << u"a t k [] []"_s;
    QTest::newRow("join") << u"{{ properties.tags | join: ', ' }} {{ properties.tags | join }} {{ type | join: '-' }}"_s << false << u"a, b, , 3 a b  3 track"_s;
    QTest::newRow("split") << u"{{ 'a,b,,c,,' | split: ',' | json }} {{ 'abc' | split: '' | json }} {{ '' | split: ',' | json }}"_s << false << u"[\"a\",\"b\",\"\",\"c\"] [\"a\",\"b\",\"c\"] []"_s;
    QTest::newRow("replace") << u"{{ 'a-b-c' | replace: '-', '+' }} {{ 'abc' | replace: '', '.' }}"_s << false << u"a+b+c a.b.c"_s;
    QTest::newRow("replace_first and replace_last") << u"{{ 'a-b-c' | replace_first: '-', '$&' }} {{ 'a-b-c' | replace_last: '-', '+' }}"_s << false << u"a$&b-c a-b+c"_s;
    QTest::newRow("remove") << u"{{ 'a-b-c' | remove: '-' }} {{ 'a-b-c' | remove_first: '-' }} {{ 'a-b-c' | remove_last: '-' }}"_s << false << u"abc ab-c a-bc"_s;
    QTest::newRow("strip lstrip rstrip") << u"[{{ properties.spaces | strip }}][{{ properties.spaces | lstrip }}][{{ properties.spaces | rstrip }}]"_s << false << u"[a  b \t\n c][a  b \t\n c  ][  a  b \t\n c]"_s;
    QTest::newRow("strip with characters") << u"{{ 'xxhixx' | strip: 'x' }} {{ 'xyhiyx' | lstrip: 'xy' }} {{ 'xyhiyx' | rstrip: 'xy' }}"_s << false << u"hi hiyx xyhi"_s;
    QTest::newRow("strip_newlines") << u"{{ 'a\\r\\nb\\nc\\rd' | strip_newlines | json }}"_s << false << u"\"abc\\rd\""_s;
    QTest::newRow("normalize_whitespace") << u"{{ properties.spaces | normalize_whitespace | json }}"_s << false << u"\" a b c \""_s;
    QTest::newRow("truncate") << u"{{ 'Hello World' | truncate: 8 }} {{ 'Hello' | truncate: 8 }} {{ 'Hello World' | truncate: 8, '' }} {{ 'Hello World' | truncate: 2 }}"_s << false << u"Hello... Hello Hello Wo ..."_s;
    QTest::newRow("truncatewords") << u"{{ 'a b c d' | truncatewords: 2 }} {{ 'a b' | truncatewords: 2 }} {{ 'a b c' | truncatewords: 0 }} {{ 'a b c' | truncatewords: 2, '' }}"_s << false << u"a b... a b... a... a b"_s;
    QTest::newRow("number_of_words") << u"{{ properties.spaces | number_of_words }} {{ '' | number_of_words }} {{ '\u4f60\u597d world' | number_of_words: 'cjk' }} {{ '\u4f60\u597d world' | number_of_words: 'auto' }}"_s << false << u"3 0 3 3"_s;
    QTest::newRow("escape and xml_escape") << u"{{ properties.html | escape }} {{ '<a>' | xml_escape }}"_s << false << u"&lt;b&gt;Bold&lt;/b&gt; &amp; &#34;q&#34; &#39;a&#39; &lt;a&gt;"_s;
    QTest::newRow("escape_once") << u"{{ '&amp; & &lt;' | escape_once }}"_s << false << u"&amp; &amp; &lt;"_s;
    QTest::newRow("strip_html") << u"{{ '<p>Hi <script>x</script><!-- c -->there</p><' | strip_html }}"_s << false << u"Hi there<"_s;
    QTest::newRow("url_encode and cgi_escape") << u"{{ 'a b&c=d/\u00e9!*' | url_encode }} {{ \"a b!'()*\" | cgi_escape }} {{ 'a b[1]?#' | uri_escape }}"_s << false << u"a+b%26c%3Dd%2F%C3%A9!* a+b%21%27%28%29%2A a%20b[1]?#"_s;
    QTest::newRow("url_decode") << u"{{ 'a+b%20c%C3%A9' | url_decode }}"_s << false << u"a b c\u00e9"_s;
    QTest::newRow("url_decode malformed") << u"{{ '%E0%A4%A' | url_decode }}"_s << true << QString();  // URI malformed
    QTest::newRow("slugify") << u"{{ ' Hello, W\u00f6rld! \U0001f600 ' | slugify }} {{ 'Hello World' | slugify: 'ascii' }} {{ 'H\u00e9llo W\u00f6rld' | slugify: 'latin' }} {{ 'A.B c' | slugify: 'pretty' }} {{ 'A  B' | slugify: 'raw', true }} {{ 'A B' | slugify: 'none' }}"_s << false << u"hello-w\u00f6rld hello-world hello-world a.b-c A-B a b"_s;
    QTest::newRow("base64") << u"{{ properties.uni | base64_encode }} {{ 'w7xuw68=' | base64_decode }} {{ 'aGk' | base64_decode }}"_s << false << u"w5xuw68gw58g8J+YgA== \u00fcn\u00ef hi"_s;
    QTest::newRow("sha256 and hmac_sha256") << u"{{ 'abc' | sha256 }} {{ 'abc' | hmac_sha256: 'key' }}"_s << false << u"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad 9c196e32dc0175f86f4b1cb89289d6619de6bee699e4c378e68309ed97a1a6ab"_s;
    QTest::newRow("plus minus times") << u"{{ 1 | plus: 2 }} {{ '3' | minus: 1.5 }} {{ 0.1 | plus: 0.2 }} {{ 3 | times: 'x' }} {{ 5 | plus }}"_s << false << u"3 1.5 0.30000000000000004 0 NaN"_s;
    QTest::newRow("divided_by does not truncate") << u"{{ 7 | divided_by: 2 }} {{ 7 | divided_by: 2, true }} {{ 1 | divided_by: 0 }} {{ -1 | divided_by: 0 }} {{ 0 | divided_by: 0 }}"_s << false << u"3.5 3 Infinity -Infinity NaN"_s;
    QTest::newRow("modulo") << u"{{ 7 | modulo: 3 }} {{ -7 | modulo: 3 }} {{ 7.5 | modulo: 2 }} {{ 1 | modulo: 0 }}"_s << false << u"1 2 1.5 NaN"_s;
    QTest::newRow("round ceil floor abs") << u"{{ 1346.535 | round: 2 }} {{ 2.5 | round }} {{ -2.5 | round }} {{ 1.005 | round: 2 }} {{ 4.1 | ceil }} {{ 4.9 | floor }} {{ -3 | abs }} {{ 'x' | abs }}"_s << false << u"1346.54 3 -3 1.01 5 4 3 0"_s;
    QTest::newRow("at_least and at_most") << u"{{ 3 | at_least: 5 }} {{ 3 | at_most: 1 }} {{ 3 | at_least: 1, 9 }}"_s << false << u"5 1 9"_s;
    QTest::newRow("to_integer keeps fractions") << u"{{ '3.7' | to_integer }} {{ 'x' | to_integer }} {{ nil | to_integer }}"_s << false << u"3.7 NaN 0"_s;
    QTest::newRow("default") << u"{{ missing | default: 'd' }} {{ '' | default: 'd' }} {{ properties.empty | default: 'd' }} {{ 0 | default: 'd' }} {{ false | default: 'd' }} {{ false | default: 'd', allow_false: true }} {{ nil | default: nil | json }}"_s << false << u"d d d 0 d false {}"_s;
    QTest::newRow("json") << u"{{ properties.tags | json }} {{ properties.obj | json }} {{ missing | json }} {{ nil | json }} {{ properties.uni | json }}"_s << false << u"[\"a\",\"b\",null,3] {}  {} \"\u00dcn\u00ef \u00df \U0001f600\""_s;
    QTest::newRow("json with indentation") << u"{{ properties.products[0] | json: 2 }}|{{ properties.tags | json: 0.5 }}|{{ properties.tags | jsonify: '--' }}"_s << false << u"{\n  \"sku\": \"A-1\",\n  \"price\": 10,\n  \"quantity\": 2\n}|[\n\"a\",\n\"b\",\nnull,\n3\n]|[\n--\"a\",\n--\"b\",\n--null,\n--3\n]"_s;
    QTest::newRow("inspect") << u"{{ properties.nested | inspect }}"_s << false << u"{\"a\":{\"b\":[1,{\"c\":\"deep\"}]}}"_s;
    QTest::newRow("slice") << u"{{ 'hello' | slice: 1 }} {{ 'hello' | slice: 1, 3 }} {{ 'hello' | slice: -3, 2 }} {{ properties.tags | slice: 1, 2 | json }} {{ 'hello' | slice: -9 }}|{{ properties.uni | slice: 6, 2 }}"_s << false << u"e ell ll [\"b\",null] |\U0001f600"_s;
    QTest::newRow("push pop shift unshift compact") << u"{{ properties.tags | push: 'z' | json }} {{ properties.tags | pop | json }} {{ properties.tags | shift | json }} {{ properties.tags | unshift: 0 | json }} {{ properties.tags | compact | json }}"_s << false << u"[\"a\",\"b\",null,3,\"z\"] [\"a\",\"b\",null] [\"b\",null,3] [0,\"a\",\"b\",null,3] [\"a\",\"b\",3]"_s;
    QTest::newRow("push keeps drops") << u"{{ properties.tags | push: blank | json }} {{ properties.empty | push: nil | size }}"_s << false << u"[\"a\",\"b\",null,3,{}] 1"_s;
    QTest::newRow("sum") << u"{{ properties.products | sum: 'price' }} {{ '1,2' | split: ',' | sum }} {{ properties.tags | sum }}"_s << false << u"12.5 3 3"_s;
    QTest::newRow("where") << u"{{ properties.products | where: 'sku', 'B-2' | json }} {{ properties.products | where: 'price' | size }}"_s << false << u"[{\"sku\":\"B-2\",\"price\":2.5,\"quantity\":4}] 2"_s;
    QTest::newRow("date") << u"{{ properties.epoch | date: '%Y-%m-%d %H:%M:%S %a %b %j %U %W %u %w %p %I %e %y %C %z %Z %s %%' }}"_s << false << u"2024-02-29 23:59:59 Thu Feb 060 08 08 4 4 PM 11 29 24 20 +0000 UTC 1709251199 %"_s;
    QTest::newRow("date from an ISO string") << u"{{ properties.when | date: '%A, %B %-d, %Y %l:%M %P' }}"_s << false << u"Thursday, February 29, 2024 11:59 pm"_s;
    QTest::newRow("date flags and widths") << u"{{ 0 | date: '%-m/%_d/%05Y %^a %#B %:z %3N %N %q' }}"_s << false << u"1/ 1/01970 THU JANUARY +00:00 000 000000000 st"_s;
    QTest::newRow("date locale formats") << u"{{ 1709251199 | date: '%c | %x | %X' }}"_s << false << u"2/29/2024, 11:59:59 PM | 2/29/2024 | 11:59:59 PM"_s;
    QTest::newRow("date default format") << u"{{ 0 | date }}"_s << false << u"Thursday, January 1, 1970 at 12:00 am +0000"_s;
    QTest::newRow("date with a time zone") << u"{{ 0 | date: '%H:%M %Z %z', 'Asia/Tokyo' }} {{ 0 | date: '%H:%M %z', -480 }}"_s << false << u"09:00 Asia/Tokyo +0900 08:00 +0800"_s;
    QTest::newRow("date with an unknown time zone") << u"{{ 0 | date: '%H', 'Nowhere/Land' }}"_s << true << QString();  // Invalid time zone specified: Nowhere/Land
    QTest::newRow("date of something that is not a date") << u"{{ 'not a date' | date: '%Y' }} {{ nil | date: '%Y' }}|"_s << false << u"not a date |"_s;
    QTest::newRow("date parses legacy formats") << u"{{ 'Thu, 29 Feb 2024 23:59:59 +0100' | date: '%F%Y-%m-%d %H:%M' }} {{ '2/3' | date: '%Y-%m-%d' }} {{ 'Feb 29 2024 10:00 pm' | date: '%H' }}"_s << false << u"%F2024-02-29 22:59 2001-02-03 22"_s;
    QTest::newRow("date_to_xmlschema and date_to_rfc822") << u"{{ properties.when | date_to_xmlschema }} {{ properties.when | date_to_rfc822 }}"_s << false << u"2024-02-29T23:59:59+00:00 Thu, 29 Feb 2024 23:59:59 +0000"_s;
    QTest::newRow("date_to_string") << u"{{ properties.when | date_to_string }} {{ properties.when | date_to_long_string: 'ordinal' }} {{ properties.when | date_to_string: 'ordinal', 'US' }}"_s << false << u"29 Feb 2024 29th February 2024 Feb 29th, 2024"_s;
    QTest::newRow("unknown filter is the identity") << u"{{ type | nosuch: 1 | upcase }}"_s << false << u"TRACK"_s;
    QTest::newRow("raw filter is the identity") << u"{{ type | raw }}"_s << false << u"track"_s;
    QTest::newRow("disabled filter fails when called") << u"{{ properties.tags | sort }}"_s << true << QString();  // filter "sort" is disabled
    QTest::newRow("disabled filter in an untaken branch") << u"{% if false %}{{ properties.tags | sort }}{% endif %}ok"_s << false << u"ok"_s;
    QTest::newRow("disabled map") << u"{{ properties.products | map: 'sku' }}"_s << true << QString();  // filter "map" is disabled
    QTest::newRow("disabled type") << u"{{ type | type }}"_s << true << QString();  // filter "type" is disabled
    QTest::newRow("keyword arguments arrive as pairs") << u"{{ 'a' | append: key: 'v' }}"_s << false << u"akeyv"_s;
    QTest::newRow("filter on undefined") << u"[{{ missing | upcase }}{{ missing | plus: 1 }}]"_s << false << u"[1]"_s;
    QTest::newRow("memory limit stops runaway doubling") << u"{% assign s = 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx' %}{% assign s = s | append: s %}{% assign s = s | append: s %}{% assign s = s | append: s %}{% assign s = s | append: s %}{% assign s = s | append: s %}{% assign s = s | append: s %}{% assign s = s | append: s %}{% assign s = s | append: s %}{% assign s = s | append: s %}{% assign s = s | append: s %}{% assign s = s | append: s %}{% assign s = s | append: s %}{% assign s = s | append: s %}{% assign s = s | append: s %}{% assign s = s | append: s %}{% assign s = s | append: s %}{% assign s = s | append: s %}{% assign s = s | append: s %}{% assign s = s | append: s %}{% assign s = s | append: s %}{% assign s = s | append: s %}{% assign s = s | append: s %}{% assign s = s | append: s %}{% assign s = s | append: s %}{{ s | size }}"_s << true << QString();  // memory alloc limit exceeded
}

void TestLiquidFilters::render()
{
    QFETCH(QString, source);
    QFETCH(bool, fails);
    QFETCH(QString, expected);
    const Result<QString> result = mapping::liquid::evaluateLiquid(json::Value(source), testEvent());
    if (fails) {
        QVERIFY2(!result.ok(), qPrintable(u"expected an error, got \"%1\""_s.arg(result.ok() ? result.value() : QString())));
        return;
    }
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message));
    QCOMPARE(result.value(), expected);
}

QTEST_GUILESS_MAIN(TestLiquidFilters)
#include "tst_liquidfilters.moc"
