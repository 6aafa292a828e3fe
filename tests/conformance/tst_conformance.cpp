#include "enginecommands.h"
#include "vectorjudge.h"

#include "json/object.h"
#include "json/parser.h"
#include "json/writer.h"

#include <QFile>
#include <QTest>

using namespace inkmapper;

/**
 * Every conformance vector (produced by running Segment's own engine) through the same line handlers the
 * CLI uses, judged by the README's agreement rules. One row per vector, named by its id and note.
 */
class TestConformance : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void transform_data() { addVectors("mapping.jsonl"); }
    void transform() { run(conformance::Subcommand::Transform, cli::transformLine); }
    void fql_data() { addVectors("fql.jsonl"); }
    void fql() { run(conformance::Subcommand::Fql, cli::fqlLine); }
    void generateFql_data() { addVectors("generate-fql.jsonl"); }
    void generateFql() { run(conformance::Subcommand::GenerateFql, cli::generateFqlLine); }
    void request_data() { addVectors("request.jsonl"); }
    void request() { run(conformance::Subcommand::Request, cli::requestLine); }
    void liquid_data() { addVectors("liquid.jsonl"); }
    void liquid() { run(conformance::Subcommand::Transform, cli::transformLine); }

private:
    void addVectors(const char *fileName);
    void run(conformance::Subcommand subcommand, json::Value (*handler)(const json::Object &));
};

void TestConformance::addVectors(const char *fileName)
{
    QTest::addColumn<QByteArray>("vector");
    const QString path = QFINDTESTDATA(QStringLiteral("../data/conformance/") + QLatin1StringView(fileName));
    QFile file(path);
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(QStringLiteral("cannot open %1").arg(path)));
    int rows = 0;
    while (!file.atEnd()) {
        const QByteArray line = file.readLine().trimmed();
        if (line.isEmpty())
            continue;
        const auto parsed = json::parse(QByteArrayView(line));
        QVERIFY(parsed.ok());
        const json::Object &v = parsed.value().toObject();
        const QString name = v.value(u"id").toString() + u' ' + v.value(u"note").toString().left(80);
        QTest::newRow(qPrintable(name)) << line;
        ++rows;
    }
    QVERIFY2(rows > 0, "no vectors found");
}

void TestConformance::run(conformance::Subcommand subcommand, json::Value (*handler)(const json::Object &))
{
    QFETCH(QByteArray, vector);
    const auto parsed = json::parse(QByteArrayView(vector));
    QVERIFY(parsed.ok());
    const json::Value result = handler(parsed.value().toObject());
    const QByteArray output = json::stringify(result).value_or(QByteArray());
    const QString mismatch = conformance::judge(subcommand, vector, output);
    QVERIFY2(mismatch.isEmpty(), qPrintable(mismatch));
}

QTEST_GUILESS_MAIN(TestConformance)
#include "tst_conformance.moc"
