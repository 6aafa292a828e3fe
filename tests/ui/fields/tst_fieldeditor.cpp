#include "fields/dataeditor.h"
#include "fields/datafieldmodel.h"
#include "fields/eventtreemodel.h"
#include "fields/fieldeditor.h"
#include "fields/headertablemodel.h"
#include "fields/jsontextedit.h"

#include "json/object.h"
#include "json/parser.h"
#include "json/writer.h"

#include <QApplication>
#include <QComboBox>
#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QSignalSpy>
#include <QTest>
#include <QTreeView>

using namespace inkmapper;
using inkmapper::ui::DataEditor;
using inkmapper::ui::DataFieldModel;
using inkmapper::ui::EventTreeModel;
using inkmapper::ui::FieldEditor;
using inkmapper::ui::HeaderTableModel;
using inkmapper::ui::JsonTextEdit;

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
    return json::toJsonString(value);
}

const QString kSample = QStringLiteral(
    R"({"type":"track","event":"Order Completed","userId":"u1","properties":{"sku":"a1b","price":9.5,"products":[{"id":"p1"}]}})");

/** Picks the item whose text contains `text` with the keyboard, as a user on the focused combo box would. */
bool chooseItem(QComboBox *combo, const QString &text)
{
    const int target = combo->findText(text, Qt::MatchContains);
    if (target < 0)
        return false;
    combo->setFocus();
    while (combo->currentIndex() != target) {
        const int before = combo->currentIndex();
        QTest::keyClick(combo, combo->currentIndex() < target ? Qt::Key_Down : Qt::Key_Up);
        if (combo->currentIndex() == before)
            return false;
    }
    return true;
}

/** Types `text` like QTest::keyClicks, including characters beyond ASCII (sent as key events with that text). */
void typeText(QWidget *widget, const QString &text)
{
    for (const QChar c : text) {
        if (c == u'\n')
            QTest::keyClick(widget, Qt::Key_Return);
        else if (c.unicode() < 0x80)
            QTest::keyClick(widget, char(c.unicode()));
        else
            QTest::sendKeyEvent(QTest::Click, widget, Qt::Key_unknown, QString(c), Qt::NoModifier);
    }
}

/** Presses Enter in an item editor; the delegate commits and closes it on the next turn of the event loop. */
void commitEditor(QWidget *editor)
{
    QTest::keyClick(editor, Qt::Key_Return);
    QCoreApplication::processEvents();
}

} // namespace

/** A FieldEditor in a shown window, recording every mappingEdited as JSON text. */
class Harness
{
public:
    Harness()
    {
        editor.resize(1100, 800);
        QObject::connect(&editor, &FieldEditor::mappingEdited, &editor,
                         [this](const json::Value &mapping) { emitted.append(str(mapping)); });
        editor.show();
        editor.activateWindow();
    }

    template<typename T>
    T *child(const QString &name) const
    {
        T *found = editor.findChild<T *>(name);
        if (!found)
            qFatal("no child %s", qPrintable(name));
        return found;
    }

    QTableView *headersTable() const { return child<QTableView>(QStringLiteral("headersTable")); }
    HeaderTableModel *headersModel() const { return qobject_cast<HeaderTableModel *>(headersTable()->model()); }
    QTreeView *dataTree() const { return child<QTreeView>(QStringLiteral("dataTree")); }
    DataFieldModel *dataModel() const { return qobject_cast<DataFieldModel *>(dataTree()->model()); }

    /** Shows `mapping` with the sample event, waits for the window and clicks the row of `keyPath`. */
    bool openKey(const QString &mapping, const QString &keyPath)
    {
        editor.setSampleEvent(parse(kSample));
        editor.setMapping(parse(mapping));
        if (!QTest::qWaitForWindowActive(&editor))
            return false;
        selectKey(keyPath);
        return true;
    }

