#include "document/projectdocument.h"
#include "fields/fieldeditor.h"
#include "mainwindow/mainwindow.h"
#include "models/eventlistmodel.h"
#include "models/mappinglistmodel.h"
#include "models/testhistorymodel.h"
#include "panels/eventspanel.h"
#include "panels/mappingspanel.h"
#include "panels/settingspanel.h"
#include "preview/identityview.h"
#include "preview/previewpanel.h"
#include "send/sendpanel.h"

#include "inspector/inspector.h"
#include "trigger/triggereditor.h"
#include "widgets/jsoneditor.h"
#include "widgets/messagebar.h"

#include "json/object.h"
#include "destination/readinessfinding.h"
#include "project/demoproject.h"
#include "project/workspacefile.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QToolButton>
#include <QTreeView>
#include <QSpinBox>
#include <QElapsedTimer>
#include <QTreeWidget>
#include <QDialog>
#include <QItemSelectionModel>
#include <QComboBox>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolButton>
#include <QTreeView>
#include <QUndoStack>

#include <functional>

using namespace inkmapper;
using ui::MainWindow;
using ui::SettingsPanel;

namespace {

/** Runs `handle` on the next modal dialog as soon as it is open (the test itself is blocked in exec()). */
void onNextModal(std::function<void(QWidget *)> handle)
{
    auto poll = std::make_shared<std::function<void()>>();
    *poll = [handle, poll] {
        if (QWidget *modal = QApplication::activeModalWidget()) {
            handle(modal);
            return;
        }
        QTimer::singleShot(10, qApp, *poll);
    };
    QTimer::singleShot(0, qApp, *poll);
}

/** Answers the next message box with `button`; its text and informative text land in `seen`. */
void answerMessageBox(QMessageBox::StandardButton button, QString *seen = nullptr)
{
    onNextModal([button, seen](QWidget *modal) {
        auto *box = qobject_cast<QMessageBox *>(modal);
        QVERIFY2(box, "expected a message box");
        if (seen)
            *seen = box->text() + u'\n' + box->informativeText();
        box->button(button)->click();
    });
}

void writeFile(const QString &path, const QByteArray &content)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(content);
}

QStringList mappingNames(const MainWindow &window)
{
    QStringList names;
    const QAbstractItemModel *model = window.mappingsPanel()->listView()->model();
    for (int row = 0; row < model->rowCount(); ++row)
        names.append(model->index(row, 0).data().toString());
    return names;
}

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void firstStartOpensTheDemo();
    void menusAndShortcuts();
    void typingSettingsMarksTheTitle();
    void undoAndRedoKeysInsideAnEditor();
    void statusBarCountsMappingsAndEvents();
    void undoRedoRestoreWhatTheWidgetsShow();
    void fiftyFirstMappingIsRefused();
    void saveAndReopen();
    void saveAsThroughTheDialog();
    void saveShortcutWritesTheProjectFile();
    void refreshShortcutWorksWhereverTheFocusIs_data();
    void refreshShortcutWorksWhereverTheFocusIs();
    void corruptProjectOpensWithAClearMessage_data();
    void corruptProjectOpensWithAClearMessage();
    void unsavedChangesGuard_data();
    void unsavedChangesGuard();
    void closeIsGuarded();
    void keysStillBeingParsedAreNotLost();
    void recentProjectOpensAtStart();
    void triggerEditorFollowsTheSelectedMapping();
    void fieldEditorEditsTheSelectedMapping();
    void previewShowsTheSelectedEventAndMapping();
    void sendTestThroughTheWindow();
    void demoShowsReadinessAndIdentity();
    void testsAndSecretComeBackWithTheProject();
    void timeLimitIsTheUsers();
    void oneClickPointsTheProjectAtTheInspector();
    void layoutIsRemembered();
    void leftColumnShowsWholeMappingNames();
    void eventListCellsCarryTheirFullText_data();
    void eventListCellsCarryTheirFullText();
};

void TestMainWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("InkMapperTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_mainwindow"));
}

void TestMainWindow::init()
{
    QSettings().clear();
}

void TestMainWindow::firstStartOpensTheDemo()
{
    MainWindow window;
    window.openInitialProject();
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QVERIFY(window.windowTitle().startsWith(QStringLiteral("Demo Project")));
    QVERIFY(!window.isWindowModified());
    QCOMPARE(window.settingsPanel()->lineEdit(SettingsPanel::Field::Url)->text(), project::DemoProject::url());
    QCOMPARE(window.settingsPanel()->lineEdit(SettingsPanel::Field::Username)->text(), project::DemoProject::username());
    QVERIFY(!window.settingsPanel()->lineEdit(SettingsPanel::Field::Secret)->text().isEmpty());
    QVERIFY(mappingNames(window).contains(QStringLiteral("Order Completed to Movable Ink")));
    QVERIFY(window.eventsPanel()->listView()->model()->rowCount() > 0);
    QVERIFY(!window.eventsPanel()->editor()->text().isEmpty());
}

