#include "util/linediff.h"

#include <QRandomGenerator>
#include <QTest>

using namespace inkmapper;
using util::DiffLine;
using util::LineDiff;
using Kind = DiffLine::Kind;

namespace {

/** The diff as text: "  same", "- removed", "+ added", one a line. */
QString render(const std::vector<DiffLine> &diff)
{
    QStringList lines;
    for (const DiffLine &line : diff)
        lines << (line.kind == Kind::Same ? QStringLiteral("  ") : line.kind == Kind::Removed ? QStringLiteral("- ") : QStringLiteral("+ ")) + line.text;
    return lines.join(u'\n');
}

/** The lines of the first (or second) text, read back from the diff. */
QStringList side(const std::vector<DiffLine> &diff, Kind skipped)
{
    QStringList lines;
    for (const DiffLine &line : diff) {
        if (line.kind != skipped)
            lines << line.text;
    }
    return lines;
}

int edits(const std::vector<DiffLine> &diff)
{
    return int(std::count_if(diff.begin(), diff.end(), [](const DiffLine &l) { return l.kind != Kind::Same; }));
}

/** The fewest edits turning a into b: n + m - 2·LCS, by dynamic programming. */
int fewestEdits(const QStringList &a, const QStringList &b)
{
    std::vector<std::vector<int>> lcs(size_t(a.size() + 1), std::vector<int>(size_t(b.size() + 1), 0));
    for (qsizetype i = 1; i <= a.size(); ++i)
        for (qsizetype j = 1; j <= b.size(); ++j)
            lcs[size_t(i)][size_t(j)] = a[i - 1] == b[j - 1] ? lcs[size_t(i - 1)][size_t(j - 1)] + 1
                                                             : std::max(lcs[size_t(i - 1)][size_t(j)], lcs[size_t(i)][size_t(j - 1)]);
    return int(a.size() + b.size() - 2 * lcs[size_t(a.size())][size_t(b.size())]);
}

} // namespace

class TestLineDiff : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void examples_data();
    void examples();
    void randomTextsGiveTheShortestScript();
    void pastTheLimitEverythingInTheMiddleIsReplaced();
};

void TestLineDiff::examples_data()
{
    QTest::addColumn<QStringList>("before");
    QTest::addColumn<QStringList>("after");
    QTest::addColumn<QString>("diff");
    const auto lines = [](const char *text) { return QString::fromUtf8(text).split(u',', Qt::SkipEmptyParts); };
    QTest::newRow("equal") << lines("a,b,c") << lines("a,b,c") << "  a\n  b\n  c";
    QTest::newRow("both empty") << QStringList() << QStringList() << "";
    QTest::newRow("all added") << QStringList() << lines("a,b") << "+ a\n+ b";
    QTest::newRow("all removed") << lines("a,b") << QStringList() << "- a\n- b";
    QTest::newRow("one changed in the middle") << lines("a,b,c") << lines("a,x,c") << "  a\n- b\n+ x\n  c";
    QTest::newRow("inserted at the start") << lines("b,c") << lines("a,b,c") << "+ a\n  b\n  c";
    QTest::newRow("removed at the end") << lines("a,b,c") << lines("a,b") << "  a\n  b\n- c";
    QTest::newRow("status and a header") << lines("HTTP 200 OK,content-type: json,x-id: 1,{,ok,}")
                                         << lines("HTTP 401 Unauthorized,content-type: json,{,denied,}")
                                         << "- HTTP 200 OK\n+ HTTP 401 Unauthorized\n  content-type: json\n- x-id: 1\n  {\n- ok\n+ denied\n  }";
}

void TestLineDiff::examples()
{
    QFETCH(QStringList, before);
    QFETCH(QStringList, after);
    QFETCH(QString, diff);
    QCOMPARE(render(LineDiff::compare(before, after)), diff);
}

void TestLineDiff::randomTextsGiveTheShortestScript()
{
    QRandomGenerator random(20261207);
    for (int round = 0; round < 400; ++round) {
        QStringList a, b;
        // A small alphabet makes many equal lines, which is where a wrong walk back shows.
        for (int i = int(random.bounded(12)); i > 0; --i)
            a << QString(QChar(u'a' + random.bounded(4)));
        for (int i = int(random.bounded(12)); i > 0; --i)
            b << QString(QChar(u'a' + random.bounded(4)));
        const std::vector<DiffLine> diff = LineDiff::compare(a, b);
        QCOMPARE(side(diff, Kind::Added), a);
        QCOMPARE(side(diff, Kind::Removed), b);
        QCOMPARE(edits(diff), fewestEdits(a, b));
    }
}

void TestLineDiff::pastTheLimitEverythingInTheMiddleIsReplaced()
{
    QStringList a = {QStringLiteral("head")}, b = {QStringLiteral("head")};
    for (int i = 0; i < 50; ++i) {
        a << QStringLiteral("a%1").arg(i);
        b << QStringLiteral("b%1").arg(i);
    }
    a << QStringLiteral("tail");
    b << QStringLiteral("tail");
    const std::vector<DiffLine> diff = LineDiff::compare(a, b, 10);
    QCOMPARE(side(diff, Kind::Added), a);
    QCOMPARE(side(diff, Kind::Removed), b);
    QCOMPARE(diff.front(), (DiffLine{Kind::Same, QStringLiteral("head")}));
    QCOMPARE(diff[1], (DiffLine{Kind::Removed, QStringLiteral("a0")}));
    QCOMPARE(diff[51], (DiffLine{Kind::Added, QStringLiteral("b0")}));
    QCOMPARE(diff.back(), (DiffLine{Kind::Same, QStringLiteral("tail")}));
}

QTEST_GUILESS_MAIN(TestLineDiff)
#include "tst_linediff.moc"
