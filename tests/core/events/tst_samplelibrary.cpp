#include "events/samplelibrary.h"
#include "events/specchecker.h"

#include "json/object.h"

#include <QDateTime>
#include <QDirIterator>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace inkmapper;
using events::SampleLibrary;

namespace {

// QVERIFY2 evaluates its message even when the check passes, so it must not call error() on a success.
template<typename T>
QString errorText(const Result<T> &result)
{
    return result.ok() ? QString() : result.error().describe();
}

const json::Object &objectOf(const events::SampleEvent &e)
{
    return e.event.toObject();
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

} // namespace

class TestSampleLibrary : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void builtInLoads();
    void categories();
    void everyResourceFileIsListed();
    void everySamplePassesTheSpecChecker_data();
    void everySamplePassesTheSpecChecker();
    void ecommerceSamplesAreRealistic_data();
    void ecommerceSamplesAreRealistic();
    void storedStampingIsDeterministic();
    void freshStampingDatesTheEvent();
    void unknownSample();
    void brokenLibraries_data();
    void brokenLibraries();
};

void TestSampleLibrary::builtInLoads()
{
    const auto loaded = SampleLibrary::load(SampleLibrary::resourceDirectory());
    QVERIFY2(loaded.ok(), qPrintable(errorText(loaded)));
    QCOMPARE(loaded.value().samples().size(), SampleLibrary::builtIn().samples().size());
    QVERIFY(SampleLibrary::builtIn().samples().size() >= 16);
}

void TestSampleLibrary::categories()
{
    const auto &categories = SampleLibrary::builtIn().categories();
    QCOMPARE(int(categories.size()), 3);
    QCOMPARE(categories[0].id, QStringLiteral("types"));
    QCOMPARE(categories[1].id, QStringLiteral("ecommerce"));
    QCOMPARE(categories[2].id, QStringLiteral("engage")); // what Segment Engage sends for audiences (tst_engageevents)
    QStringList types;
    for (const events::SampleInfo &s : categories[0].samples)
        types.append(s.id);
    QCOMPARE(types, events::SpecChecker::eventTypes());
    for (const events::SampleInfo &s : SampleLibrary::builtIn().samples()) {
        QVERIFY(!s.title.isEmpty());
        QVERIFY2(s.description.endsWith(u'.'), qPrintable(s.description));
        QCOMPARE(SampleLibrary::builtIn().find(s.id)->title, s.title);
    }
}

void TestSampleLibrary::everyResourceFileIsListed()
{
    // A sample file added to resources/samples but forgotten in index.json would never be shown.
    int files = 0;
    QDirIterator it(SampleLibrary::resourceDirectory(), {QStringLiteral("*.json")}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        if (it.fileName() != u"index.json")
            ++files;
    }
    QCOMPARE(files, int(SampleLibrary::builtIn().samples().size()));
}

void TestSampleLibrary::everySamplePassesTheSpecChecker_data()
{
    QTest::addColumn<QString>("id");
    for (const events::SampleInfo &s : SampleLibrary::builtIn().samples())
        QTest::newRow(qPrintable(s.id)) << s.id;
}

void TestSampleLibrary::everySamplePassesTheSpecChecker()
{
    QFETCH(QString, id);
    for (const auto stamping : {SampleLibrary::Stamping::AsStored, SampleLibrary::Stamping::Fresh}) {
        const auto event = SampleLibrary::builtIn().event(id, stamping);
        QVERIFY(event.ok());
        // Samples show the spec at its best: not even a hint.
        for (const events::SpecFinding &f : events::SpecChecker::check(event.value().event))
            QFAIL(qPrintable(QStringLiteral("%1: %2").arg(f.path, f.message)));
    }
}

void TestSampleLibrary::ecommerceSamplesAreRealistic_data()
{
    QTest::addColumn<QString>("id");
    for (const events::SampleInfo &s : SampleLibrary::builtIn().categories()[1].samples)
        QTest::newRow(qPrintable(s.id)) << s.id;
}

void TestSampleLibrary::ecommerceSamplesAreRealistic()
{
    QFETCH(QString, id);
    const auto event = SampleLibrary::builtIn().event(id, SampleLibrary::Stamping::AsStored);
    QVERIFY(event.ok());
    const json::Object &e = objectOf(event.value());
    const QString name = e.value(u"event").toString();
    QCOMPARE(name, SampleLibrary::builtIn().find(id)->title);
    QVERIFY(events::SpecChecker::ecommerceEvents().contains(name));
    const json::Object &props = e.value(u"properties").toObject();
    const auto checkProduct = [](const json::Object &p) {
        QVERIFY(p.value(u"sku").isString());
        QVERIFY(p.value(u"product_id").isString());
        QVERIFY(p.value(u"price").isNumber());
        QVERIFY(p.value(u"url").toString().startsWith(QStringLiteral("https://")));
    };
    if (name.startsWith(QStringLiteral("Product ")) && name != u"Product List Viewed")
        checkProduct(props);
    if (props.contains(u"products")) {
        QVERIFY(!props.value(u"products").toArray().empty());
        for (const json::Value &p : props.value(u"products").toArray())
            checkProduct(p.toObject());
    }
    if (name == u"Order Completed") {
        QVERIFY(props.value(u"order_id").isString());
        QVERIFY(props.value(u"total").isNumber());
        QVERIFY(props.value(u"products").toArray().size() >= 2);
    }
}

