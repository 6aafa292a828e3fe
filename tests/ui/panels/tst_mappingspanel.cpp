#include "document/projectdocument.h"
#include "models/mappinglistmodel.h"
#include "panels/mappingspanel.h"
#include "widgets/messagebar.h"

#include <QAction>
#include <QApplication>
#include <QLineEdit>
#include <QTest>
#include <QTreeView>
#include <QUndoStack>

using namespace inkmapper;
using ui::MappingListModel;
using ui::MappingsPanel;
using ui::ProjectDocument;

namespace {

QStringList shownNames(const QTreeView *view)
{
    QStringList names;
    for (int row = 0; row < view->model()->rowCount(); ++row)
        names.append(view->model()->index(row, MappingListModel::NameColumn).data().toString());
    return names;
}

} // namespace

class TestMappingsPanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void addFromPresetAndBlank();
    void fiftyFirstIsRefusedWithAMessage();
    void renameWithF2();
    void emptyRenameIsExplained();
    void reorderWithTheToolbar();
    void deleteAndUndo();
    void spaceTogglesEnabled();
    void selectionFollowsTheDocument();

private:
    std::unique_ptr<ProjectDocument> m_doc;
    std::unique_ptr<MappingsPanel> m_panel;
};

void TestMappingsPanel::init()
{
    m_panel.reset();
    m_doc = std::make_unique<ProjectDocument>();
    m_panel = std::make_unique<MappingsPanel>(m_doc.get());
    m_panel->resize(500, 400);
    m_panel->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_panel.get()));
}

void TestMappingsPanel::addFromPresetAndBlank()
{
    QCOMPARE(m_panel->countText(), QStringLiteral("1 of 50"));
    m_panel->addPresetAction()->trigger();
    m_panel->addBlankAction()->trigger();
    QCOMPARE(shownNames(m_panel->listView()),
             (QStringList{QStringLiteral("Send Entire Event"), QStringLiteral("Send Entire Event 2"), QStringLiteral("New Mapping")}));
    QCOMPARE(m_panel->listView()->currentIndex().row(), 2);
    QCOMPARE(m_panel->countText(), QStringLiteral("3 of 50"));

    // Insert on the list adds from the preset too.
    m_panel->listView()->setFocus();
    QTest::keyClick(m_panel->listView(), Qt::Key_Insert);
    QCOMPARE(m_panel->listView()->model()->rowCount(), 4);
}

void TestMappingsPanel::fiftyFirstIsRefusedWithAMessage()
{
    while (m_doc->project().mappingCount() < 50)
        QVERIFY(m_doc->addPresetMapping().ok());
    QVERIFY(m_panel->messageBar()->isHidden());
    m_panel->addPresetAction()->trigger();
    QCOMPARE(m_panel->listView()->model()->rowCount(), 50);
    QVERIFY(!m_panel->messageBar()->isHidden());
    QCOMPARE(m_panel->messageBar()->level(), ui::MessageBar::Level::Warning);
    QVERIFY2(m_panel->messageBar()->text().startsWith(QStringLiteral("Cannot add another mapping: a project holds at most 50 mappings")),
             qPrintable(m_panel->messageBar()->text()));
    m_panel->duplicateAction()->trigger();
    QCOMPARE(m_panel->listView()->model()->rowCount(), 50);
    QCOMPARE(m_panel->countText(), QStringLiteral("50 of 50"));

    // Making room clears the way: the next addition works and the message goes.
    m_panel->deleteAction()->trigger();
    m_panel->addBlankAction()->trigger();
    QCOMPARE(m_panel->listView()->model()->rowCount(), 50);
    QVERIFY(m_panel->messageBar()->isHidden());
}

