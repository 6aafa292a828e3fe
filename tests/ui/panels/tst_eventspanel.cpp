#include "document/projectdocument.h"
#include "panels/audienceeventdialog.h"
#include "panels/eventspanel.h"
#include "panels/eventtextparser.h"
#include "widgets/codeedit.h"
#include "widgets/jsoneditor.h"
#include "widgets/messagebar.h"

#include "json/object.h"
#include "json/parser.h"

#include <QAction>
#include <QClipboard>
#include <QFile>
#include <QGuiApplication>
#include <QListView>
#include <QMenu>
#include <QMimeData>
#include <QTemporaryDir>
#include <QTimer>
#include <QPushButton>
#include <QRadioButton>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QApplication>
#include <QScopeGuard>
#include <QTest>
#include <QTreeView>
#include <QUndoStack>
#include <QUrl>

using namespace inkmapper;
using ui::EventsPanel;
using ui::ProjectDocument;

namespace {

json::Value parsed(const QString &text)
{
    return *json::parse(QStringView(text));
}

void writeFile(const QString &path, const QByteArray &content)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(content);
}

/** Replaces the editor's whole text by typing, as a user would. */
void retype(EventsPanel &panel, const QString &text)
{
    ui::CodeEdit *edit = panel.editor()->textEdit();
    edit->setFocus();
    QTest::keyClick(edit, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClick(edit, Qt::Key_Delete);
    QTest::keyClicks(edit, text);
}

/** A track event whose editor text is longer than the background parser's threshold. */
QString largeEventText()
{
    QString text = QStringLiteral("{\"type\":\"track\",\"event\":\"Big\",\"properties\":{\"products\":[");
    for (int i = 0; i < 3000; ++i)
        text += QStringLiteral("%1{\"sku\":\"SKU-%2\",\"price\":%2}").arg(i ? QStringLiteral(",") : QString()).arg(i);
    return text + QStringLiteral("]}}");
}

/** Types `keys` into the shown event's name: "Big" becomes "Big" + keys. */
void typeIntoEventName(EventsPanel &panel, const QString &keys)
{
    ui::CodeEdit *edit = panel.editor()->textEdit();
    edit->setFocus();
    QTextCursor cursor = edit->textCursor();
    cursor.setPosition(int(panel.editor()->text().indexOf(QStringLiteral("\"Big\"")) + 4));
    edit->setTextCursor(cursor);
    QTest::keyClicks(edit, keys);
}

QString eventName(const ProjectDocument &doc, int index)
{
    if (size_t(index) >= doc.project().events().size())
        return QStringLiteral("(no such event)");
    const json::Value *name = doc.project().events()[size_t(index)].event.toObject().find(u"event");
    return name ? name->toString() : QStringLiteral("(no name)");
}

} // namespace

class TestEventsPanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void pasteSeveralEvents();
    void pasteFromTheClipboard();
    void malformedPasteStaysAsDraft();
    void malformedEditNeverOverwritesTheLastGoodEvent();
    void undoShowsThePreviousEvent();
    void largeEventIsParsedInTheBackground();
    void pendingEditIsHandedInFirst_data();
    void pendingEditIsHandedInFirst();
    void malformedLargeEditIsMarked();
    void specFindingsOfTheSelectedEvent();
    void loadFilesKeepsGoodEventsAndListsErrors();
    void largeFileLoadsInTheBackground();
    void droppedFilesAreLoaded();
    void samplesMenuAddsAnEvent();
    void audienceEventThroughTheDialog();
    void removeSelectedEvents();

private:
    std::unique_ptr<ProjectDocument> m_doc;
    std::unique_ptr<EventsPanel> m_panel;
};

void TestEventsPanel::init()
{
    m_panel.reset();
    m_doc = std::make_unique<ProjectDocument>();
    m_panel = std::make_unique<EventsPanel>(m_doc.get());
    m_panel->resize(500, 700);
    m_panel->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_panel.get()));
}