void TestSampleLibrary::storedStampingIsDeterministic()
{
    const auto a = SampleLibrary::builtIn().event(u"order-completed", SampleLibrary::Stamping::AsStored);
    const auto b = SampleLibrary::builtIn().event(u"order-completed", SampleLibrary::Stamping::AsStored);
    QVERIFY(a.ok() && b.ok());
    QCOMPARE(a.value().event, b.value().event);
    QCOMPARE(objectOf(a.value()).value(u"timestamp").toString(), QStringLiteral("2024-05-14T15:12:10.120Z"));
    QCOMPARE(a.value().source, QStringLiteral("sample: Order Completed"));
}

void TestSampleLibrary::freshStampingDatesTheEvent()
{
    const QDateTime before = QDateTime::currentDateTimeUtc().addSecs(-1);
    const auto a = SampleLibrary::builtIn().event(u"product-viewed");
    const auto b = SampleLibrary::builtIn().event(u"product-viewed");
    const auto stored = SampleLibrary::builtIn().event(u"product-viewed", SampleLibrary::Stamping::AsStored);
    QVERIFY(a.ok() && b.ok() && stored.ok());
    QVERIFY(objectOf(a.value()).value(u"messageId") != objectOf(b.value()).value(u"messageId"));
    for (const char16_t *key : {u"timestamp", u"originalTimestamp", u"sentAt", u"receivedAt"}) {
        const QDateTime stamped = QDateTime::fromString(objectOf(a.value()).value(key).toString(), Qt::ISODateWithMs);
        QVERIFY(stamped.isValid());
        QVERIFY(stamped >= before);
    }
    // Only the dating fields change; the content and its key order stay as stored.
    QCOMPARE(objectOf(a.value()).size(), objectOf(stored.value()).size());
    for (qsizetype i = 0; i < objectOf(a.value()).size(); ++i)
        QCOMPARE(objectOf(a.value()).at(i).first, objectOf(stored.value()).at(i).first);
    QCOMPARE(objectOf(a.value()).value(u"properties"), objectOf(stored.value()).value(u"properties"));
}

void TestSampleLibrary::unknownSample()
{
    const auto event = SampleLibrary::builtIn().event(u"no-such-sample");
    QVERIFY(!event.ok());
    QVERIFY(event.error().message.contains(QStringLiteral("no-such-sample")));
    QVERIFY(!SampleLibrary::builtIn().find(u"no-such-sample"));
}

void TestSampleLibrary::brokenLibraries_data()
{
    QTest::addColumn<QByteArray>("index");
    QTest::addColumn<QByteArray>("sample");
    QTest::addColumn<QString>("messagePart");
    const QByteArray good = R"({"type":"page","anonymousId":"a"})";
    const auto indexWith = [](const QByteArray &samples) {
        return QByteArray(R"({"categories":[{"id":"c","title":"C","samples":[)") + samples + "]}]}";
    };
    const QByteArray entry = R"({"id":"s","title":"S","description":"D.","file":"s.json"})";
    QTest::newRow("no index") << QByteArray() << good << QStringLiteral("cannot open");
    QTest::newRow("index not JSON") << QByteArray("{") << good << QStringLiteral("index.json");
    QTest::newRow("no categories") << QByteArray("{}") << good << QStringLiteral("lists no categories");
    QTest::newRow("sample without title") << indexWith(R"({"id":"s","description":"D.","file":"s.json"})") << good << QStringLiteral("non-empty string");
    QTest::newRow("missing sample file") << indexWith(R"({"id":"s","title":"S","description":"D.","file":"gone.json"})") << good
                                         << QStringLiteral("gone.json");
    QTest::newRow("sample not JSON") << indexWith(entry) << QByteArray("{\"type\":") << QStringLiteral("s.json");
    QTest::newRow("sample not an object") << indexWith(entry) << QByteArray("[]") << QStringLiteral("not a JSON object");
    QTest::newRow("duplicate id") << indexWith(entry + ',' + entry) << good << QStringLiteral("used twice");
}

void TestSampleLibrary::brokenLibraries()
{
    QFETCH(QByteArray, index);
    QFETCH(QByteArray, sample);
    QFETCH(QString, messagePart);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    if (!index.isEmpty())
        QVERIFY(writeFile(dir.filePath(QStringLiteral("index.json")), index));
    QVERIFY(writeFile(dir.filePath(QStringLiteral("s.json")), sample));
    const auto loaded = SampleLibrary::load(dir.path());
    QVERIFY(!loaded.ok());
    QVERIFY2(loaded.error().describe().contains(messagePart), qPrintable(errorText(loaded)));
}

QTEST_GUILESS_MAIN(TestSampleLibrary)
#include "tst_samplelibrary.moc"
