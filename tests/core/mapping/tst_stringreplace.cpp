// @replace's String.prototype.replace with an escaped (literal) pattern: global and first-only,
// JavaScript's non-Unicode case folding, `$` patterns of the replacement (expectations from Node).

#include "mapping/stringreplace.h"

#include <QTest>

using namespace inkmapper;
using namespace Qt::StringLiterals;

class TestStringReplace : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void replace_data();
    void replace();
    void hugeSubject();
};

void TestStringReplace::replace_data()
{
    QTest::addColumn<QString>("subject");
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QString>("replacement");
    QTest::addColumn<bool>("global");
    QTest::addColumn<bool>("ignoreCase");
    QTest::addColumn<QString>("expected");
    QTest::newRow("global") << u"banana"_s << u"a"_s << u"o"_s << true << false << u"bonono"_s;
    QTest::newRow("first only") << u"banana"_s << u"a"_s << u"o"_s << false << false << u"bonana"_s;
    QTest::newRow("ignore case") << u"aAaA"_s << u"a"_s << u"x"_s << true << true << u"xxxx"_s;
    QTest::newRow("match") << u"abc"_s << u"b"_s << u"[$&]"_s << true << false << u"a[b]c"_s;
    QTest::newRow("before the match") << u"abc"_s << u"b"_s << u"$`"_s << true << false << u"aac"_s;
    QTest::newRow("after the match") << u"abc"_s << u"b"_s << u"$'"_s << true << false << u"acc"_s;
    QTest::newRow("dollar") << u"abc"_s << u"b"_s << u"$$"_s << true << false << u"a$c"_s;
    QTest::newRow("groups stay literal") << u"abc"_s << u"b"_s << u"$1$0$<"_s << true << false << u"a$1$0$<c"_s;
    QTest::newRow("trailing dollar") << u"abc"_s << u"b"_s << u"$"_s << true << false << u"a$c"_s;
    QTest::newRow("empty pattern everywhere") << u"abc"_s << QString() << u"-"_s << true << false << u"-a-b-c-"_s;
    QTest::newRow("empty pattern once") << u"abc"_s << QString() << u"-"_s << false << false << u"-abc"_s;
    QTest::newRow("long s is not s") << u"ſs"_s << u"S"_s << u"x"_s << true << true << u"ſx"_s;
    QTest::newRow("digraph cases") << u"ǅǆǄ"_s << u"ǆ"_s << u"x"_s << true << true << u"xxx"_s;
    QTest::newRow("sigma forms") << u"Σσςΐ"_s << u"ς"_s << u"x"_s << true << true << u"xxxΐ"_s;
    QTest::newRow("ligature does not fold") << u"ﬀFF"_s << u"ff"_s << u"x"_s << true << true << u"ﬀx"_s;
    QTest::newRow("micro sign and mu") << u"µΜμ"_s << u"µ"_s << u"x"_s << true << true << u"xxx"_s;
    QTest::newRow("a ring and angstrom") << u"ÅåÅ"_s << u"å"_s << u"x"_s << true << true << u"xxx"_s;
    QTest::newRow("non-overlapping") << u"aaaa"_s << u"aa"_s << u"b"_s << true << false << u"bb"_s;
    QTest::newRow("half a surrogate pair") << u"😀"_s << QString(QChar(0xDE00)) << u"x"_s << true << false
                                           << QString(QChar(0xD83D)) + u'x';
    QTest::newRow("dotted I is not i") << u"İi"_s << u"i"_s << u"x"_s << true << true << u"İx"_s;
    QTest::newRow("regexp characters are literal") << u"a.b*c"_s << u".b*"_s << u"-"_s << true << false << u"a-c"_s;
    QTest::newRow("no match shares the subject") << u"abc"_s << u"z"_s << u"-"_s << true << false << u"abc"_s;
}

void TestStringReplace::replace()
{
    QFETCH(QString, subject);
    QFETCH(QString, pattern);
    QFETCH(QString, replacement);
    QFETCH(bool, global);
    QFETCH(bool, ignoreCase);
    QFETCH(QString, expected);
    QCOMPARE(mapping::replaceLiteral(subject, pattern, replacement, global, ignoreCase), expected);
}

void TestStringReplace::hugeSubject()
{
    const QString subject(1000000, u'a');
    const QString replaced = mapping::replaceLiteral(subject, u"A", u"bc", true, true);
    QCOMPARE(replaced.size(), qsizetype(2000000));
    QVERIFY(replaced.startsWith(u"bcbc"));
}

QTEST_GUILESS_MAIN(TestStringReplace)
#include "tst_stringreplace.moc"
