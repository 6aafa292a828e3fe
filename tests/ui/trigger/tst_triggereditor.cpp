#include "trigger/conditionbuilder.h"
#include "trigger/conditiongroupwidget.h"
#include "trigger/conditionrow.h"
#include "trigger/fqltextedit.h"
#include "trigger/noticebar.h"
#include "trigger/triggereditor.h"

#include "json/parser.h"

#include <QApplication>
#include <QComboBox>
#include <QCompleter>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSignalSpy>
#include <QTest>
#include <QToolButton>

#include <algorithm>

using namespace inkmapper;
using namespace inkmapper::ui;

namespace {

const QString Preset =
    QStringLiteral(R"(type = "identify" or type = "track" or type = "page" or type = "screen" or type = "group")");

ConditionBuilder *builderOf(const TriggerEditor &editor)
{
    return editor.findChild<ConditionBuilder *>();
}

FqlTextEdit *textOf(const TriggerEditor &editor)
{
    return editor.findChild<FqlTextEdit *>();
}

QList<ConditionRow *> rowsOf(const TriggerEditor &editor)
{
    return builderOf(editor)->rows();
}

/** A row as the user sees it: "field|path|operator|value" (hidden editors count as empty). */
QString describe(const ConditionRow *row)
{
    const auto *field = row->findChild<QComboBox *>(QStringLiteral("fieldCombo"));
    const auto *path = row->findChild<QLineEdit *>(QStringLiteral("pathEdit"));
    const auto *op = row->findChild<QComboBox *>(QStringLiteral("operatorCombo"));
    const auto *eventType = row->findChild<QComboBox *>(QStringLiteral("eventTypeCombo"));
    const auto *value = row->findChild<QLineEdit *>(QStringLiteral("valueEdit"));
    QString valueText;
    if (eventType->isVisibleTo(row))
        valueText = eventType->currentText();
    else if (value->isVisibleTo(row))
        valueText = value->text();
    return QStringList{field->currentText(), path->isVisibleTo(row) ? path->text() : QString(), op->currentText(),
                       valueText}
        .join(u'|');
}

QStringList describeRows(const TriggerEditor &editor)
{
    QStringList rows;
    for (const ConditionRow *row : rowsOf(editor))
        rows << describe(row);
    return rows;
}

QString rootConnective(const TriggerEditor &editor)
{
    return builderOf(editor)->rootGroup()->findChild<QComboBox *>(QStringLiteral("groupOperatorCombo"))->currentText();
}

QPushButton *rootButton(const TriggerEditor &editor, const QString &name)
{
    return builderOf(editor)->rootGroup()->findChild<QPushButton *>(name, Qt::FindDirectChildrenOnly);
}

/** Picks an item the way a keyboard user does: focus the list and press Down/Up until it is current. */
void choose(QComboBox *combo, const QString &text)
{
    QVERIFY(combo);
    const int target = combo->findText(text);
    QVERIFY2(target >= 0, qPrintable(QStringLiteral("no item \"%1\" in %2").arg(text, combo->objectName())));
    combo->setFocus();
    while (combo->currentIndex() < target)
        QTest::keyClick(combo, Qt::Key_Down);
    while (combo->currentIndex() > target)
        QTest::keyClick(combo, Qt::Key_Up);
    QCOMPARE(combo->currentText(), text);
}

/** Fills the last row in: field, path, operator and value, as a user clicks and types them. */
void fillLastRow(const TriggerEditor &editor, const QString &field, const QString &path, const QString &op,
                 const QString &value)
{
    QVERIFY(!rowsOf(editor).isEmpty());
    ConditionRow *row = rowsOf(editor).last();
    choose(row->findChild<QComboBox *>(QStringLiteral("fieldCombo")), field);
    if (QTest::currentTestFailed())
        return;
    if (!path.isEmpty()) {
        auto *pathEdit = row->findChild<QLineEdit *>(QStringLiteral("pathEdit"));
        QVERIFY(pathEdit->isVisibleTo(row));
        pathEdit->clear();
        QTest::keyClicks(pathEdit, path);
    }
    choose(row->findChild<QComboBox *>(QStringLiteral("operatorCombo")), op);
    if (QTest::currentTestFailed() || value.isEmpty())
        return;
    auto *eventType = row->findChild<QComboBox *>(QStringLiteral("eventTypeCombo"));
    if (eventType->isVisibleTo(row)) {
        choose(eventType, value);
        return;
    }
    auto *valueEdit = row->findChild<QLineEdit *>(QStringLiteral("valueEdit"));
    QVERIFY(valueEdit->isVisibleTo(row));
    valueEdit->selectAll();
    QTest::keyClick(valueEdit, Qt::Key_Backspace);
    QTest::keyClicks(valueEdit, value);
}

/** Replaces the FQL text by typing, key by key, as a user does. */
void typeFql(const TriggerEditor &editor, const QString &text)
{
    FqlTextEdit *edit = textOf(editor);
    edit->setFocus();
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Backspace);
    QTest::keyClicks(edit, text);
}