    /** Clicks the row of `keyPath` in the data tree. */
    void selectKey(const QString &keyPath)
    {
        QTreeView *tree = dataTree();
        const QModelIndex index = dataModel()->indexForKeyPath(keyPath);
        tree->scrollTo(index);
        QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, tree->visualRect(index).center());
    }

    /** Opens the cell's editor with F2 and returns the widget that has the focus. */
    QWidget *editCell(int row, int column)
    {
        QTableView *table = headersTable();
        table->setFocus();
        table->setCurrentIndex(headersModel()->index(row, column));
        QTest::keyClick(table, Qt::Key_F2);
        return QApplication::focusWidget();
    }

    QStringList emitted; // declared first: it outlives the editor
    FieldEditor editor;
};

class TestFieldEditor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void setMappingDoesNotEmit();
    void addHeader_data();
    void addHeader();
    void nonAsciiIsFlagged_data();
    void nonAsciiIsFlagged();
    void headerSetByDestinationWarns();
    void pickPathFromSampleEvent();
    void editedValueKeepsTheBrowsedTree();
    void typePathByHand();
    void buildTemplate();
    void buildCase();
    void formEditKeepsUnknownKeys_data();
    void formEditKeepsUnknownKeys();
    void resetToEntireEvent();
    void addKeyToEntireEvent();
    void editAsJsonApplies();
    void editAsJsonInvalidIsKept_data();
    void editAsJsonInvalidIsKept();
    void validationErrorShownAtKey();
    void sourceFormIsNeverCutOff_data();
    void sourceFormIsNeverCutOff();
};

void TestFieldEditor::setMappingDoesNotEmit()
{
    Harness h;
    h.editor.setMapping(parse(QStringLiteral(R"({"headers":{"X-A":"1"},"data":{"sku":{"@path":"$.properties.sku"}}})")));
    h.editor.setSampleEvent(parse(kSample));
    h.editor.setMapping(parse(QStringLiteral(R"({"data":{"@path":"$."}})")));
    QCOMPARE(h.emitted.size(), 0);
    QCOMPARE(str(h.editor.mapping()), QStringLiteral(R"({"data":{"@path":"$."}})"));
    QCOMPARE(h.headersModel()->rowCount(), 0);
    QCOMPARE(h.child<QLabel>(QStringLiteral("dataSummary"))->text(), QStringLiteral("Data: the entire event"));
}

void TestFieldEditor::addHeader_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("expected");
    QTest::newRow("static text") << QStringLiteral("X-Campaign") << QStringLiteral("Text") << QStringLiteral("spring")
                                 << QStringLiteral(R"({"headers":{"X-Campaign":"spring"},"data":{"@path":"$."}})");
    QTest::newRow("event variable") << QStringLiteral("X-User") << QStringLiteral("Event variable")
                                    << QStringLiteral("$.userId")
                                    << QStringLiteral(R"({"headers":{"X-User":{"@path":"$.userId"}},"data":{"@path":"$."}})");
    QTest::newRow("template") << QStringLiteral("X-Id") << QStringLiteral("Template") << QStringLiteral("{{userId}}")
                              << QStringLiteral(R"({"headers":{"X-Id":{"@template":"{{userId}}"}},"data":{"@path":"$."}})");
}

void TestFieldEditor::addHeader()
{
    QFETCH(QString, name);
    QFETCH(QString, source);
    QFETCH(QString, value);
    QFETCH(QString, expected);
    Harness h;
    h.editor.setMapping(parse(QStringLiteral(R"({"data":{"@path":"$."}})")));
    QVERIFY(QTest::qWaitForWindowActive(&h.editor));

    QTest::mouseClick(h.child<QPushButton>(QStringLiteral("addHeaderButton")), Qt::LeftButton);
    auto *nameEditor = qobject_cast<QLineEdit *>(QApplication::focusWidget());
    QVERIFY(nameEditor);
    QTest::keyClicks(nameEditor, name);
    commitEditor(nameEditor);

    if (source != QLatin1String("Text")) {
        auto *combo = qobject_cast<QComboBox *>(h.editCell(0, HeaderTableModel::SourceColumn));
        QVERIFY(combo);
        QVERIFY(chooseItem(combo, source));
        commitEditor(combo);
    }
    auto *valueEditor = qobject_cast<QLineEdit *>(h.editCell(0, HeaderTableModel::ValueColumn));
    QVERIFY(valueEditor);
    QTest::keyClicks(valueEditor, value);
    commitEditor(valueEditor);

    QCOMPARE(str(h.editor.mapping()), expected);
    QVERIFY(!h.emitted.isEmpty());
    QCOMPARE(h.emitted.last(), expected);
    QCOMPARE(h.headersModel()->index(0, HeaderTableModel::NameColumn).data().toString(), name);
    QCOMPARE(h.headersModel()->index(0, HeaderTableModel::SourceColumn).data().toString(), source);
    QCOMPARE(h.headersModel()->index(0, HeaderTableModel::ValueColumn).data().toString(), value);
    QVERIFY(h.child<QLabel>(QStringLiteral("headersMessages"))->isHidden());
}

