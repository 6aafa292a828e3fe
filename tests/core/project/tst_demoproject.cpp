#include "project/demoproject.h"
#include "project/projectfile.h"

#include "destination/readinesschecker.h"
#include "destination/subscription.h"
#include "events/specchecker.h"
#include "json/object.h"
#include "json/parser.h"
#include "mapping/mapper.h"
#include "preview/preview.h"
#include "preview/previewer.h"

#include <QFile>
#include <QTest>

using namespace inkmapper;
using project::DemoProject;
using project::Project;

namespace {

// QVERIFY2 evaluates its message even when the check passes, so it must not call error() on a success.
template<typename T>
QString errorText(const Result<T> &result)
{
    return result.ok() ? QString() : result.error().describe();
}

QByteArray demoFileBytes()
{
    QFile file(DemoProject::resourcePath());
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

const Project &demo()
{
    static const Project project = [] {
        auto loaded = DemoProject::load();
        if (!loaded)
            qFatal("the demo project does not load: %s", qPrintable(errorText(loaded)));
        return std::move(loaded).value();
    }();
    return project;
}

QString eventName(const json::Value &event)
{
    const json::Object &o = event.toObject();
    return o.value(u"type").toString() == u"track" ? o.value(u"event").toString() : o.value(u"type").toString();
}

} // namespace

class TestDemoProject : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void loads();
    void fileIsWrittenAsTheAppWritesIt();
    void fileCarriesTheDemoSettings();
    void tellsAStory();
    void eventsFollowTheSpec_data();
    void eventsFollowTheSpec();
    void triggersSelectTheRightEvents_data();
    void triggersSelectTheRightEvents();
    void orderMappingPicksTheOrder();
    void readinessShowsAHintAndNothingWorse_data();
    void readinessShowsAHintAndNothingWorse();
};

void TestDemoProject::loads()
{
    const Project &p = demo();
    QCOMPARE(p.mappingCount(), 2);
    QCOMPARE(p.mapping(0).name, QStringLiteral("Send Entire Event"));
    QCOMPARE(p.mapping(0).subscribe, project::MappingConfig::defaultSubscribe());
    QCOMPARE(p.mapping(0).mapping, project::MappingConfig::defaultMapping());
    QCOMPARE(p.mapping(1).name, QStringLiteral("Order Completed to Movable Ink"));
    QCOMPARE(p.mapping(1).subscribe, QStringLiteral("type = \"track\" and event = \"Order Completed\""));
    QCOMPARE(p.settings().movableInkUrl, DemoProject::url());
    QCOMPARE(p.settings().username, DemoProject::username());
}

void TestDemoProject::fileIsWrittenAsTheAppWritesIt()
{
    // The demo file is in the canonical layout, so saving the untouched demo changes nothing.
    const QByteArray bytes = demoFileBytes();
    QVERIFY(!bytes.isEmpty());
    const auto read = project::ProjectFile::read(bytes, QStringLiteral("demo"));
    QVERIFY2(read.ok(), qPrintable(errorText(read)));
    QCOMPARE(project::ProjectFile::write(read.value()), bytes);
}

void TestDemoProject::fileCarriesTheDemoSettings()
{
    // DemoProject::url() is the one place to change the demo's target; the file must not tell another story.
    const auto read = project::ProjectFile::read(demoFileBytes(), QStringLiteral("demo"));
    QVERIFY(read.ok());
    QCOMPARE(read.value().settings().movableInkUrl, DemoProject::url());
    QCOMPARE(read.value().settings().username, DemoProject::username());
}

void TestDemoProject::tellsAStory()
{
    QStringList names;
    for (const events::SampleEvent &e : demo().events())
        names.append(eventName(e.event));
    QCOMPARE(names, (QStringList{QStringLiteral("Products Searched"), QStringLiteral("Product Viewed"), QStringLiteral("Product Added"),
                                 QStringLiteral("identify"), QStringLiteral("Checkout Started"), QStringLiteral("Order Completed")}));
    // Anonymous until identify, known afterwards, and always the same visitor.
    const QString anonymousId = demo().events()[0].event.toObject().value(u"anonymousId").toString();
    for (size_t i = 0; i < demo().events().size(); ++i) {
        const json::Object &e = demo().events()[i].event.toObject();
        QCOMPARE(e.value(u"anonymousId").toString(), anonymousId);
        QCOMPARE(e.contains(u"userId"), i >= 3);
    }
}

void TestDemoProject::eventsFollowTheSpec_data()
{
    QTest::addColumn<int>("index");
    for (size_t i = 0; i < demo().events().size(); ++i)
        QTest::newRow(qPrintable(eventName(demo().events()[i].event))) << int(i);
}

