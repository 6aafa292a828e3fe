#include "json/parser.h"
#include "project/demoproject.h"
#include "project/project.h"
#include "project/projectfile.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace inkmapper;

namespace {

struct Run
{
    int exitCode = -1;
    QStringList lines; ///< standard output, a line each
    QString err;
};

Run runCli(const QStringList &arguments, const QString &workingDirectory = QString())
{
    QProcess process;
    if (!workingDirectory.isEmpty())
        process.setWorkingDirectory(workingDirectory);
    process.start(QStringLiteral(INKMAPPER_CLI_PATH), arguments);
    process.waitForFinished(60000);
    const QString out = QString::fromUtf8(process.readAllStandardOutput());
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            out.split(u'\n', Qt::SkipEmptyParts), QString::fromUtf8(process.readAllStandardError())};
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

project::MappingConfig mapping(const QString &name, const QString &subscribe, const char *mappingJson)
{
    project::MappingConfig m = project::MappingConfig::fromPreset(name);
    m.subscribe = subscribe;
    m.mapping = *json::parse(QByteArrayView(mappingJson));
    return m;
}

/** The 1-based line of the first line of `text` that contains `needle`. */
int lineOf(const QByteArray &text, const QByteArray &needle)
{
    const QList<QByteArray> lines = text.split('\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (lines[i].contains(needle))
            return int(i) + 1;
    }
    return 0;
}

const char *orderData = R"({"data":{"type":{"@path":"$.type"},"event":{"@path":"$.event"},"userId":{"@path":"$.userId"},)"
                        R"("anonymousId":{"@path":"$.anonymousId"},"messageId":{"@path":"$.messageId"},)"
                        R"("timestamp":{"@path":"$.timestamp"},"properties":{"@path":"$.properties"}}})";

} // namespace

/** `inkmapper-cli check` run as the process people run, on projects and event files written for each case. */
class TestCliCheck : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void help();
    void usageAndUnreadableInput_data();
    void usageAndUnreadableInput();
    void readyProjectAndEvents();
    void settings();
    void mappings();
    void mappingLimit();
    void eventsPointAtTheirLines();
    void headersFromTheEvent();
    void hintsAloneExitZero();
    void projectEventsWithoutEventFiles();
    void identityTimeline();

private:
    QString writeProject(const QString &name, const project::Project &project);
    QString writeEvents(const QString &name, const QByteArray &text);

    QTemporaryDir m_dir;
    QString m_ready; ///< settings fine, an "Orders" mapping that keeps what Movable Ink needs
};

QString TestCliCheck::writeProject(const QString &name, const project::Project &project)
{
    const QString path = m_dir.filePath(name);
    if (!writeFile(path, project::ProjectFile::write(project)))
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

QString TestCliCheck::writeEvents(const QString &name, const QByteArray &text)
{
    const QString path = m_dir.filePath(name);
    if (!writeFile(path, text))
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

void TestCliCheck::initTestCase()
{
    QVERIFY(m_dir.isValid());
    project::Project ready;
    ready.setSettings({QStringLiteral("https://collector.example.com/v1/segment/events"), QStringLiteral("mi_access_key")});
    QVERIFY(ready.addMapping(mapping(QStringLiteral("Orders"), QStringLiteral(R"(type = "track" and event = "Order Completed")"), orderData)));
    m_ready = writeProject(QStringLiteral("ready.inkmapper.json"), ready);
}

void TestCliCheck::help()
{
    const Run run = runCli({QStringLiteral("check"), QStringLiteral("--help")});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.lines.front(), QStringLiteral("usage: inkmapper-cli check PROJECT [EVENTS...] [--identity]"));
    QVERIFY(run.lines.join(u'\n').contains(QStringLiteral("--identity")));
    const Run usage = runCli({QStringLiteral("--help")});
    QVERIFY(usage.lines.join(u'\n').contains(QStringLiteral("  check ")));
}

void TestCliCheck::usageAndUnreadableInput_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("errPart");
    QTest::newRow("no project") << QStringList{QStringLiteral("check")} << QStringLiteral("give a project file");
    QTest::newRow("unknown option") << QStringList{QStringLiteral("check"), QStringLiteral("--fast"), QStringLiteral("p.json")}
                                    << QStringLiteral("Unknown option 'fast'");
    QTest::newRow("missing project file") << QStringList{QStringLiteral("check"), QStringLiteral("nowhere.inkmapper.json")}
                                          << QStringLiteral("nowhere.inkmapper.json: ");
    QTest::newRow("a project that is not JSON") << QStringList{QStringLiteral("check"), QStringLiteral("broken.json")}
                                                << QStringLiteral("broken.json: line 1, column ");
    QTest::newRow("a malformed event file") << QStringList{QStringLiteral("check"), QStringLiteral("ready.inkmapper.json"),
                                                           QStringLiteral("bad.jsonl")}
                                            << QStringLiteral("bad.jsonl: line 2, column ");
}