void TestEventsPanel::pasteSeveralEvents()
{
    m_panel->pasteText(QStringLiteral("{\"type\":\"track\",\"event\":\"A\"}\n{\"type\":\"page\",\"name\":\"Home\"}\n"));
    QCOMPARE(m_panel->listView()->model()->rowCount(), 2);
    QCOMPARE(m_panel->listView()->model()->index(1, 1).data().toString(), QStringLiteral("Home"));
    QCOMPARE(m_doc->currentEventIndex(), 0);
    QCOMPARE(m_panel->listView()->currentIndex().row(), 0);
    QCOMPARE(parsed(m_panel->editor()->text()), parsed(QStringLiteral("{\"type\":\"track\",\"event\":\"A\"}")));
    QCOMPARE(m_panel->editorTitle(), QStringLiteral("Event 1 of 2"));
    QVERIFY(m_panel->messageBar()->isHidden());
    QCOMPARE(m_doc->undoStack()->count(), 1);
}

void TestEventsPanel::pasteFromTheClipboard()
{
    QGuiApplication::clipboard()->setText(QStringLiteral("[{\"type\":\"identify\",\"userId\":\"u1\"},{\"type\":\"group\",\"groupId\":\"g\"}]"));
    m_panel->listView()->setFocus();
    QTest::keyClick(m_panel->listView(), Qt::Key_V, Qt::ControlModifier);
    QCOMPARE(m_panel->listView()->model()->rowCount(), 2);
    QCOMPARE(m_panel->listView()->model()->index(0, 2).data().toString(), QStringLiteral("u1"));
}

void TestEventsPanel::malformedPasteStaysAsDraft()
{
    const QString broken = QStringLiteral("{\n  \"type\": \"track\",\n  \"event\": \n}");
    m_panel->pasteText(broken);
    QCOMPARE(m_panel->listView()->model()->rowCount(), 0);
    QVERIFY(m_panel->isEditingDraft());
    QCOMPARE(m_panel->editor()->text(), broken);
    QVERIFY2(m_panel->editor()->errorMessage().startsWith(QStringLiteral("line 4, column 1: ")),
             qPrintable(m_panel->editor()->errorMessage()));
    QCOMPARE(m_panel->editor()->textEdit()->errorLine(), 4);
    QCOMPARE(m_panel->messageBar()->level(), ui::MessageBar::Level::Error);
    QVERIFY(m_panel->messageBar()->text().contains(QStringLiteral("stays in the editor")));
    QCOMPARE(m_panel->editorTitle(), QStringLiteral("Pasted text: not an event yet"));

    // Fixing the text in the editor adds the event.
    ui::CodeEdit *edit = m_panel->editor()->textEdit();
    edit->setFocus();
    QTextCursor cursor = edit->textCursor();
    cursor.setPosition(broken.indexOf(QStringLiteral(": \n}")) + 2);
    edit->setTextCursor(cursor);
    QTest::keyClicks(edit, QStringLiteral("\"Order Completed\""));
    QCOMPARE(m_panel->listView()->model()->rowCount(), 1);
    QVERIFY(!m_panel->isEditingDraft());
    QVERIFY(!m_panel->editor()->hasError());
    QCOMPARE(m_doc->project().events()[0].event,
             parsed(QStringLiteral("{\"type\":\"track\",\"event\":\"Order Completed\"}")));
}

