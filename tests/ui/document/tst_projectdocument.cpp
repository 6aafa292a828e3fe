#include "document/projectdocument.h"

#include "json/object.h"
#include "json/parser.h"
#include "project/demoproject.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace inkmapper;
using ui::ChangeEvent;
using ui::ProjectDocument;

namespace {

json::Value parsed(const char *text)
{
    Result<json::Value> v = json::parse(QByteArrayView(text));
    Q_ASSERT(v.ok());
    return *v;
}

events::SampleEvent sample(const char *json)
{
    return events::SampleEvent{parsed(json), QStringLiteral("test"), 0};
}

QStringList names(const ProjectDocument &doc)
{
    QStringList list;
    for (const project::MappingConfig &m : doc.project().mappings())
        list.append(m.name);
    return list;
}

ChangeEvent::Kind kindAt(const QSignalSpy &spy, int i)
{
    return spy.at(i).at(0).value<ChangeEvent>().kind;
}

} // namespace

class TestProjectDocument : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void startsWithThePresetMapping();
    void addPresetSelectsItAndUndoes();
    void addBlankHasNoTrigger();
    void fiftyFirstMappingIsRefused();
    void duplicateInsertsAfter();
    void removeSelectsNeighbourAndUndoes();
    void moveReordersAndUndoes();
    void renameRefusesEmptyNames();
    void renameAndEnableAreUndoable();
    void typingMerges_data();
    void typingMerges();
    void eventsInsertRemoveChange();
    void removeSeveralEventsIsOneStep();
    void modifiedFollowsTheCleanState();
    void saveAndLoadRoundTrip();
    void secretIsNeverSaved();
    void corruptFileIsLocated_data();
    void corruptFileIsLocated();
    void demoProjectOpensWithASecret();
};

void TestProjectDocument::startsWithThePresetMapping()
{
    ProjectDocument doc;
    QCOMPARE(names(doc), QStringList{project::Project::defaultMappingName()});
    QCOMPARE(doc.currentMappingIndex(), 0);
    QCOMPARE(doc.currentEventIndex(), -1);
    QVERIFY(!doc.isModified());
    QCOMPARE(doc.displayName(), QStringLiteral("Untitled"));
}

void TestProjectDocument::addPresetSelectsItAndUndoes()
{
    ProjectDocument doc;
    QSignalSpy changes(&doc, &ProjectDocument::changed);
    QSignalSpy current(&doc, &ProjectDocument::currentMappingChanged);
    const Result<int> added = doc.addPresetMapping();
    QVERIFY(added.ok());
    QCOMPARE(*added, 1);
    QCOMPARE(names(doc), (QStringList{QStringLiteral("Send Entire Event"), QStringLiteral("Send Entire Event 2")}));
    QCOMPARE(doc.currentMappingIndex(), 1);
    QCOMPARE(changes.count(), 1);
    QCOMPARE(kindAt(changes, 0), ChangeEvent::Kind::MappingsInserted);
    QCOMPARE(current.last().at(0).toInt(), 1);
    QVERIFY(doc.isModified());

    doc.undoStack()->undo();
    QCOMPARE(names(doc), QStringList{QStringLiteral("Send Entire Event")});
    QCOMPARE(doc.currentMappingIndex(), 0);
    QCOMPARE(kindAt(changes, 1), ChangeEvent::Kind::MappingsRemoved);
    QVERIFY(!doc.isModified());
    doc.undoStack()->redo();
    QCOMPARE(doc.project().mappingCount(), 2);
}

void TestProjectDocument::addBlankHasNoTrigger()
{
    ProjectDocument doc;
    QVERIFY(doc.addBlankMapping().ok());
    const project::MappingConfig &blank = doc.project().mapping(1);
    QCOMPARE(blank.name, QStringLiteral("New Mapping"));
    QVERIFY(blank.subscribe.isEmpty());
    QVERIFY(blank.mapping.isObject());
    QVERIFY(blank.mapping.toObject().isEmpty());
}

