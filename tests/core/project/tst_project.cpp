#include "project/project.h"

#include "destination/destinationdefinition.h"
#include "json/object.h"
#include "json/parser.h"

#include <QTest>

using namespace inkmapper;
using project::MappingConfig;
using project::Project;

namespace {

MappingConfig named(const QString &name)
{
    MappingConfig m;
    m.name = name;
    return m;
}

Project withNames(const QStringList &names)
{
    Project p;
    for (const QString &name : names) {
        const auto added = p.addMapping(named(name));
        Q_ASSERT(added.ok());
    }
    return p;
}

QStringList namesOf(const Project &p)
{
    QStringList names;
    for (const MappingConfig &m : p.mappings())
        names.append(m.name);
    return names;
}

Project full()
{
    Project p;
    for (int i = 0; i < Project::maxMappings(); ++i) {
        const auto added = p.addMapping(named(QStringLiteral("M%1").arg(i)));
        Q_ASSERT(added.ok());
    }
    return p;
}

} // namespace

class TestProject : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void newMappingIsThePreset();
    void defaultProjectHasThePresetMapping();
    void limitIsTheDestinations();
    void uniqueName_data();
    void uniqueName();
    void addPresetMappingsNumbersNames();
    void emptyIdIsFilledIn();
    void duplicateIdIsRefused();
    void limitRefusesTheFiftyFirst_data();
    void limitRefusesTheFiftyFirst();
    void insertAt_data();
    void insertAt();
    void move_data();
    void move();
    void removeAndReinsertRestores();
    void duplicateGoesAfterWithNewIdAndName();
    void replaceKeepsIdAndRefusesCollisions();
    void findById();
    void events();
    void equalityIgnoresEventSources();
};

void TestProject::newMappingIsThePreset()
{
    const MappingConfig m;
    QVERIFY(m.id.isEmpty());
    QVERIFY(m.enabled);
    QCOMPARE(m.subscribe, QStringLiteral("type = \"identify\" or type = \"track\" or type = \"page\" or type = \"screen\" or type = \"group\""));
    QCOMPARE(m.mapping, json::parse(QByteArrayView(R"({"data":{"@path":"$."}})")).value());
    const MappingConfig preset = MappingConfig::fromPreset(QStringLiteral("X"));
    QCOMPARE(preset.name, QStringLiteral("X"));
    QVERIFY(!preset.id.isEmpty());
    QVERIFY(MappingConfig::createId() != MappingConfig::createId());
}

void TestProject::defaultProjectHasThePresetMapping()
{
    const Project p = Project::createDefault();
    QCOMPARE(p.mappingCount(), 1);
    QCOMPARE(p.mapping(0).name, QStringLiteral("Send Entire Event"));
    QCOMPARE(p.mapping(0).subscribe, MappingConfig::defaultSubscribe());
    QVERIFY(!p.mapping(0).id.isEmpty());
    QVERIFY(p.events().empty());
    QCOMPARE(p.settings(), project::DestinationSettings{});
}

void TestProject::limitIsTheDestinations()
{
    QCOMPARE(Project::maxMappings(), destination::DestinationDefinition::MaxMappings);
    QCOMPARE(Project::maxMappings(), 50);
}

void TestProject::uniqueName_data()
{
    QTest::addColumn<QStringList>("existing");
    QTest::addColumn<QString>("base");
    QTest::addColumn<QString>("expected");
    const QString see = QStringLiteral("Send Entire Event");
    QTest::newRow("free name is kept") << QStringList() << see << see;
    QTest::newRow("taken name gets 2") << QStringList{see} << see << QStringLiteral("Send Entire Event 2");
    QTest::newRow("lowest free number") << QStringList{see, see + QStringLiteral(" 3")} << see << QStringLiteral("Send Entire Event 2");
    QTest::newRow("numbered copy continues the series")
        << QStringList{see, see + QStringLiteral(" 2")} << QStringLiteral("Send Entire Event 2") << QStringLiteral("Send Entire Event 3");
    QTest::newRow("series without its first member")
        << QStringList{see + QStringLiteral(" 2"), see + QStringLiteral(" 3")} << QStringLiteral("Send Entire Event 3")
        << QStringLiteral("Send Entire Event 4");
    QTest::newRow("a name that merely ends in a number")
        << QStringList{QStringLiteral("Top 10")} << QStringLiteral("Top 10") << QStringLiteral("Top 10 2");
    QTest::newRow("a year is not a copy number")
        << QStringList{QStringLiteral("Sale 2024")} << QStringLiteral("Sale 2024") << QStringLiteral("Sale 2024 2");
    QTest::newRow("case matters") << QStringList{QStringLiteral("orders")} << QStringLiteral("Orders") << QStringLiteral("Orders");
}