/**
 * Replaces the FQL text in one edit, as pasting does. Typing key by key goes through prefixes that parse
 * (Segment's parser accepts `type = "track" and `), each of which becomes the last valid trigger.
 */
void pasteFql(const TriggerEditor &editor, const QString &text)
{
    FqlTextEdit *edit = textOf(editor);
    edit->setFocus();
    edit->selectAll();
    edit->insertPlainText(text);
}

QString lastEmitted(const QSignalSpy &spy)
{
    return spy.isEmpty() ? QStringLiteral("<nothing emitted>") : spy.last().at(0).toString();
}

} // namespace

class TestTriggerEditor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void startsEmpty();
    void buildsTrackAndOrderCompletedByClicking();
    void buildsOneCondition_data();
    void buildsOneCondition();
    void typedFqlUpdatesTheBuilder_data();
    void typedFqlUpdatesTheBuilder();
    void switchesBetweenAllAndAny();
    void buildsANestedGroup();
    void removesRows_data();
    void removesRows();
    void malformedFqlKeepsTheBuilder_data();
    void malformedFqlKeepsTheBuilder();
    void revertRestoresTheLastValidText();
    void textOnlyTriggerShowsTheNotice_data();
    void textOnlyTriggerShowsTheNotice();
    void setFqlDoesNotEmit_data();
    void setFqlDoesNotEmit();
    void presetRoundTrips();
    void incompleteConditionLeavesTheTextAlone();
    void valueWithADoubleQuoteIsRefused();
    void missingValueIsExplained_data();
    void missingValueIsExplained();
    void missingValueHintGoesOnceTheValueIsTyped();
    void sampleEventMarksEachCondition();
    void nestedRowsFitWithoutScrollingSideways();
};

void TestTriggerEditor::startsEmpty()
{
    TriggerEditor editor;
    editor.show();
    QCOMPARE(editor.fql(), QString());
    QVERIFY(rowsOf(editor).isEmpty());
    const auto *empty = builderOf(editor)->findChild<QLabel *>(QStringLiteral("emptyLabel"));
    QVERIFY(empty && empty->isVisible());
    const auto *status = editor.findChild<QLabel *>(QStringLiteral("statusLabel"));
    QVERIFY(status->text().contains(QStringLiteral("Empty trigger")));
    QVERIFY(builderOf(editor)->isEnabled());
}

void TestTriggerEditor::buildsTrackAndOrderCompletedByClicking()
{
    TriggerEditor editor;
    editor.show();
    QVERIFY(QTest::qWaitForWindowActive(&editor)); // the focus is asserted on below
    QSignalSpy edited(&editor, &TriggerEditor::fqlEdited);

    QTest::mouseClick(rootButton(editor, QStringLiteral("addConditionButton")), Qt::LeftButton);
    QCOMPARE(rowsOf(editor).size(), 1);
    fillLastRow(editor, QStringLiteral("Event type"), QString(), QStringLiteral("is"), QStringLiteral("track"));
    QCOMPARE(editor.fql(), QStringLiteral(R"(type = "track")"));

    QTest::mouseClick(rootButton(editor, QStringLiteral("addConditionButton")), Qt::LeftButton);
    // The new row takes the keyboard focus, ready to choose its field.
    QCOMPARE(QApplication::focusWidget(), rowsOf(editor).last()->findChild<QComboBox *>(QStringLiteral("fieldCombo")));
    fillLastRow(editor, QStringLiteral("Event name"), QString(), QStringLiteral("is"), QStringLiteral("Order Completed"));

    const QString expected = QStringLiteral(R"(type = "track" and event = "Order Completed")");
    QCOMPARE(editor.fql(), expected);
    QCOMPARE(textOf(editor)->toPlainText(), expected);
    QCOMPARE(lastEmitted(edited), expected);
    QCOMPARE(describeRows(editor),
             (QStringList{QStringLiteral("Event type||is|track"), QStringLiteral("Event name||is|Order Completed")}));
}