void TestMainWindow::menusAndShortcuts()
{
    MainWindow window;
    QCOMPARE(window.newAction()->shortcut(), QKeySequence(QKeySequence::New));
    QCOMPARE(window.openAction()->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_O));
    QCOMPARE(window.saveAction()->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_S));
    QCOMPARE(window.saveAsAction()->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    QCOMPARE(window.quitAction()->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_Q));
    QCOMPARE(window.undoAction()->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_Z));
    QVERIFY(window.redoAction()->shortcuts().contains(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z)));
    QVERIFY(window.redoAction()->shortcuts().contains(QKeySequence(Qt::CTRL | Qt::Key_Y)));
    QCOMPARE(window.refreshAction()->shortcut(), QKeySequence(Qt::Key_F5));
    QVERIFY(window.sendPanel()->sendAction()->shortcuts().contains(QKeySequence(Qt::CTRL | Qt::Key_Return)));
    QStringList menus;
    for (QAction *action : window.menuBar()->actions())
        menus.append(action->text());
    QCOMPARE(menus, (QStringList{QStringLiteral("&File"), QStringLiteral("&Edit"), QStringLiteral("&View"),
                                 QStringLiteral("&Test"), QStringLiteral("&Help")}));
}

void TestMainWindow::typingSettingsMarksTheTitle()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QLineEdit *url = window.settingsPanel()->lineEdit(SettingsPanel::Field::Url);
    QTest::keyClicks(url, QStringLiteral("http://example.com"));
    QVERIFY(window.isWindowModified());
    QCOMPARE(window.settingsPanel()->severity(SettingsPanel::Field::Url), SettingsPanel::Severity::Warning);
    QTest::keyClick(&window, Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(url->text(), QString());
    QVERIFY(!window.isWindowModified());
    QTest::keyClick(&window, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(url->text(), QStringLiteral("http://example.com"));
}

void TestMainWindow::undoAndRedoKeysInsideAnEditor()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    window.mappingsPanel()->listView()->setFocus();
    QTest::keyClick(window.mappingsPanel()->listView(), Qt::Key_Insert);
    QCOMPARE(mappingNames(window).size(), 2);
    // The keys go to the focused field first (its own undo); the document follows what the field shows.
    QLineEdit *url = window.settingsPanel()->lineEdit(SettingsPanel::Field::Url);
    url->setFocus();
    QTest::keyClicks(url, QStringLiteral("https://mi.example.com"));
    QTest::keyClick(url, Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(url->text(), QString());
    QCOMPARE(window.document()->project().settings().movableInkUrl, QString());
    QCOMPARE(mappingNames(window).size(), 2);
    QTest::keyClick(url, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(url->text(), QStringLiteral("https://mi.example.com"));
    QCOMPARE(window.document()->project().settings().movableInkUrl, QStringLiteral("https://mi.example.com"));
    // Outside a text field, Ctrl+Z undoes the last document edit, then the one before.
    window.mappingsPanel()->listView()->setFocus();
    QTest::keyClick(window.mappingsPanel()->listView(), Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(url->text(), QString());
    QTest::keyClick(window.mappingsPanel()->listView(), Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(mappingNames(window).size(), 1);
    QVERIFY(!window.isWindowModified());
    QTest::keyClick(window.mappingsPanel()->listView(), Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(mappingNames(window).size(), 2);
}

void TestMainWindow::statusBarCountsMappingsAndEvents()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    const auto *counts = window.statusBar()->findChild<QLabel *>(QStringLiteral("projectCounts"));
    QVERIFY(counts);
    // A new project holds the preset mapping and no events.
    QCOMPARE(counts->text(), QStringLiteral("1 mapping · 0 events"));
    window.eventsPanel()->pasteText(QStringLiteral("{\"type\":\"page\"}"));
    QCOMPARE(counts->text(), QStringLiteral("1 mapping · 1 event"));
    QCOMPARE(window.statusBar()->currentMessage(), QStringLiteral("Pasted 1 event."));
    window.mappingsPanel()->addPresetAction()->trigger();
    window.eventsPanel()->pasteText(QStringLiteral("{\"type\":\"track\",\"event\":\"A\"}\n{\"type\":\"identify\"}\n"
                                                   "{\"type\":\"group\"}\n{\"type\":\"screen\"}\n"
                                                   "{\"type\":\"alias\"}"));
    QCOMPARE(counts->text(), QStringLiteral("2 mappings · 6 events"));
    QCOMPARE(window.statusBar()->currentMessage(), QStringLiteral("Pasted 5 events."));
}

void TestMainWindow::undoRedoRestoreWhatTheWidgetsShow()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QTreeView *list = window.mappingsPanel()->listView();
    window.mappingsPanel()->addPresetAction()->trigger();
    list->setFocus();
    QTest::keyClick(list, Qt::Key_F2);
    auto *nameEditor = list->findChild<QLineEdit *>();
    QVERIFY(nameEditor);
    nameEditor->selectAll();
    QTest::keyClicks(nameEditor, QStringLiteral("Checkout"));
    QTest::keyClick(nameEditor, Qt::Key_Return);
    QTRY_COMPARE(mappingNames(window).at(1), QStringLiteral("Checkout")); // the delegate commits on the next turn
    window.mappingsPanel()->moveUpAction()->trigger();
    window.eventsPanel()->pasteText(QStringLiteral("{\"type\":\"track\",\"event\":\"Checkout Started\"}"));
    const QStringList final{QStringLiteral("Checkout"), QStringLiteral("Send Entire Event")};
    QCOMPARE(mappingNames(window), final);

    window.undoAction()->trigger(); // paste
    QCOMPARE(window.eventsPanel()->listView()->model()->rowCount(), 0);
    window.undoAction()->trigger(); // move
    QCOMPARE(mappingNames(window), (QStringList{QStringLiteral("Send Entire Event"), QStringLiteral("Checkout")}));
    window.undoAction()->trigger(); // rename
    QCOMPARE(mappingNames(window).at(1), QStringLiteral("Send Entire Event 2"));
    window.undoAction()->trigger(); // add
    QCOMPARE(mappingNames(window), QStringList{QStringLiteral("Send Entire Event")});
    QVERIFY(!window.isWindowModified());

    for (int i = 0; i < 4; ++i)
        QTest::keyClick(&window, Qt::Key_Y, Qt::ControlModifier);
    QCOMPARE(mappingNames(window), final);
    QCOMPARE(window.eventsPanel()->listView()->model()->index(0, 1).data().toString(), QStringLiteral("Checkout Started"));
    QVERIFY2(window.undoAction()->text().endsWith(QStringLiteral("Add 1 Event")),
             qPrintable(window.undoAction()->text()));
}

void TestMainWindow::fiftyFirstMappingIsRefused()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QTreeView *list = window.mappingsPanel()->listView();
    list->setFocus();
    for (int i = 1; i < 50; ++i)
        QTest::keyClick(list, Qt::Key_Insert);
    QCOMPARE(list->model()->rowCount(), 50);
    QVERIFY(window.mappingsPanel()->messageBar()->isHidden());
    QTest::keyClick(list, Qt::Key_Insert);
    QCOMPARE(list->model()->rowCount(), 50);
    QVERIFY(window.mappingsPanel()->messageBar()->text().contains(QStringLiteral("at most 50 mappings")));
    QVERIFY(window.statusBar()->currentMessage().contains(QStringLiteral("50")));
}

void TestMainWindow::saveAndReopen()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("shop.inkmapper.json"));
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QTest::keyClicks(window.settingsPanel()->lineEdit(SettingsPanel::Field::Url), QStringLiteral("https://mi.example.com/in"));
        QTest::keyClicks(window.settingsPanel()->lineEdit(SettingsPanel::Field::Username), QStringLiteral("AKID42"));
        QTest::keyClicks(window.settingsPanel()->lineEdit(SettingsPanel::Field::Secret), QStringLiteral("never-saved"));
        window.mappingsPanel()->addBlankAction()->trigger();
        window.eventsPanel()->pasteText(QStringLiteral("{\"type\":\"track\",\"event\":\"Order Completed\"}\n{\"type\":\"page\"}"));
        QVERIFY(window.saveTo(path));
        QVERIFY(!window.isWindowModified());
        QVERIFY(window.windowTitle().startsWith(QStringLiteral("shop.inkmapper.json")));
    }
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(!file.readAll().contains("never-saved"));

    MainWindow reopened;
    reopened.show();
    QVERIFY(QTest::qWaitForWindowExposed(&reopened));
    QVERIFY(reopened.openFile(path));
    QCOMPARE(reopened.settingsPanel()->lineEdit(SettingsPanel::Field::Url)->text(), QStringLiteral("https://mi.example.com/in"));
    QCOMPARE(reopened.settingsPanel()->lineEdit(SettingsPanel::Field::Username)->text(), QStringLiteral("AKID42"));
    // Not in the file, but remembered in the system keychain under the Username, and filled in from there.
    QTRY_COMPARE_WITH_TIMEOUT(reopened.settingsPanel()->lineEdit(SettingsPanel::Field::Secret)->text(), QStringLiteral("never-saved"), 5000);
    QCOMPARE(mappingNames(reopened), (QStringList{QStringLiteral("Send Entire Event"), QStringLiteral("New Mapping")}));
    QCOMPARE(reopened.eventsPanel()->listView()->model()->rowCount(), 2);
    QCOMPARE(reopened.eventsPanel()->listView()->model()->index(0, 1).data().toString(), QStringLiteral("Order Completed"));
    QVERIFY(!reopened.isWindowModified());
    QVERIFY(reopened.recentMenu()->actions().front()->text().contains(QStringLiteral("shop.inkmapper.json")));
}