void TestEventsPanel::malformedEditNeverOverwritesTheLastGoodEvent()
{
    m_panel->pasteText(QStringLiteral("{\"type\":\"track\",\"event\":\"A\"}\n{\"type\":\"page\"}"));
    const json::Value good = m_doc->project().events()[0].event;
    retype(*m_panel, QStringLiteral("{\"type\": \"track\", \"event\": \"B\""));
    QVERIFY(m_panel->editor()->hasError());
    QVERIFY(m_panel->editor()->errorMessage().startsWith(QStringLiteral("line 1, column ")));
    QCOMPARE(m_doc->project().events()[0].event, good);

    // Looking at another event and coming back: the unfinished edit is still there, still marked.
    m_panel->listView()->setCurrentIndex(m_panel->listView()->model()->index(1, 0));
    QCOMPARE(m_doc->currentEventIndex(), 1);
    QVERIFY(!m_panel->editor()->hasError());
    m_panel->listView()->setCurrentIndex(m_panel->listView()->model()->index(0, 0));
    QCOMPARE(m_panel->editor()->text(), QStringLiteral("{\"type\": \"track\", \"event\": \"B\""));
    QVERIFY(m_panel->editor()->hasError());

    m_panel->editor()->textEdit()->moveCursor(QTextCursor::End);
    QTest::keyClicks(m_panel->editor()->textEdit(), QStringLiteral("}"));
    QVERIFY(!m_panel->editor()->hasError());
    QCOMPARE(m_doc->project().events()[0].event, parsed(QStringLiteral("{\"type\":\"track\",\"event\":\"B\"}")));
}

void TestEventsPanel::undoShowsThePreviousEvent()
{
    m_panel->pasteText(QStringLiteral("{\"type\":\"track\"}"));
    retype(*m_panel, QStringLiteral("{\"type\":\"page\"}"));
    QCOMPARE(m_panel->listView()->model()->index(0, 0).data().toString(), QStringLiteral("page"));
    m_doc->undoStack()->undo();
    QCOMPARE(m_panel->listView()->model()->index(0, 0).data().toString(), QStringLiteral("track"));
    QCOMPARE(parsed(m_panel->editor()->text()), parsed(QStringLiteral("{\"type\":\"track\"}")));
    m_doc->undoStack()->redo();
    QCOMPARE(parsed(m_panel->editor()->text()), parsed(QStringLiteral("{\"type\":\"page\"}")));
}

void TestEventsPanel::largeEventIsParsedInTheBackground()
{
    m_panel->pasteText(largeEventText());
    QVERIFY(m_panel->editor()->text().size() > ui::EventTextParser::BackgroundThreshold);
    const int steps = m_doc->undoStack()->count();

    typeIntoEventName(*m_panel, QStringLiteral("ger"));
    // The keys are handled without parsing the event: nothing reached the project yet.
    QCOMPARE(eventName(*m_doc, 0), QStringLiteral("Big"));
    QCOMPARE(m_doc->undoStack()->count(), steps);
    // The newest text arrives, as one step.
    QTRY_COMPARE(eventName(*m_doc, 0), QStringLiteral("Bigger"));
    QCOMPARE(m_doc->undoStack()->count(), steps + 1);
    QVERIFY(!m_panel->editor()->hasError());
    QCOMPARE(m_panel->listView()->model()->index(0, 1).data().toString(), QStringLiteral("Bigger"));
}

void TestEventsPanel::pendingEditIsHandedInFirst_data()
{
    QTest::addColumn<QString>("action");
    QTest::addColumn<QString>("expected"); // the name of the first event afterwards
    QTest::newRow("save") << QStringLiteral("save") << QStringLiteral("BigX");
    QTest::newRow("undo undoes the keys") << QStringLiteral("undo") << QStringLiteral("Big");
    QTest::newRow("switch to another event") << QStringLiteral("switch") << QStringLiteral("BigX");
    QTest::newRow("add events") << QStringLiteral("add") << QStringLiteral("BigX");
    QTest::newRow("remove it, then undo") << QStringLiteral("remove") << QStringLiteral("BigX");
    QTest::newRow("show the pasted draft") << QStringLiteral("draft") << QStringLiteral("BigX");
}

