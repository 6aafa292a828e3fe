#include "document/projectdocument.h"
#include "models/identitytimelinemodel.h"

#include "json/parser.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>
#include <QUndoStack>

using namespace inkmapper;
using ui::IdentityTimelineModel;
using ui::ProjectDocument;

namespace {

events::SampleEvent sample(const char *json)
{
    return events::SampleEvent{*json::parse(QByteArrayView(json)), QStringLiteral("test"), 0};
}

QString role(const IdentityTimelineModel &model, int row, int role)
{
    return model.index(row).data(role).toString();
}

} // namespace

/** The identity timeline as the Identity tab lists it, following the document's events. */
class TestIdentityTimelineModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void anonymousThenIdentified();
    void followsTheEvents();
    void emptyAndUnattributed();
};

void TestIdentityTimelineModel::anonymousThenIdentified()
{
    ProjectDocument doc;
    doc.newProject();
    IdentityTimelineModel model(&doc);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    std::vector<events::SampleEvent> added;
    added.push_back(sample(R"({"type":"track","event":"Product Viewed","anonymousId":"3f9c2d4e-8a1b-4c7d-9e2f-6b5a4c3d2e1f"})"));
    added.push_back(sample(R"({"type":"identify","anonymousId":"3f9c2d4e-8a1b-4c7d-9e2f-6b5a4c3d2e1f","userId":"u1"})"));
    added.push_back(sample(R"({"type":"track","event":"Order Completed","anonymousId":"3f9c2d4e-8a1b-4c7d-9e2f-6b5a4c3d2e1f"})"));
    doc.addEvents(std::move(added));
    QCOMPARE(model.rowCount(), 3);

    QCOMPARE(role(model, 0, IdentityTimelineModel::EventRole), QStringLiteral("1  track · Product Viewed"));
    // The anonymous id shortened for the narrow list; whole in the tooltip.
    QCOMPARE(role(model, 0, IdentityTimelineModel::ProfileRole), QStringLiteral("anonymous 3f9c2d4e… → user u1"));
    QCOMPARE(role(model, 0, IdentityTimelineModel::WhyRole), QStringLiteral("Anonymous until event 2 (identify · u1) names the visitor"));
    QVERIFY(role(model, 0, Qt::ToolTipRole).contains(QStringLiteral("3f9c2d4e-8a1b-4c7d-9e2f-6b5a4c3d2e1f")));
    QCOMPARE(role(model, 1, IdentityTimelineModel::WhyRole),
             QStringLiteral("This identify names the user and joins 1 earlier anonymous event"));
    QVERIFY(model.index(1).data(Qt::FontRole).value<QFont>().bold()); // the identify changes who is who
    QCOMPARE(role(model, 2, IdentityTimelineModel::WhyRole), QStringLiteral("Its anonymousId was identified by event 2 (identify · u1)"));
    // Two lines: the event, then where it goes and why.
    QCOMPARE(role(model, 2, Qt::DisplayRole),
             QStringLiteral("3  track · Order Completed\nuser u1 — Its anonymousId was identified by event 2 (identify · u1)"));
    // One profile in the end, one tint for its rows.
    for (int row = 0; row < 3; ++row)
        QCOMPARE(role(model, row, IdentityTimelineModel::FinalProfileRole), QStringLiteral("userId:u1"));
    QCOMPARE(model.index(0).data(Qt::BackgroundRole), model.index(2).data(Qt::BackgroundRole));
    QCOMPARE(model.summary(), QStringLiteral("1 profile: user u1 (3 events)"));
}

void TestIdentityTimelineModel::followsTheEvents()
{
    ProjectDocument doc;
    doc.newProject();
    IdentityTimelineModel model(&doc);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    std::vector<events::SampleEvent> added;
    added.push_back(sample(R"({"type":"track","event":"A","anonymousId":"anon-1"})"));
    added.push_back(sample(R"({"type":"track","event":"B","userId":"u2"})"));
    doc.addEvents(std::move(added));
    QCOMPARE(model.summary(), QStringLiteral("2 profiles: anonymous anon-1 (1 event), user u2 (1 event)"));
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    doc.changeEvent(0, *json::parse(QByteArrayView(R"({"type":"identify","anonymousId":"anon-1","traits":{"email":"m@example.com"}})")));
    QCOMPARE(reset.count(), 1);
    QCOMPARE(role(model, 0, IdentityTimelineModel::ProfileRole), QStringLiteral("email m@example.com"));
    doc.removeEvent(1);
    QCOMPARE(model.rowCount(), 1);
    doc.undoStack()->undo();
    QCOMPARE(model.rowCount(), 2);
    doc.setMovableInkUrl(QStringLiteral("https://x.example.com")); // not about events: no rebuild
    QCOMPARE(reset.count(), 3);

    // Paused (no view shows it): changes only mark it stale, and it catches up when resumed.
    model.setPaused(true);
    doc.removeEvent(1);
    doc.removeEvent(0);
    QCOMPARE(reset.count(), 3);
    QCOMPARE(model.rowCount(), 2);
    model.setPaused(false);
    QCOMPARE(reset.count(), 4);
    QCOMPARE(model.rowCount(), 0);
}

void TestIdentityTimelineModel::emptyAndUnattributed()
{
    ProjectDocument doc;
    doc.newProject();
    IdentityTimelineModel model(&doc);
    QVERIFY(model.summary().startsWith(QStringLiteral("No sample events")));
    std::vector<events::SampleEvent> added;
    added.push_back(sample(R"({"type":"track","event":"Nobody"})"));
    doc.addEvents(std::move(added));
    QCOMPARE(role(model, 0, IdentityTimelineModel::WhyRole), QStringLiteral("It has neither userId nor anonymousId"));
    QVERIFY(model.summary().contains(QStringLiteral("1 event cannot be attributed")));
}

QTEST_MAIN(TestIdentityTimelineModel)
#include "tst_identitytimelinemodel.moc"