void TestMainWindow::saveAsThroughTheDialog()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("chosen"));
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    window.mappingsPanel()->addPresetAction()->trigger();
    onNextModal([path](QWidget *modal) {
        auto *dialog = qobject_cast<QFileDialog *>(modal);
        QVERIFY2(dialog, "expected a file dialog");
        dialog->selectFile(path);
        static_cast<QDialog *>(dialog)->accept(); // QFileDialog::accept() checks the name, as the Save button does
    });
    QTest::keyClick(&window, Qt::Key_S, Qt::ControlModifier); // untitled: Save asks where
    QVERIFY(QFile::exists(path + QStringLiteral(".inkmapper.json")));
    QVERIFY(!window.isWindowModified());
    QVERIFY(window.windowTitle().startsWith(QStringLiteral("chosen.inkmapper.json")));
}

void TestMainWindow::saveShortcutWritesTheProjectFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("shortcut.inkmapper.json"));
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QVERIFY(window.saveTo(path));
    QTreeView *list = window.mappingsPanel()->listView();
    list->setFocus();
    QTest::keyClick(list, Qt::Key_Insert);
    QVERIFY(window.isWindowModified());
    // A project with a file saves to it at once: no dialog (one would block this test).
    QTest::keyClick(list, Qt::Key_S, Qt::ControlModifier);
    QVERIFY(!window.isWindowModified());
    MainWindow check;
    QVERIFY(check.openFile(path));
    QCOMPARE(mappingNames(check).size(), 2);
}

void TestMainWindow::refreshShortcutWorksWhereverTheFocusIs_data()
{
    QTest::addColumn<QString>("focus");
    QTest::newRow("mapping list") << QStringLiteral("mappings");
    QTest::newRow("settings field") << QStringLiteral("url");
    QTest::newRow("FQL text") << QStringLiteral("fql");
    QTest::newRow("event editor") << QStringLiteral("event");
    QTest::newRow("preview") << QStringLiteral("preview");
}

