#include "document/projectdocument.h"
#include "models/mappinglistmodel.h"

#include "destination/readinessfinding.h"

#include "json/parser.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>
#include <QUndoStack>

using namespace inkmapper;
using ui::MappingListModel;
using ui::ProjectDocument;

namespace {

events::SampleEvent sample(const char *json)
{
    return events::SampleEvent{*json::parse(QByteArrayView(json)), QStringLiteral("test"), 0};
}

} // namespace

class TestMappingListModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void followsEveryDocumentChange();
    void countsMatchingEvents();
    void showsTriggerErrors();
    void blankTriggerMatchesNothing();
    void editsGoThroughTheDocument();
    void emptyNameIsRefused();
    void readinessBadge();
};

void TestMappingListModel::followsEveryDocumentChange()
{
    ProjectDocument doc;
    MappingListModel model(&doc);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.columnCount(), int(MappingListModel::ColumnCount));

    QVERIFY(doc.addPresetMapping().ok());
    QVERIFY(doc.addBlankMapping().ok());
    QVERIFY(doc.duplicateMapping(0).ok());
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(model.index(1, 0).data().toString(), QStringLiteral("Send Entire Event 3"));
    doc.moveMapping(0, 3);
    doc.moveMapping(3, 1);
    doc.moveMapping(2, 0);
    for (int i = 0; i < 4; ++i) {
        QCOMPARE(model.index(i, 0).data().toString(), doc.project().mapping(i).name);
        QCOMPARE(model.index(i, 0).data(MappingListModel::MappingIdRole).toString(), doc.project().mapping(i).id);
    }
    doc.removeMapping(2);
    QCOMPARE(model.rowCount(), 3);
    doc.addEvents({sample(R"({"type":"track"})")});
    doc.changeEvent(0, *json::parse(QByteArrayView(R"({"type":"alias"})")));
    doc.removeEvent(0);
    while (doc.undoStack()->canUndo())
        doc.undoStack()->undo();
    QCOMPARE(model.rowCount(), 1);
    QVERIFY(doc.openDemo().ok());
    QCOMPARE(model.rowCount(), doc.project().mappingCount());
}

void TestMappingListModel::countsMatchingEvents()
{
    ProjectDocument doc;
    MappingListModel model(&doc);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    doc.addEvents({sample(R"({"type":"track","event":"Order Completed"})"), sample(R"({"type":"page"})"),
                   sample(R"({"type":"alias"})")});
    const QModelIndex matches = model.index(0, MappingListModel::MatchesColumn);
    QCOMPARE(matches.data().toString(), QStringLiteral("2")); // the preset: everything but alias
    QCOMPARE(matches.data(MappingListModel::MatchCountRole).toInt(), 2);
    QVERIFY(matches.data(Qt::ToolTipRole).toString().contains(QStringLiteral("2 of 3")));

    QSignalSpy dataChanged(&model, &QAbstractItemModel::dataChanged);
    doc.setMappingTrigger(0, QStringLiteral("event = \"Order Completed\""));
    QCOMPARE(matches.data(MappingListModel::MatchCountRole).toInt(), 1);
    QVERIFY(!dataChanged.isEmpty());
    QCOMPARE(model.index(0, MappingListModel::TriggerColumn).data().toString(),
             QStringLiteral("Event name is \"Order Completed\""));

    doc.changeEvent(1, *json::parse(QByteArrayView(R"({"type":"track","event":"Order Completed"})")));
    QCOMPARE(matches.data(MappingListModel::MatchCountRole).toInt(), 2);
    doc.removeEvent(0);
    QCOMPARE(matches.data(MappingListModel::MatchCountRole).toInt(), 1);
    doc.undoStack()->undo();
    QCOMPARE(matches.data(MappingListModel::MatchCountRole).toInt(), 2);
}

void TestMappingListModel::showsTriggerErrors()
{
    ProjectDocument doc;
    MappingListModel model(&doc);
    doc.addEvents({sample(R"({"type":"track"})")});
    doc.setMappingTrigger(0, QStringLiteral("type = \"track"));
    const QString error = model.index(0, 0).data(MappingListModel::TriggerErrorRole).toString();
    QVERIFY(!error.isEmpty());
    QVERIFY(model.index(0, MappingListModel::TriggerColumn).data().toString().startsWith(QStringLiteral("Invalid trigger: ")));
    QVERIFY(!model.index(0, MappingListModel::TriggerColumn).data(Qt::DecorationRole).isNull());
    QCOMPARE(model.index(0, MappingListModel::MatchesColumn).data().toString(), QStringLiteral("–"));
    QCOMPARE(model.index(0, 0).data(MappingListModel::MatchCountRole).toInt(), 0);

    doc.undoStack()->undo();
    QVERIFY(model.index(0, 0).data(MappingListModel::TriggerErrorRole).toString().isEmpty());
    QCOMPARE(model.index(0, 0).data(MappingListModel::MatchCountRole).toInt(), 1);
}

