#include "json/parser.h"
#include "project/project.h"
#include "project/projectfile.h"
#include "project/secretstore.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QTest>

using namespace inkmapper;

namespace {

const QString Username = QStringLiteral("mi_access_key");
const QString Secret = QStringLiteral("s3cr3t-Access");

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

/** Runs inkmapper-cli with `secret` in $INKMAPPER_SECRET, or with that variable unset when `secret` is null. */
Run runCli(const QStringList &arguments, const QString &secret = Secret)
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    if (secret.isNull())
        environment.remove(QStringLiteral("INKMAPPER_SECRET"));
    else
        environment.insert(QStringLiteral("INKMAPPER_SECRET"), secret);
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(INKMAPPER_CLI_PATH), arguments);
    process.waitForFinished(60000);
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAllStandardOutput()), QString::fromUtf8(process.readAllStandardError())};
}

} // namespace

/** `inkmapper-cli send` against `inkmapper-cli inspector`, both run as the processes people run. */
class TestCliLive : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void sendShowsRequestAndResponse();
    void wrongSecretIsExplained();
    void secretSources_data();
    void secretSources();
    void missingSecretFileIsAnError();
    void runDryRunListsTheRequests();
    void runSendsEveryMatchedRequest();
    void runKeepsToTheRate();
    void usageErrors_data();
    void usageErrors();

private:
    QTemporaryDir m_dir;
    QString m_project;
    QString m_event;
    QString m_events; ///< JSON Lines: two orders and a page view
    QProcess m_inspector;
    QString m_url;
};