void TestProject::uniqueName()
{
    QFETCH(QStringList, existing);
    QFETCH(QString, base);
    QFETCH(QString, expected);
    QCOMPARE(withNames(existing).uniqueMappingName(base), expected);
}

void TestProject::addPresetMappingsNumbersNames()
{
    Project p;
    for (int i = 0; i < 3; ++i)
        QVERIFY(p.addPresetMapping().ok());
    QCOMPARE(namesOf(p), (QStringList{QStringLiteral("Send Entire Event"), QStringLiteral("Send Entire Event 2"),
                                      QStringLiteral("Send Entire Event 3")}));
}

void TestProject::emptyIdIsFilledIn()
{
    Project p;
    QCOMPARE(p.addMapping(named(QStringLiteral("a"))).value(), 0);
    QCOMPARE(p.addMapping(named(QStringLiteral("b"))).value(), 1);
    QVERIFY(!p.mapping(0).id.isEmpty());
    QVERIFY(p.mapping(0).id != p.mapping(1).id);
}

void TestProject::duplicateIdIsRefused()
{
    Project p;
    MappingConfig m = named(QStringLiteral("a"));
    m.id = QStringLiteral("fixed-id");
    QVERIFY(p.addMapping(m).ok());
    m.name = QStringLiteral("b");
    const auto again = p.addMapping(m);
    QVERIFY(!again.ok());
    QVERIFY2(again.error().message.contains(QStringLiteral("fixed-id")), qPrintable(again.error().message));
    QCOMPARE(p.mappingCount(), 1);
}

void TestProject::limitRefusesTheFiftyFirst_data()
{
    QTest::addColumn<int>("operation");
    QTest::newRow("add") << 0;
    QTest::newRow("insert at the front") << 1;
    QTest::newRow("add preset") << 2;
    QTest::newRow("duplicate") << 3;
}

void TestProject::limitRefusesTheFiftyFirst()
{
    QFETCH(int, operation);
    Project p = full();
    QCOMPARE(p.mappingCount(), 50);
    QVERIFY(!p.canAddMapping());
    const Project before = p;
    Result<int> r = 0;
    switch (operation) {
    case 0: r = p.addMapping(named(QStringLiteral("one too many"))); break;
    case 1: r = p.insertMapping(0, named(QStringLiteral("one too many"))); break;
    case 2: r = p.addPresetMapping(); break;
    default: r = p.duplicateMapping(7); break;
    }
    QVERIFY(!r.ok());
    QVERIFY2(r.error().message.contains(QStringLiteral("at most 50 mappings")), qPrintable(r.error().message));
    QVERIFY2(r.error().message.contains(QStringLiteral("Movable Ink (Actions)")), qPrintable(r.error().message));
    QVERIFY(p == before);
}

void TestProject::insertAt_data()
{
    QTest::addColumn<int>("index");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("front") << 0 << QStringList{QStringLiteral("new"), QStringLiteral("a"), QStringLiteral("b")};
    QTest::newRow("middle") << 1 << QStringList{QStringLiteral("a"), QStringLiteral("new"), QStringLiteral("b")};
    QTest::newRow("end") << 2 << QStringList{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("new")};
}

void TestProject::insertAt()
{
    QFETCH(int, index);
    QFETCH(QStringList, expected);
    Project p = withNames({QStringLiteral("a"), QStringLiteral("b")});
    QCOMPARE(p.insertMapping(index, named(QStringLiteral("new"))).value(), index);
    QCOMPARE(namesOf(p), expected);
}

void TestProject::move_data()
{
    QTest::addColumn<int>("from");
    QTest::addColumn<int>("to");
    QTest::addColumn<QString>("expected");
    QTest::newRow("first to last") << 0 << 3 << QStringLiteral("bcda");
    QTest::newRow("last to first") << 3 << 0 << QStringLiteral("dabc");
    QTest::newRow("down by one") << 1 << 2 << QStringLiteral("acbd");
    QTest::newRow("up by one") << 2 << 1 << QStringLiteral("acbd");
    QTest::newRow("onto itself") << 2 << 2 << QStringLiteral("abcd");
}

