// JavaScript's toUpperCase/toLowerCase (full Unicode mappings, final sigma) and the case folding of
// case-insensitive non-Unicode RegExps, as @case and @replace use them (expectations from Node).

#include "mapping/casemapping.h"

#include <QTest>

using namespace inkmapper;

class TestCaseMapping : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void caseMapping_data();
    void caseMapping();
    void canonicalize_data();
    void canonicalize();
    void asciiIsShared();
};

void TestCaseMapping::caseMapping_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("upper");
    QTest::addColumn<QString>("lower");
    QTest::newRow("ascii") << QStringLiteral("Hello, World 1!") << QStringLiteral("HELLO, WORLD 1!")
                           << QStringLiteral("hello, world 1!");
    QTest::newRow("sharp s") << QStringLiteral("straße") << QStringLiteral("STRASSE") << QStringLiteral("straße");
    QTest::newRow("ligatures") << QStringLiteral("ﬁ ﬂ ﬀ ﬃ ﬆ") << QStringLiteral("FI FL FF FFI ST")
                               << QStringLiteral("ﬁ ﬂ ﬀ ﬃ ﬆ");
    QTest::newRow("title case digraphs") << QStringLiteral("ǅ ǈ ǋ") << QStringLiteral("Ǆ Ǉ Ǌ")
                                         << QStringLiteral("ǆ ǉ ǌ");
    QTest::newRow("greek with diacritics") << QStringLiteral("\u0390 \u03B0")
                                           << QStringLiteral("\u0399\u0308\u0301 \u03A5\u0308\u0301")
                                           << QStringLiteral("\u0390 \u03B0");
    QTest::newRow("iota subscript") << QStringLiteral("ᾳ ᾼ") << QStringLiteral("ΑΙ ΑΙ") << QStringLiteral("ᾳ ᾳ");
    QTest::newRow("apostrophe n") << QStringLiteral("ŉ") << QStringLiteral("ʼN") << QStringLiteral("ŉ");
    QTest::newRow("dotted capital I") << QStringLiteral("İstanbul") << QStringLiteral("İSTANBUL")
                                      << QStringLiteral("i̇stanbul");
    QTest::newRow("final sigma") << QStringLiteral("ΟΔΟΣ") << QStringLiteral("ΟΔΟΣ") << QStringLiteral("οδος");
    QTest::newRow("lone sigma") << QStringLiteral("Σ") << QStringLiteral("Σ") << QStringLiteral("σ");
    QTest::newRow("sigma before punctuation") << QStringLiteral("ΑΣ.") << QStringLiteral("ΑΣ.")
                                              << QStringLiteral("ας.");
    QTest::newRow("sigma after case-ignorable dot") << QStringLiteral("Α.Σ") << QStringLiteral("Α.Σ")
                                                    << QStringLiteral("α.ς");
    QTest::newRow("sigma before a letter after an accent") << QStringLiteral("ΑΣ\u0301Α")
                                                           << QStringLiteral("ΑΣ\u0301Α")
                                                           << QStringLiteral("ασ\u0301α");
    QTest::newRow("sigma after a digit") << QStringLiteral("1Σ") << QStringLiteral("1Σ") << QStringLiteral("1σ");
    QTest::newRow("y diaeresis") << QStringLiteral("ÿ") << QStringLiteral("Ÿ") << QStringLiteral("ÿ");
    QTest::newRow("micro sign") << QStringLiteral("µ") << QStringLiteral("Μ") << QStringLiteral("µ");
    QTest::newRow("dotless i") << QStringLiteral("ı") << QStringLiteral("I") << QStringLiteral("ı");
    QTest::newRow("kelvin sign") << QStringLiteral("\u212a") << QStringLiteral("\u212a") << QStringLiteral("k");
    QTest::newRow("capital sharp s") << QStringLiteral("ẞ") << QStringLiteral("ẞ") << QStringLiteral("ß");
    QTest::newRow("latin beta") << QStringLiteral("ꞵꞴ") << QStringLiteral("ꞴꞴ") << QStringLiteral("ꞵꞵ");
    QTest::newRow("astral") << QStringLiteral("𐐨𐐀") << QStringLiteral("𐐀𐐀") << QStringLiteral("𐐨𐐨");
    QTest::newRow("lone surrogates kept") << QString(QChar(0xD800)) + u'x' + QChar(0xDC00)
                                          << QString(QChar(0xD800)) + u'X' + QChar(0xDC00)
                                          << QString(QChar(0xD800)) + u'x' + QChar(0xDC00);
    QTest::newRow("empty") << QString() << QString() << QString();
}

void TestCaseMapping::caseMapping()
{
    QFETCH(QString, text);
    QFETCH(QString, upper);
    QFETCH(QString, lower);
    QCOMPARE(mapping::jsToUpperCase(text), upper);
    QCOMPARE(mapping::jsToLowerCase(text), lower);
}

void TestCaseMapping::canonicalize_data()
{
    QTest::addColumn<int>("unit");
    QTest::addColumn<int>("canonical");
    QTest::newRow("ascii lower") << int(u'a') << int(u'A');
    QTest::newRow("ascii upper") << int(u'A') << int(u'A');
    QTest::newRow("long s does not fold to S") << 0x017F << 0x017F;
    QTest::newRow("kelvin sign stays") << 0x212A << 0x212A;
    QTest::newRow("dotless i does not fold to I") << 0x0131 << 0x0131;
    QTest::newRow("micro sign folds to capital mu") << 0x00B5 << 0x039C;
    QTest::newRow("final sigma folds to capital sigma") << 0x03C2 << 0x03A3;
    QTest::newRow("sharp s has a two-unit upper case") << 0x00DF << 0x00DF;
    QTest::newRow("ligature has a two-unit upper case") << 0xFB00 << 0xFB00;
    QTest::newRow("title case digraph") << 0x01C5 << 0x01C4;
    QTest::newRow("surrogate") << 0xD801 << 0xD801;
    QTest::newRow("a with ring") << 0x00E5 << 0x00C5;
    QTest::newRow("angstrom sign stays") << 0x212B << 0x212B;
}

void TestCaseMapping::canonicalize()
{
    QFETCH(int, unit);
    QFETCH(int, canonical);
    QCOMPARE(int(mapping::jsRegExpCanonicalize(char16_t(unit))), canonical);
}

void TestCaseMapping::asciiIsShared()
{
    // Text that does not change is returned as it is, without a copy.
    const QString text = QStringLiteral("ALREADY UPPER 123");
    QCOMPARE(mapping::jsToUpperCase(text).constData(), text.constData());
}

QTEST_GUILESS_MAIN(TestCaseMapping)
#include "tst_casemapping.moc"