void TestCliLive::initTestCase()
{
    project::Project project;
    project.setSettings({QStringLiteral("https://collector.example.com/v1/segment/events"), Username});
    project::MappingConfig mapping = project::MappingConfig::fromPreset(QStringLiteral("Orders"));
    mapping.subscribe = QStringLiteral(R"(type = "track" and event = "Order Completed")");
    mapping.mapping = *json::parse(QStringView(uR"({"headers":{"X-Source":"cli"},"data":{"@path":"$.properties"}})"));
    QVERIFY(project.addMapping(mapping));
    m_project = m_dir.filePath(QStringLiteral("p.inkmapper.json"));
    QFile projectFile(m_project);
    QVERIFY(projectFile.open(QIODevice::WriteOnly));
    projectFile.write(project::ProjectFile::write(project));
    projectFile.close();
    m_event = m_dir.filePath(QStringLiteral("order.json"));
    QFile eventFile(m_event);
    QVERIFY(eventFile.open(QIODevice::WriteOnly));
    eventFile.write(R"({"type":"track","event":"Order Completed","userId":"u1","properties":{"total":42.5,"sku":"S-1"}})");
    eventFile.close();
    m_events = m_dir.filePath(QStringLiteral("events.jsonl"));
    QFile eventsFile(m_events);
    QVERIFY(eventsFile.open(QIODevice::WriteOnly));
    eventsFile.write("{\"type\":\"track\",\"event\":\"Order Completed\",\"properties\":{\"total\":1}}\n"
                     "{\"type\":\"page\",\"name\":\"Home\"}\n"
                     "{\"type\":\"track\",\"event\":\"Order Completed\",\"properties\":{\"total\":2}}\n");
    eventsFile.close();

    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("INKMAPPER_SECRET"), Secret);
    m_inspector.setProcessEnvironment(environment);
    m_inspector.start(QStringLiteral(INKMAPPER_CLI_PATH),
                      {QStringLiteral("inspector"), QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--username"), Username});
    QVERIFY(m_inspector.waitForStarted());
    QTRY_VERIFY(m_inspector.canReadLine());
    const QString first = QString::fromUtf8(m_inspector.readLine());
    QVERIFY2(first.startsWith(QStringLiteral("Listening on http://127.0.0.1:")), qPrintable(first));
    m_url = first.section(u' ', 2, 2);
}

void TestCliLive::cleanupTestCase()
{
    m_inspector.terminate(); // SIGTERM: the inspector stops cleanly
    QVERIFY(m_inspector.waitForFinished(10000));
    QCOMPARE(m_inspector.exitCode(), 0);
}

void TestCliLive::sendShowsRequestAndResponse()
{
    const Run run = runCli({QStringLiteral("send"), m_project, QStringLiteral("--mapping"), QStringLiteral("Orders"),
                            QStringLiteral("--event"), m_event, QStringLiteral("--url"), m_url});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY(run.out.contains(QStringLiteral("> POST ") + m_url));
    QVERIFY(run.out.contains(QStringLiteral("authorization: Basic [redacted]")));
    QVERIFY(run.out.contains(QStringLiteral("x-source: cli"), Qt::CaseInsensitive));
    QVERIFY(run.out.contains(QStringLiteral(R"({"total":42.5,"sku":"S-1"})")));
    QVERIFY(run.out.contains(QStringLiteral("< 200 OK")));
    QVERIFY(!run.out.contains(Secret) && !run.err.contains(Secret));
    QVERIFY(!run.out.contains(QString::fromLatin1((Username + u':' + Secret).toUtf8().toBase64())));
    // The inspector printed what it received, the body as sent and the secret redacted.
    QTRY_VERIFY(m_inspector.bytesAvailable() > 0);
    QTest::qWait(100);
    const QString printed = QString::fromUtf8(m_inspector.readAllStandardOutput());
    QVERIFY2(printed.contains(QStringLiteral("POST /v1/segment/events (basic auth ok)")), qPrintable(printed));
    QVERIFY(printed.contains(QStringLiteral(R"({"total":42.5,"sku":"S-1"})")));
    QVERIFY(!printed.contains(Secret));
}

void TestCliLive::wrongSecretIsExplained()
{
    const Run run = runCli({QStringLiteral("send"), m_project, QStringLiteral("--mapping"), QStringLiteral("1"),
                            QStringLiteral("--event"), m_event, QStringLiteral("--url"), m_url},
                           QStringLiteral("not-the-secret"));
    QCOMPARE(run.exitCode, 1);
    QVERIFY(run.out.contains(QStringLiteral("< 401 Unauthorized")));
    QVERIFY2(run.err.contains(QStringLiteral("error: 401 Unauthorized: Movable Ink refused the credentials")), qPrintable(run.err));
    QVERIFY(run.err.contains(QStringLiteral("next: Check the Username")));
}

void TestCliLive::secretSources_data()
{
    QTest::addColumn<QString>("keychain");    // what the keychain holds for the project's Username (null: nothing)
    QTest::addColumn<QString>("environment"); // $INKMAPPER_SECRET (null: unset)
    QTest::addColumn<QString>("file");        // the --secret-file's text (null: no such option)
    QTest::addColumn<int>("exitCode");        // 0: the inspector accepted the credentials, 1: it refused them
    QTest::addColumn<QString>("mentions");    // on standard error

    const QString none;
    QTest::newRow("the keychain entry the app stored") << Secret << none << none << 0 << QString();
    QTest::newRow("the environment before the keychain") << QStringLiteral("old") << Secret << none << 0 << QString();
    QTest::newRow("a file before the environment") << none << QStringLiteral("wrong") << Secret + u'\n' << 0 << QString();
    QTest::newRow("a file with CRLF") << none << none << Secret + QStringLiteral("\r\n") << 0 << QString();
    QTest::newRow("a wrong secret in the keychain") << QStringLiteral("wrong") << none << none << 1 << QString();
    QTest::newRow("nowhere: said so, sent without") << none << none << none << 1
                                                  << QStringLiteral("the keychain holds none for Username \"mi_access_key\"");
}

void TestCliLive::secretSources()
{
    QFETCH(QString, keychain);
    QFETCH(QString, environment);
    QFETCH(QString, file);
    QFETCH(int, exitCode);
    QFETCH(QString, mentions);

    QVERIFY(keychain.isNull() ? project::SecretStore::removeNow(Username) : project::SecretStore::writeNow(Username, keychain));
    QStringList arguments = {QStringLiteral("send"), m_project, QStringLiteral("--mapping"), QStringLiteral("Orders"),
                             QStringLiteral("--event"), m_event, QStringLiteral("--url"), m_url};
    if (!file.isNull()) {
        const QString path = m_dir.filePath(QStringLiteral("secret.txt"));
        QFile secretFile(path);
        QVERIFY(secretFile.open(QIODevice::WriteOnly | QIODevice::Truncate));
        secretFile.write(file.toUtf8());
        secretFile.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        arguments << QStringLiteral("--secret-file") << path;
    }
    const Run run = runCli(arguments, environment);
    QVERIFY(project::SecretStore::removeNow(Username));
    QVERIFY2(run.exitCode == exitCode, qPrintable(run.err));
    QVERIFY(run.out.contains(exitCode == 0 ? QStringLiteral("< 200 OK") : QStringLiteral("< 401 Unauthorized")));
    QVERIFY2(run.err.contains(mentions), qPrintable(run.err));
    QVERIFY(!run.out.contains(Secret) && !run.err.contains(Secret));
}

void TestCliLive::missingSecretFileIsAnError()
{
    const Run run = runCli({QStringLiteral("send"), m_project, QStringLiteral("--mapping"), QStringLiteral("Orders"),
                            QStringLiteral("--event"), m_event, QStringLiteral("--url"), m_url, QStringLiteral("--secret-file"),
                            m_dir.filePath(QStringLiteral("no-such-secret"))});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(QStringLiteral("--secret-file ") + m_dir.filePath(QStringLiteral("no-such-secret"))), qPrintable(run.err));
    QVERIFY(run.out.isEmpty()); // nothing sent
}

