#include "fields/datafieldmodel.h"

#include "json/object.h"
#include "json/parser.h"
#include "json/writer.h"
#include "mapping/validator.h"

#include <QAbstractItemModelTester>
#include <QIcon>
#include <QSignalSpy>
#include <QTest>

using namespace inkmapper;
using inkmapper::ui::DataFieldModel;
using Source = DataFieldModel::Source;

namespace {

json::Value parse(const QString &text)
{
    const Result<json::Value> parsed = json::parse(QStringView(text));
    if (!parsed)
        qFatal("bad test JSON: %s", qPrintable(parsed.error().describe()));
    return *parsed;
}

QString str(const json::Value &value)
{
    const QString text = json::toJsonString(value);
    return text.isNull() ? QStringLiteral("undefined") : text;
}

} // namespace

class TestDataFieldModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void modelTester();
    void roundTrip_data();
    void roundTrip();
    void sourceOf_data();
    void sourceOf();
    void treeShowsNestedKeys();
    void setValueRebuildsChildren();
    void renameKey_data();
    void renameKey();
    void arrayIndexKeysMoveFirst();
    void addAndRemoveKeys();
    void validationErrorsLandOnDeepestKey_data();
    void validationErrorsLandOnDeepestKey();
    void sampleColumnUsesTheEngine_data();
    void sampleColumnUsesTheEngine();
    void editsEmitButSettingDoesNot();
    void largeEventSamplesAreResolvedInTheBackground();
};

void TestDataFieldModel::modelTester()
{
    DataFieldModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setFieldValue(parse(QStringLiteral(R"({"a":{"b":{"@path":"$.x"},"c":1},"d":"t"})")));
    model.setSampleEvent(parse(QStringLiteral(R"({"x":"X"})")));
    const QModelIndex field = model.fieldIndex();
    const QModelIndex a = model.index(0, 0, field);
    QVERIFY(model.setValue(a, parse(QStringLiteral(R"({"e":{"f":2}})"))));
    QVERIFY(model.addKey(field, QStringLiteral("7"), QString()).isValid());
    QVERIFY(model.renameKey(model.indexForKeyPath(QStringLiteral("data.d")), QStringLiteral("1")));
    QVERIFY(model.removeRows(0, 1, field));
    QVERIFY(model.setValue(field, parse(QStringLiteral(R"({"@path":"$."})"))));
    model.setValidationErrors({});
    model.setFieldValue(json::Value());
    QCOMPARE(model.rowCount(), 1);
}

void TestDataFieldModel::roundTrip_data()
{
    QTest::addColumn<QString>("data");
    QTest::newRow("entire event") << QStringLiteral(R"({"@path":"$."})");
    QTest::newRow("empty object") << QStringLiteral(R"({})");
    QTest::newRow("keys in order") << QStringLiteral(R"({"z":{"@path":"$.a"},"a":"static","m":3})");
    QTest::newRow("nested objects") << QStringLiteral(R"({"user":{"id":{"@path":"$.userId"},"traits":{"x":true}}})");
    QTest::newRow("array-index keys first") << QStringLiteral(R"({"2":"b","10":"c","a":"x"})");
    QTest::newRow("function with unknown keys") << QStringLiteral(R"({"x":{"@if":{"exists":"a","then":1,"extra":[1]},"_metadata":{}}})");
    QTest::newRow("arrays stay static") << QStringLiteral(R"({"list":[{"@path":"$.a"},1,null]})");
    QTest::newRow("single static value") << QStringLiteral(R"("text")");
    QTest::newRow("null") << QStringLiteral("null");
    QTest::newRow("object with @ key and others") << QStringLiteral(R"({"x":{"@path":"$.a","y":1}})");
}

void TestDataFieldModel::roundTrip()
{
    QFETCH(QString, data);
    DataFieldModel model;
    model.setFieldValue(parse(data));
    QCOMPARE(str(model.fieldValue()), data);
}

void TestDataFieldModel::sourceOf_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<int>("source");
    QTest::newRow("path") << QStringLiteral(R"({"@path":"$.a"})") << int(Source::Path);
    QTest::newRow("path with metadata") << QStringLiteral(R"({"@path":"$.a","_metadata":{}})") << int(Source::Function);
    QTest::newRow("template") << QStringLiteral(R"({"@template":"{{a}}"})") << int(Source::Function);
    QTest::newRow("object") << QStringLiteral(R"({"a":1})") << int(Source::Object);
    QTest::newRow("string") << QStringLiteral(R"("a")") << int(Source::Static);
    QTest::newRow("array") << QStringLiteral(R"([1])") << int(Source::Static);
    QTest::newRow("false") << QStringLiteral("false") << int(Source::Static);
}