void TestEventsPanel::pendingEditIsHandedInFirst()
{
    QFETCH(QString, action);
    QFETCH(QString, expected);
    m_panel->pasteText(largeEventText() + QStringLiteral("\n{\"type\":\"page\"}"));
    m_doc->setCurrentEventIndex(0);
    typeIntoEventName(*m_panel, QStringLiteral("X"));
    QCOMPARE(eventName(*m_doc, 0), QStringLiteral("Big")); // still being parsed

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("p.inkmapper.json"));
    if (action == u"save") {
        QVERIFY(m_doc->save(path));
        QVERIFY(!m_doc->isModified());
        ProjectDocument reopened;
        QVERIFY(reopened.load(path));
        QCOMPARE(eventName(reopened, 0), expected);
    } else if (action == u"undo") {
        m_doc->undo();
    } else if (action == u"switch") {
        m_panel->listView()->setCurrentIndex(m_panel->listView()->model()->index(1, 0));
        QCOMPARE(m_doc->currentEventIndex(), 1);
    } else if (action == u"add") {
        m_panel->pasteText(QStringLiteral("{\"type\":\"screen\"}"));
        QCOMPARE(m_doc->project().events().size(), size_t(3));
    } else if (action == u"remove") {
        m_doc->removeEvent(0);
        QCOMPARE(m_doc->project().events().size(), size_t(1));
        m_doc->undo();
    } else if (action == u"draft") {
        m_panel->pasteText(QStringLiteral("{\"type\": oops"));
        QVERIFY(m_panel->isEditingDraft());
    }
    QCOMPARE(eventName(*m_doc, 0), expected);
    // Nothing arrives later to overwrite it.
    QTest::qWait(200);
    QCOMPARE(eventName(*m_doc, 0), expected);
    if (action == u"undo") {
        QCOMPARE(eventName(*m_doc, 0), QStringLiteral("Big"));
        m_doc->redo();
        QCOMPARE(eventName(*m_doc, 0), QStringLiteral("BigX"));
    }
}

void TestEventsPanel::malformedLargeEditIsMarked()
{
    m_panel->pasteText(largeEventText());
    typeIntoEventName(*m_panel, QStringLiteral("\""));
    QVERIFY(!m_panel->editor()->hasError()); // not parsed yet
    QTRY_VERIFY(m_panel->editor()->hasError());
    QVERIFY2(m_panel->editor()->errorMessage().startsWith(QStringLiteral("line 3, column ")),
             qPrintable(m_panel->editor()->errorMessage()));
    QCOMPARE(eventName(*m_doc, 0), QStringLiteral("Big"));
    // Erasing the key makes it an event again.
    QTest::keyClick(m_panel->editor()->textEdit(), Qt::Key_Backspace);
    QTRY_VERIFY(!m_panel->editor()->hasError());
    QCOMPARE(eventName(*m_doc, 0), QStringLiteral("Big"));
}

void TestEventsPanel::specFindingsOfTheSelectedEvent()
{
    m_panel->pasteText(QStringLiteral("{\"type\":\"Track\"}"));
    QAbstractItemModel *findings = m_panel->findingsView()->model();
    QVERIFY(findings->rowCount() > 0);
    bool mentionsType = false;
    for (int row = 0; row < findings->rowCount(); ++row)
        mentionsType = mentionsType || findings->index(row, 0).data().toString().contains(QStringLiteral("\"track\""));
    QVERIFY(mentionsType);
    QVERIFY2(m_panel->findingsTitle().startsWith(QStringLiteral("Spec checks: ")), qPrintable(m_panel->findingsTitle()));
    QVERIFY(m_panel->findingsTitle().endsWith(QStringLiteral("findings")) || m_panel->findingsTitle().endsWith(QStringLiteral("finding")));
    QVERIFY(m_panel->findingsView()->isVisibleTo(m_panel.get()));

    // A clean event: no empty box, a heading that says so.
    retype(*m_panel, QStringLiteral(R"({"type":"track","event":"Signed Up","userId":"u1","messageId":"m1",)"
                                    R"("timestamp":"2026-11-23T10:00:00.000Z","properties":{}})"));
    QCOMPARE(findings->rowCount(), 0);
    QVERIFY(!m_panel->findingsView()->isVisibleTo(m_panel.get()));
    QCOMPARE(m_panel->findingsTitle(), QStringLiteral("Spec checks: nothing to report, the event follows the Segment spec."));
}