void TestTriggerEditor::buildsOneCondition_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("op");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("fql");

    QTest::newRow("event type is not") << QStringLiteral("Event type") << QString() << QStringLiteral("is not")
                                       << QStringLiteral("identify") << QStringLiteral(R"(type != "identify")");
    QTest::newRow("event name contains") << QStringLiteral("Event name") << QString() << QStringLiteral("contains")
                                         << QStringLiteral("Order") << QStringLiteral(R"(contains(event, "Order"))");
    QTest::newRow("property greater than") << QStringLiteral("Property") << QStringLiteral("total")
                                           << QStringLiteral(">") << QStringLiteral("10")
                                           << QStringLiteral("properties.total > 10");
    QTest::newRow("property equals a number") << QStringLiteral("Property") << QStringLiteral("count")
                                              << QStringLiteral("=") << QStringLiteral("3")
                                              << QStringLiteral("properties.count = 3");
    QTest::newRow("property at most") << QStringLiteral("Property") << QStringLiteral("price")
                                      << QStringLiteral("≤") << QStringLiteral("9.5")
                                      << QStringLiteral("properties.price <= 9.5");
    QTest::newRow("trait exists") << QStringLiteral("Trait") << QStringLiteral("email") << QStringLiteral("exists")
                                  << QString() << QStringLiteral("traits.email != null");
    QTest::newRow("context starts with") << QStringLiteral("Context field") << QStringLiteral("page.path")
                                         << QStringLiteral("starts with") << QStringLiteral("/shop")
                                         << QStringLiteral(R"(match(context.page.path, "/shop*"))");
    QTest::newRow("user ID is false") << QStringLiteral("User ID") << QString() << QStringLiteral("is false")
                                      << QString() << QStringLiteral("userId = false");
    QTest::newRow("name does not end with") << QStringLiteral("Name") << QString()
                                            << QStringLiteral("does not end with") << QStringLiteral("Home")
                                            << QStringLiteral(R"(!match(name, "*Home"))");
    QTest::newRow("name does not exist") << QStringLiteral("Name") << QString() << QStringLiteral("does not exist")
                                         << QString() << QStringLiteral("name = null");
}

void TestTriggerEditor::buildsOneCondition()
{
    QFETCH(QString, field);
    QFETCH(QString, path);
    QFETCH(QString, op);
    QFETCH(QString, value);
    QFETCH(QString, fql);

    TriggerEditor editor;
    editor.show();
    QSignalSpy edited(&editor, &TriggerEditor::fqlEdited);
    QTest::mouseClick(rootButton(editor, QStringLiteral("addConditionButton")), Qt::LeftButton);
    fillLastRow(editor, field, path, op, value);

    QCOMPARE(editor.fql(), fql);
    QCOMPARE(lastEmitted(edited), fql);
    QCOMPARE(describeRows(editor), (QStringList{QStringList{field, path, op, value}.join(u'|')}));
    QVERIFY(editor.findChild<NoticeBar *>()->isHidden());
}

void TestTriggerEditor::typedFqlUpdatesTheBuilder_data()
{
    QTest::addColumn<QString>("fql");
    QTest::addColumn<QString>("connective");
    QTest::addColumn<QStringList>("rows");

    QTest::newRow("track and event")
        << QStringLiteral(R"(type = "track" and event = "Order Completed")") << QStringLiteral("all")
        << QStringList{QStringLiteral("Event type||is|track"), QStringLiteral("Event name||is|Order Completed")};
    // Segment's lexer needs a space after "!=" ("userId!=null" does not parse there), so that one stays.
    QTest::newRow("few spaces, as typed") << QStringLiteral(R"(type="page" or userId!= null)") << QStringLiteral("any")
                                          << QStringList{QStringLiteral("Event type||is|page"),
                                                         QStringLiteral("User ID||exists|")};
    QTest::newRow("numbers and paths")
        << QStringLiteral(R"(properties.total >= 100 and contains(context.page.url, "sale"))") << QStringLiteral("all")
        << QStringList{QStringLiteral("Property|total|≥|100"), QStringLiteral("Context field|page.url|contains|sale")};
    QTest::newRow("nested group") << QStringLiteral(R"(type = "track" and (event = "A" or traits.vip = true))")
                                  << QStringLiteral("all")
                                  << QStringList{QStringLiteral("Event type||is|track"),
                                                 QStringLiteral("Event name||is|A"), QStringLiteral("Trait|vip|is true|")};
    QTest::newRow("last connective wins, as in Segment")
        << QStringLiteral(R"(type = "track" and event = "A" or event = "B")") << QStringLiteral("any")
        << QStringList{QStringLiteral("Event type||is|track"), QStringLiteral("Event name||is|A"),
                       QStringLiteral("Event name||is|B")};
}

void TestTriggerEditor::typedFqlUpdatesTheBuilder()
{
    QFETCH(QString, fql);
    QFETCH(QString, connective);
    QFETCH(QStringList, rows);

    TriggerEditor editor;
    editor.show();
    QSignalSpy edited(&editor, &TriggerEditor::fqlEdited);
    typeFql(editor, fql);

    QCOMPARE(describeRows(editor), rows);
    QCOMPARE(rootConnective(editor), connective);
    // What the user typed stays exactly as typed.
    QCOMPARE(textOf(editor)->toPlainText(), fql);
    QCOMPARE(editor.fql(), fql);
    QCOMPARE(lastEmitted(edited), fql);
    QVERIFY(builderOf(editor)->isEnabled());
    QVERIFY(!editor.textError());
}

