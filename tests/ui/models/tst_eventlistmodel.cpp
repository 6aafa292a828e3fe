#include "document/projectdocument.h"
#include "models/eventlistmodel.h"
#include "models/findinglistmodel.h"

#include "json/parser.h"

#include <QAbstractItemModelTester>
#include <QTest>
#include <QUndoStack>

using namespace inkmapper;
using ui::EventListModel;
using ui::ProjectDocument;

namespace {

events::SampleEvent sample(const char *json, const QString &source = QStringLiteral("orders.jsonl"), int line = 0)
{
    return events::SampleEvent{*json::parse(QByteArrayView(json)), source, line};
}

} // namespace

class TestEventListModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void columns_data();
    void columns();
    void followsEveryDocumentChange();
    void countsSpecFindings();
    void findingModel();
};

void TestEventListModel::columns_data()
{
    QTest::addColumn<QByteArray>("event");
    QTest::addColumn<QStringList>("expected"); // type, event, user
    QTest::newRow("track") << QByteArray(R"({"type":"track","event":"Order Completed","userId":"u1"})")
                           << QStringList{QStringLiteral("track"), QStringLiteral("Order Completed"), QStringLiteral("u1")};
    QTest::newRow("page") << QByteArray(R"({"type":"page","name":"Home","anonymousId":"a1"})")
                          << QStringList{QStringLiteral("page"), QStringLiteral("Home"), QStringLiteral("anonymous a1")};
    QTest::newRow("group") << QByteArray(R"({"type":"group","groupId":"g1","userId":7})")
                           << QStringList{QStringLiteral("group"), QStringLiteral("g1"), QStringLiteral("7")};
    QTest::newRow("no type") << QByteArray(R"({"event":"x"})")
                             << QStringList{QStringLiteral("(no type)"), QStringLiteral("x"), QString()};
}

void TestEventListModel::columns()
{
    QFETCH(QByteArray, event);
    QFETCH(QStringList, expected);
    ProjectDocument doc;
    EventListModel model(&doc);
    doc.addEvents({events::SampleEvent{*json::parse(event), QStringLiteral("orders.jsonl"), 4}});
    QCOMPARE(model.index(0, EventListModel::TypeColumn).data().toString(), expected[0]);
    QCOMPARE(model.index(0, EventListModel::EventColumn).data().toString(), expected[1]);
    QCOMPARE(model.index(0, EventListModel::UserColumn).data().toString(), expected[2]);
    QCOMPARE(model.index(0, EventListModel::SourceColumn).data().toString(), QStringLiteral("orders.jsonl:4"));
}

void TestEventListModel::followsEveryDocumentChange()
{
    ProjectDocument doc;
    EventListModel model(&doc);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    doc.addEvents({sample(R"({"type":"track"})"), sample(R"({"type":"page"})")});
    doc.addEvents({sample(R"({"type":"identify"})")});
    QCOMPARE(model.rowCount(), 3);
    doc.changeEvent(1, *json::parse(QByteArrayView(R"({"type":"screen"})")));
    QCOMPARE(model.index(1, 0).data().toString(), QStringLiteral("screen"));
    doc.removeEvents({0, 2});
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("screen"));
    while (doc.undoStack()->canUndo())
        doc.undoStack()->undo();
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(doc.openDemo().ok());
    QCOMPARE(model.rowCount(), int(doc.project().events().size()));
}

void TestEventListModel::countsSpecFindings()
{
    ProjectDocument doc;
    EventListModel model(&doc);
    doc.addEvents({sample(R"({"type":"trak"})")});
    const QModelIndex findings = model.index(0, EventListModel::FindingsColumn);
    const int count = findings.data(EventListModel::FindingCountRole).toInt();
    QVERIFY(count > 0);
    QCOMPARE(findings.data().toString(), QString::number(count));
    QVERIFY(findings.data(EventListModel::HasSpecErrorsRole).toBool());
    QVERIFY(findings.data(Qt::ToolTipRole).toString().contains(QStringLiteral("trak")));
    QVERIFY(!findings.data(Qt::DecorationRole).isNull());
}

void TestEventListModel::findingModel()
{
    ui::FindingListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setFindings(events::SpecChecker::check(*json::parse(QByteArrayView(R"({"type":"track"})"))));
    QVERIFY(model.rowCount() > 0);
    const QModelIndex first = model.index(0, 0);
    QVERIFY(!first.data().toString().isEmpty());
    QVERIFY(!first.data(Qt::DecorationRole).isNull());
    model.setFindings({});
    QCOMPARE(model.rowCount(), 0);

    // The readiness rules' findings show the same way, their field in front of the path.
    using destination::ReadinessFinding;
    model.setFindings(std::vector<ReadinessFinding>{
        {ReadinessFinding::Level::Error, ReadinessFinding::Field::Data, QStringLiteral("properties.total"), QStringLiteral("missing")},
        {ReadinessFinding::Level::Hint, ReadinessFinding::Field::Headers, QStringLiteral("X-City"), QStringLiteral("not ASCII")}});
    QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("data.properties.total: missing"));
    QCOMPARE(model.index(1, 0).data().toString(), QStringLiteral("headers.X-City: not ASCII"));
    QCOMPARE(model.count(ui::FindingListModel::Finding::Level::Error), 1);
    QCOMPARE(model.count(ui::FindingListModel::Finding::Level::Warning), 0);
    QCOMPARE(model.index(1, 0).data(ui::FindingListModel::LevelRole).toInt(), int(ui::FindingListModel::Finding::Level::Hint));
}

QTEST_MAIN(TestEventListModel)
#include "tst_eventlistmodel.moc"