void TestDataFieldModel::sourceOf()
{
    QFETCH(QString, value);
    QFETCH(int, source);
    QCOMPARE(int(DataFieldModel::sourceOf(parse(value))), source);
    QCOMPARE(int(DataFieldModel::sourceOf(json::Value())), int(Source::Unset));
}

void TestDataFieldModel::treeShowsNestedKeys()
{
    DataFieldModel model;
    model.setFieldValue(parse(QStringLiteral(R"({"user":{"id":{"@path":"$.userId"},"vip":true},"sku":{"@template":"{{a}}"}})")));
    const QModelIndex field = model.fieldIndex();
    QCOMPARE(field.data().toString(), QStringLiteral("data"));
    QCOMPARE(model.rowCount(field), 2);
    const QModelIndex user = model.index(0, 0, field);
    QCOMPARE(user.data().toString(), QStringLiteral("user"));
    QCOMPARE(model.rowCount(user), 2);
    QCOMPARE(model.index(0, DataFieldModel::ValueColumn, field).data().toString(), QStringLiteral("{ 2 keys }"));
    const QModelIndex id = model.index(0, 0, user);
    QCOMPARE(model.keyPath(id), QStringLiteral("data.user.id"));
    QCOMPARE(model.index(0, DataFieldModel::SourceColumn, user).data().toString(), QStringLiteral("Event variable"));
    QCOMPARE(model.index(0, DataFieldModel::ValueColumn, user).data().toString(), QStringLiteral("$.userId"));
    QCOMPARE(model.index(1, DataFieldModel::SourceColumn, user).data().toString(), QStringLiteral("Static boolean"));
    QCOMPARE(model.index(1, DataFieldModel::SourceColumn, field).data().toString(), QStringLiteral("Function @template"));
    QCOMPARE(model.indexForKeyPath(QStringLiteral("data.user.vip")), model.index(1, 0, user));
}

void TestDataFieldModel::setValueRebuildsChildren()
{
    DataFieldModel model;
    model.setFieldValue(parse(QStringLiteral(R"({"a":"x"})")));
    const QModelIndex a = model.index(0, 0, model.fieldIndex());
    QVERIFY(model.setValue(a, parse(QStringLiteral(R"({"b":1,"c":{"d":2}})"))));
    QCOMPARE(model.rowCount(a), 2);
    QCOMPARE(int(model.source(a)), int(Source::Object));
    QCOMPARE(str(model.fieldValue()), QStringLiteral(R"({"a":{"b":1,"c":{"d":2}}})"));
    QVERIFY(model.setValue(a, parse(QStringLiteral(R"({"@path":"$.p"})"))));
    QCOMPARE(model.rowCount(a), 0);
    QCOMPARE(str(model.fieldValue()), QStringLiteral(R"({"a":{"@path":"$.p"}})"));
    // Editing a value cell in place: paths and strings.
    QVERIFY(model.setData(a.siblingAtColumn(DataFieldModel::ValueColumn), QStringLiteral("$.q")));
    QCOMPARE(str(model.fieldValue()), QStringLiteral(R"({"a":{"@path":"$.q"}})"));
}

void TestDataFieldModel::renameKey_data()
{
    QTest::addColumn<QString>("newKey");
    QTest::addColumn<bool>("accepted");
    QTest::addColumn<QString>("result");
    QTest::newRow("new name") << QStringLiteral("c") << true << QStringLiteral(R"({"c":1,"b":2})");
    QTest::newRow("same name") << QStringLiteral("a") << true << QStringLiteral(R"({"a":1,"b":2})");
    QTest::newRow("taken") << QStringLiteral("b") << false << QStringLiteral(R"({"a":1,"b":2})");
    QTest::newRow("empty") << QString() << false << QStringLiteral(R"({"a":1,"b":2})");
    QTest::newRow("dotted") << QStringLiteral("x.y") << true << QStringLiteral(R"({"x.y":1,"b":2})");
}

void TestDataFieldModel::renameKey()
{
    QFETCH(QString, newKey);
    QFETCH(bool, accepted);
    QFETCH(QString, result);
    DataFieldModel model;
    model.setFieldValue(parse(QStringLiteral(R"({"a":1,"b":2})")));
    QString why;
    QCOMPARE(model.renameKey(model.index(0, 0, model.fieldIndex()), newKey, &why), accepted);
    QCOMPARE(why.isEmpty(), accepted);
    QCOMPARE(str(model.fieldValue()), result);
    QVERIFY(!model.renameKey(model.fieldIndex(), QStringLiteral("other")));
}