void TestTriggerEditor::switchesBetweenAllAndAny()
{
    TriggerEditor editor;
    editor.show();
    editor.setFql(QStringLiteral(R"(type = "track" and event = "A")"));
    QSignalSpy edited(&editor, &TriggerEditor::fqlEdited);
    auto *connective = builderOf(editor)->rootGroup()->findChild<QComboBox *>(QStringLiteral("groupOperatorCombo"));

    choose(connective, QStringLiteral("any"));
    QCOMPARE(editor.fql(), QStringLiteral(R"(type = "track" or event = "A")"));
    choose(connective, QStringLiteral("all"));
    QCOMPARE(editor.fql(), QStringLiteral(R"(type = "track" and event = "A")"));
    QCOMPARE(edited.count(), 2);
    QCOMPARE(lastEmitted(edited), editor.fql());
}

void TestTriggerEditor::buildsANestedGroup()
{
    TriggerEditor editor;
    editor.show();
    QSignalSpy edited(&editor, &TriggerEditor::fqlEdited);
    QTest::mouseClick(rootButton(editor, QStringLiteral("addConditionButton")), Qt::LeftButton);
    QTest::mouseClick(rootButton(editor, QStringLiteral("addGroupButton")), Qt::LeftButton);

    const auto groups = builderOf(editor)->rootGroup()->findChildren<ConditionGroupWidget *>();
    QCOMPARE(groups.size(), 1);
    ConditionGroupWidget *group = groups.front();
    // FQL has one level of parentheses: a nested group offers no "Add group".
    QVERIFY(!group->findChild<QPushButton *>(QStringLiteral("addGroupButton")));
    QCOMPARE(group->findChild<QComboBox *>(QStringLiteral("groupOperatorCombo"))->currentText(), QStringLiteral("any"));

    fillLastRow(editor, QStringLiteral("Event name"), QString(), QStringLiteral("is"), QStringLiteral("A"));
    QTest::mouseClick(group->findChild<QPushButton *>(QStringLiteral("addConditionButton")), Qt::LeftButton);
    QCOMPARE(rowsOf(editor).size(), 3);
    fillLastRow(editor, QStringLiteral("Event name"), QString(), QStringLiteral("is"), QStringLiteral("B"));

    const QString expected = QStringLiteral(R"(type = "track" and (event = "A" or event = "B"))");
    QCOMPARE(editor.fql(), expected);
    QCOMPARE(lastEmitted(edited), expected);
}

void TestTriggerEditor::removesRows_data()
{
    QTest::addColumn<QString>("fql");
    QTest::addColumn<QList<int>>("removals"); // row numbers, in reading order, clicked one after the other
    QTest::addColumn<QString>("expected");
    QTest::addColumn<int>("rowsLeft");

    QTest::newRow("middle row") << QStringLiteral(R"(type = "track" and event = "A" and userId != null)")
                                << QList<int>{1} << QStringLiteral(R"(type = "track" and userId != null)") << 2;
    QTest::newRow("first row") << QStringLiteral(R"(type = "track" and event = "A")") << QList<int>{0}
                               << QStringLiteral(R"(event = "A")") << 1;
    QTest::newRow("only row") << QStringLiteral(R"(type = "track")") << QList<int>{0} << QString() << 0;
    QTest::newRow("row in a group") << QStringLiteral(R"(type = "track" and (event = "A" or event = "B"))")
                                    << QList<int>{1} << QStringLiteral(R"(type = "track" and (event = "B"))") << 2;
    QTest::newRow("last row of a group removes the group")
        << QStringLiteral(R"(type = "track" and (event = "A" or event = "B"))") << QList<int>{1, 1}
        << QStringLiteral(R"(type = "track")") << 1;
}

void TestTriggerEditor::removesRows()
{
    QFETCH(QString, fql);
    QFETCH(QList<int>, removals);
    QFETCH(QString, expected);
    QFETCH(int, rowsLeft);

    TriggerEditor editor;
    editor.show();
    editor.setFql(fql);
    QSignalSpy edited(&editor, &TriggerEditor::fqlEdited);
    for (int row : removals) {
        QVERIFY(row < rowsOf(editor).size());
        QTest::mouseClick(rowsOf(editor).at(row)->findChild<QToolButton *>(QStringLiteral("removeButton")),
                          Qt::LeftButton);
    }

    QCOMPARE(rowsOf(editor).size(), rowsLeft);
    QCOMPARE(editor.fql(), expected);
    QCOMPARE(edited.count(), removals.size());
    QCOMPARE(lastEmitted(edited), expected);
    QCOMPARE(builderOf(editor)->rootGroup()->findChildren<ConditionGroupWidget *>().isEmpty(),
             !expected.contains(u'('));
}

void TestTriggerEditor::malformedFqlKeepsTheBuilder_data()
{
    QTest::addColumn<QString>("fql");
    QTest::addColumn<int>("column");

    QTest::newRow("unterminated string") << QStringLiteral(R"(type = "track" and event = "Order)") << 28;
    QTest::newRow("! without =") << QStringLiteral(R"(type = "track" and event ! "A")") << 26;
    QTest::newRow("missing closing parenthesis") << QStringLiteral(R"(type = "track" and (event = "A")") << 20;
    QTest::newRow("nested parentheses")
        << QStringLiteral(R"(type = "track" and ((event = "A") or event = "B"))") << 21;
    QTest::newRow("no condition at all") << QStringLiteral(R"(evnt = "A")") << 1;
}