void TestMainWindow::refreshShortcutWorksWhereverTheFocusIs()
{
    QFETCH(QString, focus);
    MainWindow window;
    window.openInitialProject();
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QTRY_VERIFY_WITH_TIMEOUT(window.previewPanel()->result() && !window.previewPanel()->isUpdating(), 10000);

    QWidget *target = nullptr;
    if (focus == u"mappings")
        target = window.mappingsPanel()->listView();
    else if (focus == u"url")
        target = window.settingsPanel()->lineEdit(SettingsPanel::Field::Url);
    else if (focus == u"fql")
        target = window.triggerEditor()->findChild<QPlainTextEdit *>();
    else if (focus == u"event")
        target = window.eventsPanel()->editor()->findChild<QPlainTextEdit *>();
    else if (focus == u"preview")
        target = window.previewPanel()->findChild<QCheckBox *>(QStringLiteral("revealSecret"));
    QVERIFY(target);
    target->setFocus();
    QVERIFY(target->hasFocus());

    QSignalSpy triggered(window.refreshAction(), &QAction::triggered);
    QSignalSpy updated(window.previewPanel(), &ui::PreviewPanel::previewUpdated);
    QTest::keyClick(target, Qt::Key_F5);
    QCOMPARE(triggered.count(), 1);
    // The preview is computed again (off the GUI thread) and shown anew.
    QTRY_COMPARE_WITH_TIMEOUT(updated.count(), 1, 10000);
}

void TestMainWindow::corruptProjectOpensWithAClearMessage_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("expected");
    QTest::newRow("syntax") << QByteArray("{\n  \"subscriptions\": [\n    {\"name\": \"A\" \"subscribe\": \"\"}\n  ]\n}\n")
                            << QStringLiteral("broken.inkmapper.json, line 3, column 18: ");
    QTest::newRow("structure") << QByteArray(R"({"subscriptions":[{"subscribe":"type = \"track\""}]})")
                               << QStringLiteral("broken.inkmapper.json, at subscriptions[0]");
    QTest::newRow("not a project") << QByteArray("[1, 2]") << QStringLiteral("broken.inkmapper.json");
}

void TestMainWindow::corruptProjectOpensWithAClearMessage()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, expected);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("broken.inkmapper.json"));
    writeFile(path, content);
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    const QStringList before = mappingNames(window);
    QString seen;
    answerMessageBox(QMessageBox::Ok, &seen);
    QVERIFY(!window.openFile(path));
    QVERIFY2(seen.contains(u'\n' + expected), qPrintable(seen));
    QCOMPARE(mappingNames(window), before);
    QVERIFY(window.windowTitle().startsWith(QStringLiteral("Untitled")));
}

void TestMainWindow::unsavedChangesGuard_data()
{
    QTest::addColumn<int>("answer");
    QTest::addColumn<bool>("replaced");
    QTest::addColumn<bool>("saved");
    QTest::newRow("cancel") << int(QMessageBox::Cancel) << false << false;
    QTest::newRow("discard") << int(QMessageBox::Discard) << true << false;
    QTest::newRow("save") << int(QMessageBox::Save) << true << true;
}

void TestMainWindow::unsavedChangesGuard()
{
    QFETCH(int, answer);
    QFETCH(bool, replaced);
    QFETCH(bool, saved);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("guarded.inkmapper.json"));
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QVERIFY(window.saveTo(path));
    window.mappingsPanel()->addPresetAction()->trigger();
    QVERIFY(window.isWindowModified());

    QString seen;
    answerMessageBox(QMessageBox::StandardButton(answer), &seen);
    QTest::keyClick(&window, Qt::Key_N, Qt::ControlModifier);
    QVERIFY(seen.contains(QStringLiteral("guarded.inkmapper.json")));
    QCOMPARE(mappingNames(window).size(), replaced ? 1 : 2);
    QCOMPARE(window.isWindowModified(), !replaced);
    MainWindow check;
    QVERIFY(check.openFile(path));
    QCOMPARE(mappingNames(check).size(), saved ? 2 : 1);
}

void TestMainWindow::closeIsGuarded()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    window.mappingsPanel()->addPresetAction()->trigger();
    answerMessageBox(QMessageBox::Cancel);
    QVERIFY(!window.close());
    QVERIFY(window.isVisible());
    answerMessageBox(QMessageBox::Discard);
    QVERIFY(window.close());
}

void TestMainWindow::keysStillBeingParsedAreNotLost()
{
    // An event large enough to be parsed in the background: its last keys are not in the project yet
    // when the user reaches for Undo or closes the window.
    QString text = QStringLiteral("{\"type\":\"identify\",\"userId\":\"Ann\",\"traits\":{");
    for (int i = 0; i < 6000; ++i)
        text += QStringLiteral("%1\"trait_%2\":%2").arg(i ? QStringLiteral(",") : QString()).arg(i);
    text += QStringLiteral("}}");
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    window.eventsPanel()->pasteText(text);
    QTemporaryDir dir;
    QVERIFY(window.document()->save(dir.filePath(QStringLiteral("big.inkmapper.json"))));
    const auto userId = [&] {
        if (window.document()->project().events().empty())
            return QStringLiteral("(no event)");
        return window.document()->project().events()[0].event.toObject().find(u"userId")->toString();
    };
    const auto typeAfterAnn = [&] {
        auto *edit = window.eventsPanel()->editor()->findChild<QPlainTextEdit *>();
        QTextCursor cursor = edit->textCursor();
        cursor.setPosition(int(window.eventsPanel()->editor()->text().indexOf(QStringLiteral("\"Ann\"")) + 4));
        edit->setTextCursor(cursor);
        edit->setFocus();
        QTest::keyClicks(edit, QStringLiteral("e"));
        QCOMPARE(userId(), QStringLiteral("Ann")); // still being parsed
    };

    // Undo from the window (the focus away from the editor) undoes those keys, not the paste before them.
    typeAfterAnn();
    window.mappingsPanel()->listView()->setFocus();
    window.undoAction()->trigger();
    QCOMPARE(userId(), QStringLiteral("Ann"));
    QCOMPARE(window.eventsPanel()->listView()->model()->rowCount(), 1);
    window.redoAction()->trigger();
    QCOMPARE(userId(), QStringLiteral("Anne"));
    window.undoAction()->trigger();
    QVERIFY(!window.isWindowModified());

    // Closing asks to save them.
    typeAfterAnn();
    QString asked;
    answerMessageBox(QMessageBox::Cancel, &asked);
    QVERIFY(!window.close());
    QVERIFY2(asked.contains(QStringLiteral("save the changes")), qPrintable(asked));
    QCOMPARE(userId(), QStringLiteral("Anne"));
    answerMessageBox(QMessageBox::Discard);
    QVERIFY(window.close());
}

