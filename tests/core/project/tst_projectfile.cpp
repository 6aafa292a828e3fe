#include "project/projectfile.h"

#include "json/object.h"
#include "json/parser.h"
#include "json/writer.h"

#include <QFile>
#include <QTest>

using namespace inkmapper;
using project::MappingConfig;
using project::Project;
using project::ProjectFile;

namespace {

// QVERIFY2 evaluates its message even when the check passes, so it must not call error() on a success.
template<typename T>
QString errorText(const Result<T> &result)
{
    return result.ok() ? QString() : result.error().describe();
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

json::Value parseJson(const char *text)
{
    return json::parse(QByteArrayView(text)).value();
}

/** A project using every feature of the format: settings, several mappings, non-ASCII text, events. */
Project richProject()
{
    Project p;
    p.setSettings({QStringLiteral("https://collector.example.com/v1/events"), QStringLiteral("AKID-123")});
    MappingConfig first = MappingConfig::fromPreset(QStringLiteral("Send Entire Event"));
    MappingConfig second = MappingConfig::fromPreset(QStringLiteral("Bestellung abgeschlossen – “Ünïcode” 🛒"));
    second.enabled = false;
    second.subscribe = QStringLiteral("type = \"track\" and event = \"Order Completed\"");
    second.mapping = parseJson(R"({"headers":{"X-Id":{"@path":"$.messageId"}},"data":{"2":"two","b":1e21,"a":[1.5,null,"\u2028"]}})");
    const bool added = p.addMapping(first).ok() && p.addMapping(second).ok();
    Q_ASSERT(added);
    p.addEvent(events::SampleEvent{parseJson(R"({"type":"track","event":"Order Completed","properties":{"total":12.5}})"), QString(), 0});
    p.addEvent(events::SampleEvent{parseJson(R"({"type":"identify","userId":"u1","traits":{"name":"Zoë"}})"), QString(), 0});
    return p;
}

/** The bench project with its subscriptions count raised or lowered to `count` by copying the first one. */
QByteArray subscriptionsFile(int count)
{
    QByteArray text = "{\"subscriptions\":[";
    for (int i = 0; i < count; ++i) {
        if (i > 0)
            text += ',';
        text += "{\"name\":\"m" + QByteArray::number(i) + "\",\"enabled\":true,\"subscribe\":\"type = \\\"track\\\"\",\"mapping\":{}}";
    }
    return text + "]}";
}

} // namespace

class TestProjectFile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void writesTheDocumentedFormat();
    void readsTheBenchProject();
    void roundTrip_data();
    void roundTrip();
    void structuralErrors_data();
    void structuralErrors();
    void syntaxErrors_data();
    void syntaxErrors();
    void everyTruncationIsAnError();
    void newerVersionIsRefused();
    void limitOfFiftyMappings_data();
    void limitOfFiftyMappings();
    void secretIsNeverWritten();
    void unknownKeysAreIgnored();
    void missingIdsAndNamesAreFilledIn();
    void duplicateIdsAreSeparated();
    void hugeFile();
    void migrationFromTheCurrentVersionKeepsTheDocument();
};

void TestProjectFile::writesTheDocumentedFormat()
{
    Project p;
    p.setSettings({QStringLiteral("https://mi.example.com/events"), QStringLiteral("me")});
    MappingConfig m;
    m.id = QStringLiteral("id-1");
    m.name = QStringLiteral("Send Entire Event");
    QVERIFY(p.addMapping(m).ok());
    p.addEvent(events::SampleEvent{parseJson(R"({"type":"page"})"), QString(), 0});

    const QByteArray expected = R"json({
  "format": "inkmapper-project",
  "version": 1,
  "destination": "Movable Ink (Actions)",
  "action": "sendEntireEvent",
  "settings": {
    "movable_ink_url": "https://mi.example.com/events",
    "username": "me"
  },
  "subscriptions": [
    {
      "id": "id-1",
      "name": "Send Entire Event",
      "enabled": true,
      "subscribe": "type = \"identify\" or type = \"track\" or type = \"page\" or type = \"screen\" or type = \"group\"",
      "mapping": {
        "data": {
          "@path": "$."
        }
      }
    }
  ],
  "events": [
    {
      "type": "page"
    }
  ]
}
)json";
    QCOMPARE(ProjectFile::write(p), expected);
}