void TestCliCheck::usageAndUnreadableInput()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, errPart);
    writeEvents(QStringLiteral("broken.json"), "{\"format\":");
    writeEvents(QStringLiteral("bad.jsonl"), "{\"type\":\"track\"}\n{\"type\":\n");
    const Run run = runCli(arguments, m_dir.path());
    QCOMPARE(run.exitCode, 2);
    QVERIFY(run.lines.isEmpty());
    QVERIFY2(run.err.contains(errPart), qPrintable(run.err));
}

void TestCliCheck::readyProjectAndEvents()
{
    const QString events = writeEvents(
        QStringLiteral("ready.jsonl"),
        R"({"type":"track","event":"Order Completed","userId":"u1","messageId":"m1","timestamp":"2024-05-14T15:02:11.000Z","properties":{"total":27.5,"products":[{"sku":"G-32","price":27.5}]}})"
        "\n"
        R"({"type":"page","name":"Home","anonymousId":"a1"})"
        "\n");
    const Run run = runCli({QStringLiteral("check"), m_ready, events});
    QCOMPARE(run.lines, QStringList());
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.err, QStringLiteral("check: 1 mapping, 2 events: 0 errors, 0 warnings, 0 hints\n"));
}

void TestCliCheck::settings()
{
    project::Project project;
    project.setSettings({QStringLiteral("ftp://collector.example.com/events"), QString()});
    QVERIFY(project.addMapping(mapping(QStringLiteral("Orders"), QStringLiteral(R"(type = "track")"), orderData)));
    const QString path = writeProject(QStringLiteral("settings.inkmapper.json"), project);
    const QByteArray text = project::ProjectFile::write(project);
    const Run run = runCli({QStringLiteral("check"), path});
    QCOMPARE(run.exitCode, 1);
    QCOMPARE(run.lines.size(), 2);
    QCOMPARE(run.lines[0], QStringLiteral("%1:%2: error: settings.username: the Username (your Movable Ink Access Key ID) is empty; "
                                          "Segment refuses every event until it is set")
                               .arg(path).arg(lineOf(text, "\"username\"")));
    QCOMPARE(run.lines[1], QStringLiteral("%1:%2: error: settings.movable_ink_url: \"ftp://collector.example.com/events\" cannot be "
                                          "used: Segment's runtime fails with \"Only HTTP(S) protocols are supported\"; it must be a "
                                          "full http:// or https:// address")
                               .arg(path).arg(lineOf(text, "\"movable_ink_url\"")));

    // http:// to another host works, but the secret travels in clear.
    project.setSettings({QStringLiteral("http://collector.example.com/events"), QStringLiteral("key")});
    const Run insecure = runCli({QStringLiteral("check"), writeProject(QStringLiteral("http.inkmapper.json"), project)});
    QCOMPARE(insecure.exitCode, 0);
    QCOMPARE(insecure.lines.size(), 1);
    QVERIFY2(insecure.lines[0].contains(QStringLiteral(": warning: settings.movable_ink_url: The Movable Ink URL uses http://")),
             qPrintable(insecure.lines[0]));
}

