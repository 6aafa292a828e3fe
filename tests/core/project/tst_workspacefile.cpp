#include "project/workspacefile.h"

#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace inkmapper;
using delivery::SentTest;
using project::WorkspaceFile;

namespace {

SentTest test(const QString &mapping, int status, qsizetype bodySize = 10)
{
    SentTest t;
    t.mapping = mapping;
    destination::HttpRequest request;
    request.setMethod("POST");
    request.setEndpoint(QStringLiteral("http"), QStringLiteral("127.0.0.1"), 8787, "/v1/segment/events",
                        QStringLiteral("http://127.0.0.1:8787/v1/segment/events"));
    request.setHeaders({{"authorization", "Basic [redacted]", destination::HttpHeader::Origin::Client}});
    request.setBody(QByteArray(bodySize, 'x'));
    t.exchange.request = request;
    t.exchange.startedAt = QDateTime(QDate(2026, 12, 7), QTime(9, 0), Qt::UTC).addSecs(status);
    t.exchange.status = status;
    t.exchange.timings.total = 12;
    return t;
}

} // namespace

/** The workspace file: the history of tests sent from a project, kept between sessions. */
class TestWorkspaceFile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void roundTrip();
    void keepsTheNewestWithinTheLimits_data();
    void keepsTheNewestWithinTheLimits();
    void oneFilePerProject();
    void saveAndLoad();
    void damage_data();
    void damage();

private:
    QTemporaryDir m_dir;
};

void TestWorkspaceFile::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true); // never the user's own application data
}

void TestWorkspaceFile::roundTrip()
{
    const std::vector<SentTest> history = {test(QStringLiteral("Orders"), 200), test(QStringLiteral("Products"), 401)};
    const QByteArray file = WorkspaceFile::write(history, m_dir.filePath(QStringLiteral("p.json")));
    QVERIFY(file.startsWith("{\"format\":\"inkmapper-workspace\",\"version\":1,\"project\":"));
    const Result<std::vector<SentTest>> back = WorkspaceFile::read(file);
    QVERIFY2(back, back ? "" : qPrintable(back.error().describe()));
    QVERIFY(*back == history);
    QVERIFY(WorkspaceFile::read(WorkspaceFile::write({}, QStringLiteral("p.json")))->empty());
}

void TestWorkspaceFile::keepsTheNewestWithinTheLimits_data()
{
    QTest::addColumn<int>("count");
    QTest::addColumn<int>("bodySize");
    QTest::addColumn<int>("kept");
    QTest::newRow("under both limits") << 5 << 100 << 5;
    QTest::newRow("over the count") << WorkspaceFile::MaxTests + 7 << 10 << WorkspaceFile::MaxTests;
    // 4 MB bodies: about eight fit in the byte limit.
    QTest::newRow("over the bytes") << 20 << 4 * 1024 * 1024 << int(WorkspaceFile::MaxBytes / (4 * 1024 * 1024 + 600));
    QTest::newRow("one larger than the limit is kept") << 1 << int(WorkspaceFile::MaxBytes) + 10 << 1;
}

void TestWorkspaceFile::keepsTheNewestWithinTheLimits()
{
    QFETCH(int, count);
    QFETCH(int, bodySize);
    QFETCH(int, kept);
    std::vector<SentTest> history;
    for (int i = 0; i < count; ++i)
        history.push_back(test(QStringLiteral("m%1").arg(i), 200 + i % 300, bodySize));
    const Result<std::vector<SentTest>> back = WorkspaceFile::read(WorkspaceFile::write(history, QStringLiteral("p.json")));
    QVERIFY(back);
    QCOMPARE(int(back->size()), kept);
    // The newest, oldest first as they were.
    QCOMPARE(back->back().mapping, history.back().mapping);
    QCOMPARE(back->front().mapping, history[size_t(count - kept)].mapping);
}

void TestWorkspaceFile::oneFilePerProject()
{
    const QString a = WorkspaceFile::locationFor(m_dir.filePath(QStringLiteral("a.inkmapper.json")));
    const QString b = WorkspaceFile::locationFor(m_dir.filePath(QStringLiteral("b.inkmapper.json")));
    QVERIFY(a != b);
    QVERIFY(!a.startsWith(m_dir.path())); // not beside the project: the history is not shared with the file
    QVERIFY(a.startsWith(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)));
    // The same file named another way is the same project.
    QCOMPARE(WorkspaceFile::locationFor(m_dir.path() + QStringLiteral("/sub/../a.inkmapper.json")), a);
}

void TestWorkspaceFile::saveAndLoad()
{
    const QString project = m_dir.filePath(QStringLiteral("saved.inkmapper.json"));
    QVERIFY(WorkspaceFile::load(project)->empty()); // nothing kept yet
    const std::vector<SentTest> history = {test(QStringLiteral("Orders"), 200)};
    const Result<Ok> saved = WorkspaceFile::save(project, history);
    QVERIFY2(saved, saved ? "" : qPrintable(saved.error().message));
    const Result<std::vector<SentTest>> loaded = WorkspaceFile::load(project);
    QVERIFY(loaded);
    QVERIFY(*loaded == history);
}

void TestWorkspaceFile::damage_data()
{
    QTest::addColumn<QByteArray>("file");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("not JSON") << QByteArray("{\"format\":") << QStringLiteral("line 1");
    QTest::newRow("another format") << QByteArray(R"({"format":"inkmapper-project","version":1})") << QStringLiteral("not an InkMapper workspace");
    QTest::newRow("newer version") << QByteArray(R"({"format":"inkmapper-workspace","version":9,"history":[]})") << QStringLiteral("newer InkMapper");
    QTest::newRow("no history") << QByteArray(R"({"format":"inkmapper-workspace","version":1})") << QStringLiteral("history: expected an array");
    QTest::newRow("an entry without mapping") << QByteArray(R"({"format":"inkmapper-workspace","version":1,"history":[{}]})")
                                              << QStringLiteral("history[0].mapping: expected a string");
    QTest::newRow("a damaged exchange") << QByteArray(R"({"format":"inkmapper-workspace","version":1,"history":[{"mapping":"m","exchange":{}}]})")
                                        << QStringLiteral("history[0].exchange.startedAt: expected a string");
}

void TestWorkspaceFile::damage()
{
    QFETCH(QByteArray, file);
    QFETCH(QString, mentions);
    const Result<std::vector<SentTest>> read = WorkspaceFile::read(file);
    QVERIFY(!read);
    QVERIFY2(read.error().describe().contains(mentions), qPrintable(read.error().describe()));

    // Loading names the file as well.
    const QString project = m_dir.filePath(QStringLiteral("damaged.inkmapper.json"));
    QFile kept(WorkspaceFile::locationFor(project));
    QVERIFY(WorkspaceFile::save(project, {}));
    QVERIFY(kept.open(QIODevice::WriteOnly | QIODevice::Truncate));
    kept.write(file);
    kept.close();
    const Result<std::vector<SentTest>> loaded = WorkspaceFile::load(project);
    QVERIFY(!loaded);
    QVERIFY(loaded.error().message.startsWith(kept.fileName()));
}

QTEST_GUILESS_MAIN(TestWorkspaceFile)
#include "tst_workspacefile.moc"
