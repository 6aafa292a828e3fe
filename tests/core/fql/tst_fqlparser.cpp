#include "fqltestdata.h"

#include "fql/condition.h"
#include "fql/generator.h"
#include "fql/parser.h"

#include "json/object.h"

#include <QTest>

#include <cmath>

using namespace inkmapper;
using namespace inkmapper::fql;
using namespace Qt::StringLiterals;

namespace {

const json::Value &child(const json::Value &group, size_t index)
{
    return group.toObject().find(u"children")->toArray()[index];
}

} // namespace

class TestFqlParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // Every line of data/parser.jsonl: parseFql's tree (compared as JSON text, so key order counts),
    // or a failure where parseFql returned {error}.
    void matchesParseFql_data()
    {
        QTest::addColumn<QString>("fql");
        QTest::addColumn<QString>("ast");
        const auto lines = testing::readJsonLines(QFINDTESTDATA("data/parser.jsonl"));
        QVERIFY(lines.size() > 300);
        for (const auto &[number, row] : lines) {
            const json::Object &o = row.toObject();
            const json::Value fql = o.value(u"fql");
            QTest::newRow(testing::rowLabel(number, fql).constData())
                << fql.toString() << (o.contains(u"ast") ? testing::jsonText(o.value(u"ast")) : QString());
        }
    }

    void matchesParseFql()
    {
        QFETCH(QString, fql);
        QFETCH(QString, ast);
        const Result<json::Value> result = parse(fql);
        if (ast.isNull()) {
            QVERIFY2(!result.ok(), qPrintable(result.ok() ? testing::jsonText(result.value()) : QString()));
            QVERIFY(result.error().location.column >= 1);
            return;
        }
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().describe()));
        QCOMPARE(testing::jsonText(result.value()), ast);
    }

    // Malformed triggers of many kinds: each fails with its own message at the line and column to underline.
    void malformed_data()
    {
        QTest::addColumn<QString>("fql");
        QTest::addColumn<QString>("message");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");
        QTest::newRow("empty") << QString() << u"the trigger is empty"_s << 1 << 1;
        QTest::newRow("blank") << u"  \t"_s << u"the trigger is empty"_s << 1 << 1;
        QTest::newRow("invalid character") << u"type = \"a\" && event = \"b\""_s << u"invalid character \"&\""_s << 1 << 12;
        QTest::newRow("invalid character on line 2") << u"type = \"a\"\nand event = \"b\" $"_s
                                                     << u"invalid character \"$\""_s << 2 << 17;
        QTest::newRow("tilde operator") << u"type ~ \"x\""_s << u"invalid character \"~\""_s << 1 << 6;
        QTest::newRow("non-ASCII field") << u"type = \"a\" and 日本 = \"x\""_s << u"invalid character \"日\""_s << 1 << 16;
        QTest::newRow("carriage return") << u"type = \"a\" \r\n"_s << u"invalid character U+000D"_s << 1 << 12;
        QTest::newRow("unterminated string") << u"type = \"track"_s << u"unterminated string"_s << 1 << 8;
        QTest::newRow("unterminated single quote") << u"type = \"a\" and event = 'b"_s << u"unterminated string"_s << 1 << 24;
        QTest::newRow("decimal point at end") << u"properties.price = 5."_s
                                              << u"unexpected terminator after decimal point"_s << 1 << 21;
        QTest::newRow("two decimal points") << u"properties.price = 1.2.3"_s
                                            << u"multiple decimal points in one number"_s << 1 << 23;
        QTest::newRow("bang-equals without space") << u"type !=\"x\""_s << u"expected '=' after '!', got \"=\""_s << 1 << 6;
        QTest::newRow("bang at end") << u"type = \"a\" and !"_s << u"expected '=' after '!', got end of input"_s << 1 << 16;
        QTest::newRow("bracket path") << u"properties[\"x\"] = \"y\""_s
                                      << u"expected termination character after identifier, got \"[\""_s << 1 << 11;
        QTest::newRow("less-than glued to field") << u"userId< 5"_s
                                                  << u"expected termination character after identifier, got \"<\""_s << 1 << 7;
        QTest::newRow("field alone") << u"type"_s << u"\"type\" needs an operator and a value"_s << 1 << 1;
        QTest::newRow("field alone after a condition") << u"event = \"a\" and\n  properties.x"_s
                                                       << u"\"properties.x\" needs an operator and a value"_s << 2 << 3;
        QTest::newRow("unclosed parenthesis") << u"event = \"a\" or (type = \"a\""_s << u"missing closing parenthesis"_s << 1 << 16;
        QTest::newRow("nested parentheses") << u"(type = \"a\" or (event = \"b\"))"_s << u"parentheses cannot be nested"_s << 1 << 16;
        QTest::newRow("double parentheses") << u"((type = \"a\"))"_s << u"parentheses cannot be nested"_s << 1 << 2;
        QTest::newRow("empty parentheses") << u"()"_s << u"the parentheses hold no condition"_s << 1 << 1;
        QTest::newRow("only closing parentheses") << u")))"_s << u"the trigger has no condition that Segment recognises"_s << 1 << 1;
        QTest::newRow("contains without arguments") << u"contains()"_s << u"contains() is missing a 2nd argument"_s << 1 << 1;
        QTest::newRow("match cut short") << u"type = \"a\" or match("_s << u"match() is missing a 2nd argument"_s << 1 << 15;
        QTest::newRow("contains on type") << u"contains(type, \"x\")"_s << u"contains() cannot test \"type\""_s << 1 << 10;
        QTest::newRow("match on anonymousId") << u"match(anonymousId, \"x*\")"_s << u"match() cannot test \"anonymousId\""_s << 1 << 7;
        QTest::newRow("upper-case field") << u"TYPE = \"track\""_s << u"unknown field \"TYPE\""_s << 1 << 1;
        QTest::newRow("built-in name") << u"constructor = \"x\""_s << u"\"constructor\" is not a field a trigger can test"_s << 1 << 1;
        QTest::newRow("bare literal") << u"\"just a string\""_s << u"the trigger has no condition that Segment recognises"_s << 1 << 1;
        QTest::newRow("operator first") << u"= \"track\""_s << u"the trigger has no condition that Segment recognises"_s << 1 << 1;
        QTest::newRow("connective only") << u"or"_s << u"the trigger has no condition that Segment recognises"_s << 1 << 1;
        QTest::newRow("deep parentheses") << QString(500, u'(') + u"type = \"a\""_s + QString(500, u')')
                                          << u"parentheses cannot be nested"_s << 1 << 2;
    }

    void malformed()
    {
        QFETCH(QString, fql);
        QFETCH(QString, message);
        QFETCH(int, line);
        QFETCH(int, column);
        const Result<json::Value> result = parse(fql);
        QVERIFY2(!result.ok(), qPrintable(result.ok() ? testing::jsonText(result.value()) : QString()));
        QCOMPARE(result.error().message, message);
        QCOMPARE(result.error().location.line, line);
        QCOMPARE(result.error().location.column, column);
    }

    // Keys appear in the order Segment's object literals give them: it shows in JSON output.
    void keyOrder_data()
    {
        QTest::addColumn<QString>("fql");
        QTest::addColumn<QStringList>("keys");
        QTest::newRow("group") << u"type = \"a\""_s << QStringList{u"type"_s, u"operator"_s, u"children"_s};
        QTest::newRow("property") << u"properties.a = 1 or type = \"a\""_s << QStringList{u"type"_s, u"operator"_s, u"children"_s};
    }

    void keyOrder()
    {
        QFETCH(QString, fql);
        QFETCH(QStringList, keys);
        const Result<json::Value> result = parse(fql);
        QVERIFY(result.ok());
        QStringList got;
        for (const auto &member : result.value().toObject())
            got << member.first;
        QCOMPARE(got, keys);
        QStringList leafKeys;
        for (const auto &member : child(result.value(), 0).toObject())
            leafKeys << member.first;
        const QStringList withName{u"type"_s, u"name"_s, u"operator"_s, u"value"_s};
        const QStringList withoutName{u"type"_s, u"operator"_s, u"value"_s};
        QCOMPARE(leafKeys, fql.startsWith(u"properties") ? withName : withoutName);
    }

    // An empty group inside a larger one stays an undefined child (JSON shows null).
    void undefinedChild()
    {
        const Result<json::Value> result = parse(u"type = \"a\" and () or type = \"b\"");
        QVERIFY(result.ok());
        QVERIFY(child(result.value(), 1).isUndefined());
        QCOMPARE(testing::jsonText(result.value()),
                 u"{\"type\":\"group\",\"operator\":\"or\",\"children\":[{\"type\":\"event-type\",\"operator\":\"=\","
                 "\"value\":\"a\"},null,{\"type\":\"event-type\",\"operator\":\"=\",\"value\":\"b\"}]}"_s);
    }

    // A lone sign is Number("-"): NaN stays NaN in the tree, for properties; event types get "NaN".
    void nanValues()
    {
        const Result<json::Value> result = parse(u"properties.a > - and type = +");
        QVERIFY(result.ok());
        const json::Value value = child(result.value(), 0).toObject().value(u"value");
        QVERIFY(value.isNumber() && std::isnan(value.toNumber()));
        QCOMPARE(child(result.value(), 1).toObject().value(u"value"), json::Value(u"NaN"_s));
    }

    void veryLongInput()
    {
        QStringList parts;
        for (int i = 0; i < 5000; ++i)
            parts << u"properties.p%1 = %2"_s.arg(i).arg(i);
        const Result<json::Value> many = parse(parts.join(u" and "));
        QVERIFY(many.ok());
        QCOMPARE(many.value().toObject().value(u"children").toArray().size(), size_t(5000));
        QCOMPARE(child(many.value(), 4999).toObject().value(u"name"), json::Value(u"p4999"_s));

        const QString longValue(99990, u'x');
        const Result<json::Value> longString = parse(u"event = \""_s + longValue + u'"');
        QVERIFY(longString.ok());
        QCOMPARE(child(longString.value(), 0).toObject().value(u"value"), json::Value(longValue));
        QVERIFY(!parse(u"event = \""_s + QString(100000, u'x') + u'"').ok());
    }

    // Strings are UTF-16 code units: emoji, CJK and even lone surrogates pass through unchanged.
    void unicode_data()
    {
        QTest::addColumn<QString>("fql");
        QTest::addColumn<QString>("value");
        QTest::newRow("emoji") << u"event = \"😀 party\""_s << u"😀 party"_s;
        QTest::newRow("CJK") << u"name = '日本'"_s << u"'日本'"_s;
        QTest::newRow("lone surrogate") << u"event = \"a\xd800\""_s << u"a\xd800"_s;
        QTest::newRow("combining mark") << u"contains(event, \"e\u0301\")"_s << u"e\u0301"_s;
    }

    void unicode()
    {
        QFETCH(QString, fql);
        QFETCH(QString, value);
        const Result<json::Value> result = parse(fql);
        QVERIFY(result.ok());
        QCOMPARE(child(result.value(), 0).toObject().value(u"value"), json::Value(value));
    }

    // The typed helpers build exactly the nodes the parser builds.
    void typedHelpers()
    {
        const Result<json::Value> parsed = parse(u"properties.total >= 10 or userId != null or event = \"Order Completed\"");
        QVERIFY(parsed.ok());
        const json::Value built = makeGroup(
            true, {makeCondition(ConditionType::EventProperty, u"total"_s, Operator::GreaterOrEqual, json::Value(10)),
                   makeCondition(ConditionType::UserId, QString(), Operator::Exists),
                   makeCondition(ConditionType::Event, QString(), Operator::Equals, json::Value(u"Order Completed"_s))});
        QCOMPARE(testing::jsonText(built), testing::jsonText(parsed.value()));

        for (ConditionType type : leafConditionTypes()) {
            QCOMPARE(conditionTypeFromName(conditionTypeName(type)), std::optional<ConditionType>(type));
            QVERIFY(!displayName(type).isEmpty());
        }
        for (Operator op : allOperators()) {
            QCOMPARE(operatorFromName(operatorName(op)), std::optional<Operator>(op));
            QVERIFY(!displayName(op).isEmpty());
        }
        QCOMPARE(conditionTypeFromName(u"Event-Type"), std::nullopt);
        QCOMPARE(operatorFromName(u"=="), std::nullopt);
        QVERIFY(!takesValue(Operator::Exists));
        QVERIFY(takesValue(Operator::StartsWith));
        QVERIFY(hasFieldName(ConditionType::EventContext));
        QVERIFY(!hasFieldName(ConditionType::UserId));
    }

    // normalize() joins `ident . ident` runs (left to right, so chains grow), and nothing else.
    void normalizeJoinsDottedIdents()
    {
        const auto tokens = [](std::initializer_list<std::pair<TokenType, const char16_t *>> list) {
            std::vector<Token> out;
            for (const auto &[type, value] : list)
                out.push_back(Token{type, QString::fromUtf16(value), 0});
            return out;
        };
        const auto joined = normalize(tokens({{TokenType::Ident, u"a"}, {TokenType::Dot, u"."}, {TokenType::Ident, u"b"},
                                              {TokenType::Dot, u"."}, {TokenType::Ident, u"c"}, {TokenType::Dot, u"."},
                                              {TokenType::Number, u"1"}, {TokenType::Eos, u"eos"}}));
        QCOMPARE(joined, tokens({{TokenType::Ident, u"a.b.c"}, {TokenType::Dot, u"."}, {TokenType::Number, u"1"},
                                 {TokenType::Eos, u"eos"}}));
        QCOMPARE(normalize(tokens({{TokenType::Dot, u"."}, {TokenType::Ident, u"a"}})),
                 tokens({{TokenType::Dot, u"."}, {TokenType::Ident, u"a"}}));
    }

    // Typical triggers survive parse → generate → parse unchanged, and print in Segment's canonical form.
    void roundTrip_data()
    {
        QTest::addColumn<QString>("fql");
        QTest::addColumn<QString>("canonical");
        QTest::newRow("track event") << u"type = \"track\" and event = \"Order Completed\""_s
                                     << u"type = \"track\" and event = \"Order Completed\""_s;
        QTest::newRow("preset") << u"type = \"identify\" or type = \"track\" or type = \"page\" or type = \"screen\" or type = \"group\""_s
                                << u"type = \"identify\" or type = \"track\" or type = \"page\" or type = \"screen\" or type = \"group\""_s;
        QTest::newRow("group and numbers") << u"type = \"track\" and (properties.total > 100 or properties.total = 0)"_s
                                           << u"type = \"track\" and (properties.total > 100 or properties.total = 0)"_s;
        QTest::newRow("lone group loses parentheses") << u"(event = \"a\" or event = \"b\")"_s
                                                      << u"event = \"a\" or event = \"b\""_s;
        QTest::newRow("functions") << u"contains(event, \"Order\") and !match(properties.sku, \"TEST*\")"_s
                                   << u"contains(event, \"Order\") and !match(properties.sku, \"TEST*\")"_s;
        QTest::newRow("ends with") << u"match(context.page.url, \"*/checkout\")"_s << u"match(context.page.url, \"*/checkout\")"_s;
        QTest::newRow("existence and booleans") << u"userId != null and traits.vip = true and properties.test = false"_s
                                                << u"userId != null and traits.vip = true and properties.test = false"_s;
        QTest::newRow("escaped field") << u"properties.a\\ b = \"x\""_s << u"properties.a\\ b = \"x\""_s;
        QTest::newRow("spacing normalised") << u"event\t=\n\"a\"   and  name != \"b\""_s << u"event = \"a\" and name != \"b\""_s;
        QTest::newRow("decimal") << u"properties.price <= 19.90"_s << u"properties.price <= 19.9"_s;
    }

    void roundTrip()
    {
        QFETCH(QString, fql);
        QFETCH(QString, canonical);
        const Result<json::Value> first = parse(fql);
        QVERIFY(first.ok());
        const Result<QString> text = generate(first.value());
        QVERIFY(text.ok());
        QCOMPARE(text.value(), canonical);
        const Result<json::Value> second = parse(text.value());
        QVERIFY(second.ok());
        QCOMPARE(testing::jsonText(second.value()), testing::jsonText(first.value()));
    }
};

QTEST_GUILESS_MAIN(TestFqlParser)
#include "tst_fqlparser.moc"