void TestProject::move()
{
    QFETCH(int, from);
    QFETCH(int, to);
    QFETCH(QString, expected);
    Project p = withNames({QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c"), QStringLiteral("d")});
    const QString movedId = p.mapping(from).id;
    p.moveMapping(from, to);
    QCOMPARE(namesOf(p).join(QString()), expected);
    QCOMPARE(p.mapping(to).id, movedId);
}

void TestProject::removeAndReinsertRestores()
{
    const Project original = withNames({QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")});
    Project p = original;
    const MappingConfig removed = p.removeMapping(1);
    QCOMPARE(removed.name, QStringLiteral("b"));
    QCOMPARE(namesOf(p), (QStringList{QStringLiteral("a"), QStringLiteral("c")}));
    // What an undo command does: put the same mapping, with its id, back where it was.
    QVERIFY(p.insertMapping(1, removed).ok());
    QVERIFY(p == original);
}

void TestProject::duplicateGoesAfterWithNewIdAndName()
{
    Project p = Project::createDefault();
    QVERIFY(p.addMapping(named(QStringLiteral("other"))).ok());
    MappingConfig edited = p.mapping(0);
    edited.enabled = false;
    edited.subscribe = QStringLiteral("type = \"track\"");
    QVERIFY(p.replaceMapping(0, edited).ok());

    QCOMPARE(p.duplicateMapping(0).value(), 1);
    QCOMPARE(namesOf(p), (QStringList{QStringLiteral("Send Entire Event"), QStringLiteral("Send Entire Event 2"), QStringLiteral("other")}));
    QVERIFY(p.mapping(1).id != p.mapping(0).id);
    QCOMPARE(p.mapping(1).subscribe, edited.subscribe);
    QCOMPARE(p.mapping(1).mapping, edited.mapping);
    QCOMPARE(p.mapping(1).enabled, false);

    QCOMPARE(p.duplicateMapping(1).value(), 2);
    QCOMPARE(p.mapping(2).name, QStringLiteral("Send Entire Event 3"));
}

void TestProject::replaceKeepsIdAndRefusesCollisions()
{
    Project p = withNames({QStringLiteral("a"), QStringLiteral("b")});
    const QString idA = p.mapping(0).id;
    MappingConfig changed = named(QStringLiteral("renamed"));
    QVERIFY(p.replaceMapping(0, changed).ok());
    QCOMPARE(p.mapping(0).id, idA); // an empty id keeps the mapping's identity
    QCOMPARE(p.mapping(0).name, QStringLiteral("renamed"));

    changed.id = p.mapping(1).id;
    QVERIFY(!p.replaceMapping(0, changed).ok());
    QCOMPARE(p.mapping(0).id, idA);
}

void TestProject::findById()
{
    const Project p = withNames({QStringLiteral("a"), QStringLiteral("b")});
    QCOMPARE(p.indexOfMapping(p.mapping(1).id), 1);
    QCOMPARE(p.indexOfMapping(u"no such id"), -1);
    QCOMPARE(p.indexOfMappingNamed(u"b"), 1);
    QCOMPARE(p.indexOfMappingNamed(u"B"), -1);
}

void TestProject::events()
{
    Project p;
    json::Object e;
    e.set(QStringLiteral("type"), QStringLiteral("track"));
    p.addEvent(events::SampleEvent{json::Value(e), QStringLiteral("pasted"), 0});
    e.set(QStringLiteral("type"), QStringLiteral("page"));
    p.addEvent(events::SampleEvent{json::Value(e), QStringLiteral("pasted"), 0});
    QCOMPARE(int(p.events().size()), 2);
    p.removeEvent(0);
    QCOMPARE(int(p.events().size()), 1);
    QCOMPARE(p.events()[0].event.toObject().value(u"type").toString(), QStringLiteral("page"));
}

void TestProject::equalityIgnoresEventSources()
{
    Project a;
    Project b;
    a.addEvent(events::SampleEvent{json::Value(json::Object()), QStringLiteral("a.json"), 3});
    b.addEvent(events::SampleEvent{json::Value(json::Object()), QStringLiteral("b.json"), 9});
    QVERIFY(a == b);
    b.addEvent(events::SampleEvent{json::Value(json::Object()), QStringLiteral("b.json"), 10});
    QVERIFY(!(a == b));
}

QTEST_GUILESS_MAIN(TestProject)
#include "tst_project.moc"
