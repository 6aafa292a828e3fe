#include "destination/destinationdefinition.h"

#include "json/object.h"
#include "json/writer.h"

#include <QTest>

using namespace inkmapper;
using namespace inkmapper::destination;
using namespace Qt::StringLiterals;

class TestDestinationDefinition : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void identity();
    void settings_data();
    void settings();
    void settingsAreInSegmentOrder();
    void actionFields_data();
    void actionFields();
    void defaultMapping();
    void preset();
    void mappingLimit();
    void lookupsOfUnknownKeys();
};

void TestDestinationDefinition::identity()
{
    const DestinationDefinition &d = DestinationDefinition::movableInk();
    QCOMPARE(d.name(), u"Movable Ink"_s);
    QCOMPARE(d.catalogName(), u"Movable Ink (Actions)"_s);
    QCOMPARE(d.slug(), u"actions-movable-ink"_s);
    QCOMPARE(d.authenticationScheme(), u"basic"_s);
    QCOMPARE(&DestinationDefinition::movableInk(), &d);
}

void TestDestinationDefinition::settings_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("label");
    QTest::addColumn<QString>("description");
    QTest::addColumn<bool>("secret");
    QTest::addColumn<QString>("hint");
    QTest::newRow("username is the Access Key ID")
        << u"username"_s << u"Username"_s << u"Your Movable Ink username"_s << false
        << u"Paste your Movable Ink Access Key ID."_s;
    QTest::newRow("password is the Access Secret, masked")
        << u"password"_s << u"Access Secret"_s << u"Your Movable Ink Access Secret."_s << true
        << u"Paste your Movable Ink Access Secret."_s;
    QTest::newRow("movable_ink_url is the endpoint")
        << u"movable_ink_url"_s << u"Movable Ink URL"_s << u"The Movable Ink URL to send data to."_s << false
        << u"Paste your Movable Ink Endpoint URL."_s;
}

void TestDestinationDefinition::settings()
{
    QFETCH(QString, key);
    const SettingField *field = DestinationDefinition::movableInk().setting(key);
    QVERIFY(field);
    QCOMPARE(field->key(), key);
    QTEST(field->label(), "label");
    QTEST(field->description(), "description");
    QTEST(field->isSecret(), "secret");
    QTEST(field->hint(), "hint");
    QVERIFY(field->isRequired());
}

void TestDestinationDefinition::settingsAreInSegmentOrder()
{
    QStringList keys;
    for (const SettingField &f : DestinationDefinition::movableInk().settings())
        keys << f.key();
    QCOMPARE(keys, (QStringList{u"username"_s, u"password"_s, u"movable_ink_url"_s}));
}

void TestDestinationDefinition::actionFields_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("label");
    QTest::addColumn<QString>("description");
    QTest::addColumn<QString>("defaultJson");
    QTest::addColumn<QString>("objectUi");
    QTest::newRow("headers: key/value object, ASCII only")
        << u"headers"_s << u"Headers"_s
        << u"HTTP headers to send with each request. Only ASCII characters are supported."_s << QString() << u"keyvalue:only"_s;
    QTest::newRow("data: object defaulting to the whole event")
        << u"data"_s << u"Data"_s << u"Payload to deliver to webhook URL (JSON-encoded)."_s << u"{\"@path\":\"$.\"}"_s
        << QString();
}

void TestDestinationDefinition::actionFields()
{
    QFETCH(QString, key);
    QFETCH(QString, defaultJson);
    const ActionDefinition *action = DestinationDefinition::movableInk().action(u"sendEntireEvent");
    QVERIFY(action);
    QCOMPARE(action->title(), u"Send Entire Event"_s);
    QCOMPARE(action->description(), u"Send an entire Segment event to Movable Ink"_s);
    const ActionField *field = action->field(key);
    QVERIFY(field);
    QTEST(field->label(), "label");
    QTEST(field->description(), "description");
    QTEST(field->defaultObjectUi(), "objectUi");
    QCOMPARE(field->type(), ActionField::Type::Object);
    QVERIFY(!field->isRequired());
    QCOMPARE(json::toJsonString(field->defaultValue()), defaultJson);
}

void TestDestinationDefinition::defaultMapping()
{
    const ActionDefinition *action = DestinationDefinition::movableInk().action(u"sendEntireEvent");
    QVERIFY(action);
    // defaultValues(fields): only fields with a default appear.
    QCOMPARE(json::toJsonString(action->defaultMapping()), u"{\"data\":{\"@path\":\"$.\"}}"_s);
}

void TestDestinationDefinition::preset()
{
    const DestinationDefinition &d = DestinationDefinition::movableInk();
    QCOMPARE(d.presets().size(), 1);
    const Preset &p = d.defaultPreset();
    QCOMPARE(p.name(), u"Send Entire Event"_s);
    QCOMPARE(p.partnerAction(), u"sendEntireEvent"_s);
    QCOMPARE(p.subscribe(),
             u"type = \"identify\" or type = \"track\" or type = \"page\" or type = \"screen\" or type = \"group\""_s);
    QCOMPARE(json::toJsonString(p.mapping()), u"{\"data\":{\"@path\":\"$.\"}}"_s);
}

void TestDestinationDefinition::mappingLimit()
{
    QCOMPARE(DestinationDefinition::movableInk().maxMappings(), 50);
    QCOMPARE(DestinationDefinition::MaxMappings, 50);
}

void TestDestinationDefinition::lookupsOfUnknownKeys()
{
    const DestinationDefinition &d = DestinationDefinition::movableInk();
    QCOMPARE(d.setting(u"api_key"), nullptr);
    QCOMPARE(d.action(u"sendCustomEvent"), nullptr);
    QCOMPARE(d.action(u"sendEntireEvent")->field(u"method"), nullptr);
}

QTEST_GUILESS_MAIN(TestDestinationDefinition)
#include "tst_destinationdefinition.moc"
