#include "preview/matrixmodel.h"

#include "destination/readinesschecker.h"
#include "preview/matrixview.h"

#include "json/parser.h"

#include <QAbstractItemModelTester>
#include <QHeaderView>
#include <QIcon>
#include <QLabel>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

using namespace inkmapper;
using ui::MatrixModel;
using ui::MatrixView;
using State = MatrixModel::CellState;

Q_DECLARE_METATYPE(MatrixModel::CellState)

namespace {

json::Value parsed(const QString &text)
{
    return json::parse(QStringView(text)).value();
}

project::MappingConfig mapping(const QString &name, const QString &trigger, const QString &fields)
{
    project::MappingConfig m = project::MappingConfig::fromPreset(name);
    m.subscribe = trigger;
    m.mapping = parsed(fields);
    return m;
}

// Events: an order, an identify, a page. Mappings: orders only, every type (preset), a broken trigger,
// and one whose mapping fails on every event it matches.
project::Project sampleProject()
{
    project::Project p;
    p.setSettings({QStringLiteral("http://127.0.0.1:47231/v1/segment/events"), QStringLiteral("user")});
    p.addEvent({parsed(QStringLiteral(R"({"type":"track","event":"Order Completed","properties":{"total":5}})")),
                QStringLiteral("orders.json"), 1});
    p.addEvent({parsed(QStringLiteral(R"({"type":"identify","userId":"u1"})")), QStringLiteral("pasted"), 0});
    p.addEvent({parsed(QStringLiteral(R"({"type":"page","name":"Home"})")), QStringLiteral("sample"), 0});
    (void)p.addMapping(mapping(QStringLiteral("Orders"), QStringLiteral(R"(type = "track" and event = "Order Completed")"),
                               QStringLiteral(R"({"data":{"@path":"$.properties"}})")));
    (void)p.addMapping(project::MappingConfig::fromPreset(QStringLiteral("Everything")));
    (void)p.addMapping(mapping(QStringLiteral("Broken trigger"), QStringLiteral("!!!"), QStringLiteral("{}")));
    (void)p.addMapping(mapping(QStringLiteral("Bad data"), QStringLiteral(R"(type = "identify" or type = "page")"),
                               QStringLiteral(R"({"data":{"@path":"$.type"}})")));
    return p;
}

bool waitUntilDone(MatrixModel &model)
{
    if (!model.isComputing())
        return true;
    QSignalSpy finished(&model, &MatrixModel::finished);
    return finished.wait(10000);
}

} // namespace

class TestMatrixModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cells_data();
    void cells();
    void headers();
    void unchangedCellsKeepTheirVerdict();
    void changedSettingsRecomputeEverything();
    void shapeChangeResets();
    void newProjectCancelsTheOldComputation();
    void emptyProject();
    void viewActivatesCells_data();
    void viewActivatesCells();
    void viewSummary();
    void manyMappingsAreNumbered();
    void readinessOfWhatIsSent();
};

void TestMatrixModel::cells_data()
{
    QTest::addColumn<int>("row");
    QTest::addColumn<int>("column");
    QTest::addColumn<State>("state");
    QTest::addColumn<QString>("reason");

    QTest::newRow("order × orders") << 0 << 0 << State::Match
                                    << QStringLiteral("Matches \u2014 decided by: event = \"Order Completed\"");
    QTest::newRow("identify × orders") << 1 << 0 << State::NoMatch
                                       << QStringLiteral("Does not match \u2014 type = \"track\" was false for this event");
    QTest::newRow("page × everything") << 2 << 1 << State::Match
                                       << QStringLiteral("Matches \u2014 decided by: type = \"page\"");
    QTest::newRow("order × broken trigger") << 0 << 2 << State::Error << QStringLiteral("Trigger error at column ");
    QTest::newRow("identify × bad data") << 1 << 3 << State::Error
                                         << QStringLiteral("Matches \u2014 decided by: type = \"identify\", but Segment "
                                                           "fails: Data must be an object but it was a string.");
    QTest::newRow("order × bad data") << 0 << 3 << State::NoMatch << QStringLiteral("Does not match");
}