void TestTriggerEditor::malformedFqlKeepsTheBuilder()
{
    QFETCH(QString, fql);
    QFETCH(int, column);

    TriggerEditor editor;
    editor.show();
    const QString good = QStringLiteral(R"(type = "track" and userId != null)");
    editor.setFql(good);
    const QStringList rowsBefore = describeRows(editor);
    QSignalSpy edited(&editor, &TriggerEditor::fqlEdited);

    pasteFql(editor, fql);

    QVERIFY(editor.textError());
    QCOMPARE(editor.textError()->location.column, column);
    // Nothing the user typed is lost, and the document hears about it.
    QCOMPARE(editor.fql(), fql);
    QCOMPARE(lastEmitted(edited), fql);
    // The builder still shows the last trigger that parsed, and cannot be edited meanwhile.
    QCOMPARE(describeRows(editor), rowsBefore);
    QVERIFY(!builderOf(editor)->isEnabled());

    const auto *status = editor.findChild<QLabel *>(QStringLiteral("statusLabel"));
    QVERIFY2(status->text().contains(QStringLiteral("Column %1</a>").arg(column)), qPrintable(status->text()));
    QVERIFY(status->isVisible());
    const auto *notice = editor.findChild<NoticeBar *>();
    QVERIFY(notice->isVisible());
    QVERIFY(notice->text().contains(QStringLiteral("column %1").arg(column)));
    // The offending character is underlined.
    const auto selections = textOf(editor)->extraSelections();
    QCOMPARE(selections.size(), 1);
    QCOMPARE(selections.front().cursor.selectionStart(), std::min(column - 1, int(fql.size()) - 1));
    QCOMPARE(selections.front().format.underlineStyle(), QTextCharFormat::WaveUnderline);

    // The error link puts the cursor on the error.
    textOf(editor)->moveCursor(QTextCursor::Start);
    Q_EMIT const_cast<QLabel *>(status)->linkActivated(QStringLiteral("#error"));
    QCOMPARE(textOf(editor)->textCursor().position(), selections.front().cursor.selectionStart());
}

void TestTriggerEditor::revertRestoresTheLastValidText()
{
    TriggerEditor editor;
    editor.show();
    const QString good = QStringLiteral(R"(type = "track")");
    editor.setFql(good);
    QSignalSpy edited(&editor, &TriggerEditor::fqlEdited);
    pasteFql(editor, QStringLiteral(R"(type = "track" and ()"));
    QVERIFY(editor.textError());

    auto *revert = editor.findChild<NoticeBar *>()->findChild<QPushButton *>(QStringLiteral("noticeAction"));
    QVERIFY(revert->isVisible());
    QTest::mouseClick(revert, Qt::LeftButton);
    QCOMPARE(editor.fql(), good);
    QCOMPARE(lastEmitted(edited), good);
    QVERIFY(!editor.textError());
    QVERIFY(builderOf(editor)->isEnabled());
    QVERIFY(editor.findChild<NoticeBar *>()->isHidden());
    // The text editor's own undo brings the broken text back.
    textOf(editor)->undo();
    QCOMPARE(editor.fql(), QStringLiteral(R"(type = "track" and ()"));
}

void TestTriggerEditor::textOnlyTriggerShowsTheNotice_data()
{
    QTest::addColumn<QString>("fql");
    QTest::addColumn<QString>("reason");

    QTest::newRow("number operator with text") << QStringLiteral(R"(properties.total < "abc")")
                                               << QStringLiteral("type string");
    QTest::newRow("not equals a boolean") << QStringLiteral("properties.vip != true")
                                          << QStringLiteral("type boolean");
    QTest::newRow("event name with <") << QStringLiteral(R"(event < "x")") << QStringLiteral("FQL cannot write back");
    QTest::newRow("empty parentheses") << QStringLiteral(R"(type = "track" and ())")
                                       << QStringLiteral("empty parentheses");
    QTest::newRow("unknown operator") << QStringLiteral(R"(properties.plan is "pro")")
                                      << QStringLiteral("does not know");
}