void TestProjectFile::readsTheBenchProject()
{
    const QString path = QFINDTESTDATA("data/bench-project.json");
    QVERIFY(!path.isEmpty());
    const QByteArray text = readFile(path);
    const auto read = ProjectFile::read(text, path);
    QVERIFY2(read.ok(), qPrintable(errorText(read)));
    const Project &p = read.value();

    const json::Value original = json::parse(QByteArrayView(text)).value();
    const json::Value subscriptionsValue = original.toObject().value(u"subscriptions");
    const json::Array &subscriptions = subscriptionsValue.toArray();
    QCOMPARE(p.mappingCount(), 50);
    QCOMPARE(int(subscriptions.size()), 50);
    for (int i = 0; i < p.mappingCount(); ++i) {
        const json::Object &s = subscriptions[size_t(i)].toObject();
        QCOMPARE(p.mapping(i).name, s.value(u"name").toString());
        QCOMPARE(p.mapping(i).enabled, s.value(u"enabled").toBool());
        QCOMPARE(p.mapping(i).subscribe, s.value(u"subscribe").toString());
        QCOMPARE(p.mapping(i).mapping, s.value(u"mapping"));
        QVERIFY(!p.mapping(i).id.isEmpty());
    }
    QCOMPARE(p.settings(), project::DestinationSettings{});
    QVERIFY(p.events().empty());
}

void TestProjectFile::roundTrip_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::newRow("empty project") << ProjectFile::write(Project());
    QTest::newRow("default project") << ProjectFile::write(Project::createDefault());
    QTest::newRow("settings, unicode, disabled mapping, events") << ProjectFile::write(richProject());
    QTest::newRow("bench project (no ids, no envelope)") << readFile(QFINDTESTDATA("data/bench-project.json"));
    QTest::newRow("minimal hand-written") << QByteArray(R"({"subscriptions":[{"subscribe":"type = \"page\"","mapping":{}}]})");
}

void TestProjectFile::roundTrip()
{
    QFETCH(QByteArray, text);
    QVERIFY(!text.isEmpty());
    const auto first = ProjectFile::read(text, QStringLiteral("a.inkmapper.json"));
    QVERIFY2(first.ok(), qPrintable(errorText(first)));
    const QByteArray written = ProjectFile::write(first.value());
    const auto second = ProjectFile::read(written, QStringLiteral("a.inkmapper.json"));
    QVERIFY2(second.ok(), qPrintable(errorText(second)));
    QVERIFY(second.value() == first.value());
    // Stable: once written, the bytes no longer change (ids made up for id-less files are kept).
    QCOMPARE(ProjectFile::write(second.value()), written);
}

