#include "models/triggersummary.h"

#include "fql/parser.h"

#include <QTest>

using namespace inkmapper;

class TestTriggerSummary : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void describe_data();
    void describe();
};

void TestTriggerSummary::describe_data()
{
    QTest::addColumn<QString>("fql");
    QTest::addColumn<QString>("summary");
    QTest::newRow("one type") << QStringLiteral("type = \"track\"") << QStringLiteral("Event type is track");
    QTest::newRow("preset") << QStringLiteral("type = \"identify\" or type = \"track\" or type = \"page\" or type = \"screen\" or type = \"group\"")
                            << QStringLiteral("Event type is identify, track, page, screen or group");
    QTest::newRow("and") << QStringLiteral("type = \"track\" and event = \"Order Completed\"")
                         << QStringLiteral("Event type is track and Event name is \"Order Completed\"");
    QTest::newRow("property") << QStringLiteral("properties.total > 100")
                              << QStringLiteral("Property total is greater than 100");
    QTest::newRow("exists") << QStringLiteral("traits.email exists") << QStringLiteral("Trait email exists");
    QTest::newRow("nested") << QStringLiteral("(type = \"a\" or event = \"b\") and userId != \"x\"")
                            << QStringLiteral("(Event type is a or Event name is b) and User ID is not x");
}

void TestTriggerSummary::describe()
{
    QFETCH(QString, fql);
    QFETCH(QString, summary);
    const Result<json::Value> ast = fql::parse(fql);
    QVERIFY2(ast.ok(), qPrintable(ast.ok() ? QString() : ast.error().describe()));
    QCOMPARE(ui::TriggerSummary::describe(*ast), summary);
}

QTEST_GUILESS_MAIN(TestTriggerSummary)
#include "tst_triggersummary.moc"