void TestCliCheck::mappings()
{
    project::Project project;
    project.setSettings({QStringLiteral("https://collector.example.com/e"), QStringLiteral("key")});
    QVERIFY(project.addMapping(mapping(QStringLiteral("Bad trigger"), QStringLiteral("type = \"track"), orderData)));
    QVERIFY(project.addMapping(mapping(QStringLiteral("Bad mapping"), QStringLiteral(R"(type = "track")"),
                                       R"({"data":{"x":{"@path":3}},"header":{}})")));
    QVERIFY(project.addMapping(mapping(QStringLiteral("Headers"), QStringLiteral(R"(type = "track")"),
                                       R"({"headers":{"X-City":"Zürich","Authorization":"Bearer t","X-Name":{"@path":"$.name"}},"data":{"@path":"$."}})")));
    QVERIFY(project.addMapping(mapping(QStringLiteral("Headers"), QStringLiteral(R"(type = "track")"), R"({"data":{"@path":"$."}})")));
    const Run run = runCli({QStringLiteral("check"), writeProject(QStringLiteral("mappings.inkmapper.json"), project)});
    QCOMPARE(run.exitCode, 1);
    const QStringList expected{
        QStringLiteral("mapping \"Bad trigger\": error: trigger: line 1, column 8: unterminated string"),
        QStringLiteral("mapping \"Bad mapping\": error: data.x.@path: "),
        QStringLiteral("mapping \"Bad mapping\": warning: header: not a field of the \"Send Entire Event\" action (it has headers and "
                       "data), so Segment drops it"),
        QStringLiteral("mapping \"Headers\": warning: another mapping has the same name"),
        QStringLiteral("mapping \"Headers\": error: headers.X-City: has \"ü\", which is not ASCII"),
        QStringLiteral("mapping \"Headers\": warning: headers.Authorization: Segment sets Authorization"),
        QStringLiteral("mapping \"Headers\": warning: another mapping has the same name"),
    };
    QCOMPARE(run.lines.size(), expected.size());
    for (qsizetype i = 0; i < expected.size(); ++i)
        QVERIFY2(run.lines[i].startsWith(expected[i]), qPrintable(run.lines[i]));
}

void TestCliCheck::mappingLimit()
{
    // A file with more subscriptions than the destination allows: the limit is an error, the rest is checked.
    QByteArray subscriptions;
    for (int i = 0; i < 51; ++i) {
        const QByteArray trigger = i == 49 ? QByteArray("type = \\\"track") : QByteArray("type = \\\"track\\\"");
        subscriptions += (i ? ",\n" : "") + QByteArray(R"({"name":"M)") + QByteArray::number(i + 1) + R"(","subscribe":")" + trigger
            + R"(","mapping":{"data":{"@path":"$."}}})";
    }
    const QByteArray text = R"({"format":"inkmapper-project","version":1,"settings":{"movable_ink_url":"https://x.example.com/e","username":"k"},)"
                            "\n\"subscriptions\":[\n"
        + subscriptions + "]}\n";
    const QString path = writeEvents(QStringLiteral("many.inkmapper.json"), text);
    const Run run = runCli({QStringLiteral("check"), path});
    QCOMPARE(run.exitCode, 1);
    QCOMPARE(run.lines.size(), 2);
    QCOMPARE(run.lines[0], QStringLiteral("%1:2: error: the project has 51 mappings, but Movable Ink (Actions) allows at most 50 per "
                                          "destination; only the first 50 are checked")
                               .arg(path));
    QVERIFY2(run.lines[1].startsWith(QStringLiteral("mapping \"M50\": error: trigger: ")), qPrintable(run.lines[1]));
}