void TestProjectFile::structuralErrors_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("expected"); // Error::describe(): "path: message"

    const auto subscription = [](const QByteArray &fields) {
        return QByteArray(R"({"subscriptions":[{"subscribe":"type = \"page\"","mapping":{}},)") + fields + "]}";
    };
    const QByteArray valid = R"({"subscribe":"type = \"page\"","mapping":{}})";
    QTest::newRow("the fourth subscription's enabled is \"yes\"")
        << QByteArray("{\"subscriptions\":[" + valid + ',' + valid + ',' + valid + R"(,{"enabled":"yes","subscribe":"","mapping":{}}]})")
        << QStringLiteral("subscriptions[3].enabled: expected true or false, found \"yes\"");
    QTest::newRow("enabled is \"yes\"")
        << subscription(R"({"name":"x","enabled":"yes","subscribe":"","mapping":{}})")
        << QStringLiteral("subscriptions[1].enabled: expected true or false, found \"yes\"");
    QTest::newRow("enabled is 1") << subscription(R"({"enabled":1,"subscribe":"","mapping":{}})")
                                  << QStringLiteral("subscriptions[1].enabled: expected true or false, found 1");
    QTest::newRow("subscriptions is an object") << QByteArray(R"({"subscriptions":{}})")
                                                << QStringLiteral("subscriptions: expected an array of subscriptions, found an object");
    QTest::newRow("subscription is a string")
        << subscription(R"("Send Entire Event")")
        << QStringLiteral("subscriptions[1]: expected an object with a trigger (subscribe) and a mapping, found \"Send Entire Event\"");
    QTest::newRow("subscribe missing") << subscription(R"({"mapping":{}})")
                                       << QStringLiteral("subscriptions[1].subscribe: missing; every subscription needs a trigger (FQL text)");
    QTest::newRow("subscribe is an object (an FQL tree)")
        << subscription(R"({"subscribe":{"type":"event"},"mapping":{}})")
        << QStringLiteral("subscriptions[1].subscribe: expected the trigger as a string of FQL, found an object");
    QTest::newRow("mapping missing") << subscription(R"({"subscribe":"type = \"page\""})")
                                     << QStringLiteral("subscriptions[1].mapping: missing; every subscription needs a mapping object");
    QTest::newRow("mapping is an array")
        << subscription(R"({"subscribe":"","mapping":[]})")
        << QStringLiteral("subscriptions[1].mapping: expected an object with the action's fields (headers, data), found an array");
    QTest::newRow("name is a number") << subscription(R"({"name":7,"subscribe":"","mapping":{}})")
                                      << QStringLiteral("subscriptions[1].name: expected a string, found 7");
    QTest::newRow("id is true") << subscription(R"({"id":true,"subscribe":"","mapping":{}})")
                                << QStringLiteral("subscriptions[1].id: expected a string, found true");
    QTest::newRow("partnerAction of another action")
        << subscription(R"({"partnerAction":"postToChannel","subscribe":"","mapping":{}})")
        << QStringLiteral("subscriptions[1].partnerAction: this subscription runs the action \"postToChannel\", but InkMapper only knows \"sendEntireEvent\"");
    QTest::newRow("settings is a string") << QByteArray(R"({"settings":"https://x"})")
                                          << QStringLiteral("settings: expected an object, found \"https://x\"");
    QTest::newRow("username is a number") << QByteArray(R"({"settings":{"username":12345}})")
                                          << QStringLiteral("settings.username: expected a string, found 12345");
    QTest::newRow("url is an array") << QByteArray(R"({"settings":{"movable_ink_url":["a"]}})")
                                     << QStringLiteral("settings.movable_ink_url: expected a string, found an array");
    QTest::newRow("events is an object") << QByteArray(R"({"events":{"type":"track"}})")
                                         << QStringLiteral("events: expected an array of Segment events, found an object");
    QTest::newRow("an event is a number") << QByteArray(R"({"events":[{},42]})")
                                          << QStringLiteral("events[1]: expected a Segment event (an object), found 42");
    QTest::newRow("another format") << QByteArray(R"({"format":"tiled-map"})")
                                    << QStringLiteral("format: this file's format is \"tiled-map\", but InkMapper only knows \"inkmapper-project\"");
    QTest::newRow("another destination")
        << QByteArray(R"json({"destination":"Webhooks (Actions)"})json")
        << QStringLiteral("destination: this project is for \"Webhooks (Actions)\", but InkMapper only knows \"Movable Ink (Actions)\"");
    QTest::newRow("another action")
        << QByteArray(R"({"action":"sendEvent"})")
        << QStringLiteral("action: this project runs the action \"sendEvent\", but InkMapper only knows \"sendEntireEvent\"");
    QTest::newRow("version is a string") << QByteArray(R"({"version":"1"})")
                                         << QStringLiteral("version: expected a whole number from 1, found \"1\"");
    QTest::newRow("version 0") << QByteArray(R"({"version":0})") << QStringLiteral("version: expected a whole number from 1, found 0");
    QTest::newRow("version 1.5") << QByteArray(R"({"version":1.5})") << QStringLiteral("version: expected a whole number from 1, found 1.5");
    QTest::newRow("numbers shown as JavaScript writes them")
        << QByteArray(R"({"settings":{"movable_ink_url":1234567890123456789012345678901234567890123456789}})")
        << QStringLiteral("settings.movable_ink_url: expected a string, found 1.2345678901234568e+48");
    QTest::newRow("long values are shortened")
        << QByteArray("{\"version\":\"" + QByteArray(60, 'v') + "\"}")
        << QStringLiteral("version: expected a whole number from 1, found \"%1…").arg(QString(36, u'v'));
}

void TestProjectFile::structuralErrors()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, expected);
    const auto read = ProjectFile::read(text, QStringLiteral("p.json"));
    QVERIFY(!read.ok());
    QCOMPARE(read.error().describe(), expected);
    QCOMPARE(read.error().location.line, 0);
}