void TestCliLive::runDryRunListsTheRequests()
{
    const Run run = runCli({QStringLiteral("run"), m_project, m_events, QStringLiteral("--dry-run")});
    QCOMPARE(run.exitCode, 0);
    const QStringList lines = run.out.split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 2); // the page view matches no mapping
    QVERIFY2(lines[0].startsWith(QStringLiteral(R"({"event":1,"mapping":"Orders","request":{"method":"POST",)")), qPrintable(lines[0]));
    QVERIFY(lines[1].contains(QStringLiteral(R"("body":"{\"total\":2}")")));
    QVERIFY(lines[0].contains(QStringLiteral(R"("authorization":"Basic [redacted]")")));
    QVERIFY(!run.out.contains(QString::fromLatin1((Username + u':' + Secret).toUtf8().toBase64())));
    QVERIFY2(run.err.contains(QStringLiteral("events read: 3")), qPrintable(run.err));
    QVERIFY(run.err.contains(QStringLiteral("mapping \"Orders\": 2 matched")));
}

void TestCliLive::runSendsEveryMatchedRequest()
{
    const QString log = m_dir.filePath(QStringLiteral("run.jsonl"));
    const Run run = runCli({QStringLiteral("run"), m_project, m_events, m_events, QStringLiteral("--url"), m_url,
                            QStringLiteral("--log"), log, QStringLiteral("--concurrency"), QStringLiteral("3")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY2(run.out.contains(QStringLiteral("events read: 6")), qPrintable(run.out));
    QVERIFY(run.out.contains(QStringLiteral("requests: 4 matched, 4 sent, 0 failed")));
    QFile file(log);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = file.readAll().split('\n');
    QCOMPARE(lines.size(), 5); // four lines and the end
    for (int i = 0; i < 4; ++i) {
        QVERIFY2(lines[i].contains(R"("status":200,"ok":true)"), lines[i].constData());
        QVERIFY(!lines[i].contains(Secret.toUtf8()));
    }

    // With the wrong secret every request fails, and each is counted: none is lost.
    const Run refused = runCli({QStringLiteral("run"), m_project, m_events, QStringLiteral("--url"), m_url},
                               QStringLiteral("wrong"));
    QCOMPARE(refused.exitCode, 1);
    QVERIFY2(refused.out.contains(QStringLiteral("requests: 2 matched, 0 sent, 2 failed")), qPrintable(refused.out));
}

void TestCliLive::runKeepsToTheRate()
{
    // Six requests at five per second: the last may start 1 s after the first, not before.
    QElapsedTimer clock;
    clock.start();
    const Run run = runCli({QStringLiteral("run"), m_project, m_events, m_events, m_events, QStringLiteral("--url"), m_url,
                            QStringLiteral("--rate"), QStringLiteral("5")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY(run.out.contains(QStringLiteral("requests: 6 matched, 6 sent, 0 failed")));
    QVERIFY2(clock.elapsed() >= 1000, qPrintable(QString::number(clock.elapsed())));
}

void TestCliLive::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message");
    QTest::newRow("send without --event") << QStringList{QStringLiteral("send"), QStringLiteral("P"), QStringLiteral("--mapping"), QStringLiteral("x")}
                                          << 2 << "--mapping and --event are required";
    QTest::newRow("send to a missing project") << QStringList{QStringLiteral("send"), QStringLiteral("/nonexistent/p.json"), QStringLiteral("--mapping"), QStringLiteral("x"), QStringLiteral("--event"), QStringLiteral("e")}
                                               << 2 << "/nonexistent/p.json";
    QTest::newRow("inspector with an unknown answer") << QStringList{QStringLiteral("inspector"), QStringLiteral("--answer"), QStringLiteral("418")}
                                                      << 2 << "'418' is not one of";
    QTest::newRow("run without events") << QStringList{QStringLiteral("run"), QStringLiteral("P")}
                                        << 2 << "at least one event file";
    QTest::newRow("run with a bad rate") << QStringList{QStringLiteral("run"), QStringLiteral("P"), QStringLiteral("E"), QStringLiteral("--rate"), QStringLiteral("fast")}
                                         << 2 << "--rate takes a number";
    QTest::newRow("inspector with a bad port") << QStringList{QStringLiteral("inspector"), QStringLiteral("--port"), QStringLiteral("http")}
                                               << 2 << "not a port number";
}

void TestCliLive::usageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QString, message);
    const Run run = runCli(arguments);
    QCOMPARE(run.exitCode, exitCode);
    QVERIFY2(run.err.contains(message), qPrintable(run.err));
}

QTEST_MAIN(TestCliLive)
#include "tst_clilive.moc"