void TestCliCheck::eventsPointAtTheirLines()
{
    project::Project project;
    project.setSettings({QStringLiteral("https://collector.example.com/e"), QStringLiteral("key")});
    QVERIFY(project.addMapping(mapping(QStringLiteral("Orders"), QStringLiteral(R"(event = "Order Completed")"),
                                       R"({"data":{"event":{"@path":"$.event"},"total":{"@path":"$.properties.total"}}})")));
    project::MappingConfig everything = project::MappingConfig::fromPreset(QStringLiteral("Everything"));
    QVERIFY(project.addMapping(everything));
    project::MappingConfig disabled = mapping(QStringLiteral("Disabled"), QStringLiteral(R"(type = "track")"), R"({"data":{}})");
    disabled.enabled = false;
    QVERIFY(project.addMapping(disabled));
    const QString path = writeProject(QStringLiteral("events.inkmapper.json"), project);
    // An array, pretty-printed: each event is named by the line it starts on.
    const QString events = writeEvents(QStringLiteral("events.json"), R"([
  {"type": "track", "event": "Signed Up", "anonymousId": "a1"},

  {
    "type": "track", "event": "Order Completed", "userId": "u1",
    "properties": {"total": "27.50", "products": [{"sku": "G-32", "price": 27.5}]}
  }
]
)");
    const Run run = runCli({QStringLiteral("check"), path, events});
    QCOMPARE(run.exitCode, 1);
    const QString at = events + QStringLiteral(":4: ");
    const QStringList expected{
        at + QStringLiteral("error: mapping \"Orders\": data: has neither userId nor anonymousId, so Movable Ink cannot attribute "
                            "this track call to anyone; the event has userId, but the mapping's data leaves it out"),
        at + QStringLiteral("warning: mapping \"Orders\": data.type: missing, though the event has it: the mapping's data leaves it "
                            "out; Movable Ink tells identify calls from track calls by it"),
        at + QStringLiteral("error: mapping \"Orders\": data.properties: missing; Movable Ink reads the total and products of Order "
                            "Completed events from properties; the event has properties, but the mapping's data leaves them out "
                            "(data has total at its top level, but Movable Ink reads properties.total)"),
        at + QStringLiteral("error: mapping \"Everything\": data.properties.total: is the text \"27.50\", not a number; without a "
                            "numeric total Movable Ink cannot record the order as a conversion"),
    };
    QCOMPARE(run.lines, expected);
    QCOMPARE(run.err, QStringLiteral("check: 3 mappings, 2 events: 3 errors, 1 warning, 0 hints\n"));
}

void TestCliCheck::headersFromTheEvent()
{
    // Headers a directive makes are judged per event; a value Segment cannot send is one error, not two.
    project::Project project;
    project.setSettings({QStringLiteral("https://collector.example.com/e"), QStringLiteral("key")});
    QVERIFY(project.addMapping(mapping(QStringLiteral("H"), QStringLiteral(R"(type = "track")"),
                                       R"({"headers":{"@path":"$.properties.h"},"data":{"@path":"$."}})")));
    const QString events = writeEvents(QStringLiteral("headers.jsonl"),
                                       R"({"type":"track","event":"X","userId":"u","properties":{"h":{"X-City":"東京"}}})" "\n"
                                       R"({"type":"track","event":"X","userId":"u","properties":{"h":{"X-City":"Köln"}}})" "\n"
                                       R"({"type":"track","event":"X","userId":"u","properties":{"h":{"X-City":"Oslo"}}})" "\n");
    const Run run = runCli({QStringLiteral("check"), writeProject(QStringLiteral("headers.inkmapper.json"), project), events});
    QCOMPARE(run.exitCode, 1);
    QCOMPARE(run.lines.size(), 2);
    QVERIFY2(run.lines[0].startsWith(events + QStringLiteral(":1: error: mapping \"H\": headers.X-City: has \"東\", a character "
                                                             "Segment's runtime cannot put in a header")),
             qPrintable(run.lines[0]));
    QVERIFY2(run.lines[1].startsWith(events + QStringLiteral(":2: error: mapping \"H\": headers.X-City: has \"ö\", which is not ASCII")),
             qPrintable(run.lines[1]));
}