void TestFieldEditor::nonAsciiIsFlagged_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("value");
    QTest::addColumn<int>("column");
    QTest::newRow("value") << QStringLiteral("X-City") << QStringLiteral("Zürich") << int(HeaderTableModel::ValueColumn);
    QTest::newRow("name") << QStringLiteral("X-Größe") << QStringLiteral("L") << int(HeaderTableModel::NameColumn);
}

void TestFieldEditor::nonAsciiIsFlagged()
{
    QFETCH(QString, name);
    QFETCH(QString, value);
    QFETCH(int, column);
    Harness h;
    QVERIFY(QTest::qWaitForWindowActive(&h.editor));
    auto *messages = h.child<QLabel>(QStringLiteral("headersMessages"));
    QTest::mouseClick(h.child<QPushButton>(QStringLiteral("addHeaderButton")), Qt::LeftButton);
    typeText(QApplication::focusWidget(), name);
    commitEditor(QApplication::focusWidget());
    QWidget *valueEditor = h.editCell(0, HeaderTableModel::ValueColumn);
    typeText(valueEditor, value);
    commitEditor(valueEditor);

    const QString message = QStringLiteral("Movable Ink accepts ASCII header values only");
    QVERIFY(messages->isVisible());
    QVERIFY2(messages->text().contains(message), qPrintable(messages->text()));
    const QModelIndex cell = h.headersModel()->index(0, column);
    QVERIFY(cell.data(Qt::ToolTipRole).toString().contains(message));
    QVERIFY(!cell.data(Qt::DecorationRole).value<QIcon>().isNull());
    // Flagged, not lost: what was typed is still in the mapping.
    QCOMPARE(str(h.editor.mapping().toObject().value(u"headers").toObject().value(name)), str(json::Value(value)));
}

void TestFieldEditor::headerSetByDestinationWarns()
{
    Harness h;
    h.editor.setMapping(parse(QStringLiteral(R"({"headers":{"Authorization":"Bearer x","X-A":"1"}})")));
    auto *messages = h.child<QLabel>(QStringLiteral("headersMessages"));
    QVERIFY(messages->isVisible());
    QVERIFY(messages->text().contains(QStringLiteral("Authorization")));
    QVERIFY(messages->text().contains(QStringLiteral("will be overwritten")));
    QCOMPARE(h.headersModel()->index(1, 0).data(HeaderTableModel::SeverityRole).toInt(),
             int(HeaderTableModel::Severity::None));
}