void TestDataFieldModel::arrayIndexKeysMoveFirst()
{
    DataFieldModel model;
    model.setFieldValue(parse(QStringLiteral(R"({"a":1,"b":2})")));
    const QModelIndex field = model.fieldIndex();
    QVERIFY(model.renameKey(model.index(1, 0, field), QStringLiteral("5")));
    // The tree shows what JSON will hold: "5" first, as in JavaScript.
    QCOMPARE(model.index(0, 0, field).data().toString(), QStringLiteral("5"));
    QCOMPARE(str(model.fieldValue()), QStringLiteral(R"({"5":2,"a":1})"));
    const QModelIndex added = model.addKey(field, QStringLiteral("3"), 0);
    QCOMPARE(added.row(), 0);
    QCOMPARE(str(model.fieldValue()), QStringLiteral(R"({"3":0,"5":2,"a":1})"));
}

void TestDataFieldModel::addAndRemoveKeys()
{
    DataFieldModel model;
    model.setFieldValue(parse(QStringLiteral(R"({"key":1})")));
    const QModelIndex field = model.fieldIndex();
    QCOMPARE(model.uniqueKey(field, QStringLiteral("key")), QStringLiteral("key2"));
    QCOMPARE(model.uniqueKey(field, QStringLiteral("other")), QStringLiteral("other"));
    const QModelIndex added = model.addKey(field, QStringLiteral("key2"), QString());
    QCOMPARE(added.row(), 1);
    QVERIFY(!model.addKey(field, QStringLiteral("key2"), QString()).isValid());
    QVERIFY(!model.addKey(model.index(0, 0, field), QStringLiteral("x"), 1).isValid()); // not an object
    QCOMPARE(str(model.fieldValue()), QStringLiteral(R"({"key":1,"key2":""})"));
    QVERIFY(model.removeRows(0, 1, field));
    QCOMPARE(str(model.fieldValue()), QStringLiteral(R"({"key2":""})"));
    QVERIFY(!model.removeRows(0, 1)); // the field row itself stays
}

void TestDataFieldModel::validationErrorsLandOnDeepestKey_data()
{
    QTest::addColumn<QString>("data");
    QTest::addColumn<QString>("keyPath");
    QTest::addColumn<QString>("message");
    QTest::newRow("path not a string") << QStringLiteral(R"({"a":{"b":{"@path":5}}})") << QStringLiteral("data.a.b")
                                       << QStringLiteral("should be a string or a mapping directive");
    QTest::newRow("replace pattern too long")
        << QStringLiteral(R"({"s":{"@replace":{"pattern":"abcdefghijk","value":"x"}}})") << QStringLiteral("data.s")
        << QStringLiteral("should be a string of length 10 or less");
    QTest::newRow("dotted key") << QStringLiteral(R"({"a.b":{"@case":{"operator":1}}})") << QStringLiteral("data.a.b")
                                << QStringLiteral("should be a string but it is a number");
    QTest::newRow("whole field") << QStringLiteral(R"({"@nope":1})") << QStringLiteral("data")
                                 << QStringLiteral("invalid directive");
}

void TestDataFieldModel::validationErrorsLandOnDeepestKey()
{
    QFETCH(QString, data);
    QFETCH(QString, keyPath);
    QFETCH(QString, message);
    DataFieldModel model;
    model.setFieldValue(parse(data));
    json::Object mapping;
    mapping.set(QStringLiteral("data"), parse(data));
    const std::vector<Error> others = model.setValidationErrors(mapping::validationErrors(json::Value(mapping)));
    QVERIFY(others.empty());
    const QModelIndex row = model.indexForKeyPath(keyPath);
    QVERIFY(row.isValid());
    QVERIFY2(row.data(DataFieldModel::ErrorRole).toString().contains(message),
             qPrintable(row.data(DataFieldModel::ErrorRole).toString()));
    QVERIFY(!row.data(Qt::DecorationRole).value<QIcon>().isNull());
    QVERIFY(row.data(Qt::ToolTipRole).toString().contains(message));
    QVERIFY(model.hasErrorsBelow(model.fieldIndex()));
    model.setValidationErrors({});
    QVERIFY(!model.hasErrorsBelow(model.fieldIndex()));
}

