#include "trigger/conditiontreemodel.h"
#include "trigger/conditionvocabulary.h"

#include "fql/evaluator.h"
#include "fql/parser.h"
#include "json/parser.h"
#include "json/writer.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace inkmapper;
using namespace inkmapper::ui;
using fql::ConditionType;
using fql::Operator;

namespace {

json::Value parseFql(const QString &text)
{
    const Result<json::Value> ast = fql::parse(text);
    if (!ast)
        qFatal("test FQL does not parse: %s", qPrintable(ast.error().describe()));
    return *ast;
}

QString toJson(const json::Value &value)
{
    return json::toJsonString(value);
}

/** A row as the builder shows it: "field|path|operator|value". */
QString rowText(const QModelIndex &index)
{
    QStringList cells;
    for (int column = 0; column < ConditionTreeModel::ColumnCount; ++column)
        cells << index.siblingAtColumn(column).data().toString();
    return cells.join(u'|');
}

QModelIndex child(const ConditionTreeModel &model, int row, const QModelIndex &parent = {})
{
    return model.index(row, 0, parent.isValid() ? parent : model.rootIndex());
}

} // namespace

class TestConditionTreeModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void startsAsAnEmptyAllGroup();
    void showsParsedTreesFaithfully_data();
    void showsParsedTreesFaithfully();
    void refusesWhatItCannotShow_data();
    void refusesWhatItCannotShow();
    void offersOnlyOperatorsFqlCanWrite_data();
    void offersOnlyOperatorsFqlCanWrite();
    void editsBuildTheTree();
    void changingTheFieldKeepsTheConditionValid();
    void refusesOperatorsTheFieldDoesNotOffer();
    void nestedGroupsStopAtOneLevel();
    void removingTheLastConditionOfAGroupRemovesTheGroup();
    void flagsConditionsFqlCannotWrite_data();
    void flagsConditionsFqlCannotWrite();
    void explanationMarksEveryRow();
};

void TestConditionTreeModel::startsAsAnEmptyAllGroup()
{
    ConditionTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.rowCount(model.rootIndex()), 0);
    QCOMPARE(model.rootIndex().data().toString(), QStringLiteral("All of"));
    QCOMPARE(toJson(model.tree()), QStringLiteral(R"({"type":"group","operator":"and","children":[]})"));
}

void TestConditionTreeModel::showsParsedTreesFaithfully_data()
{
    QTest::addColumn<QString>("fql");
    QTest::addColumn<int>("topLevelRows");
    QTest::addColumn<QString>("firstRow");

    QTest::newRow("event type") << QStringLiteral(R"(type = "track")") << 1 << QStringLiteral("Event type||is|track");
    QTest::newRow("preset: any of five types")
        << QStringLiteral(R"(type = "identify" or type = "track" or type = "page" or type = "screen" or type = "group")")
        << 5 << QStringLiteral("Event type||is|identify");
    QTest::newRow("event name") << QStringLiteral(R"(event = "Order Completed")") << 1
                                << QStringLiteral("Event name||is|Order Completed");
    QTest::newRow("property at least") << QStringLiteral("properties.total >= 9.5") << 1
                                       << QStringLiteral("Property|total|≥|9.5");
    QTest::newRow("property number equals") << QStringLiteral("properties.count = 3") << 1
                                            << QStringLiteral("Property|count|=|3");
    QTest::newRow("trait exists") << QStringLiteral("traits.email != null") << 1
                                  << QStringLiteral("Trait|email|exists|");
    QTest::newRow("context starts with") << QStringLiteral(R"(match(context.page.path, "/shop*"))") << 1
                                         << QStringLiteral("Context field|page.path|starts with|/shop");
    QTest::newRow("userId is true") << QStringLiteral("userId = true") << 1 << QStringLiteral("User ID||is true|");
    QTest::newRow("name does not contain") << QStringLiteral(R"(!contains(name, "Home"))") << 1
                                           << QStringLiteral("Name||does not contain|Home");
    QTest::newRow("single-quoted value keeps its quotes") << QStringLiteral("event = 'A'") << 1
                                                          << QStringLiteral("Event name||is|'A'");
    QTest::newRow("nested group") << QStringLiteral(R"(type = "track" and (event = "A" or event = "B"))") << 2
                                  << QStringLiteral("Event type||is|track");
    QTest::newRow("odd event type is kept") << QStringLiteral(R"(type = "Track")") << 1
                                            << QStringLiteral("Event type||is|Track");
    // Segment's parser reads every event type value as text: `type != null` compares with the string "null".
    QTest::newRow("event type against null is text") << QStringLiteral("type != null") << 1
                                                     << QStringLiteral("Event type||is not|null");
}