void TestProjectDocument::fiftyFirstMappingIsRefused()
{
    ProjectDocument doc;
    while (doc.project().mappingCount() < project::Project::maxMappings())
        QVERIFY(doc.addPresetMapping().ok());
    const int steps = doc.undoStack()->count();
    QSignalSpy changes(&doc, &ProjectDocument::changed);

    for (const Result<int> &refused : {doc.addPresetMapping(), doc.addBlankMapping(), doc.duplicateMapping(3)}) {
        QVERIFY(!refused.ok());
        QVERIFY2(refused.error().message.contains(QStringLiteral("at most 50 mappings")),
                 qPrintable(refused.error().message));
    }
    QCOMPARE(doc.project().mappingCount(), 50);
    QCOMPARE(doc.undoStack()->count(), steps);
    QCOMPARE(changes.count(), 0);
}

void TestProjectDocument::duplicateInsertsAfter()
{
    ProjectDocument doc;
    QVERIFY(doc.addPresetMapping().ok());
    doc.setMappingTrigger(0, QStringLiteral("type = \"track\""));
    const Result<int> copy = doc.duplicateMapping(0);
    QVERIFY(copy.ok());
    QCOMPARE(*copy, 1);
    QCOMPARE(names(doc), (QStringList{QStringLiteral("Send Entire Event"), QStringLiteral("Send Entire Event 3"),
                                      QStringLiteral("Send Entire Event 2")}));
    QCOMPARE(doc.project().mapping(1).subscribe, QStringLiteral("type = \"track\""));
    QVERIFY(doc.project().mapping(1).id != doc.project().mapping(0).id);
    QCOMPARE(doc.currentMappingIndex(), 1);
}

void TestProjectDocument::removeSelectsNeighbourAndUndoes()
{
    ProjectDocument doc;
    QVERIFY(doc.addPresetMapping().ok());
    QVERIFY(doc.addPresetMapping().ok());
    const QString removedId = doc.project().mapping(1).id;
    doc.setCurrentMappingIndex(1);
    doc.removeMapping(1);
    QCOMPARE(names(doc), (QStringList{QStringLiteral("Send Entire Event"), QStringLiteral("Send Entire Event 3")}));
    QCOMPARE(doc.currentMappingIndex(), 1);
    QCOMPARE(doc.currentMapping()->name, QStringLiteral("Send Entire Event 3"));

    doc.undoStack()->undo();
    QCOMPARE(doc.project().mapping(1).id, removedId);
    QCOMPARE(doc.project().mapping(1).name, QStringLiteral("Send Entire Event 2"));
}

void TestProjectDocument::moveReordersAndUndoes()
{
    ProjectDocument doc;
    QVERIFY(doc.addPresetMapping().ok());
    QVERIFY(doc.addPresetMapping().ok());
    doc.setCurrentMappingIndex(0);
    QSignalSpy current(&doc, &ProjectDocument::currentMappingChanged);
    doc.moveMapping(0, 2);
    QCOMPARE(names(doc), (QStringList{QStringLiteral("Send Entire Event 2"), QStringLiteral("Send Entire Event 3"),
                                      QStringLiteral("Send Entire Event")}));
    // The selection follows the mapping, not the row.
    QCOMPARE(doc.currentMappingIndex(), 2);
    QCOMPARE(current.last().at(0).toInt(), 2);
    doc.undoStack()->undo();
    QCOMPARE(names(doc).front(), QStringLiteral("Send Entire Event"));
    QCOMPARE(doc.currentMappingIndex(), 0);
}

void TestProjectDocument::renameRefusesEmptyNames()
{
    ProjectDocument doc;
    const Result<Ok> renamed = doc.renameMapping(0, QStringLiteral("   "));
    QVERIFY(!renamed.ok());
    QCOMPARE(doc.undoStack()->count(), 0);
    QCOMPARE(doc.project().mapping(0).name, QStringLiteral("Send Entire Event"));
}

void TestProjectDocument::renameAndEnableAreUndoable()
{
    ProjectDocument doc;
    QSignalSpy changes(&doc, &ProjectDocument::changed);
    QVERIFY(doc.renameMapping(0, QStringLiteral("  Orders  ")).ok());
    QCOMPARE(doc.project().mapping(0).name, QStringLiteral("Orders"));
    QCOMPARE(changes.last().at(0).value<ChangeEvent>().field, ChangeEvent::MappingField::Name);
    doc.setMappingEnabled(0, false);
    QVERIFY(!doc.project().mapping(0).enabled);
    QCOMPARE(changes.last().at(0).value<ChangeEvent>().field, ChangeEvent::MappingField::Enabled);
    QCOMPARE(doc.undoStack()->count(), 2);
    doc.undoStack()->undo();
    QVERIFY(doc.project().mapping(0).enabled);
    doc.undoStack()->undo();
    QCOMPARE(doc.project().mapping(0).name, QStringLiteral("Send Entire Event"));
}