void TestMainWindow::recentProjectOpensAtStart()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("recent.inkmapper.json"));
    {
        MainWindow window;
        window.mappingsPanel()->addBlankAction()->trigger();
        QVERIFY(window.saveTo(path));
    }
    MainWindow next;
    next.openInitialProject();
    QCOMPARE(next.document()->filePath(), QFileInfo(path).absoluteFilePath());
    QCOMPARE(mappingNames(next).size(), 2);

    // A recent project that is gone: the demo opens instead.
    QFile::remove(path);
    MainWindow afterwards;
    afterwards.openInitialProject();
    QVERIFY(afterwards.windowTitle().startsWith(QStringLiteral("Demo Project")));
}

void TestMainWindow::triggerEditorFollowsTheSelectedMapping()
{
    MainWindow window;
    window.openInitialProject();
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    const project::Project &project = window.document()->project();
    QCOMPARE(window.triggerEditor()->fql(), project.mapping(0).subscribe);
    window.mappingsPanel()->listView()->setCurrentIndex(window.mappingsPanel()->listView()->model()->index(1, 0));
    QCOMPARE(window.triggerEditor()->fql(), project.mapping(1).subscribe);

    // An edit in the trigger editor lands in the document, the list's summary and the undo stack.
    window.document()->setMappingTrigger(1, QStringLiteral("type = \"page\""));
    QCOMPARE(window.triggerEditor()->fql(), QStringLiteral("type = \"page\""));
    QCOMPARE(window.mappingsPanel()->listView()->model()->index(1, ui::MappingListModel::TriggerColumn).data().toString(),
             QStringLiteral("Event type is page"));
    window.undoAction()->trigger();
    QCOMPARE(window.triggerEditor()->fql(), project.mapping(1).subscribe);
}

void TestMainWindow::fieldEditorEditsTheSelectedMapping()
{
    MainWindow window;
    window.openInitialProject();
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    const project::Project &project = window.document()->project();
    QCOMPARE(window.fieldEditor()->mapping(), project.mapping(0).mapping);
    window.document()->setCurrentMappingIndex(1);
    QCOMPARE(window.fieldEditor()->mapping(), project.mapping(1).mapping);
}

void TestMainWindow::previewShowsTheSelectedEventAndMapping()
{
    MainWindow window;
    window.openInitialProject();
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QTRY_VERIFY_WITH_TIMEOUT(window.previewPanel()->result() != nullptr, 10000);
    QVERIFY(!window.previewPanel()->curlCommand().isEmpty());
    QVERIFY(window.previewPanel()->curlCommand().contains(project::DemoProject::url()));
}