void TestFieldEditor::pickPathFromSampleEvent()
{
    Harness h;
    QVERIFY(h.openKey(QStringLiteral(R"({"data":{"sku":"","price":1}})"), QStringLiteral("data.sku")));
    QVERIFY(chooseItem(h.child<QComboBox>(QStringLiteral("sourceCombo")), QStringLiteral("Event variable")));

    // Browse the sample event: Entire event › properties › sku, then Enter.
    auto *eventTree = h.child<QTreeView>(QStringLiteral("eventTree"));
    QVERIFY(eventTree->isVisible());
    QAbstractItemModel *events = eventTree->model();
    const QModelIndex top = events->index(0, 0);
    QCOMPARE(top.data().toString(), QStringLiteral("Entire event"));
    const QModelIndexList properties = events->match(events->index(0, 0, top), Qt::DisplayRole, QStringLiteral("properties"), 1, Qt::MatchExactly);
    QCOMPARE(properties.size(), 1);
    eventTree->expand(properties.front());
    const QModelIndexList sku = events->match(events->index(0, 0, properties.front()), Qt::DisplayRole, QStringLiteral("sku"), 1, Qt::MatchExactly);
    QCOMPARE(sku.size(), 1);
    QCOMPARE(sku.front().siblingAtColumn(EventTreeModel::ValueColumn).data().toString(), QStringLiteral(R"("a1b")"));
    eventTree->scrollTo(sku.front());
    QTest::mouseClick(eventTree->viewport(), Qt::LeftButton, {}, eventTree->visualRect(sku.front()).center());
    QTest::keyClick(eventTree, Qt::Key_Return);

    QCOMPARE(str(h.editor.mapping()), QStringLiteral(R"({"data":{"sku":{"@path":"$.properties.sku"},"price":1}})"));
    QCOMPARE(h.emitted.last(), str(h.editor.mapping()));
    QCOMPARE(h.child<QLineEdit>(QStringLiteral("pathEdit"))->text(), QStringLiteral("$.properties.sku"));
    QCOMPARE(h.child<QLabel>(QStringLiteral("samplePreview"))->text(), QStringLiteral(R"("a1b")"));
    const QModelIndex row = h.dataModel()->indexForKeyPath(QStringLiteral("data.sku"));
    QCOMPARE(row.siblingAtColumn(DataFieldModel::SourceColumn).data().toString(), QStringLiteral("Event variable"));
    QCOMPARE(row.siblingAtColumn(DataFieldModel::SampleColumn).data().toString(), QStringLiteral(R"("a1b")"));
}

void TestFieldEditor::editedValueKeepsTheBrowsedTree()
{
    Harness h;
    QVERIFY(h.openKey(QStringLiteral(R"({"data":{"sku":{"@path":"$.properties.sku"}}})"), QStringLiteral("data.sku")));
    auto *eventTree = h.child<QTreeView>(QStringLiteral("eventTree"));
    QVERIFY(eventTree->isVisible());
    QAbstractItemModel *events = eventTree->model();
    const QModelIndex top = events->index(0, 0);
    const QPersistentModelIndex properties =
        events->match(events->index(0, 0, top), Qt::DisplayRole, QStringLiteral("properties"), 1, Qt::MatchExactly).value(0);
    QVERIFY(properties.isValid());
    eventTree->expand(properties);
    const QPersistentModelIndex sku = events->index(0, EventTreeModel::ValueColumn, properties);
    QCOMPARE(sku.data().toString(), QStringLiteral(R"("a1b")"));
    QSignalSpy reset(events, &QAbstractItemModel::modelReset);

    // A value typed into the sample event: the rows stay as the user expanded them, the value is new.
    QString edited = kSample;
    edited.replace(QStringLiteral("a1b"), QStringLiteral("a1bc"));
    h.editor.setSampleEvent(parse(edited));
    QCOMPARE(reset.count(), 0);
    QVERIFY(sku.isValid() && properties.isValid());
    QVERIFY(eventTree->isExpanded(properties));
    QCOMPARE(sku.data().toString(), QStringLiteral(R"("a1bc")"));

    // A key added: the tree is made again and shows it.
    edited.replace(QStringLiteral("\"price\""), QStringLiteral("\"url\":\"https://x\",\"price\""));
    h.editor.setSampleEvent(parse(edited));
    QCOMPARE(reset.count(), 1);
    const QModelIndex newProperties =
        events->match(events->index(0, 0, events->index(0, 0)), Qt::DisplayRole, QStringLiteral("properties"), 1, Qt::MatchExactly).value(0);
    QCOMPARE(events->index(1, 0, newProperties).data().toString(), QStringLiteral("url"));
}