void TestMatrixModel::cells()
{
    QFETCH(int, row);
    QFETCH(int, column);
    QFETCH(State, state);
    QFETCH(QString, reason);

    MatrixModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setProject(sampleProject());
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.columnCount(), 4);
    QVERIFY(model.isComputing());
    QCOMPARE(model.state(row, column), State::Pending);
    QVERIFY(waitUntilDone(model));
    QCOMPARE(model.doneCount(), 12);
    QCOMPARE(model.state(row, column), state);
    QVERIFY2(model.reason(row, column).startsWith(reason), qPrintable(model.reason(row, column)));
    const QModelIndex index = model.index(row, column);
    QCOMPARE(index.data(MatrixModel::StateRole).toInt(), int(state));
    QVERIFY(index.data(Qt::ToolTipRole).toString().contains(model.reason(row, column)));
    QCOMPARE(index.data(Qt::DecorationRole).isNull(), state == State::NoMatch);
    QVERIFY(!index.data(Qt::DisplayRole).toString().isEmpty());
}

void TestMatrixModel::headers()
{
    MatrixModel model;
    project::Project p = sampleProject();
    project::MappingConfig off = p.mapping(1);
    off.enabled = false;
    QVERIFY(p.replaceMapping(1, off).ok());
    model.setProject(p);
    QCOMPARE(model.headerData(0, Qt::Horizontal).toString(), QStringLiteral("Orders"));
    QCOMPARE(model.headerData(1, Qt::Horizontal).toString(), QStringLiteral("Everything (off)"));
    QVERIFY(model.headerData(0, Qt::Horizontal, Qt::ToolTipRole).toString().contains(QStringLiteral("event = \"Order Completed\"")));
    QCOMPARE(model.headerData(0, Qt::Vertical).toString(), QStringLiteral("1  track \u00b7 Order Completed"));
    QCOMPARE(model.headerData(1, Qt::Vertical).toString(), QStringLiteral("2  identify \u00b7 u1"));
    QCOMPARE(model.headerData(2, Qt::Vertical).toString(), QStringLiteral("3  page \u00b7 Home"));
    QCOMPARE(model.headerData(0, Qt::Vertical, Qt::ToolTipRole).toString(), QStringLiteral("orders.json, line 1"));
    QVERIFY(waitUntilDone(model));
}

void TestMatrixModel::unchangedCellsKeepTheirVerdict()
{
    MatrixModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    project::Project p = sampleProject();
    model.setProject(p);
    QVERIFY(waitUntilDone(model));

    // Fix the broken trigger: only its column is recomputed; the others keep their verdict at once.
    project::MappingConfig fixed = p.mapping(2);
    fixed.subscribe = QStringLiteral(R"(type = "page")");
    QVERIFY(p.replaceMapping(2, fixed).ok());
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.setProject(p);
    QCOMPARE(reset.count(), 0);
    QCOMPARE(model.state(0, 0), State::Match);
    QCOMPARE(model.state(1, 3), State::Error);
    QCOMPARE(model.state(0, 2), State::Pending);
    // Until then the old verdict stays on display, dimmed, so nothing blinks.
    QCOMPARE(model.index(0, 2).data(Qt::DisplayRole).toString(), QStringLiteral("Error"));
    QCOMPARE(model.totalCount(), 3);
    QVERIFY(waitUntilDone(model));
    QCOMPARE(model.state(0, 2), State::NoMatch);
    QCOMPARE(model.state(2, 2), State::Match);

    // Moving a mapping keeps its verdicts with it.
    p.moveMapping(0, 3);
    model.setProject(p);
    QCOMPARE(model.state(0, 3), State::Match);
    QCOMPARE(model.headerData(3, Qt::Horizontal).toString(), QStringLiteral("Orders"));
    QVERIFY(!model.isComputing());
}

void TestMatrixModel::changedSettingsRecomputeEverything()
{
    MatrixModel model;
    project::Project p = sampleProject();
    model.setProject(p);
    QVERIFY(waitUntilDone(model));
    QCOMPARE(model.state(0, 0), State::Match);
    // Without a URL every match fails where Segment checks it.
    p.setSettings({QString(), QStringLiteral("user")});
    model.setProject(p);
    QCOMPARE(model.totalCount(), 12);
    QVERIFY(waitUntilDone(model));
    QCOMPARE(model.state(0, 0), State::Error);
    QVERIFY(model.reason(0, 0).contains(QStringLiteral("\"Movable Ink URL\" setting")));
    QCOMPARE(model.state(1, 0), State::NoMatch);
}

