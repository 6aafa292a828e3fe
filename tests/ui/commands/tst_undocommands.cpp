#include "commands/addevents.h"
#include "commands/addmapping.h"
#include "commands/changemappingfields.h"
#include "commands/changemappingtrigger.h"
#include "commands/changesampleevent.h"
#include "commands/changesettings.h"
#include "commands/commandids.h"
#include "commands/movemapping.h"
#include "commands/removeevent.h"
#include "commands/removemapping.h"
#include "commands/renamemapping.h"
#include "commands/setmappingenabled.h"
#include "document/projectdocument.h"

#include "json/parser.h"

#include <QTest>
#include <QUndoStack>

#include <functional>
#include <memory>

using namespace inkmapper;
using ui::ProjectDocument;

namespace {

using Factory = std::function<QUndoCommand *(ProjectDocument *)>;

json::Value parsed(const char *text)
{
    return *json::parse(QByteArrayView(text));
}

/** A document with three mappings and two events, as every command test starts. */
void fill(ProjectDocument &doc)
{
    QVERIFY(doc.addPresetMapping().ok());
    QVERIFY(doc.addPresetMapping().ok());
    doc.addEvents({{parsed(R"({"type":"track"})"), QStringLiteral("a.json"), 1},
                   {parsed(R"({"type":"page"})"), QStringLiteral("a.json"), 2}});
    doc.undoStack()->clear();
}

QString idOf(ProjectDocument *doc, int index)
{
    return doc->project().mapping(index).id;
}

} // namespace

Q_DECLARE_METATYPE(Factory)

class TestUndoCommands : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void redoThenUndoRestores_data();
    void redoThenUndoRestores();
    void mergesOnlyTheSameTarget();
    void mergingBackToTheStartIsObsolete();
    void settingsMergePerField();
};

void TestUndoCommands::redoThenUndoRestores_data()
{
    QTest::addColumn<Factory>("make");
    QTest::newRow("AddMapping") << Factory([](ProjectDocument *d) {
        project::MappingConfig m = project::MappingConfig::fromPreset(QStringLiteral("New"));
        return new ui::AddMapping(d, 1, m, QStringLiteral("Add"));
    });
    QTest::newRow("RemoveMapping") << Factory([](ProjectDocument *d) { return new ui::RemoveMapping(d, 1); });
    QTest::newRow("MoveMapping down") << Factory([](ProjectDocument *d) { return new ui::MoveMapping(d, 0, 2); });
    QTest::newRow("MoveMapping up") << Factory([](ProjectDocument *d) { return new ui::MoveMapping(d, 2, 0); });
    QTest::newRow("RenameMapping") << Factory([](ProjectDocument *d) {
        return new ui::RenameMapping(d, idOf(d, 1), d->project().mapping(1).name, QStringLiteral("Renamed"));
    });
    QTest::newRow("SetMappingEnabled") << Factory([](ProjectDocument *d) {
        return new ui::SetMappingEnabled(d, idOf(d, 2), false);
    });
    QTest::newRow("ChangeMappingTrigger") << Factory([](ProjectDocument *d) {
        return new ui::ChangeMappingTrigger(d, idOf(d, 0), d->project().mapping(0).subscribe, QStringLiteral("type = \"x\""));
    });
    QTest::newRow("ChangeMappingFields") << Factory([](ProjectDocument *d) {
        return new ui::ChangeMappingFields(d, idOf(d, 0), d->project().mapping(0).mapping, parsed(R"({"data":{"a":1}})"));
    });
    QTest::newRow("ChangeSettings") << Factory([](ProjectDocument *d) {
        project::DestinationSettings after{QStringLiteral("https://x.test"), QStringLiteral("u")};
        return new ui::ChangeSettings(d, d->project().settings(), after, ui::ChangeSettings::Field::Several);
    });
    QTest::newRow("AddEvents") << Factory([](ProjectDocument *d) {
        return new ui::AddEvents(d, 1, {{parsed(R"({"type":"identify"})"), QStringLiteral("pasted"), 0}});
    });
    QTest::newRow("RemoveEvent") << Factory([](ProjectDocument *d) { return new ui::RemoveEvent(d, 0); });
    QTest::newRow("ChangeSampleEvent") << Factory([](ProjectDocument *d) {
        events::SampleEvent after = d->project().events()[1];
        after.event = parsed(R"({"type":"screen"})");
        return new ui::ChangeSampleEvent(d, 1, d->project().events()[1], after);
    });
}