void TestMappingListModel::blankTriggerMatchesNothing()
{
    ProjectDocument doc;
    MappingListModel model(&doc);
    doc.addEvents({sample(R"({"type":"track"})")});
    QVERIFY(doc.addBlankMapping().ok());
    QVERIFY(model.index(1, 0).data(MappingListModel::TriggerErrorRole).toString().isEmpty());
    QCOMPARE(model.index(1, MappingListModel::MatchesColumn).data().toString(), QStringLiteral("0"));
    QVERIFY(model.index(1, MappingListModel::TriggerColumn).data().toString().startsWith(QStringLiteral("No trigger")));
}

void TestMappingListModel::editsGoThroughTheDocument()
{
    ProjectDocument doc;
    MappingListModel model(&doc);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QModelIndex name = model.index(0, MappingListModel::NameColumn);
    QVERIFY(model.flags(name) & Qt::ItemIsEditable);
    QVERIFY(model.flags(name) & Qt::ItemIsUserCheckable);
    QVERIFY(!(model.flags(model.index(0, MappingListModel::MatchesColumn)) & Qt::ItemIsEditable));

    QVERIFY(model.setData(name, QStringLiteral("Orders")));
    QCOMPARE(doc.project().mapping(0).name, QStringLiteral("Orders"));
    QCOMPARE(name.data().toString(), QStringLiteral("Orders"));
    QCOMPARE(name.data(Qt::CheckStateRole).toInt(), int(Qt::Checked));
    QVERIFY(model.setData(name, int(Qt::Unchecked), Qt::CheckStateRole));
    QVERIFY(!doc.project().mapping(0).enabled);
    QCOMPARE(name.data(Qt::CheckStateRole).toInt(), int(Qt::Unchecked));
    QVERIFY(name.data(Qt::ForegroundRole).isValid()); // disabled mappings are dimmed
    QCOMPARE(doc.undoStack()->count(), 2);
    doc.undoStack()->undo();
    doc.undoStack()->undo();
    QCOMPARE(name.data().toString(), QStringLiteral("Send Entire Event"));
    QCOMPARE(name.data(Qt::CheckStateRole).toInt(), int(Qt::Checked));
}

void TestMappingListModel::emptyNameIsRefused()
{
    ProjectDocument doc;
    MappingListModel model(&doc);
    QSignalSpy refused(&model, &MappingListModel::editRefused);
    QVERIFY(!model.setData(model.index(0, 0), QStringLiteral(" ")));
    QCOMPARE(refused.count(), 1);
    QCOMPARE(doc.project().mapping(0).name, QStringLiteral("Send Entire Event"));
}

void TestMappingListModel::readinessBadge()
{
    ProjectDocument doc;
    MappingListModel model(&doc);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QString id = doc.project().mapping(0).id;
    const QModelIndex name = model.index(0, MappingListModel::NameColumn);
    QCOMPARE(name.data(MappingListModel::ReadinessRole).toInt(), -1);
    QVERIFY(name.data(Qt::DecorationRole).isNull());

    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    ui::ReadinessBadge badge;
    badge.judged = 2;
    badge.hints = 1;
    badge.examples << QStringLiteral("event 2 (track · Products Searched): hint data.properties.url: missing");
    model.setReadiness({{id, badge}});
    QCOMPARE(changed.count(), 1);
    QCOMPARE(name.data(MappingListModel::ReadinessRole).toInt(), int(destination::ReadinessFinding::Level::Hint));
    QVERIFY(!name.data(Qt::DecorationRole).isNull());
    const QString tip = name.data(Qt::ToolTipRole).toString();
    QVERIFY2(tip.contains(QStringLiteral("1 hint")) && tip.contains(QStringLiteral("data.properties.url")), qPrintable(tip));

    badge.errors = 2;
    model.setReadiness({{id, badge}});
    QCOMPARE(name.data(MappingListModel::ReadinessRole).toInt(), int(destination::ReadinessFinding::Level::Error));
    QVERIFY(name.data(Qt::ToolTipRole).toString().contains(QStringLiteral("2 errors, 1 hint")));
    model.setReadiness({{id, badge}}); // the same again: nothing to repaint
    QCOMPARE(changed.count(), 2);

    // Judged and clean: said so in the tooltip, no badge.
    model.setReadiness({{id, ui::ReadinessBadge{3, 0, 0, 0, {}}}});
    QVERIFY(name.data(Qt::DecorationRole).isNull());
    QVERIFY(name.data(Qt::ToolTipRole).toString().contains(QStringLiteral("Movable Ink can use what it sends for the 3 events")));
}

QTEST_MAIN(TestMappingListModel)
#include "tst_mappinglistmodel.moc"