void TestTriggerEditor::textOnlyTriggerShowsTheNotice()
{
    QFETCH(QString, fql);
    QFETCH(QString, reason);

    TriggerEditor editor;
    editor.show();
    editor.setFql(QStringLiteral(R"(type = "track")"));
    QSignalSpy edited(&editor, &TriggerEditor::fqlEdited);
    typeFql(editor, fql);

    QVERIFY(editor.isTextOnly());
    QVERIFY(!editor.textError());
    QCOMPARE(editor.fql(), fql);
    QCOMPARE(lastEmitted(edited), fql);
    QVERIFY(!builderOf(editor)->isEnabled());
    const auto *notice = editor.findChild<QLabel *>(QStringLiteral("textOnlyLabel"));
    QVERIFY(notice->isVisible());
    QVERIFY(notice->text().startsWith(QStringLiteral("This trigger can only be edited as text")));
    QVERIFY2(notice->text().contains(reason), qPrintable(notice->text()));
    QVERIFY(!builderOf(editor)->isVisible());

    // Making it expressible again brings the builder back.
    typeFql(editor, QStringLiteral(R"(event = "x")"));
    QVERIFY(!editor.isTextOnly());
    QVERIFY(builderOf(editor)->isVisible());
    QVERIFY(builderOf(editor)->isEnabled());
    QCOMPARE(describeRows(editor), QStringList{QStringLiteral("Event name||is|x")});
}

void TestTriggerEditor::setFqlDoesNotEmit_data()
{
    QTest::addColumn<QString>("fql");
    QTest::addColumn<int>("rows");

    QTest::newRow("builder trigger") << QStringLiteral(R"(type = "track" and event = "A")") << 2;
    QTest::newRow("preset") << Preset << 5;
    QTest::newRow("malformed") << QStringLiteral(R"(type = "tr)") << 0;
    QTest::newRow("text only") << QStringLiteral(R"(properties.total < "abc")") << 0;
    QTest::newRow("empty") << QString() << 0;
}

void TestTriggerEditor::setFqlDoesNotEmit()
{
    QFETCH(QString, fql);
    QFETCH(int, rows);

    TriggerEditor editor;
    editor.show();
    QSignalSpy edited(&editor, &TriggerEditor::fqlEdited);
    editor.setFql(fql);
    QCOMPARE(editor.fql(), fql);
    QCOMPARE(rowsOf(editor).size(), rows);
    // Loading the same text again (the document echoing an edit) leaves the cursor where it is.
    textOf(editor)->moveCursor(QTextCursor::Start);
    editor.setFql(fql);
    QCOMPARE(textOf(editor)->textCursor().position(), 0);
    QCOMPARE(edited.count(), 0);
}

void TestTriggerEditor::presetRoundTrips()
{
    TriggerEditor editor;
    editor.show();
    editor.setFql(Preset);
    QCOMPARE(rootConnective(editor), QStringLiteral("any"));
    QCOMPARE(describeRows(editor),
             (QStringList{QStringLiteral("Event type||is|identify"), QStringLiteral("Event type||is|track"),
                          QStringLiteral("Event type||is|page"), QStringLiteral("Event type||is|screen"),
                          QStringLiteral("Event type||is|group")}));
    QCOMPARE(editor.fql(), Preset);

    // Through the builder and back: the generated text is the preset, character for character.
    QSignalSpy edited(&editor, &TriggerEditor::fqlEdited);
    auto *connective = builderOf(editor)->rootGroup()->findChild<QComboBox *>(QStringLiteral("groupOperatorCombo"));
    choose(connective, QStringLiteral("all"));
    choose(connective, QStringLiteral("any"));
    QCOMPARE(editor.fql(), Preset);
    QCOMPARE(lastEmitted(edited), Preset);

    // And typed by hand.
    TriggerEditor typed;
    typed.show();
    typeFql(typed, Preset);
    QCOMPARE(describeRows(typed), describeRows(editor));
    QCOMPARE(typed.fql(), Preset);
}

void TestTriggerEditor::incompleteConditionLeavesTheTextAlone()
{
    TriggerEditor editor;
    editor.show();
    const QString start = QStringLiteral(R"(type = "track")");
    editor.setFql(start);
    QTest::mouseClick(rootButton(editor, QStringLiteral("addConditionButton")), Qt::LeftButton);
    ConditionRow *row = rowsOf(editor).last();
    choose(row->findChild<QComboBox *>(QStringLiteral("fieldCombo")), QStringLiteral("Property"));
    choose(row->findChild<QComboBox *>(QStringLiteral("operatorCombo")), QStringLiteral(">"));

    // No property name and no number yet: the text keeps the last complete trigger.
    const QString before = editor.fql();
    QVERIFY(!before.contains(QStringLiteral("properties")));
    const auto *notice = editor.findChild<NoticeBar *>();
    QVERIFY(notice->isVisible());
    QVERIFY2(notice->text().contains(QStringLiteral("Condition 2")), qPrintable(notice->text()));
    // Relative to the row: a row made by the click is shown by its layout on the next turn of the event loop.
    QVERIFY(row->findChild<QLabel *>(QStringLiteral("problemMark"))->isVisibleTo(row));

    QTest::keyClicks(row->findChild<QLineEdit *>(QStringLiteral("pathEdit")), QStringLiteral("total"));
    QCOMPARE(editor.fql(), before);
    QTest::keyClicks(row->findChild<QLineEdit *>(QStringLiteral("valueEdit")), QStringLiteral("42"));
    QCOMPARE(editor.fql(), QStringLiteral(R"(type = "track" and properties.total > 42)"));
    QVERIFY(notice->isHidden());
    QVERIFY(!row->findChild<QLabel *>(QStringLiteral("problemMark"))->isVisibleTo(row));
}