void TestMatrixModel::shapeChangeResets()
{
    MatrixModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    project::Project p = sampleProject();
    model.setProject(p);
    QVERIFY(waitUntilDone(model));
    p.addEvent({parsed(QStringLiteral(R"({"type":"track","event":"Order Completed"})")), QStringLiteral("pasted"), 0});
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.setProject(p);
    QCOMPARE(reset.count(), 1);
    QCOMPARE(model.rowCount(), 4);
    // The rows that did not change keep their verdicts; only the new row is computed.
    QCOMPARE(model.state(0, 0), State::Match);
    QCOMPARE(model.totalCount(), 4);
    QVERIFY(waitUntilDone(model));
    QCOMPARE(model.state(3, 0), State::Match);
    QCOMPARE(model.state(3, 2), State::Error);
}

void TestMatrixModel::newProjectCancelsTheOldComputation()
{
    MatrixModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    // Many events, so that the first computation is still running when the project changes.
    project::Project big = sampleProject();
    for (int i = 0; i < 2000; ++i)
        big.addEvent({parsed(QStringLiteral(R"({"type":"track","event":"Order Completed","n":%1})").arg(i)),
                      QStringLiteral("generated"), 0});
    model.setProject(big);
    QVERIFY(model.isComputing());
    const project::Project small = sampleProject();
    model.setProject(small);
    QCOMPARE(model.rowCount(), 3);
    QSignalSpy finished(&model, &MatrixModel::finished);
    QVERIFY(finished.wait(10000));
    // Exactly one finished(): the cancelled computation reports nothing.
    QTest::qWait(100);
    QCOMPARE(finished.count(), 1);
    QCOMPARE(model.doneCount(), 12);
    QCOMPARE(model.state(0, 0), State::Match);
    QCOMPARE(model.state(2, 1), State::Match);
}

void TestMatrixModel::emptyProject()
{
    MatrixModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy finished(&model, &MatrixModel::finished);
    model.setProject(project::Project());
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.columnCount(), 0);
    QVERIFY(!model.isComputing());
    QCOMPARE(finished.count(), 1);
}

void TestMatrixModel::viewActivatesCells_data()
{
    QTest::addColumn<bool>("byKeyboard");
    QTest::newRow("enter") << true;
    QTest::newRow("double-click") << false;
}

void TestMatrixModel::viewActivatesCells()
{
    QFETCH(bool, byKeyboard);
    MatrixView view;
    view.resize(800, 400);
    view.setProject(sampleProject());
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QVERIFY(waitUntilDone(*view.model()));
    QSignalSpy activated(&view, &MatrixView::cellActivated);
    QTableView *table = view.tableView();
    const QModelIndex index = view.model()->index(1, 2);
    if (byKeyboard) {
        table->setFocus();
        table->setCurrentIndex(index);
        QTest::keyClick(table, Qt::Key_Return);
    } else {
        const QPoint center = table->visualRect(index).center();
        // A double-click is a click followed by a double-click event on the same cell.
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, center);
        QTest::mouseDClick(table->viewport(), Qt::LeftButton, {}, center);
    }
    QCOMPARE(activated.count(), 1);
    QCOMPARE(activated.front().at(0).toInt(), 1);
    QCOMPARE(activated.front().at(1).toInt(), 2);
}

void TestMatrixModel::viewSummary()
{
    MatrixView view;
    view.show();
    QLabel *summary = view.findChild<QLabel *>(QStringLiteral("matrixSummary"));
    QVERIFY(summary);
    view.setProject(project::Project());
    QVERIFY(!view.tableView()->isVisible());
    view.setProject(sampleProject());
    QVERIFY(view.tableView()->isVisible());
    QVERIFY(waitUntilDone(*view.model()));
    QCOMPARE(summary->text(), QStringLiteral("3 events \u00d7 4 mappings \u2014 4 matches, 5 errors"));
}