void TestFieldEditor::typePathByHand()
{
    Harness h;
    QVERIFY(h.openKey(QStringLiteral(R"({"data":{"user":{"@path":""}}})"), QStringLiteral("data.user")));
    auto *pathEdit = h.child<QLineEdit>(QStringLiteral("pathEdit"));
    QVERIFY(pathEdit->isVisible());
    pathEdit->setFocus();
    QTest::keyClicks(pathEdit, QStringLiteral("$.userId"));
    QCOMPARE(str(h.editor.mapping()), QStringLiteral(R"({"data":{"user":{"@path":"$.userId"}}})"));
    QCOMPARE(h.child<QLabel>(QStringLiteral("samplePreview"))->text(), QStringLiteral(R"("u1")"));
    // The picker follows what is typed.
    auto *eventTree = h.child<QTreeView>(QStringLiteral("eventTree"));
    QCOMPARE(eventTree->currentIndex().data(EventTreeModel::PathRole).toString(), QStringLiteral("$.userId"));
}

void TestFieldEditor::buildTemplate()
{
    Harness h;
    QVERIFY(h.openKey(QStringLiteral(R"({"data":{"greeting":""}})"), QStringLiteral("data.greeting")));
    QVERIFY(chooseItem(h.child<QComboBox>(QStringLiteral("sourceCombo")), QStringLiteral("Function")));
    auto *function = h.child<QComboBox>(QStringLiteral("functionCombo"));
    QVERIFY(function->isVisible());
    QVERIFY(chooseItem(function, QStringLiteral("(@template)")));
    auto *text = h.child<QLineEdit>(QStringLiteral("template_value"));
    QVERIFY(text->isVisible());
    text->setFocus();
    QTest::keyClicks(text, QStringLiteral("Hi {{userId}}"));
    QCOMPARE(str(h.editor.mapping()), QStringLiteral(R"({"data":{"greeting":{"@template":"Hi {{userId}}"}}})"));
    QCOMPARE(h.child<QLabel>(QStringLiteral("samplePreview"))->text(), QStringLiteral(R"("Hi u1")"));
    QCOMPARE(h.dataModel()->indexForKeyPath(QStringLiteral("data.greeting")).siblingAtColumn(DataFieldModel::SourceColumn).data().toString(),
             QStringLiteral("Function @template"));
}

void TestFieldEditor::buildCase()
{
    Harness h;
    QVERIFY(h.openKey(QStringLiteral(R"({"data":{"sku":{"@path":"$.properties.sku"}}})"), QStringLiteral("data.sku")));
    QVERIFY(chooseItem(h.child<QComboBox>(QStringLiteral("sourceCombo")), QStringLiteral("Function")));
    QVERIFY(chooseItem(h.child<QComboBox>(QStringLiteral("functionCombo")), QStringLiteral("(@case)")));
    // The event variable the key had is what the function now works on.
    QCOMPARE(str(h.editor.mapping()),
             QStringLiteral(R"({"data":{"sku":{"@case":{"operator":"lower","value":{"@path":"$.properties.sku"}}}}})"));
    QVERIFY(chooseItem(h.child<QComboBox>(QStringLiteral("case_operator")), QStringLiteral("upper")));
    QCOMPARE(str(h.editor.mapping()),
             QStringLiteral(R"({"data":{"sku":{"@case":{"operator":"upper","value":{"@path":"$.properties.sku"}}}}})"));
    QCOMPARE(h.child<QLabel>(QStringLiteral("samplePreview"))->text(), QStringLiteral(R"("A1B")"));

    // The value as fixed text instead, typed into the form.
    auto *valueInput = h.child<QWidget>(QStringLiteral("case_value"));
    auto *mode = valueInput->findChild<QComboBox *>();
    auto *text = valueInput->findChild<QLineEdit *>();
    QVERIFY(chooseItem(mode, QStringLiteral("Text")));
    text->selectAll();
    QTest::keyClicks(text, QStringLiteral("mixed Case"));
    QCOMPARE(str(h.editor.mapping()), QStringLiteral(R"({"data":{"sku":{"@case":{"operator":"upper","value":"mixed Case"}}}})"));
    QCOMPARE(h.child<QLabel>(QStringLiteral("samplePreview"))->text(), QStringLiteral(R"("MIXED CASE")"));
}