void TestCliCheck::hintsAloneExitZero()
{
    const QString events = writeEvents(QStringLiteral("search.jsonl"),
                                       "\n" R"({"type":"track","event":"Products Searched","anonymousId":"a1","properties":{"url":"https://shop.example.com/s"}})" "\n");
    project::Project project;
    project.setSettings({QStringLiteral("https://collector.example.com/e"), QStringLiteral("key")});
    QVERIFY(project.addMapping(project::MappingConfig::fromPreset(QStringLiteral("Everything"))));
    const Run run = runCli({QStringLiteral("check"), writeProject(QStringLiteral("search.inkmapper.json"), project), events});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.lines, QStringList{events + QStringLiteral(":2: hint: mapping \"Everything\": data.properties.query: missing; "
                                                             "Movable Ink's Search schema requires what the visitor searched for")});
}

void TestCliCheck::projectEventsWithoutEventFiles()
{
    // The demo, with its own events: the one hint it shows, at the line of the event in the project file.
    const auto demo = project::DemoProject::load();
    QVERIFY(demo.ok());
    const QByteArray text = project::ProjectFile::write(demo.value());
    const QString path = writeEvents(QStringLiteral("demo.inkmapper.json"), text);
    const Run run = runCli({QStringLiteral("check"), path});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.lines.size(), 1);
    const int searchLine = lineOf(text, "\"Products Searched\"") - 2; // the event's "{" stands above "type" and "event"
    QCOMPARE(text.split('\n')[searchLine - 1].trimmed(), QByteArray("{"));
    QCOMPARE(run.lines[0], QStringLiteral("%1:%2: hint: mapping \"Send Entire Event\": data.properties.url: missing; Movable Ink's "
                                          "Search schema reads the results page's address from it")
                               .arg(path)
                               .arg(searchLine));
}

void TestCliCheck::identityTimeline()
{
    const QString events = writeEvents(QStringLiteral("story.jsonl"), R"({"type":"track","event":"Product Viewed","anonymousId":"a1"}
{"type":"identify","anonymousId":"a1","traits":{"email":"maria@example.com"}}
{"type":"track","event":"Product Added","anonymousId":"a1"}
{"type":"identify","anonymousId":"a1","userId":"u2"}
{"type":"page","name":"Home","anonymousId":"a1"}
{"type":"track","event":"Order Completed","userId":"u1"}
{"type":"track","event":"Signed Up"}
)");
    project::Project project;
    project.setSettings({QStringLiteral("https://collector.example.com/e"), QStringLiteral("key")});
    project::MappingConfig none = project::MappingConfig::fromPreset(QStringLiteral("Off"));
    none.enabled = false;
    QVERIFY(project.addMapping(none));
    const QString path = writeProject(QStringLiteral("story.inkmapper.json"), project);
    const Run run = runCli({QStringLiteral("check"), path, events, QStringLiteral("--identity")});
    QCOMPARE(run.exitCode, 0);
    const QString e = events + u':';
    const QStringList expected{
        QStringLiteral("%1:%2: warning: no mapping is enabled, so Segment sends nothing to Movable Ink")
            .arg(path)
            .arg(lineOf(project::ProjectFile::write(project), "\"subscriptions\"")),
        e + QStringLiteral("1: identity: track \"Product Viewed\": anonymous a1 until the identify at %1 joins it to email maria@example.com")
                .arg(e + u'2'),
        e + QStringLiteral("2: identity: identify: email maria@example.com (identified here; joins 1 earlier event of its anonymousId)"),
        e + QStringLiteral("3: identity: track \"Product Added\": email maria@example.com (its anonymousId was identified at %1)").arg(e + u'2'),
        e + QStringLiteral("4: identity: identify: user u2 (identified here)"),
        e + QStringLiteral("5: identity: page \"Home\": user u2 (its anonymousId was identified at %1)").arg(e + u'4'),
        e + QStringLiteral("6: identity: track \"Order Completed\": user u1 (its own userId)"),
        e + QStringLiteral("7: identity: track \"Signed Up\": nobody: it has neither userId nor anonymousId"),
    };
    QCOMPARE(run.lines, expected);
}

QTEST_GUILESS_MAIN(TestCliCheck)
#include "tst_clicheck.moc"