void TestProjectFile::syntaxErrors_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("messagePart");
    QTest::newRow("empty file") << QByteArray() << 1 << 1 << QStringLiteral("the file is empty");
    QTest::newRow("only whitespace") << QByteArray(" \n\t\n") << 1 << 1 << QStringLiteral("the file is empty");
    QTest::newRow("truncated") << QByteArray("{\n  \"subscriptions\": [\n    {\"name\": \"a\"") << 3 << 17 << QStringLiteral("not valid JSON: unexpected end of input");
    QTest::newRow("trailing comma") << QByteArray("{\n  \"settings\": {},\n}") << 3 << 1 << QStringLiteral("not valid JSON");
    QTest::newRow("single quotes") << QByteArray("{'version': 1}") << 1 << 2 << QStringLiteral("property name in double quotes");
    QTest::newRow("binary garbage") << QByteArray("\x89PNG\r\n\x1a\n", 8) << 1 << 1 << QStringLiteral("not valid JSON");
    QTest::newRow("two documents") << QByteArray("{}\n{}") << 2 << 1 << QStringLiteral("after the JSON value");
    QTest::newRow("a top-level array") << QByteArray("[]") << 1 << 1 << QStringLiteral("a project file is a JSON object, found an array");
    QTest::newRow("a top-level string") << QByteArray("\"project\"") << 1 << 1 << QStringLiteral("found \"project\"");
    QTest::newRow("nesting too deep") << QByteArray(2000, '[') << 1 << 1001 << QStringLiteral("nesting deeper than");
}

void TestProjectFile::syntaxErrors()
{
    QFETCH(QByteArray, text);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QString, messagePart);
    const auto read = ProjectFile::read(text, QStringLiteral("p.json"));
    QVERIFY(!read.ok());
    QVERIFY2(read.error().message.contains(messagePart), qPrintable(read.error().message));
    QCOMPARE(read.error().location.line, line);
    QCOMPARE(read.error().location.column, column);
}

void TestProjectFile::everyTruncationIsAnError()
{
    // A file cut short anywhere (a full disk, an interrupted copy) must be refused with a position, never
    // half-loaded. Cutting after the closing brace only drops the final newline, which is fine.
    const QByteArray text = ProjectFile::write(richProject());
    const qsizetype lastBrace = text.lastIndexOf('}');
    for (qsizetype cut = 1; cut < lastBrace; cut += 7) {
        const auto read = ProjectFile::read(text.first(cut), QStringLiteral("p.json"));
        QVERIFY2(!read.ok(), qPrintable(QStringLiteral("cut at %1 was accepted").arg(cut)));
        QVERIFY2(read.error().location.line > 0, qPrintable(errorText(read)));
    }
}

void TestProjectFile::newerVersionIsRefused()
{
    const auto read = ProjectFile::read(QByteArray(R"({"format":"inkmapper-project","version":2,"future":{}})"), QStringLiteral("p.json"));
    QVERIFY(!read.ok());
    QCOMPARE(read.error().location.path, QStringLiteral("version"));
    QVERIFY2(read.error().message.contains(QStringLiteral("made by a newer InkMapper (version 2)")), qPrintable(read.error().message));
}

void TestProjectFile::limitOfFiftyMappings_data()
{
    QTest::addColumn<int>("count");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("none") << 0 << true;
    QTest::newRow("fifty") << 50 << true;
    QTest::newRow("fifty-one") << 51 << false;
    QTest::newRow("two hundred") << 200 << false;
}

void TestProjectFile::limitOfFiftyMappings()
{
    QFETCH(int, count);
    QFETCH(bool, accepted);
    const auto read = ProjectFile::read(subscriptionsFile(count), QStringLiteral("p.json"));
    QCOMPARE(read.ok(), accepted);
    if (accepted) {
        QCOMPARE(read.value().mappingCount(), count);
        return;
    }
    QCOMPARE(read.error().location.path, QStringLiteral("subscriptions[50]"));
    QVERIFY2(read.error().message.contains(QStringLiteral("the file has %1 subscriptions").arg(count)), qPrintable(read.error().message));
    QVERIFY2(read.error().message.contains(QStringLiteral("at most 50")), qPrintable(read.error().message));
}

void TestProjectFile::secretIsNeverWritten()
{
    const QByteArray text = R"({"settings":{"movable_ink_url":"https://x.example","username":"u","password":"hunter2-secret","secret":"s3cr3t"}})";
    const auto read = ProjectFile::read(text, QStringLiteral("p.json"));
    QVERIFY(read.ok());
    QCOMPARE(read.value().settings().username, QStringLiteral("u"));
    const QByteArray written = ProjectFile::write(read.value());
    QVERIFY(!written.contains("hunter2"));
    QVERIFY(!written.contains("s3cr3t"));
    QVERIFY(!written.contains("password"));
}

