#include "fqltestdata.h"

#include "fql/evaluator.h"
#include "fql/parser.h"
#include "fql/trigger.h"

#include "json/jssemantics.h"
#include "json/object.h"

#include <QTest>

using namespace inkmapper;
using namespace inkmapper::fql;
using namespace Qt::StringLiterals;

namespace {

json::Value parseJson(const QString &text)
{
    auto parsed = json::parse(QStringView(text));
    if (!parsed.ok())
        qFatal("bad JSON in test: %s", qPrintable(text));
    return parsed.value();
}

json::Value parseFql(const QString &fql)
{
    auto parsed = parse(fql);
    if (!parsed.ok())
        qFatal("bad FQL in test: %s", qPrintable(fql));
    return parsed.value();
}

QString outcomeText(const Result<bool> &r)
{
    return r.ok() ? (r.value() ? u"true"_s : u"false"_s) : u"error"_s;
}

QString pathText(const std::vector<int> &path)
{
    QStringList parts;
    for (int i : path)
        parts << QString::number(i);
    return u'/' + parts.join(u'/');
}

} // namespace

class TestFqlEvaluator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // Every line of data/evaluate.jsonl: validate()'s answer (or its throwing) on odd and malformed trees.
    // evaluate(), a compiled Trigger and explain() must all give it.
    void matchesValidate_data()
    {
        QTest::addColumn<QString>("ast");
        QTest::addColumn<QString>("event");
        QTest::addColumn<QString>("expected");
        const auto lines = testing::readJsonLines(QFINDTESTDATA("data/evaluate.jsonl"));
        QVERIFY(lines.size() > 500);
        for (const auto &[number, row] : lines) {
            const json::Object &o = row.toObject();
            const QString expected = o.contains(u"error") ? u"error"_s
                                   : o.value(u"match").toBool() ? u"true"_s : u"false"_s;
            QTest::newRow(testing::rowLabel(number, o.value(u"ast")).constData())
                << testing::jsonText(o.value(u"ast")) << testing::jsonText(o.value(u"event")) << expected;
        }
    }

    void matchesValidate()
    {
        QFETCH(QString, ast);
        QFETCH(QString, event);
        QFETCH(QString, expected);
        const json::Value tree = parseJson(ast);
        const json::Value data = parseJson(event);
        QCOMPARE(outcomeText(evaluate(tree, data)), expected);
        const Trigger trigger = Trigger::compile(tree);
        QCOMPARE(outcomeText(trigger.matches(data)), expected);
        QCOMPARE(outcomeText(trigger.matches(data)), expected); // a Trigger is reusable
        const Explanation explanation = trigger.explain(data);
        QCOMPARE(outcomeText(explanation.outcome), expected);
        QVERIFY(!explanation.conditions.empty());
    }

    // Segment's validate() semantics, one rule per row.
    void semantics_data()
    {
        QTest::addColumn<QString>("fql");
        QTest::addColumn<QString>("event");
        QTest::addColumn<QString>("expected");
        QTest::newRow("equals") << u"type = \"track\""_s << u"{\"type\":\"track\"}"_s << u"true"_s;
        QTest::newRow("number never equals its string") << u"userId = 10"_s << u"{\"userId\":10}"_s << u"false"_s;
        QTest::newRow("userId compared as string") << u"userId = 10"_s << u"{\"userId\":\"10\"}"_s << u"true"_s;
        QTest::newRow("not-equals true for missing field") << u"event != \"a\""_s << u"{}"_s << u"true"_s;
        QTest::newRow("number_equals on property") << u"properties.n = 10"_s << u"{\"properties\":{\"n\":10}}"_s << u"true"_s;
        QTest::newRow("number_equals needs a number") << u"properties.n = 10"_s << u"{\"properties\":{\"n\":\"10\"}}"_s << u"false"_s;
        QTest::newRow("greater needs a number") << u"properties.n > 1"_s << u"{\"properties\":{\"n\":\"5\"}}"_s << u"false"_s;
        QTest::newRow("greater") << u"properties.n > 1"_s << u"{\"properties\":{\"n\":5}}"_s << u"true"_s;
        QTest::newRow("NaN compares false") << u"properties.n < -"_s << u"{\"properties\":{\"n\":5}}"_s << u"false"_s;
        QTest::newRow("contains") << u"contains(event, \"Order\")"_s << u"{\"event\":\"Order Completed\"}"_s << u"true"_s;
        QTest::newRow("contains needs a string") << u"contains(properties.a, \"1\")"_s << u"{\"properties\":{\"a\":10}}"_s << u"false"_s;
        QTest::newRow("not_contains needs a string") << u"!contains(properties.a, \"1\")"_s << u"{\"properties\":{}}"_s << u"false"_s;
        QTest::newRow("match star suffix is starts-with") << u"match(event, \"Ord*\")"_s << u"{\"event\":\"Order\"}"_s << u"true"_s;
        QTest::newRow("match without star is ends-with minus first char") << u"match(event, \"xder\")"_s
                                                                          << u"{\"event\":\"Order\"}"_s << u"true"_s;
        QTest::newRow("empty starts-with") << u"match(event, \"*\")"_s << u"{\"event\":\"\"}"_s << u"true"_s;
        QTest::newRow("exists") << u"userId != null"_s << u"{\"userId\":0}"_s << u"true"_s;
        QTest::newRow("exists is false for null") << u"userId != null"_s << u"{\"userId\":null}"_s << u"false"_s;
        QTest::newRow("not_exists") << u"properties.a = null"_s << u"{\"properties\":{}}"_s << u"true"_s;
        QTest::newRow("is_true needs a boolean") << u"properties.a = true"_s << u"{\"properties\":{\"a\":\"true\"}}"_s << u"false"_s;
        QTest::newRow("is_false") << u"traits.a = false"_s << u"{\"traits\":{\"a\":false}}"_s << u"true"_s;
        QTest::newRow("type = true compares the text") << u"type = true"_s << u"{\"type\":\"true\"}"_s << u"true"_s;
        QTest::newRow("string length") << u"properties.s.length = 2"_s << u"{\"properties\":{\"s\":\"hi\"}}"_s << u"true"_s;
        QTest::newRow("falsy step is the result") << u"properties.n.x = 0"_s << u"{\"properties\":{\"n\":0}}"_s << u"true"_s;
        QTest::newRow("constructor name") << u"properties.constructor.name = \"Object\""_s << u"{\"properties\":{}}"_s << u"true"_s;
        QTest::newRow("proto of a string is an object") << u"contains(properties.s.__proto__, \"\")"_s
                                                        << u"{\"properties\":{\"s\":\"x\"}}"_s << u"false"_s;
        QTest::newRow("proto of proto is null") << u"properties.__proto__.__proto__ = null"_s << u"{\"properties\":{}}"_s << u"true"_s;
        QTest::newRow("unicode equality by code units") << u"event = \"é\""_s << u"{\"event\":\"e\u0301\"}"_s << u"false"_s;
        QTest::newRow("and stops at first false") << u"type = \"a\" and event = \"b\""_s << u"{\"type\":\"x\"}"_s << u"false"_s;
        QTest::newRow("null event throws") << u"type = \"a\""_s << u"null"_s << u"error"_s;
        QTest::newRow("string event has no fields") << u"type != \"a\""_s << u"\"track\""_s << u"true"_s;
        QTest::newRow("undefined child throws when reached") << u"type = \"a\" or () or type = \"b\""_s
                                                             << u"{\"type\":\"b\"}"_s << u"error"_s;
        QTest::newRow("undefined child not reached") << u"type = \"a\" or () or type = \"b\""_s
                                                     << u"{\"type\":\"a\"}"_s << u"true"_s;
    }

    void semantics()
    {
        QFETCH(QString, fql);
        QFETCH(QString, event);
        QFETCH(QString, expected);
        const json::Value ast = parseFql(fql);
        QCOMPARE(outcomeText(evaluate(ast, parseJson(event))), expected);
    }

    // Segment's own get(): the path splits on `.`, `[` and `]`; each step is `o && o[key]`. The value found
    // is what explain() reports as `actual`.
    void pathLookup_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("properties");
        QTest::addColumn<QString>("actual");
        QTest::newRow("nested") << u"a.b"_s << u"{\"a\":{\"b\":1}}"_s << u"1"_s;
        QTest::newRow("array index") << u"a[1]"_s << u"{\"a\":[\"x\",\"y\"]}"_s << u"\"y\""_s;
        QTest::newRow("quotes are kept") << u"a[\"b\"]"_s << u"{\"a\":{\"b\":1,\"\\\"b\\\"\":2}}"_s << u"2"_s;
        QTest::newRow("string index") << u"s.0"_s << u"{\"s\":\"hi\"}"_s << u"\"h\""_s;
        QTest::newRow("array length") << u"a.length"_s << u"{\"a\":[1,2,3]}"_s << u"3"_s;
        QTest::newRow("falsy step") << u"n.x.y"_s << u"{\"n\":0}"_s << u"0"_s;
        QTest::newRow("empty string step") << u"s.length"_s << u"{\"s\":\"\"}"_s << u"\"\""_s;
        QTest::newRow("missing") << u"a.b"_s << u"{}"_s << u"undefined"_s;
        QTest::newRow("separators only around keys") << u"..a..[b]"_s << u"{\"a\":{\"b\":true}}"_s << u"true"_s;
        QTest::newRow("own key wins over built-in") << u"constructor"_s << u"{\"constructor\":\"mine\"}"_s << u"\"mine\""_s;
    }

    void pathLookup()
    {
        QFETCH(QString, name);
        QFETCH(QString, properties);
        QFETCH(QString, actual);
        json::Object condition;
        condition.set(u"type"_s, u"event-property"_s);
        condition.set(u"name"_s, name);
        condition.set(u"operator"_s, u"exists"_s);
        json::Object event;
        event.set(u"properties"_s, parseJson(properties));
        const json::Value ast = parseJson(u"{\"type\":\"group\",\"operator\":\"and\",\"children\":[]}"_s);
        json::Object group = ast.toObject();
        group.set(u"children"_s, json::Value(json::Array{json::Value(std::move(condition))}));
        const Explanation e = explain(json::Value(std::move(group)), json::Value(std::move(event)));
        QCOMPARE(e.conditions.size(), size_t(2));
        QCOMPARE(testing::jsonText(e.conditions[1].actual), actual);
        QCOMPARE(e.conditions[1].matched, actual != u"undefined");
    }

    // validate(ast, undefined) is false without looking at the tree; an error AST never matches.
    void undefinedEventAndErrorAst()
    {
        QCOMPARE(outcomeText(evaluate(parseFql(u"type != \"a\""_s), json::Value())), u"false"_s);
        QCOMPARE(outcomeText(evaluate(parseJson(u"{\"error\":{\"message\":\"x\"}}"_s), parseJson(u"{}"_s))), u"false"_s);
        QCOMPARE(outcomeText(evaluate(json::Value::null(), parseJson(u"{}"_s))), u"error"_s);
        QCOMPARE(outcomeText(Trigger().matches(parseJson(u"{}"_s))), u"false"_s);
    }

    // The error names the node that failed.
    void errorLocation()
    {
        const json::Value ast = parseJson(u"{\"type\":\"group\",\"operator\":\"or\",\"children\":[{\"type\":\"event\","
                                          "\"operator\":\"=\",\"value\":\"x\"},{\"type\":\"group\",\"operator\":\"and\","
                                          "\"children\":[null]}]}"_s);
        const Result<bool> result = evaluate(ast, parseJson(u"{}"_s));
        QVERIFY(!result.ok());
        QCOMPARE(result.error().message, u"Cannot read properties of null (reading 'type')"_s);
        QCOMPARE(result.error().location.path, u"children[1].children[0]"_s);
    }

    // explain(): every node in pre-order with its path, values, outcome, and which child settled each group.
    void explainTree()
    {
        const json::Value ast = parseFql(u"type = \"track\" and (properties.total > 100 or properties.vip = true) and event != \"x\""_s);
        const json::Value event = parseJson(u"{\"type\":\"track\",\"event\":\"Buy\",\"properties\":{\"total\":250,\"vip\":false}}"_s);
        const Explanation e = explain(ast, event);
        QVERIFY(e.outcome.ok() && e.outcome.value());
        QStringList rows;
        for (const ConditionResult &c : e.conditions) {
            rows << u"%1 %2 expected=%3 actual=%4 matched=%5 reached=%6 decisive=%7"_s.arg(
                pathText(c.path), json::toJsString(c.condition.isObject() ? c.condition.toObject().value(u"operator") : json::Value()),
                testing::jsonText(c.expected), testing::jsonText(c.actual), QString::number(c.matched),
                QString::number(c.reached), QString::number(c.decisive));
        }
        const QStringList expected = {
            u"/ and expected=undefined actual=undefined matched=1 reached=1 decisive=0"_s,
            u"/0 = expected=\"track\" actual=\"track\" matched=1 reached=1 decisive=0"_s,
            u"/1 or expected=undefined actual=undefined matched=1 reached=1 decisive=0"_s,
            u"/1/0 > expected=100 actual=250 matched=1 reached=1 decisive=1"_s,
            u"/1/1 is_true expected=undefined actual=false matched=0 reached=0 decisive=0"_s,
            u"/2 != expected=\"x\" actual=\"Buy\" matched=1 reached=1 decisive=1"_s,
        };
        QCOMPARE(rows, expected);
    }

    // A failing node after the decisive one is shown, with its error, but does not count.
    void explainUnreachedError()
    {
        const json::Value ast = parseFql(u"type = \"a\" or () or type = \"b\""_s);
        const Explanation e = explain(ast, parseJson(u"{\"type\":\"a\"}"_s));
        QVERIFY(e.outcome.ok() && e.outcome.value());
        QCOMPARE(e.conditions.size(), size_t(4));
        QVERIFY(e.conditions[1].decisive);
        QVERIFY(!e.conditions[2].reached);
        QCOMPARE(e.conditions[2].error, u"Cannot read properties of undefined (reading 'type')"_s);
        QVERIFY(!e.conditions[3].reached);
        QVERIFY(!e.conditions[3].matched);

        const Explanation failing = explain(ast, parseJson(u"{\"type\":\"b\"}"_s));
        QVERIFY(!failing.outcome.ok());
        QVERIFY(failing.conditions[2].reached);
        QVERIFY(failing.conditions[2].decisive);
        QVERIFY(!failing.conditions[3].reached);
        QVERIFY(failing.conditions[3].matched); // what it would have answered
    }

    // An undefined event: nothing is reached, every condition is still listed.
    void explainUndefinedEvent()
    {
        const Explanation e = explain(parseFql(u"type = \"a\" or type = \"b\""_s), json::Value());
        QVERIFY(e.outcome.ok() && !e.outcome.value());
        QCOMPARE(e.conditions.size(), size_t(3));
        for (const ConditionResult &c : e.conditions)
            QVERIFY(!c.reached);
    }

    // Many events through one compiled trigger: the answers equal evaluate()'s on the JSON tree.
    void compiledEqualsTree()
    {
        const json::Value ast = parseFql(u"type = \"track\" and (contains(event, \"Order\") or properties.total >= 50) "
                                         "and context.locale != null"_s);
        const Trigger trigger = Trigger::compile(ast);
        int matched = 0;
        for (int i = 0; i < 200; ++i) {
            const json::Value event = parseJson(
                u"{\"type\":\"%1\",\"event\":\"%2\",\"properties\":{\"total\":%3},\"context\":{\"locale\":%4}}"_s.arg(
                    i % 3 ? u"track"_s : u"page"_s, i % 5 ? u"Order Completed"_s : u"Viewed"_s, QString::number(i % 100),
                    i % 7 ? u"\"en\""_s : u"null"_s));
            const Result<bool> fast = trigger.matches(event);
            QCOMPARE(outcomeText(fast), outcomeText(evaluate(ast, event)));
            matched += fast.value() ? 1 : 0;
        }
        QVERIFY(matched > 0 && matched < 200);
    }
};

QTEST_GUILESS_MAIN(TestFqlEvaluator)
#include "tst_fqlevaluator.moc"