void TestFieldEditor::formEditKeepsUnknownKeys_data()
{
    QTest::addColumn<QString>("data");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QString>("expected");
    QTest::newRow("@replace with extra option")
        << QStringLiteral(R"({"@replace":{"pattern":"a","value":"x","zzz":1,"global":false},"_metadata":{"v":1}})")
        << QStringLiteral("replace_replacement") << QStringLiteral("b")
        << QStringLiteral(R"({"@replace":{"pattern":"a","value":"x","zzz":1,"global":false,"replacement":"b"},"_metadata":{"v":1}})");
    QTest::newRow("@flatten separator in place")
        << QStringLiteral(R"({"@flatten":{"separator":".","value":{"@path":"$.properties"},"omitArrays":true}})")
        << QStringLiteral("flatten_separator") << QStringLiteral("_")
        << QStringLiteral(R"({"@flatten":{"separator":"._","value":{"@path":"$.properties"},"omitArrays":true}})");
    QTest::newRow("@arrayPath path")
        << QStringLiteral(R"({"@arrayPath":["$.properties.products",{"id":{"@path":"$.id"}}]})")
        << QStringLiteral("arrayPath_0") << QStringLiteral("x")
        << QStringLiteral(R"({"@arrayPath":["$.properties.productsx",{"id":{"@path":"$.id"}}]})");
}

void TestFieldEditor::formEditKeepsUnknownKeys()
{
    QFETCH(QString, data);
    QFETCH(QString, field);
    QFETCH(QString, typed);
    QFETCH(QString, expected);
    Harness h;
    h.editor.setMapping(parse(QStringLiteral(R"({"data":{"k":%1}})").arg(data)));
    QVERIFY(QTest::qWaitForWindowActive(&h.editor));
    h.selectKey(QStringLiteral("data.k"));
    auto *line = h.child<QLineEdit>(field);
    QVERIFY(line->isVisible());
    line->setFocus();
    line->end(false);
    QTest::keyClicks(line, typed);
    QCOMPARE(str(h.editor.mapping()), QStringLiteral(R"({"data":{"k":%1}})").arg(expected));
}

void TestFieldEditor::resetToEntireEvent()
{
    Harness h;
    h.editor.setMapping(parse(QStringLiteral(R"({"headers":{"X-A":"1"},"data":{"a":{"@path":"$.x"},"b":2}})")));
    auto *summary = h.child<QLabel>(QStringLiteral("dataSummary"));
    auto *reset = h.child<QPushButton>(QStringLiteral("resetDataButton"));
    QCOMPARE(summary->text(), QStringLiteral("Data: an object with 2 keys"));
    QVERIFY(reset->isEnabled());
    QTest::mouseClick(reset, Qt::LeftButton);
    QCOMPARE(str(h.editor.mapping()), QStringLiteral(R"({"headers":{"X-A":"1"},"data":{"@path":"$."}})"));
    QCOMPARE(h.emitted, QStringList{str(h.editor.mapping())});
    QCOMPARE(summary->text(), QStringLiteral("Data: the entire event"));
    QVERIFY(!reset->isEnabled());
    QCOMPARE(h.dataModel()->rowCount(h.dataModel()->fieldIndex()), 0);
}

void TestFieldEditor::addKeyToEntireEvent()
{
    Harness h;
    h.editor.setMapping(parse(QStringLiteral(R"({"data":{"@path":"$."}})")));
    QVERIFY(QTest::qWaitForWindowActive(&h.editor));
    QTest::mouseClick(h.child<QPushButton>(QStringLiteral("addKeyButton")), Qt::LeftButton);
    auto *keyEditor = qobject_cast<QLineEdit *>(QApplication::focusWidget());
    QVERIFY(keyEditor);
    keyEditor->selectAll();
    QTest::keyClicks(keyEditor, QStringLiteral("sku"));
    commitEditor(keyEditor);
    QCOMPARE(str(h.editor.mapping()), QStringLiteral(R"({"data":{"sku":""}})"));
    QCOMPARE(h.child<QLabel>(QStringLiteral("dataSummary"))->text(), QStringLiteral("Data: an object with 1 key"));
    QVERIFY(h.child<QPushButton>(QStringLiteral("resetDataButton"))->isEnabled());
}

