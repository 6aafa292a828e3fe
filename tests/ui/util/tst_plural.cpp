#include "util/plural.h"

#include <QTest>

using inkmapper::ui::plural;

class TestPlural : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void picksTheEnglishForm_data();
    void picksTheEnglishForm();
    void keepsOtherPlaceholdersForArg();
};

void TestPlural::picksTheEnglishForm_data()
{
    QTest::addColumn<qsizetype>("count");
    QTest::addColumn<QString>("expected");
    QTest::newRow("none is plural") << qsizetype(0) << QStringLiteral("0 mappings");
    QTest::newRow("one is singular") << qsizetype(1) << QStringLiteral("1 mapping");
    QTest::newRow("two") << qsizetype(2) << QStringLiteral("2 mappings");
    QTest::newRow("eleven, as English says it") << qsizetype(11) << QStringLiteral("11 mappings");
    QTest::newRow("twenty-one, as English says it") << qsizetype(21) << QStringLiteral("21 mappings");
}

void TestPlural::picksTheEnglishForm()
{
    QFETCH(qsizetype, count);
    QFETCH(QString, expected);
    QCOMPARE(plural(count, QStringLiteral("%n mapping"), QStringLiteral("%n mappings")), expected);
}

void TestPlural::keepsOtherPlaceholdersForArg()
{
    const QString tip =
        plural(3, QStringLiteral("Matches %1 of %n loaded event"), QStringLiteral("Matches %1 of %n loaded events"));
    QCOMPARE(tip.arg(2), QStringLiteral("Matches 2 of 3 loaded events"));
}

QTEST_APPLESS_MAIN(TestPlural)
#include "tst_plural.moc"