void TestDataFieldModel::sampleColumnUsesTheEngine_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("shown");
    QTest::newRow("path") << QStringLiteral(R"({"@path":"$.properties.sku"})") << QStringLiteral(R"("A1")");
    QTest::newRow("missing path") << QStringLiteral(R"({"@path":"$.nope"})") << QStringLiteral("(left out)");
    QTest::newRow("template") << QStringLiteral(R"({"@template":"{{userId}}-x"})") << QStringLiteral(R"("u1-x")");
    QTest::newRow("case") << QStringLiteral(R"({"@case":{"operator":"lower","value":{"@path":"$.properties.sku"}}})")
                          << QStringLiteral(R"("a1")");
    QTest::newRow("invalid") << QStringLiteral(R"({"@path":5})") << QStringLiteral("Error: ");
}

void TestDataFieldModel::sampleColumnUsesTheEngine()
{
    QFETCH(QString, value);
    QFETCH(QString, shown);
    DataFieldModel model;
    json::Object data;
    data.set(QStringLiteral("k"), parse(value));
    model.setFieldValue(json::Value(data));
    const QModelIndex cell = model.index(0, DataFieldModel::SampleColumn, model.fieldIndex());
    QCOMPARE(cell.data().toString(), QString()); // no sample event yet
    model.setSampleEvent(parse(QStringLiteral(R"({"userId":"u1","properties":{"sku":"A1"}})")));
    QVERIFY2(cell.data().toString().startsWith(shown), qPrintable(cell.data().toString()));
}

void TestDataFieldModel::editsEmitButSettingDoesNot()
{
    DataFieldModel model;
    QSignalSpy edited(&model, &DataFieldModel::fieldEdited);
    model.setFieldValue(parse(QStringLiteral(R"({"a":1})")));
    model.setSampleEvent(parse(QStringLiteral(R"({})")));
    QCOMPARE(edited.count(), 0);
    const QModelIndex a = model.index(0, 0, model.fieldIndex());
    QVERIFY(model.setValue(a, 1)); // unchanged: nothing to report
    QCOMPARE(edited.count(), 0);
    QVERIFY(model.setValue(a, 2));
    QCOMPARE(edited.count(), 1);
    QVERIFY(model.setData(a, QStringLiteral("b")));
    QCOMPARE(edited.count(), 2);
}


namespace {

/** An event with `extra` properties besides `total`: more than 5,000 values make it "large" for the model. */
json::Value eventWithTotal(int total, int extra)
{
    QString text = QStringLiteral("{\"type\":\"track\",\"properties\":{\"total\":%1,\"other\":\"o\"").arg(total);
    for (int i = 0; i < extra; ++i)
        text += QStringLiteral(",\"p%1\":%1").arg(i);
    return parse(text + QStringLiteral("}}"));
}

} // namespace

void TestDataFieldModel::largeEventSamplesAreResolvedInTheBackground()
{
    DataFieldModel model;
    model.setFieldValue(parse(QStringLiteral(R"({"total":{"@path":"$.properties.total"}})")));
    const QModelIndex total = model.indexForKeyPath(QStringLiteral("data.total"));
    const auto sample = [&] { return json::toJsonString(*model.resolved(total)); };

    // A small event: at once.
    model.setSampleEvent(eventWithTotal(1, 10));
    QCOMPARE(sample(), QStringLiteral("1"));
    QVERIFY(!model.isResolvingSamples());

    // A large one: the sample shown keeps its value until the worker's result arrives, with dataChanged.
    model.setSampleEvent(eventWithTotal(2, 6000));
    QVERIFY(model.isResolvingSamples());
    QCOMPARE(sample(), QStringLiteral("1"));
    QSignalSpy changed(&model, &DataFieldModel::dataChanged);
    QTRY_COMPARE(sample(), QStringLiteral("2"));
    QVERIFY(!model.isResolvingSamples());
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(0).toModelIndex(), total.siblingAtColumn(DataFieldModel::SampleColumn));

    // Two events in a row: the newest one's sample wins.
    model.setSampleEvent(eventWithTotal(3, 6000));
    model.setSampleEvent(eventWithTotal(4, 6000));
    QTRY_VERIFY(!model.isResolvingSamples());
    QCOMPARE(sample(), QStringLiteral("4"));

    // An edit while the worker runs: its value is resolved at once and the worker's late result dropped.
    model.setSampleEvent(eventWithTotal(5, 6000));
    QVERIFY(model.setValue(total, parse(QStringLiteral(R"({"@path":"$.properties.other"})"))));
    QCOMPARE(sample(), QStringLiteral("\"o\""));
    QTRY_VERIFY(!model.isResolvingSamples());
    QCOMPARE(sample(), QStringLiteral("\"o\""));
}
QTEST_MAIN(TestDataFieldModel)
#include "tst_datafieldmodel.moc"