void TestMainWindow::sendTestThroughTheWindow()
{
    // The demo project's URL is the local inspector's: the first send starts it in the app, no account needed.
    MainWindow window;
    window.openInitialProject();
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QTRY_VERIFY_WITH_TIMEOUT(window.previewPanel()->result() && window.previewPanel()->result()->request, 10000);
    const QByteArray previewedBody = window.previewPanel()->result()->request->body();
    ui::SendPanel *panel = window.sendPanel();
    window.mappingsPanel()->listView()->setFocus();
    QTest::keyClick(window.mappingsPanel()->listView(), Qt::Key_Return, Qt::ControlModifier);
    QCOMPARE(window.findChild<QTabWidget *>()->currentWidget(), panel);
    QTRY_VERIFY2_WITH_TIMEOUT(panel->lastExchange().has_value(),
                              qPrintable(panel->findChild<QLabel *>(QStringLiteral("responseStatus"))->text()), 10000);
    QVERIFY(panel->localInspector());
    QCOMPARE(panel->localInspector()->received().size(), size_t(1));
    QCOMPARE(panel->localInspector()->received().front().body, previewedBody);
    QVERIFY(panel->localInspector()->received().front().authorized);
    const auto *status = panel->findChild<QLabel *>(QStringLiteral("responseStatus"));
    QVERIFY2(status->text().startsWith(QStringLiteral("200 OK")), qPrintable(status->text()));
    QVERIFY(panel->findChild<QPlainTextEdit *>(QStringLiteral("responseBody"))->toPlainText().contains(QStringLiteral("\"status\": \"ok\"")));
    QVERIFY(!panel->findChild<ui::MessageBar *>(QStringLiteral("responseFailure"))->isVisible());
    const QAbstractItemModel *headers = panel->findChild<QTreeView *>(QStringLiteral("responseHeaders"))->model();
    QVERIFY(headers->rowCount() > 0);
    QCOMPARE(headers->index(0, 0).data().toString(), QStringLiteral("Content-Type"));
    // What stays on display carries no secret.
    QVERIFY(!panel->lastExchange()->request.header("authorization").contains(
        (project::DemoProject::username() + u':' + ui::ProjectDocument::demoSecret()).toUtf8().toBase64()));

    // Rehearsing a refused payload: the inspector answers 400, the panel explains it.
    auto *answer = panel->findChild<QComboBox *>(QStringLiteral("inspectorAnswer"));
    QVERIFY(answer->isVisibleTo(panel));
    answer->setCurrentIndex(answer->findData(int(inspector::Inspector::Answer::BadRequest)));
    window.sendPanel()->sendAction()->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(panel->lastExchange()->status, 400, 10000);
    const auto *failure = panel->findChild<ui::MessageBar *>(QStringLiteral("responseFailure"));
    QVERIFY(failure->isVisible());
    QVERIFY2(failure->text().contains(QStringLiteral("refused the payload")), qPrintable(failure->text()));
    QVERIFY(failure->text().contains(QStringLiteral("price must be a number")));

    // Where the time went, phase by phase.
    const QString timings = panel->findChild<QLabel *>(QStringLiteral("responseTimings"))->text();
    QVERIFY2(timings.contains(QStringLiteral("wait ")) && timings.contains(QStringLiteral("receive ")), qPrintable(timings));

    // The session's history: both tests, newest first; the first one can be looked at again and exported.
    QCOMPARE(panel->history().size(), size_t(2));
    auto *history = panel->findChild<QTreeView *>(QStringLiteral("sendHistory"));
    QCOMPARE(history->model()->rowCount(), 2);
    QCOMPARE(history->model()->index(0, ui::TestHistoryModel::StatusColumn).data().toString(), QStringLiteral("400"));
    auto *compare = panel->findChild<QPushButton *>(QStringLiteral("compareTests"));
    QVERIFY(!compare->isEnabled());
    history->setCurrentIndex(history->model()->index(1, 0));
    QVERIFY2(status->text().startsWith(QStringLiteral("200 OK")), qPrintable(status->text()));
    QVERIFY(!failure->isVisible());

    // Two tests selected: what changed between the accepted and the refused one.
    history->selectionModel()->select(history->model()->index(0, 0),
                                      QItemSelectionModel::Select | QItemSelectionModel::Rows);
    QVERIFY(compare->isEnabled());
    compare->click();
    auto *dialog = panel->findChild<QDialog *>(QStringLiteral("compareTestsDialog"));
    QVERIFY(dialog && dialog->isVisible());
    const QString differences = dialog->findChild<QPlainTextEdit *>(QStringLiteral("compareView"))->toPlainText();
    QVERIFY2(differences.contains(QStringLiteral("- HTTP 200 OK\n+ HTTP 400 Bad Request")), qPrintable(differences));
    QVERIFY(differences.contains(QStringLiteral("price must be a number")));
    QVERIFY(!differences.contains(QStringLiteral("  Mapping: "))); // the same request: only the changes and their context
    QVERIFY2(dialog->findChild<QLabel *>(QStringLiteral("compareSummary"))->text().contains(QStringLiteral("#1 (")),
             qPrintable(dialog->findChild<QLabel *>(QStringLiteral("compareSummary"))->text()));
    dialog->close();
    history->setCurrentIndex(history->model()->index(1, 0));
    const QString curl = panel->curlCommand();
    QVERIFY(curl.contains(project::DemoProject::url()));
    QVERIFY(!curl.contains(QString::fromLatin1(
        (project::DemoProject::username() + u':' + ui::ProjectDocument::demoSecret()).toUtf8().toBase64())));
    const QByteArray har = panel->harDocument();
    QCOMPARE(har.count("\"startedDateTime\""), 2);
    QVERIFY(!har.contains(ui::ProjectDocument::demoSecret().toUtf8()));

    // An Order Completed event through every enabled mapping whose trigger matches it: one test each.
    answer->setCurrentIndex(answer->findData(int(inspector::Inspector::Answer::Accept)));
    int order = -1;
    for (int i = 0; i < int(window.document()->project().events().size()); ++i) {
        const json::Value name = window.document()->project().events()[size_t(i)].event.toObject().value(u"event");
        if (name.isString() && name.toString() == u"Order Completed")
            order = i;
    }
    QVERIFY(order >= 0);
    window.document()->setCurrentEventIndex(order);
    QTest::keyClick(window.mappingsPanel()->listView(), Qt::Key_Return, Qt::ControlModifier | Qt::ShiftModifier);
    QTRY_COMPARE_WITH_TIMEOUT(panel->history().size(), size_t(4), 10000);
    QTRY_VERIFY(!panel->isSending());
    QStringList mappings{panel->history()[2].mapping, panel->history()[3].mapping};
    mappings.sort();
    QStringList expected;
    for (int i = 0; i < window.document()->project().mappingCount(); ++i)
        expected.append(window.document()->project().mapping(i).name);
    expected.sort();
    QCOMPARE(mappings, expected); // the demo's two mappings both take an Order Completed
    QCOMPARE(panel->history()[2].exchange.status, 200);
    QCOMPARE(panel->history()[3].exchange.status, 200);

    // Sending a test again: the history holds no secret, so the request is signed anew (else a 401).
    history->setCurrentIndex(history->model()->index(history->model()->rowCount() - 1, 0)); // the first test
    panel->findChild<QPushButton *>(QStringLiteral("sendAgain"))->click();
    QTRY_COMPARE_WITH_TIMEOUT(panel->history().size(), size_t(5), 10000);
    QCOMPARE(panel->history().back().exchange.status, 200);
    QCOMPARE(panel->history().back().exchange.request.body(), previewedBody);

    // What the inspector received, in the app: every request, the credentials redacted.
    panel->findChild<QPushButton *>(QStringLiteral("showInspectorRequests"))->click();
    auto *received = window.findChild<QTreeView *>(QStringLiteral("inspectorRequests"));
    QVERIFY(received);
    QCOMPARE(received->model()->rowCount(), int(panel->localInspector()->received().size()));
    QCOMPARE(received->model()->index(1, 3).data().toString(), QStringLiteral("400"));
    received->setCurrentIndex(received->model()->index(0, 0));
    const QString detail = window.findChild<QPlainTextEdit *>(QStringLiteral("inspectorRequestDetail"))->toPlainText();
    QVERIFY2(detail.contains(QStringLiteral("Basic [redacted]"), Qt::CaseInsensitive), qPrintable(detail));
    QVERIFY(detail.contains(QString::fromUtf8(previewedBody)));
    QVERIFY(!detail.contains(QString::fromLatin1(
        (project::DemoProject::username() + u':' + ui::ProjectDocument::demoSecret()).toUtf8().toBase64())));
}