void TestConditionTreeModel::showsParsedTreesFaithfully()
{
    QFETCH(QString, fql);
    QFETCH(int, topLevelRows);
    QFETCH(QString, firstRow);

    ConditionTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy edited(&model, &ConditionTreeModel::edited);
    const json::Value ast = parseFql(fql);
    const Result<Ok> shown = model.setTree(ast);
    QVERIFY2(shown.ok(), qPrintable(shown.ok() ? QString() : shown.error().message));
    QCOMPARE(toJson(model.tree()), toJson(ast));
    QCOMPARE(model.rowCount(model.rootIndex()), topLevelRows);
    QCOMPARE(rowText(child(model, 0)), firstRow);
    QVERIFY(!model.firstProblem().isValid());
    QCOMPARE(edited.count(), 0);
}

void TestConditionTreeModel::refusesWhatItCannotShow_data()
{
    QTest::addColumn<QString>("fql");
    QTest::addColumn<QString>("reason");

    QTest::newRow("number operator with text") << QStringLiteral(R"(properties.total < "abc")")
                                               << QStringLiteral("value of type string");
    QTest::newRow("not equals a boolean") << QStringLiteral("properties.vip != true")
                                          << QStringLiteral("value of type boolean");
    QTest::newRow("event name compared with <") << QStringLiteral(R"(event < "x")")
                                                << QStringLiteral("FQL cannot write back");
    QTest::newRow("event type compared with <") << QStringLiteral(R"(type < "track")")
                                                 << QStringLiteral("FQL cannot write back");
    QTest::newRow("empty parentheses") << QStringLiteral(R"(type = "track" and ())")
                                       << QStringLiteral("empty parentheses");
    QTest::newRow("unknown operator") << QStringLiteral(R"(properties.a foo "x")")
                                      << QStringLiteral("which the builder does not know");
}

void TestConditionTreeModel::refusesWhatItCannotShow()
{
    QFETCH(QString, fql);
    QFETCH(QString, reason);

    ConditionTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(model.setTree(parseFql(QStringLiteral(R"(type = "page")"))).ok());
    const QString before = toJson(model.tree());

    const Result<Ok> shown = model.setTree(parseFql(fql));
    QVERIFY(!shown.ok());
    QVERIFY2(shown.error().message.contains(reason), qPrintable(shown.error().message));
    QCOMPARE(toJson(model.tree()), before);
}

void TestConditionTreeModel::offersOnlyOperatorsFqlCanWrite_data()
{
    QTest::addColumn<int>("type");
    QTest::addColumn<QString>("operators");

    QTest::newRow("event type") << int(ConditionType::EventType) << QStringLiteral("is,is not");
    QTest::newRow("event name")
        << int(ConditionType::Event)
        << QStringLiteral("is,is not,contains,does not contain,starts with,does not start with,ends with,"
                          "does not end with");
    QTest::newRow("name") << int(ConditionType::Name)
                          << QStringLiteral("is,is not,contains,does not contain,starts with,does not start with,"
                                            "ends with,does not end with,exists,does not exist");
    QTest::newRow("user ID") << int(ConditionType::UserId)
                             << QStringLiteral("is,is not,contains,does not contain,starts with,does not start with,"
                                               "ends with,does not end with,exists,does not exist,is true,is false");
    const QString everything = QStringLiteral("is,is not,contains,does not contain,starts with,does not start with,"
                                              "ends with,does not end with,exists,does not exist,is true,is false,"
                                              "=,≠,<,≤,>,≥");
    QTest::newRow("property") << int(ConditionType::EventProperty) << everything;
    QTest::newRow("trait") << int(ConditionType::EventTrait) << everything;
    QTest::newRow("context") << int(ConditionType::EventContext) << everything;
}

void TestConditionTreeModel::offersOnlyOperatorsFqlCanWrite()
{
    QFETCH(int, type);
    QFETCH(QString, operators);

    QStringList labels;
    for (Operator op : ConditionVocabulary::operatorsFor(ConditionType(type)))
        labels << ConditionVocabulary::operatorLabel(op);
    QCOMPARE(labels.join(u','), operators);
}