void TestTriggerEditor::missingValueIsExplained_data()
{
    QTest::addColumn<QString>("fql");
    QTest::addColumn<QStringList>("rows"); // empty: the builder cannot show the trigger
    QTest::addColumn<QString>("hint");     // empty: no notice at all

    // Segment reads a missing value as its end-of-input token, the text "eos": the builder shows that.
    QTest::newRow("value not typed yet")
        << QStringLiteral("event = ") << QStringList{QStringLiteral("Event name||is|eos")}
        << QStringLiteral("Condition 1 has no value yet");
    QTest::newRow("second condition, no space")
        << QStringLiteral(R"(type = "track" and properties.plan =)")
        << QStringList{QStringLiteral("Event type||is|track"), QStringLiteral("Property|plan|is|eos")}
        << QStringLiteral("Condition 2 has no value yet");
    // "> eos" is no number: the builder cannot show it, the trigger stays editable as text (no rows to name).
    QTest::newRow("text only") << QStringLiteral("properties.total >") << QStringList()
                               << QStringLiteral("A condition has no value yet");
    QTest::newRow("inside parentheses")
        << QStringLiteral(R"((userId = ) or type = "page")")
        << QStringList{QStringLiteral("User ID||is|eos"), QStringLiteral("Event type||is|page")}
        << QStringLiteral("Condition 1 has no value yet");
    QTest::newRow("contains() without its text")
        << QStringLiteral("contains(event,") << QStringList{QStringLiteral("Event name||contains|eos")}
        << QStringLiteral("Condition 1 has no value yet");
    QTest::newRow("eos typed by the user") << QStringLiteral(R"(event = "eos")")
                                           << QStringList{QStringLiteral("Event name||is|eos")} << QString();
    // match() drops its pattern's first character (the `*` of "*os"): the missing pattern "eos" becomes "os".
    QTest::newRow("match() without its pattern")
        << QStringLiteral("match(event,") << QStringList{QStringLiteral("Event name||ends with|os")}
        << QStringLiteral("Condition 1 has no value yet");
    QTest::newRow("match() without its pattern, space typed")
        << QStringLiteral("match(userId, ") << QStringList{QStringLiteral("User ID||ends with|os")}
        << QStringLiteral("Condition 1 has no value yet");
    QTest::newRow("negated match() on a property")
        << QStringLiteral(R"(type = "track" and !match(properties.plan,)")
        << QStringList{QStringLiteral("Event type||is|track"), QStringLiteral("Property|plan|does not end with|os")}
        << QStringLiteral("Condition 2 has no value yet");
    QTest::newRow("match() inside parentheses")
        << QStringLiteral(R"((match(event,) or type = "page")")
        << QStringList{QStringLiteral("Event name||ends with|os"), QStringLiteral("Event type||is|page")}
        << QStringLiteral("Condition 1 has no value yet");
    QTest::newRow("contains() on a trait without its text")
        << QStringLiteral("contains(traits.email,") << QStringList{QStringLiteral("Trait|email|contains|eos")}
        << QStringLiteral("Condition 1 has no value yet");
    QTest::newRow("os typed by the user") << QStringLiteral(R"(match(event, "*os"))")
                                          << QStringList{QStringLiteral("Event name||ends with|os")} << QString();
    QTest::newRow("eos pattern typed by the user") << QStringLiteral(R"(match(context.os.name, "eos"))")
                                                   << QStringList{QStringLiteral("Context field|os.name|ends with|os")}
                                                   << QString();
    // The next token, not the end of the text, is the value here: no "eos" to explain.
    QTest::newRow("closing parenthesis read as the value")
        << QStringLiteral("event = )") << QStringList{QStringLiteral("Event name||is|)")} << QString();
}

void TestTriggerEditor::missingValueIsExplained()
{
    QFETCH(QString, fql);
    QFETCH(QStringList, rows);
    QFETCH(QString, hint);

    TriggerEditor editor;
    editor.show();
    typeFql(editor, fql);
    QVERIFY(!editor.textError());
    QCOMPARE(editor.isTextOnly(), rows.isEmpty());
    if (!rows.isEmpty())
        QCOMPARE(describeRows(editor), rows);
    const auto *notice = editor.findChild<NoticeBar *>();
    if (hint.isEmpty()) {
        QVERIFY2(notice->isHidden(), qPrintable(notice->text()));
        return;
    }
    QVERIFY(notice->isVisible());
    QVERIFY2(notice->text().startsWith(hint), qPrintable(notice->text()));
    QVERIFY2(notice->text().contains(QStringLiteral("Segment reads the missing value as the text \u201ceos\u201d")),
             qPrintable(notice->text()));
    // A match() row shows "os": the notice names that value too, so the row and the notice agree.
    const bool cut = std::any_of(rows.cbegin(), rows.cend(),
                                 [](const QString &row) { return row.endsWith(QStringLiteral("|os")); });
    QCOMPARE(notice->text().contains(QStringLiteral("match() cuts to \u201cos\u201d")), cut);
}