void TestProjectDocument::typingMerges_data()
{
    QTest::addColumn<QString>("what");
    QTest::newRow("trigger") << QStringLiteral("trigger");
    QTest::newRow("fields") << QStringLiteral("fields");
    QTest::newRow("url") << QStringLiteral("url");
    QTest::newRow("username") << QStringLiteral("username");
    QTest::newRow("event") << QStringLiteral("event");
}

void TestProjectDocument::typingMerges()
{
    QFETCH(QString, what);
    ProjectDocument doc;
    doc.addEvents({sample(R"({"type":"track","event":"A"})")});
    doc.undoStack()->setClean();
    const project::Project before = doc.project();
    const int steps = doc.undoStack()->count();
    const QStringList typed{QStringLiteral("t"), QStringLiteral("ty"), QStringLiteral("typ")};
    for (const QString &text : typed) {
        if (what == QLatin1String("trigger"))
            doc.setMappingTrigger(0, text);
        else if (what == QLatin1String("fields"))
            {
            json::Object fields;
            fields.set(QStringLiteral("data"), json::Value(text));
            doc.setMappingFields(0, json::Value(std::move(fields)));
        }
        else if (what == QLatin1String("url"))
            doc.setMovableInkUrl(text);
        else if (what == QLatin1String("username"))
            doc.setUsername(text);
        else
            doc.changeEvent(0, json::Value(text));
    }
    QCOMPARE(doc.undoStack()->count(), steps + 1);
    doc.undoStack()->undo();
    QVERIFY(doc.project() == before);
    QVERIFY(!doc.isModified());
}

void TestProjectDocument::eventsInsertRemoveChange()
{
    ProjectDocument doc;
    QSignalSpy changes(&doc, &ProjectDocument::changed);
    QSignalSpy current(&doc, &ProjectDocument::currentEventChanged);
    QCOMPARE(doc.addEvents({sample(R"({"type":"track"})"), sample(R"({"type":"page"})")}), 0);
    QCOMPARE(doc.currentEventIndex(), 0);
    QCOMPARE(doc.addEvents({sample(R"({"type":"identify"})")}), 2);
    QCOMPARE(doc.currentEventIndex(), 2);
    QCOMPARE(kindAt(changes, 0), ChangeEvent::Kind::EventsInserted);
    QCOMPARE(changes.at(0).at(0).value<ChangeEvent>().last, 1);

    doc.changeEvent(2, parsed(R"({"type":"group"})"));
    QCOMPARE(kindAt(changes, 2), ChangeEvent::Kind::EventChanged);
    QCOMPARE(doc.currentEvent()->source, QStringLiteral("test")); // the source survives an edit

    doc.removeEvent(2);
    QCOMPARE(int(doc.project().events().size()), 2);
    QCOMPARE(doc.currentEventIndex(), 1);
    QCOMPARE(current.last().at(0).toInt(), 1);
    doc.undoStack()->undo();
    QCOMPARE(doc.project().events()[2].event, parsed(R"({"type":"group"})"));
}

void TestProjectDocument::removeSeveralEventsIsOneStep()
{
    ProjectDocument doc;
    doc.addEvents({sample(R"({"n":0})"), sample(R"({"n":1})"), sample(R"({"n":2})"), sample(R"({"n":3})")});
    const int steps = doc.undoStack()->count();
    doc.removeEvents({3, 1});
    QCOMPARE(doc.undoStack()->count(), steps + 1);
    QCOMPARE(int(doc.project().events().size()), 2);
    QCOMPARE(doc.project().events()[1].event, parsed(R"({"n":2})"));
    doc.undoStack()->undo();
    QCOMPARE(int(doc.project().events().size()), 4);
    QCOMPARE(doc.project().events()[3].event, parsed(R"({"n":3})"));
}