void TestEventsPanel::loadFilesKeepsGoodEventsAndListsErrors()
{
    QTemporaryDir dir;
    const QString one = dir.filePath(QStringLiteral("one.json"));
    const QString lines = dir.filePath(QStringLiteral("many.jsonl"));
    writeFile(one, R"({"type":"identify","userId":"u1"})");
    writeFile(lines, "{\"type\":\"track\",\"event\":\"A\"}\n{\"type\": oops}\n{\"type\":\"page\"}\n");
    m_panel->loadFiles({one, lines});
    QCOMPARE(m_panel->listView()->model()->rowCount(), 3);
    QCOMPARE(m_panel->listView()->model()->index(1, 3).data().toString(), QStringLiteral("many.jsonl:1"));
    QCOMPARE(m_panel->messageBar()->level(), ui::MessageBar::Level::Warning);
    QVERIFY2(m_panel->messageBar()->text().contains(QStringLiteral("many.jsonl, line 2, column ")),
             qPrintable(m_panel->messageBar()->text()));
    QCOMPARE(m_doc->undoStack()->count(), 1); // one load, one undo step
}

void TestEventsPanel::largeFileLoadsInTheBackground()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("large.jsonl"));
    QByteArray content;
    const QByteArray padding(400, 'x');
    for (int i = 0; i < 12000; ++i)
        content += "{\"type\":\"track\",\"event\":\"E" + QByteArray::number(i) + "\",\"properties\":{\"pad\":\"" + padding + "\"}}\n";
    QVERIFY(content.size() > EventsPanel::BackgroundLoadThreshold);
    writeFile(path, content);
    m_panel->loadFiles({path});
    // The load runs on a worker thread: nothing has arrived when loadFiles() returns.
    QCOMPARE(m_panel->listView()->model()->rowCount(), 0);
    QTRY_COMPARE_WITH_TIMEOUT(m_panel->listView()->model()->rowCount(), 10000, 60000);
    QVERIFY(m_panel->messageBar()->text().contains(QStringLiteral("Only the first 10000 events")));
    QCOMPARE(m_panel->listView()->model()->index(9999, 1).data().toString(), QStringLiteral("E9999"));
}