void TestUndoCommands::redoThenUndoRestores()
{
    QFETCH(Factory, make);
    ProjectDocument doc;
    fill(doc);
    const project::Project before = doc.project();
    doc.undoStack()->push(make(&doc));
    const project::Project after = doc.project();
    QVERIFY(!(after == before));
    doc.undoStack()->undo();
    QVERIFY(doc.project() == before);
    doc.undoStack()->redo();
    QVERIFY(doc.project() == after);
    // Ids survive the round trip: later commands find their mapping again.
    for (int i = 0; i < after.mappingCount(); ++i)
        QCOMPARE(doc.project().mapping(i).id, after.mapping(i).id);
}

void TestUndoCommands::mergesOnlyTheSameTarget()
{
    ProjectDocument doc;
    fill(doc);
    QUndoStack *stack = doc.undoStack();
    const QString original = doc.project().mapping(0).subscribe;
    stack->push(new ui::ChangeMappingTrigger(&doc, idOf(&doc, 0), original, QStringLiteral("a")));
    stack->push(new ui::ChangeMappingTrigger(&doc, idOf(&doc, 0), QStringLiteral("a"), QStringLiteral("ab")));
    QCOMPARE(stack->count(), 1);
    stack->push(new ui::ChangeMappingTrigger(&doc, idOf(&doc, 1), original, QStringLiteral("b")));
    QCOMPARE(stack->count(), 2);
    QCOMPARE(stack->command(0)->id(), int(ui::CommandId::ChangeMappingTrigger));
    stack->undo();
    stack->undo();
    QCOMPARE(doc.project().mapping(0).subscribe, original);
}

void TestUndoCommands::mergingBackToTheStartIsObsolete()
{
    ProjectDocument doc;
    fill(doc);
    QUndoStack *stack = doc.undoStack();
    const json::Value before = doc.project().events()[0].event;
    events::SampleEvent edited = doc.project().events()[0];
    edited.event = parsed(R"({"type":"trac"})");
    stack->push(new ui::ChangeSampleEvent(&doc, 0, doc.project().events()[0], edited));
    events::SampleEvent back = edited;
    back.event = before;
    stack->push(new ui::ChangeSampleEvent(&doc, 0, edited, back));
    // Typing a change and typing it away again leaves nothing to undo.
    QCOMPARE(stack->count(), 0);
    QCOMPARE(doc.project().events()[0].event, before);
}

void TestUndoCommands::settingsMergePerField()
{
    ProjectDocument doc;
    doc.setMovableInkUrl(QStringLiteral("h"));
    doc.setMovableInkUrl(QStringLiteral("ht"));
    doc.setUsername(QStringLiteral("u"));
    doc.setUsername(QStringLiteral("us"));
    doc.setMovableInkUrl(QStringLiteral("htt"));
    QCOMPARE(doc.undoStack()->count(), 3);
    QCOMPARE(doc.undoStack()->undoText(), QStringLiteral("Change Movable Ink URL"));
    doc.undoStack()->undo();
    QCOMPARE(doc.project().settings().movableInkUrl, QStringLiteral("ht"));
    doc.undoStack()->undo();
    QCOMPARE(doc.project().settings().username, QString());
}

QTEST_GUILESS_MAIN(TestUndoCommands)
#include "tst_undocommands.moc"