void TestFieldEditor::editAsJsonApplies()
{
    Harness h;
    QVERIFY(QTest::qWaitForWindowActive(&h.editor));
    auto *tabs = h.child<QTabWidget>(QStringLiteral("fieldTabs"));
    QTest::mouseClick(tabs->tabBar(), Qt::LeftButton, {}, tabs->tabBar()->tabRect(1).center());
    auto *text = h.child<JsonTextEdit>(QStringLiteral("mappingJsonEdit"));
    QVERIFY(text->isVisible());
    text->setFocus();
    text->selectAll();
    const QString typed = QStringLiteral(R"({"headers": {"X-A": "1"}, "data": {"sku": {"@path": "$.properties.sku"}}})");
    typeText(text, typed);
    const QString expected = QStringLiteral(R"({"headers":{"X-A":"1"},"data":{"sku":{"@path":"$.properties.sku"}}})");
    QCOMPARE(str(h.editor.mapping()), expected);
    QCOMPARE(h.emitted.last(), expected);
    QCOMPARE(text->toPlainText(), typed); // the user's layout is kept
    QVERIFY(!text->hasError());
    QCOMPARE(h.headersModel()->rowCount(), 1);
    QVERIFY(h.dataModel()->indexForKeyPath(QStringLiteral("data.sku")).isValid());
    // An edit in the fields shows up in the JSON view.
    h.headersModel()->setData(h.headersModel()->index(0, HeaderTableModel::ValueColumn), QStringLiteral("2"));
    QCOMPARE(str(parse(text->toPlainText())), QStringLiteral(R"({"headers":{"X-A":"2"},"data":{"sku":{"@path":"$.properties.sku"}}})"));
}

void TestFieldEditor::editAsJsonInvalidIsKept_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::newRow("trailing comma") << QStringLiteral(R"({"data": {"@path": "$."},})") << 1 << 26;
    QTest::newRow("second line") << QStringLiteral("{\n  \"data\" {}\n") << 2 << 10;
    QTest::newRow("not an object") << QStringLiteral("  [1, 2]") << 1 << 3;
}

void TestFieldEditor::editAsJsonInvalidIsKept()
{
    QFETCH(QString, typed);
    QFETCH(int, line);
    QFETCH(int, column);
    Harness h;
    const QString before = QStringLiteral(R"({"data":{"@path":"$."}})");
    h.editor.setMapping(parse(before));
    QVERIFY(QTest::qWaitForWindowActive(&h.editor));
    auto *tabs = h.child<QTabWidget>(QStringLiteral("fieldTabs"));
    QTest::mouseClick(tabs->tabBar(), Qt::LeftButton, {}, tabs->tabBar()->tabRect(1).center());
    auto *text = h.child<JsonTextEdit>(QStringLiteral("mappingJsonEdit"));
    text->setFocus();
    text->selectAll();
    typeText(text, typed);

    QCOMPARE(text->toPlainText(), typed);
    QVERIFY(text->hasError());
    QCOMPARE(text->extraSelections().size(), 1);
    QCOMPARE(text->extraSelections().front().format.underlineStyle(), QTextCharFormat::WaveUnderline);
    auto *status = h.child<QLabel>(QStringLiteral("mappingJsonStatus"));
    QVERIFY2(status->text().contains(QStringLiteral("Line %1, column %2").arg(line).arg(column)), qPrintable(status->text()));
    QCOMPARE(str(h.editor.mapping()), before);
    QVERIFY(h.emitted.isEmpty());

    // A change from elsewhere does not overwrite the text; it is offered instead.
    h.editor.setMapping(parse(QStringLiteral(R"({"data":{"x":1}})")));
    QCOMPARE(text->toPlainText(), typed);
    QVERIFY(h.child<QWidget>(QStringLiteral("mappingJsonNotice"))->isVisible());
    QTest::mouseClick(h.child<QPushButton>(QStringLiteral("replaceJsonButton")), Qt::LeftButton);
    QCOMPARE(str(parse(text->toPlainText())), QStringLiteral(R"({"data":{"x":1}})"));
    QVERIFY(!text->hasError());
    QVERIFY(h.emitted.isEmpty());
}