void TestConditionTreeModel::editsBuildTheTree()
{
    ConditionTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy edited(&model, &ConditionTreeModel::edited);

    const QModelIndex first = model.appendCondition(model.rootIndex());
    QCOMPARE(rowText(first), QStringLiteral("Event type||is|track"));
    const QModelIndex second = model.appendCondition(model.rootIndex());
    QVERIFY(model.setData(second.siblingAtColumn(ConditionTreeModel::FieldColumn), int(ConditionType::Event),
                          ConditionTreeModel::ConditionTypeRole));
    QVERIFY(model.setData(second.siblingAtColumn(ConditionTreeModel::ValueColumn), QStringLiteral("Order Completed")));
    QVERIFY(model.setData(model.rootIndex(), true, ConditionTreeModel::GroupIsOrRole));
    QCOMPARE(edited.count(), 5);
    QCOMPARE(model.rootIndex().data().toString(), QStringLiteral("Any of"));
    QCOMPARE(toJson(model.tree()),
             toJson(parseFql(QStringLiteral(R"(type = "track" or event = "Order Completed")"))));
}

void TestConditionTreeModel::changingTheFieldKeepsTheConditionValid()
{
    ConditionTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(model.setTree(parseFql(QStringLiteral("properties.total > 10"))).ok());
    const QModelIndex row = child(model, 0);

    // "<" does not exist for an event name: the operator falls back to "is", the number stays as text.
    QVERIFY(model.setData(row, int(ConditionType::Event), ConditionTreeModel::ConditionTypeRole));
    QCOMPARE(rowText(row), QStringLiteral("Event name||is|10"));
    // An event type takes one of the six call types.
    QVERIFY(model.setData(row, int(ConditionType::EventType), ConditionTreeModel::ConditionTypeRole));
    QCOMPARE(rowText(row), QStringLiteral("Event type||is|track"));
    QVERIFY(model.setData(row, int(ConditionType::EventTrait), ConditionTreeModel::ConditionTypeRole));
    QCOMPARE(rowText(row), QStringLiteral("Trait||is|"));
    QVERIFY(row.data(ConditionTreeModel::ProblemRole).toString().contains(QStringLiteral("name of the trait")));
}

void TestConditionTreeModel::refusesOperatorsTheFieldDoesNotOffer()
{
    ConditionTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QModelIndex row = model.appendCondition(model.rootIndex());
    QVERIFY(!model.setData(row.siblingAtColumn(ConditionTreeModel::OperatorColumn), int(Operator::Contains),
                           ConditionTreeModel::OperatorRole));
    QVERIFY(!model.setData(row.siblingAtColumn(ConditionTreeModel::PathColumn), QStringLiteral("x")));
    QCOMPARE(rowText(row), QStringLiteral("Event type||is|track"));
    QVERIFY(!(model.flags(row.siblingAtColumn(ConditionTreeModel::PathColumn)) & Qt::ItemIsEditable));
}

void TestConditionTreeModel::nestedGroupsStopAtOneLevel()
{
    ConditionTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.appendCondition(model.rootIndex());
    QVERIFY(model.canAppendGroup(model.rootIndex()));
    const QModelIndex group = model.appendGroup(model.rootIndex());
    QVERIFY(group.data(ConditionTreeModel::IsGroupRole).toBool());
    // The new group uses the other connective, the only one that means something inside "all".
    QCOMPARE(group.data().toString(), QStringLiteral("Any of"));
    QCOMPARE(model.rowCount(group), 1);
    QVERIFY(!model.canAppendGroup(group));
    QVERIFY(!model.appendGroup(group).isValid());
    model.appendCondition(group);
    QCOMPARE(toJson(model.tree()),
             toJson(parseFql(QStringLiteral(R"(type = "track" and (type = "track" or type = "track"))"))));
}