void TestMappingsPanel::renameWithF2()
{
    QTreeView *list = m_panel->listView();
    list->setFocus();
    QTest::keyClick(list, Qt::Key_F2);
    auto *editor = list->findChild<QLineEdit *>();
    QVERIFY(editor);
    QTRY_VERIFY(editor->isVisible());
    QCOMPARE(editor->text(), QStringLiteral("Send Entire Event"));
    editor->selectAll();
    QTest::keyClicks(editor, QStringLiteral("Orders to Movable Ink"));
    QTest::keyClick(editor, Qt::Key_Return);
    // The delegate commits on the next turn of the event loop.
    QTRY_COMPARE(m_doc->project().mapping(0).name, QStringLiteral("Orders to Movable Ink"));
    QCOMPARE(shownNames(list).front(), QStringLiteral("Orders to Movable Ink"));
    m_doc->undoStack()->undo();
    QCOMPARE(shownNames(list).front(), QStringLiteral("Send Entire Event"));
}

void TestMappingsPanel::emptyRenameIsExplained()
{
    QTreeView *list = m_panel->listView();
    list->setFocus();
    m_panel->renameAction()->trigger();
    auto *editor = list->findChild<QLineEdit *>();
    QVERIFY(editor);
    editor->selectAll();
    QTest::keyClick(editor, Qt::Key_Delete);
    QTest::keyClick(editor, Qt::Key_Return);
    QTRY_COMPARE(m_panel->messageBar()->text(), QStringLiteral("A mapping needs a name."));
    QCOMPARE(m_doc->project().mapping(0).name, QStringLiteral("Send Entire Event"));
}

void TestMappingsPanel::reorderWithTheToolbar()
{
    m_panel->addPresetAction()->trigger();
    m_panel->addPresetAction()->trigger();
    QCOMPARE(m_panel->listView()->currentIndex().row(), 2);
    QVERIFY(!m_panel->moveDownAction()->isEnabled());
    m_panel->moveUpAction()->trigger();
    m_panel->moveUpAction()->trigger();
    QCOMPARE(shownNames(m_panel->listView()),
             (QStringList{QStringLiteral("Send Entire Event 3"), QStringLiteral("Send Entire Event"), QStringLiteral("Send Entire Event 2")}));
    QCOMPARE(m_panel->listView()->currentIndex().row(), 0);
    QVERIFY(!m_panel->moveUpAction()->isEnabled());
    QTest::keyClick(m_panel->listView(), Qt::Key_Down, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(shownNames(m_panel->listView()).at(1), QStringLiteral("Send Entire Event 3"));
    m_doc->undoStack()->undo();
    m_doc->undoStack()->undo();
    m_doc->undoStack()->undo();
    QCOMPARE(shownNames(m_panel->listView()).at(2), QStringLiteral("Send Entire Event 3"));
}

void TestMappingsPanel::deleteAndUndo()
{
    m_panel->addPresetAction()->trigger();
    m_panel->listView()->setFocus();
    QTest::keyClick(m_panel->listView(), Qt::Key_Delete);
    QCOMPARE(shownNames(m_panel->listView()), QStringList{QStringLiteral("Send Entire Event")});
    QCOMPARE(m_panel->countText(), QStringLiteral("1 of 50"));
    m_doc->undoStack()->undo();
    QCOMPARE(m_panel->listView()->model()->rowCount(), 2);
}

void TestMappingsPanel::spaceTogglesEnabled()
{
    QTreeView *list = m_panel->listView();
    list->setFocus();
    list->setCurrentIndex(list->model()->index(0, MappingListModel::NameColumn));
    QTest::keyClick(list, Qt::Key_Space);
    QVERIFY(!m_doc->project().mapping(0).enabled);
    QCOMPARE(list->model()->index(0, 0).data(Qt::CheckStateRole).toInt(), int(Qt::Unchecked));
    m_doc->undoStack()->undo();
    QCOMPARE(list->model()->index(0, 0).data(Qt::CheckStateRole).toInt(), int(Qt::Checked));
}

void TestMappingsPanel::selectionFollowsTheDocument()
{
    m_panel->addPresetAction()->trigger();
    m_doc->setCurrentMappingIndex(0);
    QCOMPARE(m_panel->listView()->currentIndex().row(), 0);
    m_panel->listView()->setCurrentIndex(m_panel->listView()->model()->index(1, 0));
    QCOMPARE(m_doc->currentMappingIndex(), 1);
}

QTEST_MAIN(TestMappingsPanel)
#include "tst_mappingspanel.moc"