void TestMainWindow::demoShowsReadinessAndIdentity()
{
    // A newcomer sees what the Movable Ink checks do: the demo has a hint (the search event has no results
    // page URL), as a badge on the mapping that sends it and next to its preview.
    MainWindow window;
    window.openInitialProject();
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    const QAbstractItemModel *mappings = window.mappingsPanel()->listView()->model();
    QTRY_COMPARE_WITH_TIMEOUT(mappings->index(0, ui::MappingListModel::NameColumn).data(ui::MappingListModel::ReadinessRole).toInt(),
                              int(destination::ReadinessFinding::Level::Hint), 10000);
    QVERIFY(!mappings->index(0, ui::MappingListModel::NameColumn).data(Qt::DecorationRole).isNull());
    QVERIFY(mappings->index(0, ui::MappingListModel::NameColumn).data(Qt::ToolTipRole).toString().contains(QStringLiteral("data.properties.url")));

    int search = -1;
    for (int i = 0; i < int(window.document()->project().events().size()); ++i) {
        if (window.document()->project().events()[size_t(i)].event.toObject().value(u"event") == json::Value(QStringLiteral("Products Searched")))
            search = i;
    }
    QVERIFY(search >= 0);
    window.document()->setCurrentMappingIndex(0);
    window.document()->setCurrentEventIndex(search);
    QTRY_VERIFY_WITH_TIMEOUT(window.previewPanel()->findChild<QLabel *>(QStringLiteral("readinessTitle"))->text()
                                 == QStringLiteral("Movable Ink readiness: 1 hint"), 10000);

    // The identity tab: the demo's visitor, identified half-way, is one profile in the end.
    window.sideTabs()->setCurrentWidget(window.identityView());
    QVERIFY2(window.identityView()->summary().startsWith(QStringLiteral("1 profile: user user_8472")),
             qPrintable(window.identityView()->summary()));
    // Activating an event of the timeline selects it.
    QListView *timeline = window.identityView()->view();
    const QModelIndex first = timeline->model()->index(0, 0);
    timeline->setCurrentIndex(first);
    Q_EMIT timeline->activated(first);
    QCOMPARE(window.document()->currentEventIndex(), 0);
}

void TestMainWindow::testsAndSecretComeBackWithTheProject()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("kept.inkmapper.json"));
    {
        MainWindow window;
        window.openInitialProject(); // the demo: it sends to the local inspector
        window.show();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        // Credentials of one's own, typed as a person does.
        QLineEdit *username = window.settingsPanel()->lineEdit(SettingsPanel::Field::Username);
        username->selectAll();
        QTest::keyClicks(username, QStringLiteral("mi_window_key"));
        QLineEdit *secret = window.settingsPanel()->lineEdit(SettingsPanel::Field::Secret);
        secret->selectAll();
        QTest::keyClicks(secret, QStringLiteral("window-secret"));
        QTRY_VERIFY_WITH_TIMEOUT(window.settingsPanel()->rememberButton()->toolTip().contains(QStringLiteral("Remembered")), 5000);
        QVERIFY(window.saveTo(path));
        QTRY_VERIFY_WITH_TIMEOUT(window.previewPanel()->result() && window.previewPanel()->result()->request, 10000);
        window.sendPanel()->sendAction()->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(window.sendPanel()->history().size(), size_t(1), 10000);
        QCOMPARE(window.sendPanel()->history().front().exchange.status, 200);
        QVERIFY(window.close());
    }
    // Next time: the project opens with its tests, and the secret is back from the keychain.
    MainWindow window;
    window.openInitialProject();
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QCOMPARE(window.document()->filePath(), QFileInfo(path).absoluteFilePath());
    QTRY_COMPARE_WITH_TIMEOUT(window.document()->secret(), QStringLiteral("window-secret"), 5000);
    QCOMPARE(window.settingsPanel()->lineEdit(SettingsPanel::Field::Secret)->text(), QStringLiteral("window-secret"));
    QVERIFY(!window.isWindowModified());
    auto *history = window.sendPanel()->findChild<QTreeView *>(QStringLiteral("sendHistory"));
    QCOMPARE(history->model()->rowCount(), 1);
    history->setCurrentIndex(history->model()->index(0, 0));
    const QString status = window.sendPanel()->findChild<QLabel *>(QStringLiteral("responseStatus"))->text();
    QVERIFY2(status.startsWith(QStringLiteral("200 OK")), qPrintable(status));
    // Kept without the secret, in memory and on disk.
    QVERIFY(!window.sendPanel()->history().front().exchange.request.header("authorization").contains(
        QByteArrayLiteral("mi_window_key:window-secret").toBase64()));
    QFile workspace(project::WorkspaceFile::locationFor(path));
    QVERIFY(workspace.open(QIODevice::ReadOnly));
    const QByteArray kept = workspace.readAll();
    QVERIFY(kept.contains("Basic [redacted]"));
    QVERIFY(!kept.contains("window-secret"));
    QVERIFY(!kept.contains(QByteArrayLiteral("mi_window_key:window-secret").toBase64()));
}