void TestConditionTreeModel::removingTheLastConditionOfAGroupRemovesTheGroup()
{
    ConditionTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(model.setTree(parseFql(QStringLiteral(R"(type = "track" and (event = "A" or event = "B"))"))).ok());
    QSignalSpy edited(&model, &ConditionTreeModel::edited);
    const QModelIndex group = child(model, 1);

    QVERIFY(model.removeNode(child(model, 0, group)));
    QCOMPARE(model.rowCount(group), 1);
    QVERIFY(model.removeNode(child(model, 0, group)));
    QCOMPARE(model.rowCount(model.rootIndex()), 1);
    QVERIFY(!model.removeNode(model.rootIndex()));
    QCOMPARE(edited.count(), 2);
    QCOMPARE(toJson(model.tree()), toJson(parseFql(QStringLiteral(R"(type = "track")"))));
}

void TestConditionTreeModel::flagsConditionsFqlCannotWrite_data()
{
    QTest::addColumn<int>("type");
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("op");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("problem");

    QTest::newRow("complete") << int(ConditionType::EventProperty) << QStringLiteral("total")
                              << int(Operator::Greater) << QStringLiteral("10") << QString();
    QTest::newRow("no property name") << int(ConditionType::EventProperty) << QString() << int(Operator::Equals)
                                      << QStringLiteral("x") << QStringLiteral("Enter the name of the property");
    QTest::newRow("empty number") << int(ConditionType::EventProperty) << QStringLiteral("total")
                                  << int(Operator::Less) << QString() << QStringLiteral("Enter a number");
    QTest::newRow("not a number") << int(ConditionType::EventProperty) << QStringLiteral("total")
                                  << int(Operator::Less) << QStringLiteral("ten")
                                  << QStringLiteral("is not a number FQL can write");
    QTest::newRow("double quote in a value") << int(ConditionType::Event) << QString() << int(Operator::Equals)
                                             << QStringLiteral(R"(say "hi")") << QStringLiteral("double quote");
}

void TestConditionTreeModel::flagsConditionsFqlCannotWrite()
{
    QFETCH(int, type);
    QFETCH(QString, path);
    QFETCH(int, op);
    QFETCH(QString, value);
    QFETCH(QString, problem);

    ConditionTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QModelIndex row = model.appendCondition(model.rootIndex());
    QVERIFY(model.setData(row, type, ConditionTreeModel::ConditionTypeRole));
    if (fql::hasFieldName(ConditionType(type)))
        QVERIFY(model.setData(row.siblingAtColumn(ConditionTreeModel::PathColumn), path));
    QVERIFY(model.setData(row.siblingAtColumn(ConditionTreeModel::OperatorColumn), op, ConditionTreeModel::OperatorRole));
    QVERIFY(model.setData(row.siblingAtColumn(ConditionTreeModel::ValueColumn), value));

    const QString shown = row.data(ConditionTreeModel::ProblemRole).toString();
    if (problem.isEmpty()) {
        QCOMPARE(shown, QString());
        QVERIFY(!model.firstProblem().isValid());
    } else {
        QVERIFY2(shown.contains(problem), qPrintable(shown));
        QCOMPARE(model.firstProblem(), row);
    }
}

void TestConditionTreeModel::explanationMarksEveryRow()
{
    ConditionTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(model.setTree(parseFql(QStringLiteral(R"(type = "track" and (event = "A" or event = "B"))"))).ok());
    const json::Value event = *json::parse(QStringView(u"{\"type\":\"track\",\"event\":\"A\"}"));
    model.setExplanation(fql::explain(model.tree(), event));

    using State = ConditionTreeModel::MatchState;
    const QModelIndex group = child(model, 1);
    QCOMPARE(State(model.rootIndex().data(ConditionTreeModel::MatchRole).toInt()), State::Matched);
    QCOMPARE(State(child(model, 0).data(ConditionTreeModel::MatchRole).toInt()), State::Matched);
    QCOMPARE(State(child(model, 0, group).data(ConditionTreeModel::MatchRole).toInt()), State::Matched);
    // "or" stops at its first match: the second event name is never looked at.
    QCOMPARE(State(child(model, 1, group).data(ConditionTreeModel::MatchRole).toInt()), State::NotReached);
    QVERIFY(child(model, 0).data(ConditionTreeModel::MatchDetailRole).toString().contains(QStringLiteral("\"track\"")));

    model.clearExplanation();
    QCOMPARE(State(child(model, 0).data(ConditionTreeModel::MatchRole).toInt()), State::Unknown);
}

QTEST_MAIN(TestConditionTreeModel)
#include "tst_conditiontreemodel.moc"