void TestEventsPanel::droppedFilesAreLoaded()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("dropped.json"));
    writeFile(path, R"([{"type":"screen","name":"Cart"}])");
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(path)});
    const QPoint where = m_panel->rect().center();
    QDragEnterEvent enter(where, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(m_panel.get(), &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(where, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(m_panel.get(), &drop);
    QCOMPARE(m_panel->listView()->model()->rowCount(), 1);
    QCOMPARE(m_panel->listView()->model()->index(0, 1).data().toString(), QStringLiteral("Cart"));
}

void TestEventsPanel::samplesMenuAddsAnEvent()
{
    QMenu *samples = m_panel->samplesMenu();
    QVERIFY(samples->actions().size() >= 2); // event types and e-commerce
    QMenu *ecommerce = nullptr;
    for (QAction *action : samples->actions()) {
        if (action->menu() && action->text().contains(QStringLiteral("commerce")))
            ecommerce = action->menu();
    }
    QVERIFY(ecommerce);
    QAction *orderCompleted = nullptr;
    for (QAction *action : ecommerce->actions()) {
        if (action->text() == QStringLiteral("Order Completed"))
            orderCompleted = action;
    }
    QVERIFY(orderCompleted);
    orderCompleted->trigger();
    QCOMPARE(m_panel->listView()->model()->rowCount(), 1);
    QCOMPARE(m_panel->listView()->model()->index(0, 1).data().toString(), QStringLiteral("Order Completed"));
    QVERIFY(m_panel->editor()->text().contains(QStringLiteral("\"products\"")));
}

void TestEventsPanel::audienceEventThroughTheDialog()
{
    QAction *action = m_panel->samplesMenu()->findChild<QAction *>(QStringLiteral("audienceEventAction"));
    QVERIFY(action);
    bool checked = false;
    // The dialog is modal: it is filled in and accepted from the event loop it runs.
    QTimer::singleShot(0, this, [&checked] {
        auto *dialog = qobject_cast<ui::AudienceEventDialog *>(QApplication::activeModalWidget());
        QVERIFY(dialog);
        // A failed check returns early: the dialog is closed all the same, or the test would wait forever.
        const auto closeAnyway = qScopeGuard([dialog] {
            if (dialog->isVisible())
                dialog->reject();
        });
        dialog->nameEdit()->selectAll();
        QTest::keyClicks(dialog->nameEdit(), QStringLiteral("VIP Shoppers 2026"));
        QCOMPARE(dialog->keyEdit()->text(), QStringLiteral("vip_shoppers_2026")); // follows the name
        const QString shown = dialog->previewView()->toPlainText();
        QVERIFY2(shown.contains(QStringLiteral("\"vip_shoppers_2026\": true")), qPrintable(shown.left(400)));
        QVERIFY(shown.contains(QStringLiteral("\"computation_class\": \"audience\"")));
        // A computed trait whose value is not JSON cannot be added, and says why.
        dialog->computedTraitButton()->setChecked(true);
        dialog->valueEdit()->setText(QStringLiteral("gold"));
        QVERIFY(dialog->previewView()->toPlainText().contains(QStringLiteral("not JSON")));
        QVERIFY(!dialog->findChild<QPushButton *>(QStringLiteral("addAudienceEvent"))->isEnabled());
        dialog->valueEdit()->setText(QStringLiteral("\"gold\""));
        dialog->trackButton()->setChecked(true);
        QVERIFY(dialog->previewView()->toPlainText().contains(QStringLiteral("\"Trait Computed\"")));
        checked = true;
        dialog->findChild<QPushButton *>(QStringLiteral("addAudienceEvent"))->click();
    });
    action->trigger();
    QVERIFY(checked);
    QCOMPARE(m_doc->project().events().size(), size_t(1));
    const json::Value &event = m_doc->project().events().front().event;
    QCOMPARE(event.toObject().value(u"event").toString(), QStringLiteral("Trait Computed"));
    QCOMPARE(event.toObject().value(u"properties").toObject().value(u"vip_shoppers_2026").toString(), QStringLiteral("gold"));
    m_doc->undoStack()->undo(); // one undo step, as any added event
    QVERIFY(m_doc->project().events().empty());
}

void TestEventsPanel::removeSelectedEvents()
{
    m_panel->pasteText(QStringLiteral("{\"type\":\"track\"}\n{\"type\":\"page\"}\n{\"type\":\"screen\"}"));
    QTreeView *list = m_panel->listView();
    list->setFocus();
    list->setCurrentIndex(list->model()->index(1, 0));
    QVERIFY(m_panel->removeAction()->isEnabled());
    QTest::keyClick(list, Qt::Key_Delete);
    QCOMPARE(list->model()->rowCount(), 2);
    QCOMPARE(list->model()->index(1, 0).data().toString(), QStringLiteral("screen"));
    QCOMPARE(m_doc->currentEventIndex(), 1);
    QCOMPARE(parsed(m_panel->editor()->text()), parsed(QStringLiteral("{\"type\":\"screen\"}")));
    m_doc->undoStack()->undo();
    QCOMPARE(list->model()->rowCount(), 3);
}

QTEST_MAIN(TestEventsPanel)
#include "tst_eventspanel.moc"