void TestProjectFile::unknownKeysAreIgnored()
{
    const QByteArray text = R"({"format":"inkmapper-project","version":1,"comment":"hi","window":{"w":3},
        "settings":{"username":"u","theme":"dark"},
        "subscriptions":[{"name":"a","subscribe":"type = \"page\"","mapping":{},"partnerAction":"sendEntireEvent","color":"red"}],
        "events":[]})";
    const auto read = ProjectFile::read(text, QStringLiteral("p.json"));
    QVERIFY2(read.ok(), qPrintable(errorText(read)));
    QCOMPARE(read.value().mappingCount(), 1);
    QVERIFY(!ProjectFile::write(read.value()).contains("theme"));
}

void TestProjectFile::missingIdsAndNamesAreFilledIn()
{
    const QByteArray text = R"({"subscriptions":[{"subscribe":"","mapping":{}},{"subscribe":"","mapping":{}},{"name":"","subscribe":"","mapping":{}}]})";
    const auto read = ProjectFile::read(text, QStringLiteral("p.json"));
    QVERIFY(read.ok());
    const Project &p = read.value();
    QCOMPARE(p.mapping(0).name, QStringLiteral("Send Entire Event"));
    QCOMPARE(p.mapping(1).name, QStringLiteral("Send Entire Event 2"));
    QCOMPARE(p.mapping(2).name, QString()); // an explicitly empty name is the user's choice
    QVERIFY(!p.mapping(0).id.isEmpty() && p.mapping(0).id != p.mapping(1).id);
    QVERIFY(p.mapping(0).enabled);
}

void TestProjectFile::duplicateIdsAreSeparated()
{
    // A subscription block copied by hand repeats its id; the copy gets a new one, the original keeps it.
    const QByteArray text = R"({"subscriptions":[{"id":"same","name":"a","subscribe":"","mapping":{}},{"id":"same","name":"b","subscribe":"","mapping":{}}]})";
    const auto read = ProjectFile::read(text, QStringLiteral("p.json"));
    QVERIFY(read.ok());
    QCOMPARE(read.value().mapping(0).id, QStringLiteral("same"));
    QVERIFY(read.value().mapping(1).id != QStringLiteral("same"));
}

void TestProjectFile::hugeFile()
{
    Project p = richProject();
    // 20,000 events of about 600 bytes, plus large mappings: a project file of about 15 MB.
    for (int i = 0; i < 20000; ++i) {
        json::Object properties;
        properties.set(QStringLiteral("i"), i);
        properties.set(QStringLiteral("text"), QString(500, QChar(u'a' + i % 26)));
        json::Object event;
        event.set(QStringLiteral("type"), QStringLiteral("track"));
        event.set(QStringLiteral("event"), QStringLiteral("Bulk %1").arg(i));
        event.set(QStringLiteral("properties"), json::Value(std::move(properties)));
        p.addEvent(events::SampleEvent{json::Value(std::move(event)), QString(), 0});
    }
    while (p.canAddMapping()) {
        MappingConfig m = MappingConfig::fromPreset(p.uniqueMappingName(QStringLiteral("Big")));
        json::Object data;
        for (int k = 0; k < 200; ++k) {
            json::Object path;
            path.set(QStringLiteral("@path"), QStringLiteral("$.properties.field%1").arg(k));
            data.set(QStringLiteral("field%1").arg(k), json::Value(std::move(path)));
        }
        json::Object mapping;
        mapping.set(QStringLiteral("data"), json::Value(std::move(data)));
        m.mapping = json::Value(std::move(mapping));
        QVERIFY(p.addMapping(m).ok());
    }
    const QByteArray written = ProjectFile::write(p);
    QVERIFY(written.size() > 10 * 1024 * 1024);
    const auto read = ProjectFile::read(written, QStringLiteral("big.json"));
    QVERIFY2(read.ok(), qPrintable(errorText(read)));
    QCOMPARE(read.value().mappingCount(), 50);
    QCOMPARE(int(read.value().events().size()), 20002);
    QVERIFY(read.value() == p);
    QCOMPARE(read.value().events().back().source, QStringLiteral("big.json"));
}

void TestProjectFile::migrationFromTheCurrentVersionKeepsTheDocument()
{
    const json::Value document = parseJson(R"({"version":1,"subscriptions":[]})");
    const auto migrated = ProjectFile::migrate(document, ProjectFile::CurrentVersion);
    QVERIFY(migrated.ok());
    QCOMPARE(migrated.value(), document);
}

QTEST_GUILESS_MAIN(TestProjectFile)
#include "tst_projectfile.moc"