void TestDemoProject::eventsFollowTheSpec()
{
    QFETCH(int, index);
    for (const events::SpecFinding &f : events::SpecChecker::check(demo().events()[size_t(index)].event))
        QVERIFY2(f.level == events::SpecFinding::Level::Hint, qPrintable(f.path + QStringLiteral(": ") + f.message));
}

void TestDemoProject::triggersSelectTheRightEvents_data()
{
    QTest::addColumn<int>("mapping");
    QTest::addColumn<QStringList>("matching");
    QTest::newRow("preset: every event") << 0
                                         << QStringList{QStringLiteral("Products Searched"), QStringLiteral("Product Viewed"),
                                                        QStringLiteral("Product Added"), QStringLiteral("identify"),
                                                        QStringLiteral("Checkout Started"), QStringLiteral("Order Completed")};
    QTest::newRow("order mapping: the order only") << 1 << QStringList{QStringLiteral("Order Completed")};
}

void TestDemoProject::triggersSelectTheRightEvents()
{
    QFETCH(int, mapping);
    QFETCH(QStringList, matching);
    const destination::Subscription trigger(json::Value(demo().mapping(mapping).subscribe));
    QVERIFY2(trigger.isUsable(), qPrintable(trigger.problem()));
    QStringList matched;
    for (const events::SampleEvent &e : demo().events()) {
        const auto matches = trigger.matches(e.event);
        QVERIFY(matches.ok());
        if (matches.value())
            matched.append(eventName(e.event));
    }
    QCOMPARE(matched, matching);
}

void TestDemoProject::orderMappingPicksTheOrder()
{
    const mapping::Mapper mapper(demo().mapping(1).mapping);
    QVERIFY(!mapper.error());
    const auto output = mapper.transform(demo().events().back().event);
    QVERIFY2(output.ok(), qPrintable(errorText(output)));
    const json::Object &data = output.value().toObject().value(u"data").toObject();
    // Who and what, as Movable Ink needs them to make a conversion of it.
    for (const QString &kept : destination::ReadinessChecker::keptFields())
        QCOMPARE(data.value(kept), demo().events().back().event.toObject().value(kept));
    const json::Object &properties = data.value(u"properties").toObject();
    QCOMPARE(properties.value(u"order_id").toString(), QStringLiteral("ord_50314"));
    QCOMPARE(properties.value(u"total").toNumber(), 166.42);
    const json::Array &products = properties.value(u"products").toArray();
    QCOMPARE(int(products.size()), 2);
    QCOMPARE(products[1].toObject().value(u"sku").toString(), QStringLiteral("SOCK-MERINO-M"));
    QCOMPARE(products[1].toObject().value(u"quantity").toNumber(), 2.0);
    QVERIFY(products[0].toObject().value(u"url").toString().startsWith(QStringLiteral("https://")));
}

void TestDemoProject::readinessShowsAHintAndNothingWorse_data()
{
    QTest::addColumn<int>("mapping");
    QTest::addColumn<int>("event");
    for (int m = 0; m < demo().mappingCount(); ++m) {
        for (size_t e = 0; e < demo().events().size(); ++e) {
            QTest::addRow("%s / %s", qPrintable(demo().mapping(m).name), qPrintable(eventName(demo().events()[e].event)))
                << m << int(e);
        }
    }
}

void TestDemoProject::readinessShowsAHintAndNothingWorse()
{
    QFETCH(int, mapping);
    QFETCH(int, event);
    const json::Value &e = demo().events()[size_t(event)].event;
    const preview::PreviewResult result =
        preview::Previewer(demo().settings(), QStringLiteral("demo-secret"), demo().mapping(mapping)).compute(e);
    const std::vector<destination::ReadinessFinding> findings = preview::Preview::readiness(result, e);
    for (const destination::ReadinessFinding &f : findings)
        QVERIFY2(f.level == destination::ReadinessFinding::Level::Hint, qPrintable(f.fieldPath() + QStringLiteral(": ") + f.message));
    // The demo is where a newcomer first sees what the checks do: the search event names no results page.
    const bool searchThroughPreset = mapping == 0 && eventName(e) == u"Products Searched";
    QCOMPARE(findings.size(), size_t(searchThroughPreset ? 1 : 0));
    if (searchThroughPreset)
        QCOMPARE(findings.front().fieldPath(), QStringLiteral("data.properties.url"));
}

QTEST_GUILESS_MAIN(TestDemoProject)
#include "tst_demoproject.moc"
