#include "document/projectdocument.h"
#include "models/testhistorymodel.h"
#include "send/workspacekeeper.h"

#include "project/workspacefile.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace inkmapper;
using delivery::SentTest;
using project::WorkspaceFile;
using ui::ProjectDocument;
using ui::TestHistoryModel;
using ui::WorkspaceKeeper;

namespace {

SentTest sent(const QString &mapping, int status)
{
    SentTest t;
    t.mapping = mapping;
    t.exchange.startedAt = QDateTime(QDate(2026, 12, 7), QTime(12, 0), Qt::UTC);
    t.exchange.request.setMethod("POST");
    t.exchange.status = status;
    return t;
}

QStringList mappings(const TestHistoryModel &model)
{
    QStringList names;
    for (const SentTest &test : model.tests())
        names << test.mapping;
    return names;
}

} // namespace

/** The tests sent from a project are kept with it: saved after sending, back when it opens, following Save As. */
class TestWorkspaceKeeper : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void keptAndReadBack();
    void untitledTestsFollowTheFirstSave();
    void openingAnotherProjectShowsItsOwnTests();
    void aDamagedWorkspaceIsSetAsideAndSaid();
    void aWorkspaceThatCannotBeWrittenIsSaid();

private:
    QString saveNewProject(ProjectDocument &document, const QString &name);
    QTemporaryDir m_dir;
};

void TestWorkspaceKeeper::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("InkMapperTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_workspacekeeper"));
}

QString TestWorkspaceKeeper::saveNewProject(ProjectDocument &document, const QString &name)
{
    document.newProject();
    const QString path = m_dir.filePath(name);
    if (!document.save(path))
        qFatal("the project could not be saved");
    return QFileInfo(path).absoluteFilePath();
}

void TestWorkspaceKeeper::keptAndReadBack()
{
    QString path;
    {
        ProjectDocument document;
        TestHistoryModel history;
        WorkspaceKeeper keeper(&document, &history);
        path = saveNewProject(document, QStringLiteral("kept.inkmapper.json"));
        QCOMPARE(keeper.projectPath(), path);
        history.append(sent(QStringLiteral("Orders"), 200));
        history.append(sent(QStringLiteral("Products"), 401));
        // Written shortly after, without waiting for the window to close.
        QTRY_COMPARE(WorkspaceFile::load(path)->size(), size_t(2));
        history.append(sent(QStringLiteral("Last"), 500));
    } // the keeper writes what is pending as it goes

    ProjectDocument document;
    TestHistoryModel history;
    WorkspaceKeeper keeper(&document, &history);
    QVERIFY(document.load(path));
    QCOMPARE(mappings(history), (QStringList{QStringLiteral("Orders"), QStringLiteral("Products"), QStringLiteral("Last")}));
    QCOMPARE(history.tests()[1].exchange.status, 401);
}

void TestWorkspaceKeeper::untitledTestsFollowTheFirstSave()
{
    ProjectDocument document;
    TestHistoryModel history;
    WorkspaceKeeper keeper(&document, &history);
    document.newProject();
    history.append(sent(QStringLiteral("Before saving"), 200));
    QVERIFY(keeper.projectPath().isEmpty()); // kept in memory only
    const QString path = m_dir.filePath(QStringLiteral("first-save.inkmapper.json"));
    QVERIFY(document.save(path));
    QCOMPARE(mappings(history), QStringList{QStringLiteral("Before saving")}); // still on display
    QCOMPARE(WorkspaceFile::load(path)->size(), size_t(1));

    // Save As: the tests go with the project to its new name.
    const QString renamed = m_dir.filePath(QStringLiteral("renamed.inkmapper.json"));
    QVERIFY(document.save(renamed));
    QCOMPARE(WorkspaceFile::load(renamed)->size(), size_t(1));
    history.append(sent(QStringLiteral("After renaming"), 200));
    keeper.flush();
    QCOMPARE(WorkspaceFile::load(renamed)->size(), size_t(2));
    QCOMPARE(WorkspaceFile::load(path)->size(), size_t(1)); // the old name's workspace is left as it was
}

void TestWorkspaceKeeper::openingAnotherProjectShowsItsOwnTests()
{
    ProjectDocument document;
    TestHistoryModel history;
    WorkspaceKeeper keeper(&document, &history);
    const QString a = saveNewProject(document, QStringLiteral("a.inkmapper.json"));
    history.append(sent(QStringLiteral("A's test"), 200));
    const QString b = saveNewProject(document, QStringLiteral("b.inkmapper.json"));
    QCOMPARE(history.rowCount(), 0); // a new project starts without tests
    history.append(sent(QStringLiteral("B's test"), 200));
    QVERIFY(document.load(a));
    QCOMPARE(mappings(history), QStringList{QStringLiteral("A's test")});
    QVERIFY(document.load(b));
    QCOMPARE(mappings(history), QStringList{QStringLiteral("B's test")});
    document.newProject();
    QCOMPARE(history.rowCount(), 0);
}

void TestWorkspaceKeeper::aDamagedWorkspaceIsSetAsideAndSaid()
{
    ProjectDocument document;
    TestHistoryModel history;
    WorkspaceKeeper keeper(&document, &history);
    const QString path = saveNewProject(document, QStringLiteral("damaged.inkmapper.json"));
    document.newProject();
    QFile file(WorkspaceFile::locationFor(path));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("{\"format\":\"inkmapper-workspace\",\"version\":1,\"history\":[{\"mapping\":3}]}");
    file.close();

    QSignalSpy problem(&keeper, &WorkspaceKeeper::problem);
    QVERIFY(document.load(path)); // the project itself opens
    QCOMPARE(problem.count(), 1);
    const QString message = problem.at(0).at(0).toString();
    QVERIFY2(message.contains(QStringLiteral("history[0].mapping")), qPrintable(message));
    QVERIFY(message.contains(QStringLiteral(".damaged")));
    QVERIFY(QFile::exists(file.fileName() + QStringLiteral(".damaged")));
    QCOMPARE(history.rowCount(), 0);
    history.append(sent(QStringLiteral("New"), 200)); // and new tests are kept again
    keeper.flush();
    QCOMPARE(WorkspaceFile::load(path)->size(), size_t(1));
}

void TestWorkspaceKeeper::aWorkspaceThatCannotBeWrittenIsSaid()
{
    ProjectDocument document;
    TestHistoryModel history;
    WorkspaceKeeper keeper(&document, &history);
    const QString path = saveNewProject(document, QStringLiteral("unwritable.inkmapper.json"));
    // A folder where the file should be: the write fails, on the writer's thread.
    const QString location = WorkspaceFile::locationFor(path);
    QVERIFY(QFile::remove(location));
    QVERIFY(QDir().mkpath(location));
    QSignalSpy problem(&keeper, &WorkspaceKeeper::problem);
    history.append(sent(QStringLiteral("Orders"), 200));
    keeper.flush();
    QTRY_COMPARE(problem.count(), 1);
    QVERIFY2(problem.at(0).at(0).toString().startsWith(QStringLiteral("The tests sent could not be kept for next time: ")),
             qPrintable(problem.at(0).at(0).toString()));
    QVERIFY(QDir(location).removeRecursively());
}

QTEST_MAIN(TestWorkspaceKeeper)
#include "tst_workspacekeeper.moc"
