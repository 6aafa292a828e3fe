// Tags, operators, expressions, whitespace control, output formatting and parse errors of @liquid.
// The expected values were produced by Segment's evaluateLiquid (liquidjs 10.27.2) under Node 20, TZ=UTC.
#include "mapping/liquid/liquiddirective.h"

#include "json/parser.h"

#include <QTest>

using namespace inkmapper;
using namespace Qt::StringLiterals;

class TestLiquidTags : public QObject
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

void TestLiquidTags::render_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<bool>("fails");
    QTest::addColumn<QString>("expected");
    QTest::newRow("if true branch") << u"{% if properties.total > 1000 %}big{% endif %}"_s << false << u"big"_s;
    QTest::newRow("if elsif else") << u"{% if properties.total < 10 %}small{% elsif properties.total < 2000 %}medium{% else %}large{% endif %}"_s << false << u"medium"_s;
    QTest::newRow("if else taken") << u"{% if properties.flag %}yes{% else %}no{% endif %}"_s << false << u"no"_s;
    QTest::newRow("zero is truthy") << u"{% if properties.count %}zero is truthy{% endif %}"_s << false << u"zero is truthy"_s;
    QTest::newRow("empty string is truthy") << u"{% if '' %}empty string is truthy{% endif %}"_s << false << u"empty string is truthy"_s;
    QTest::newRow("nil is falsy") << u"{% if properties.nil %}x{% else %}nil is falsy{% endif %}"_s << false << u"nil is falsy"_s;
    QTest::newRow("missing is falsy") << u"{% if nothing.here %}x{% else %}missing{% endif %}"_s << false << u"missing"_s;
    QTest::newRow("unless") << u"{% unless properties.flag %}not flagged{% endunless %}"_s << false << u"not flagged"_s;
    QTest::newRow("unless elsif else") << u"{% unless true %}a{% elsif properties.count == 0 %}b{% else %}c{% endunless %}"_s << false << u"b"_s;
    QTest::newRow("unless second else drops its body") << u"{% unless true %}a{% else %}b{% else %}c{% endunless %}"_s << false << u"b"_s;
    QTest::newRow("unless elsif after else is discarded") << u"{% unless true %}a{% else %}b{% elsif true %}c{% endunless %}"_s << false << u"b"_s;
    QTest::newRow("a filtered condition cannot continue with an operator") << u"{% if type | upcase == 'TRACK' %}up{% endif %}"_s << true << QString();  // expected ":" after filter name
    QTest::newRow("and or associate right") << u"{% if true or false and false %}T{% else %}F{% endif %}"_s << false << u"T"_s;
    QTest::newRow("and or right to left") << u"{% if false and true or true %}T{% else %}F{% endif %}"_s << false << u"F"_s;
    QTest::newRow("not operator") << u"{% if not properties.flag %}not{% endif %}"_s << false << u"not"_s;
    QTest::newRow("contains string") << u"{% if event contains 'Order' %}yes{% endif %}"_s << false << u"yes"_s;
    QTest::newRow("contains array") << u"{% if properties.tags contains 3 %}has 3{% endif %}"_s << false << u"has 3"_s;
    QTest::newRow("contains nil in array") << u"{% if properties.tags contains nil %}has nil{% endif %}"_s << false << u"has nil"_s;
    QTest::newRow("contains on object is false") << u"{% if properties contains 'total' %}yes{% else %}no{% endif %}"_s << false << u"no"_s;
    QTest::newRow("string comparison by code units") << u"{% if 'b' > 'a' and 'B' < 'a' %}ok{% endif %}"_s << false << u"ok"_s;
    QTest::newRow("number and string compare as numbers") << u"{% if properties.numstr > 5 %}gt{% endif %}"_s << false << u"gt"_s;
    QTest::newRow("nil compares false") << u"{% if nil < 1 or nil > 1 or nil <= 1 %}x{% else %}none{% endif %}"_s << false << u"none"_s;
    QTest::newRow("equality of arrays") << u"{% if properties.tags == properties.tags %}same{% endif %}"_s << false << u"same"_s;
    QTest::newRow("blank equals nil but not the reverse") << u"{{ blank == nil }} {{ nil == blank }}"_s << false << u"true false"_s;
    QTest::newRow("empty never equals empty") << u"{{ empty == empty }} {{ properties.empty == empty }} {{ properties.obj == empty }} {{ '' == empty }}"_s << false << u"false true true true"_s;
    QTest::newRow("blank matches whitespace") << u"{{ '  ' == blank }} {{ false == blank }} {{ 0 == blank }}"_s << false << u"true true false"_s;
    QTest::newRow("assign then output") << u"{% assign x = properties.total | plus: 1 %}{{ x }}"_s << false << u"1347.53"_s;
    QTest::newRow("assign shadows the event") << u"{% assign type = 'page' %}{{ type }}"_s << false << u"page"_s;
    QTest::newRow("capture") << u"{% capture msg %}{{ type }}-{{ event }}{% endcapture %}[{{ msg }}]"_s << false << u"[track-Order Completed]"_s;
    QTest::newRow("capture with a quoted name") << u"{% capture \"my var\" %}v{% endcapture %}{{ [\"my var\"] }}"_s << false << u"v"_s;
    QTest::newRow("raw") << u"{% raw %}{{ not parsed }}{% if %}{% endraw %}"_s << false << u"{{ not parsed }}{% if %}"_s;
    QTest::newRow("comment") << u"a{% comment %}{{ x | nosuch }}{% for %}{% endcomment %}b"_s << false << u"ab"_s;
    QTest::newRow("inline comment") << u"a{% # a note %}b"_s << false << u"ab"_s;
    QTest::newRow("inline comment with another line") << u"{% # one\n # two %}ok"_s << false << u"ok"_s;
    QTest::newRow("inline comment line without hash") << u"{% # one\n two %}"_s << true << QString();  // every line of an inline comment must start with a '#' character
    QTest::newRow("echo") << u"{% echo type | upcase %}"_s << false << u"TRACK"_s;
    QTest::newRow("echo without value") << u"a{% echo %}b"_s << false << u"ab"_s;
    QTest::newRow("liquid tag") << u"{% liquid\nassign x = 'a'\nif x == 'a'\necho 'yes'\nendif %}"_s << false << u"yes"_s;
    QTest::newRow("increment and decrement") << u"{% increment n %}{% increment n %}{% decrement m %}{{ n }}"_s << false << u"01-12"_s;
    QTest::newRow("increment starts from a number in the event") << u"{% increment count %}{% increment count %}"_s << false << u"01"_s;
    QTest::newRow("cycle") << u"{% cycle 'a', 'b' %}{% cycle 'a', 'b' %}{% cycle 'a', 'b' %}"_s << false << u"aba"_s;
    QTest::newRow("cycles with as many candidates share a position") << u"{% cycle 'a', 'b' %}{% cycle 'c', 'd' %}"_s << false << u"ad"_s;
    QTest::newRow("cycle skips falsy values") << u"[{% cycle 0, 1 %}]"_s << false << u"[]"_s;
    QTest::newRow("break stops the template") << u"a{% if true %}b{% break %}c{% endif %}d"_s << false << u"ab"_s;
    QTest::newRow("continue stops the template too") << u"a{% continue %}b"_s << false << u"a"_s;
    QTest::newRow("block renders its body") << u"{% block main %}inner{{ block.super }}{% endblock %}"_s << false << u"inner"_s;
    QTest::newRow("whitespace control trims both sides") << u"a  \n {%- if true -%} \n b \n {%- endif -%}  c"_s << false << u"abc"_s;
    QTest::newRow("whitespace control on outputs") << u"[ {{- type -}} ]"_s << false << u"[track]"_s;
    QTest::newRow("right trim eats one newline after blanks") << u"{{ type -}}\n\nx"_s << false << u"trackx"_s;
    QTest::newRow("disabled for") << u"{% for x in (1..2) %}{{ x }}{% endfor %}"_s << true << QString();  // tag "for" is disabled
    QTest::newRow("disabled case") << u"{% case type %}{% when 'track' %}t{% endcase %}"_s << true << QString();  // tag "case" is disabled
    QTest::newRow("disabled tablerow") << u"{% tablerow x in properties.tags %}{{ x }}{% endtablerow %}"_s << true << QString();  // tag "tablerow" is disabled
    QTest::newRow("disabled include") << u"{% include 'x' %}"_s << true << QString();  // tag "include" is disabled
    QTest::newRow("disabled render") << u"{% render 'x' %}"_s << true << QString();  // tag "render" is disabled
    QTest::newRow("disabled layout") << u"{% layout 'x' %}"_s << true << QString();  // tag "layout" is disabled
    QTest::newRow("disabled tag in an untaken branch still fails") << u"{% if false %}{% for x in y %}{% endfor %}{% endif %}"_s << true << QString();  // tag "for" is disabled
    QTest::newRow("disabled tag inside raw is text") << u"{% raw %}{% for %}{% endraw %}"_s << false << u"{% for %}"_s;
    QTest::newRow("unknown tag") << u"{% nosuch %}"_s << true << QString();  // tag "nosuch" not found
    QTest::newRow("stray else") << u"{% else %}"_s << true << QString();  // tag "else" not found
    QTest::newRow("unclosed if") << u"{% if true %}x"_s << true << QString();  // tag {% if true %} not closed
    QTest::newRow("unclosed output") << u"{{ type "_s << true << QString();  // output "{{ type " not closed
    QTest::newRow("unclosed tag") << u"{% if true "_s << true << QString();  // tag "{% if true " not closed
    QTest::newRow("else with arguments") << u"{% if true %}{% else x %}{% endif %}"_s << true << QString();  // unexpected "x"
    QTest::newRow("duplicated else") << u"{% if true %}{% else %}{% else %}{% endif %}"_s << true << QString();  // duplicated else
    QTest::newRow("elsif after else") << u"{% if true %}{% else %}{% elsif true %}{% endif %}"_s << true << QString();  // unexpected elsif after else
    QTest::newRow("empty output is an error") << u"{{ }}"_s << true << QString();  // invalid value expression: ""
    QTest::newRow("invalid filter syntax") << u"{{ type | }}x{{ type | | upcase }}"_s << true << QString();  // expected filter name
    QTest::newRow("assign without equals") << u"{% assign x 1 %}"_s << true << QString();  // expected "="
    QTest::newRow("output of numbers") << u"{{ 1.0 }} {{ -0 }} {{ 0.1 }} {{ properties.total | times: 1000000000000000000000 }} {{ 0.0000001 | times: 1 }}"_s << false << u"1 0 0.1 1.34653e+24 1e-7"_s;
    QTest::newRow("output of arrays concatenates") << u"{{ properties.tags }}|{{ properties.nested.a.b }}"_s << false << u"ab3|1[object Object]"_s;
    QTest::newRow("output of objects") << u"{{ properties.obj }} {{ properties }}"_s << false << u"[object Object] [object Object]"_s;
    QTest::newRow("output of nil and missing") << u"[{{ nil }}{{ properties.nil }}{{ missing }}{{ missing.deeper }}]"_s << false << u"[]"_s;
    QTest::newRow("output of booleans") << u"{{ true }} {{ properties.flag }}"_s << false << u"true false"_s;
    QTest::newRow("string escapes") << u"{{ \"a\\tb\\nc\\u0041\\x42\\101\\\"\" }}"_s << false << u"a\tb\ncAx42A\""_s;
    QTest::newRow("single quoted string") << u"{{ 'it\\'s' }}"_s << false << u"it's"_s;
    QTest::newRow("size first last") << u"{{ properties.tags.size }} {{ properties.tags.first }} {{ properties.tags.last }} {{ type.size }} {{ properties.obj.size }} {{ properties.size }}"_s << false << u"4 a 3 5 0 S"_s;
    QTest::newRow("size of scope is zero") << u"{{ size }}"_s << false << u"0"_s;
    QTest::newRow("negative and bracket indexes") << u"{{ properties.tags[-1] }} {{ properties.tags[0] }} {{ type[0] }} {{ properties['currency'] }} {{ properties.nested.a.b[1].c }}"_s << false << u"3 a t GBP deep"_s;
    QTest::newRow("index through a variable") << u"{% assign i = 1 %}{{ properties.tags[i] }}"_s << false << u"b"_s;
    QTest::newRow("dash in identifiers") << u"{{ properties.a-b }} {{ 1-2 }}"_s << false << u"dash "_s;
    QTest::newRow("length of strings and arrays") << u"{{ type.length }} {{ properties.tags.length }} {{ properties.uni.length }}"_s << false << u"5 4 8"_s;
    QTest::newRow("ranges") << u"{{ (1..4) | join: ',' }} {{ (3..1) | size }} {% assign n = 3 %}{{ (1..n) | join }}"_s << false << u"1,2,3,4 0 1 2 3"_s;
    QTest::newRow("literal properties") << u"{{ 'abc'.size }} {{ (1..3).last }} {{ nil.x }} {{ empty.size }}"_s << false << u"3 3  "_s;
    QTest::newRow("two operands output the first") << u"{{ type event }}"_s << false << u"track"_s;
    QTest::newRow("operator without operands") << u"{{ == }} {{ not }} {{ contains }}"_s << false << u"true true false"_s;
    QTest::newRow("number followed by letters is an identifier") << u"{{ 1e3 }}"_s << false << u""_s;
}

void TestLiquidTags::render()
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

QTEST_GUILESS_MAIN(TestLiquidTags)
#include "tst_liquidtags.moc"