void TestProjectDocument::modifiedFollowsTheCleanState()
{
    ProjectDocument doc;
    QSignalSpy modified(&doc, &ProjectDocument::modifiedChanged);
    doc.setUsername(QStringLiteral("me"));
    QVERIFY(doc.isModified());
    QCOMPARE(modified.count(), 1);
    QCOMPARE(modified.last().at(0).toBool(), true);
    doc.undoStack()->undo();
    QVERIFY(!doc.isModified());
    QCOMPARE(modified.last().at(0).toBool(), false);
}

void TestProjectDocument::saveAndLoadRoundTrip()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("orders.inkmapper.json"));
    ProjectDocument doc;
    doc.setMovableInkUrl(QStringLiteral("https://collector.movableink.com/events"));
    doc.setUsername(QStringLiteral("key-id"));
    QVERIFY(doc.addBlankMapping().ok());
    QVERIFY(doc.renameMapping(1, QStringLiteral("Orders")).ok());
    doc.setMappingTrigger(1, QStringLiteral("event = \"Order Completed\""));
    doc.addEvents({sample(R"({"type":"track","event":"Order Completed"})")});
    QSignalSpy file(&doc, &ProjectDocument::fileChanged);
    QVERIFY(doc.save(path).ok());
    QVERIFY(!doc.isModified());
    QCOMPARE(doc.displayName(), QStringLiteral("orders.inkmapper.json"));
    QCOMPARE(file.count(), 1);

    ProjectDocument reopened;
    QVERIFY(reopened.load(path).ok());
    QVERIFY(reopened.project() == doc.project());
    QCOMPARE(reopened.filePath(), QFileInfo(path).absoluteFilePath());
    QVERIFY(!reopened.isModified());
    QCOMPARE(reopened.undoStack()->count(), 0);
}

void TestProjectDocument::secretIsNeverSaved()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("p.json"));
    ProjectDocument doc;
    QSignalSpy secret(&doc, &ProjectDocument::secretChanged);
    doc.setSecret(QStringLiteral("s3cr3t-value"));
    QCOMPARE(secret.count(), 1);
    QVERIFY(!doc.isModified()); // the secret is not part of the project
    QVERIFY(doc.save(path).ok());
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(!file.readAll().contains("s3cr3t-value"));
}

void TestProjectDocument::corruptFileIsLocated_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("expected");
    QTest::newRow("syntax") << QByteArray("{\n  \"format\": \"inkmapper-project\",\n  \"subscriptions\": [,]\n}\n")
                            << QStringLiteral("bad.json, line 3, column 21: ");
    QTest::newRow("structure")
        << QByteArray(R"({"subscriptions":[{"subscribe":"type = \"track\"","mapping":{},"enabled":"yes"}]})")
        << QStringLiteral("bad.json, at subscriptions[0].enabled: ");
}

void TestProjectDocument::corruptFileIsLocated()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, expected);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("bad.json"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(content);
    file.close();

    ProjectDocument doc;
    QVERIFY(doc.addPresetMapping().ok());
    const project::Project before = doc.project();
    const Result<Ok> loaded = doc.load(path);
    QVERIFY(!loaded.ok());
    const QString message = ProjectDocument::describeLoadError(path, loaded.error());
    QVERIFY2(message.startsWith(expected), qPrintable(message));
    // A failed open leaves the project as it was, undo history included.
    QVERIFY(doc.project() == before);
    QCOMPARE(doc.undoStack()->count(), 1);
}

void TestProjectDocument::demoProjectOpensWithASecret()
{
    ProjectDocument doc;
    QVERIFY(doc.openDemo().ok());
    QCOMPARE(doc.displayName(), QStringLiteral("Demo Project"));
    QVERIFY(doc.filePath().isEmpty());
    QCOMPARE(doc.project().settings().movableInkUrl, project::DemoProject::url());
    QVERIFY(!doc.secret().isEmpty());
    QVERIFY(doc.project().mappingCount() >= 2);
    QVERIFY(!doc.project().events().empty());
    QCOMPARE(doc.currentEventIndex(), 0);
    QVERIFY(!doc.isModified());
}

QTEST_GUILESS_MAIN(TestProjectDocument)
#include "tst_projectdocument.moc"