void TestMainWindow::timeLimitIsTheUsers()
{
    {
        MainWindow window;
        window.openInitialProject();
        window.show();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QTRY_VERIFY_WITH_TIMEOUT(window.previewPanel()->result() && window.previewPanel()->result()->request, 10000);
        auto *limit = window.sendPanel()->findChild<QSpinBox *>(QStringLiteral("sendTimeout"));
        QCOMPARE(limit->value(), 30); // the default
        limit->setValue(1);
        window.sendPanel()->sendAction()->trigger(); // starts the inspector, which answers at once
        QTRY_COMPARE_WITH_TIMEOUT(window.sendPanel()->history().size(), size_t(1), 10000);
        auto *answer = window.sendPanel()->findChild<QComboBox *>(QStringLiteral("inspectorAnswer"));
        answer->setCurrentIndex(answer->findData(int(inspector::Inspector::Answer::NoAnswer)));
        QElapsedTimer clock;
        clock.start();
        window.sendPanel()->sendAction()->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(window.sendPanel()->history().size(), size_t(2), 10000);
        QVERIFY2(clock.elapsed() < 5000, qPrintable(QString::number(clock.elapsed())));
        QVERIFY(window.sendPanel()->history().back().exchange.timedOut);
        const auto *failure = window.sendPanel()->findChild<ui::MessageBar *>(QStringLiteral("responseFailure"));
        QVERIFY2(failure->text().contains(QStringLiteral("No answer in time")), qPrintable(failure->text()));
    }
    MainWindow again; // the choice is kept
    QCOMPARE(again.sendPanel()->findChild<QSpinBox *>(QStringLiteral("sendTimeout"))->value(), 1);
}

void TestMainWindow::oneClickPointsTheProjectAtTheInspector()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    window.document()->setMovableInkUrl(QStringLiteral("https://collector.example.com/e"));
    window.useInspectorAction()->trigger();
    QCOMPARE(window.document()->project().settings().movableInkUrl, QStringLiteral("http://127.0.0.1:8787/v1/segment/events"));
    QCOMPARE(window.settingsPanel()->lineEdit(SettingsPanel::Field::Url)->text(), QStringLiteral("http://127.0.0.1:8787/v1/segment/events"));
    window.undoAction()->trigger();
    QCOMPARE(window.document()->project().settings().movableInkUrl, QStringLiteral("https://collector.example.com/e"));
}

void TestMainWindow::layoutIsRemembered()
{
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        window.sideTabs()->setCurrentIndex(1);
        window.resize(1234, 777);
        QVERIFY(window.close());
    }
    MainWindow again;
    QCOMPARE(again.sideTabs()->currentIndex(), 1);
    QCOMPARE(again.size(), QSize(1234, 777));
}

void TestMainWindow::leftColumnShowsWholeMappingNames()
{
    // First start in a 1600x1000 window, the size screenshots and a typical laptop show.
    MainWindow window;
    window.openInitialProject();
    window.resize(1600, 1000);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const QTreeView *list = window.mappingsPanel()->listView();
    QVERIFY2(list->width() >= 400, qPrintable(QString::number(list->width())));
    const QAbstractItemModel *model = list->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex name = model->index(row, ui::MappingListModel::NameColumn);
        const QString text = name.data().toString();
        // The check box, its spacing and the cell's margins come before the text.
        const int needed = list->fontMetrics().horizontalAdvance(text) + 48;
        QVERIFY2(list->visualRect(name).width() >= needed,
                 qPrintable(QStringLiteral("\"%1\" needs %2 px, has %3")
                                .arg(text)
                                .arg(needed)
                                .arg(list->visualRect(name).width())));
        QVERIFY(name.data(Qt::ToolTipRole).toString().contains(text));
    }
    QCOMPARE(list->textElideMode(), Qt::ElideMiddle);
}

void TestMainWindow::eventListCellsCarryTheirFullText_data()
{
    QTest::addColumn<int>("column");
    QTest::newRow("type") << int(ui::EventListModel::TypeColumn);
    QTest::newRow("event name") << int(ui::EventListModel::EventColumn);
    QTest::newRow("user") << int(ui::EventListModel::UserColumn);
    QTest::newRow("source") << int(ui::EventListModel::SourceColumn);
}

void TestMainWindow::eventListCellsCarryTheirFullText()
{
    QFETCH(int, column);
    MainWindow window;
    window.openInitialProject();
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    // What the narrow list may elide, its tooltip shows whole.
    const QAbstractItemModel *model = window.eventsPanel()->listView()->model();
    QVERIFY(model->rowCount() > 0);
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex cell = model->index(row, column);
        const QString text = cell.data().toString();
        if (!text.isEmpty())
            QCOMPARE(cell.data(Qt::ToolTipRole).toString(), text);
    }
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