void TestTriggerEditor::missingValueHintGoesOnceTheValueIsTyped()
{
    TriggerEditor editor;
    editor.show();
    typeFql(editor, QStringLiteral("event = "));
    const auto *notice = editor.findChild<NoticeBar *>();
    QVERIFY(notice->isVisible());
    QTest::keyClicks(textOf(editor), QStringLiteral(R"("Order Completed")"));
    QCOMPARE(describeRows(editor), QStringList{QStringLiteral("Event name||is|Order Completed")});
    QVERIFY2(notice->isHidden(), qPrintable(notice->text()));
}

void TestTriggerEditor::valueWithADoubleQuoteIsRefused()
{
    TriggerEditor editor;
    editor.show();
    QTest::mouseClick(rootButton(editor, QStringLiteral("addConditionButton")), Qt::LeftButton);
    fillLastRow(editor, QStringLiteral("Event name"), QString(), QStringLiteral("is"), QStringLiteral("say"));
    QCOMPARE(editor.fql(), QStringLiteral(R"(event = "say")"));
    QTest::keyClicks(rowsOf(editor).last()->findChild<QLineEdit *>(QStringLiteral("valueEdit")),
                     QStringLiteral(R"( "hi")"));
    // FQL strings have no escapes: the text never gets a trigger that would mean something else.
    QVERIFY(!editor.fql().contains(QStringLiteral("hi")));
    QVERIFY(editor.findChild<NoticeBar *>()->text().contains(QStringLiteral("double quote")));
    QCOMPARE(describe(rowsOf(editor).last()), QStringLiteral(R"(Event name||is|say "hi")"));
}

void TestTriggerEditor::sampleEventMarksEachCondition()
{
    TriggerEditor editor;
    editor.show();
    const Result<json::Value> event =
        json::parse(QStringView(uR"({"type":"track","event":"A","properties":{"total":12,"sku":"X"}})"));
    QVERIFY(event.ok());
    editor.setSampleEvent(*event);
    editor.setFql(QStringLiteral(R"(type = "track" and event = "B")"));

    const auto rows = rowsOf(editor);
    QCOMPARE(rows.size(), 2);
    QCOMPARE(rows.at(0)->findChild<QLabel *>(QStringLiteral("matchMark"))->text(), QStringLiteral("✓"));
    QCOMPARE(rows.at(1)->findChild<QLabel *>(QStringLiteral("matchMark"))->text(), QStringLiteral("✗"));
    const auto *match = editor.findChild<QLabel *>(QStringLiteral("matchLabel"));
    QVERIFY(match->isVisible());
    QVERIFY(match->text().contains(QStringLiteral("Does not match")));

    // Editing in the builder updates the marks.
    choose(rows.at(1)->findChild<QComboBox *>(QStringLiteral("operatorCombo")), QStringLiteral("is not"));
    QCOMPARE(rowsOf(editor).at(1)->findChild<QLabel *>(QStringLiteral("matchMark"))->text(), QStringLiteral("✓"));
    QVERIFY(match->text().contains(QStringLiteral("Matches")));

    // Property paths of the sample are offered as completions.
    QTest::mouseClick(rootButton(editor, QStringLiteral("addConditionButton")), Qt::LeftButton);
    ConditionRow *row = rowsOf(editor).last();
    choose(row->findChild<QComboBox *>(QStringLiteral("fieldCombo")), QStringLiteral("Property"));
    const QCompleter *completer = row->findChild<QLineEdit *>(QStringLiteral("pathEdit"))->completer();
    QVERIFY(completer);
    QCOMPARE(completer->model()->rowCount(), 2);
    QCOMPARE(completer->model()->index(0, 0).data().toString(), QStringLiteral("total"));
}

void TestTriggerEditor::nestedRowsFitWithoutScrollingSideways()
{
    // The builder's column in a 1600-pixel window on first start is about 540 pixels wide (37 % of the window,
    // less margins): a property row inside a group must fit it, remove button and all, without scrolling sideways.
    TriggerEditor editor;
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    editor.setFql(QStringLiteral(R"(type = "track" and (properties.coupon = "SUMMER10" or event = "Order Completed"))"));
    QCOMPARE(rowsOf(editor).size(), 3);
    auto *scroll = editor.findChild<QScrollArea *>(QStringLiteral("builderScroll"));
    QVERIFY(scroll);
    QTRY_VERIFY(scroll->widget()->minimumSizeHint().width() > 200); // the rows are laid out
    QVERIFY2(scroll->widget()->minimumSizeHint().width() <= 520,
             qPrintable(QString::number(scroll->widget()->minimumSizeHint().width())));
}

QTEST_MAIN(TestTriggerEditor)
#include "tst_triggereditor.moc"