void TestFieldEditor::validationErrorShownAtKey()
{
    Harness h;
    h.editor.setMapping(parse(QStringLiteral(R"({"data":{"ok":"x","bad":{"@replace":{"pattern":"abcdefghijkl","value":"v"}}}})")));
    QVERIFY(QTest::qWaitForWindowActive(&h.editor));
    const QModelIndex bad = h.dataModel()->indexForKeyPath(QStringLiteral("data.bad"));
    QVERIFY(!bad.data(Qt::DecorationRole).value<QIcon>().isNull());
    QVERIFY(h.dataModel()->indexForKeyPath(QStringLiteral("data.ok")).data(Qt::DecorationRole).value<QIcon>().isNull());
    h.selectKey(QStringLiteral("data.bad"));
    auto *errors = h.child<QLabel>(QStringLiteral("keyErrors"));
    QVERIFY(errors->isVisible());
    QVERIFY2(errors->text().contains(QStringLiteral("should be a string of length 10 or less")), qPrintable(errors->text()));
    // Fixing the pattern in the form clears the error as it is typed.
    auto *pattern = h.child<QLineEdit>(QStringLiteral("replace_pattern"));
    pattern->setFocus();
    pattern->selectAll();
    QTest::keyClicks(pattern, QStringLiteral("abc"));
    QVERIFY(errors->isHidden());
    QVERIFY(bad.data(Qt::DecorationRole).value<QIcon>().isNull());
    QCOMPARE(str(h.editor.mapping()), QStringLiteral(R"({"data":{"ok":"x","bad":{"@replace":{"pattern":"abc","value":"v"}}}})"));
}

void TestFieldEditor::sourceFormIsNeverCutOff_data()
{
    QTest::addColumn<int>("width");
    QTest::addColumn<bool>("beside");
    // The mapping editor's column in a 1600 px window is about 540 px wide: the form goes below the keys.
    QTest::newRow("narrow: below the keys") << 460 << false;
    QTest::newRow("wide: beside the keys") << 1100 << true;
}

void TestFieldEditor::sourceFormIsNeverCutOff()
{
    QFETCH(int, width);
    QFETCH(bool, beside);
    DataEditor editor;
    editor.setData(parse(QStringLiteral(R"({"user":{"@if":{"exists":{"@path":"$.userId"},"then":{"@path":"$.userId"},"else":{"@path":"$.anonymousId"}}}})")));
    editor.resize(width, 900);
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    const QModelIndex user = editor.model()->indexForKeyPath(QStringLiteral("data.user"));
    editor.tree()->setCurrentIndex(user);
    QCoreApplication::processEvents();
    auto *scroll = editor.findChild<QScrollArea *>(QStringLiteral("sourceScroll"));
    QVERIFY(scroll);
    // The form cannot scroll sideways: all of it must fit in the width it is given.
    QVERIFY2(scroll->viewport()->width() >= scroll->widget()->minimumSizeHint().width(),
             qPrintable(QStringLiteral("%1 < %2").arg(scroll->viewport()->width())
                            .arg(scroll->widget()->minimumSizeHint().width())));
    const QPoint formAt = scroll->mapTo(&editor, QPoint(0, 0));
    const QPoint treeAt = editor.tree()->mapTo(&editor, QPoint(0, 0));
    QCOMPARE(formAt.x() > treeAt.x() + editor.tree()->width() / 2, beside);
    if (!beside)
        QVERIFY(formAt.y() >= treeAt.y() + editor.tree()->height());
}

QTEST_MAIN(TestFieldEditor)
#include "tst_fieldeditor.moc"