void TestMatrixModel::manyMappingsAreNumbered()
{
    MatrixView view;
    view.resize(480, 400);
    view.show();
    project::Project p = sampleProject();
    view.setProject(p);
    QVERIFY(waitUntilDone(*view.model()));
    // Four mappings: names and words.
    QCOMPARE(view.model()->headerData(0, Qt::Horizontal).toString(), QStringLiteral("Orders"));
    QCOMPARE(view.model()->index(0, 0).data().toString(), QStringLiteral("Match"));
    // Twelve: numbers and icons, the name and the reason in the tooltips, and the columns narrow.
    for (int i = 0; i < 8; ++i)
        QVERIFY(p.addMapping(project::MappingConfig::fromPreset(QStringLiteral("Extra %1").arg(i))).ok());
    view.setProject(p);
    QVERIFY(waitUntilDone(*view.model()));
    MatrixModel *model = view.model();
    QVERIFY(model->isCompact());
    QCOMPARE(model->headerData(0, Qt::Horizontal).toString(), QStringLiteral("#1"));
    QCOMPARE(model->headerData(11, Qt::Horizontal).toString(), QStringLiteral("#12"));
    QVERIFY(model->headerData(11, Qt::Horizontal, Qt::ToolTipRole).toString().startsWith(QStringLiteral("#12 Extra 7\n")));
    QCOMPARE(model->index(0, 0).data().toString(), QString());
    QVERIFY(!model->index(0, 0).data(Qt::DecorationRole).value<QIcon>().isNull());
    QVERIFY(model->index(0, 0).data(Qt::ToolTipRole).toString().contains(QStringLiteral("Matches")));
    QVERIFY(view.tableView()->horizontalHeader()->sectionSize(11) < 100);
    // Back to a few: names again.
    view.setProject(sampleProject());
    QVERIFY(waitUntilDone(*view.model()));
    QVERIFY(!model->isCompact());
    QCOMPARE(model->headerData(0, Qt::Horizontal).toString(), QStringLiteral("Orders"));
}

void TestMatrixModel::readinessOfWhatIsSent()
{
    // The sample project's "Orders" mapping sends only the order's properties (no identity, no products): its
    // one matched event gets readiness errors; "Everything" sends whole events that carry no ids either.
    MatrixModel model;
    QSignalSpy changed(&model, &MatrixModel::readinessChanged);
    model.setProject(sampleProject());
    QVERIFY(waitUntilDone(model));
    QVERIFY(changed.count() >= 1);
    const std::vector<destination::ReadinessFinding> &order = model.readiness(0, 0);
    QVERIFY(destination::ReadinessChecker::hasErrors(order));
    QVERIFY(model.readiness(2, 0).empty()); // the page does not match "Orders": nothing sent, nothing judged
    QVERIFY(model.index(0, 0).data(Qt::ToolTipRole).toString().contains(QStringLiteral("Movable Ink error: ")));

    const ui::ReadinessBadge orders = model.readinessBadge(0);
    QCOMPARE(orders.judged, 1);
    QVERIFY(orders.errors > 0);
    QVERIFY2(orders.examples.front().startsWith(QStringLiteral("event 1 (track · Order Completed): error ")),
             qPrintable(orders.examples.front()));
    QCOMPARE(model.readinessBadge(1).judged, 3); // "Everything" matches the three events
    QCOMPARE(model.readinessBadge(2).judged, 0); // a broken trigger matches nothing

    // An order that carries what Movable Ink needs, sent whole: no error left for "Everything" on it.
    project::Project ready = sampleProject();
    std::vector<events::SampleEvent> events = ready.events();
    events[0] = events::SampleEvent{parsed(QStringLiteral(R"({"type":"track","event":"Order Completed","userId":"u1","anonymousId":"a1",)"
                                                 R"("messageId":"m1","timestamp":"2026-12-07T10:00:00Z",)"
                                                 R"("properties":{"total":5,"products":[{"sku":"S1","price":5}]}})")),
                           QStringLiteral("orders.json"), 1};
    ready.setEvents(std::move(events));
    changed.clear();
    model.setProject(ready);
    QVERIFY(waitUntilDone(model));
    QVERIFY(changed.count() >= 1);
    QVERIFY(!destination::ReadinessChecker::hasErrors(model.readiness(0, 1)));
}

QTEST_MAIN(TestMatrixModel)
#include "tst_matrixmodel.moc"
