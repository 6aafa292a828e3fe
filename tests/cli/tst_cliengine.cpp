#include "vectorjudge.h"

#include <QFile>
#include <QProcess>
#include <QTest>

using namespace inkmapper;

/** The engine subcommands of inkmapper-cli, run as the separate process that scripts and CI use. */
class TestCliEngine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void vectorFilePipedThrough_data();
    void vectorFilePipedThrough();
    void badLinesGetErrorsAndProcessingGoesOn_data();
    void badLinesGetErrorsAndProcessingGoesOn();
    void blankLinesGetNoOutput();
    void usage_data();
    void usage();

private:
    struct Run
    {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };
    static Run runCli(const QStringList &arguments, const QByteArray &input = {});
};

TestCliEngine::Run TestCliEngine::runCli(const QStringList &arguments, const QByteArray &input)
{
    QProcess process;
    process.start(QStringLiteral(INKMAPPER_CLI_PATH), arguments);
    if (!process.waitForStarted())
        return {};
    process.write(input);
    process.closeWriteChannel();
    process.waitForFinished(300000);
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1, process.readAllStandardOutput(),
            process.readAllStandardError()};
}

void TestCliEngine::vectorFilePipedThrough_data()
{
    QTest::addColumn<QString>("subcommand");
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("kind");
    QTest::newRow("transform mapping.jsonl") << QStringLiteral("transform") << QStringLiteral("mapping.jsonl") << int(conformance::Subcommand::Transform);
    QTest::newRow("transform liquid.jsonl") << QStringLiteral("transform") << QStringLiteral("liquid.jsonl") << int(conformance::Subcommand::Transform);
    QTest::newRow("fql fql.jsonl") << QStringLiteral("fql") << QStringLiteral("fql.jsonl") << int(conformance::Subcommand::Fql);
    QTest::newRow("generate-fql generate-fql.jsonl") << QStringLiteral("generate-fql") << QStringLiteral("generate-fql.jsonl") << int(conformance::Subcommand::GenerateFql);
    QTest::newRow("request request.jsonl") << QStringLiteral("request") << QStringLiteral("request.jsonl") << int(conformance::Subcommand::Request);
}

void TestCliEngine::vectorFilePipedThrough()
{
    QFETCH(QString, subcommand);
    QFETCH(QString, file);
    QFETCH(int, kind);
    QFile vectors(QFINDTESTDATA(QStringLiteral("../data/conformance/") + file));
    QVERIFY(vectors.open(QIODevice::ReadOnly));
    const QByteArray input = vectors.readAll();
    QList<QByteArray> inputLines = input.split('\n');
    inputLines.removeAll(QByteArray());

    const Run run = runCli({subcommand}, input);
    QCOMPARE(run.exitCode, 0);
    QList<QByteArray> outputLines = run.out.split('\n');
    QCOMPARE(outputLines.takeLast(), QByteArray()); // the output ends with a newline
    QCOMPARE(outputLines.size(), inputLines.size());

    QStringList mismatches;
    for (qsizetype i = 0; i < inputLines.size(); ++i) {
        const QString why = conformance::judge(conformance::Subcommand(kind), inputLines[i], outputLines[i]);
        if (!why.isEmpty())
            mismatches << QStringLiteral("line %1: %2").arg(i + 1).arg(why);
    }
    QVERIFY2(mismatches.isEmpty(), qPrintable(QStringLiteral("%1 of %2 lines disagree; first: %3")
                                                  .arg(mismatches.size()).arg(inputLines.size()).arg(mismatches.value(0))));
}

void TestCliEngine::badLinesGetErrorsAndProcessingGoesOn_data()
{
    QTest::addColumn<QString>("subcommand");
    QTest::addColumn<QByteArray>("badLine");
    QTest::addColumn<QByteArray>("errorPart");
    QTest::newRow("transform: truncated JSON") << QStringLiteral("transform") << QByteArray("{\"mapping\":") << QByteArray("not valid JSON");
    QTest::newRow("transform: array line") << QStringLiteral("transform") << QByteArray("[1,2]") << QByteArray("not a JSON object");
    QTest::newRow("transform: no mapping key") << QStringLiteral("transform") << QByteArray("{\"event\":{}}") << QByteArray("mapping");
    QTest::newRow("fql: no fql key") << QStringLiteral("fql") << QByteArray("{\"events\":[]}") << QByteArray("fql");
    QTest::newRow("generate-fql: no ast key") << QStringLiteral("generate-fql") << QByteArray("{}") << QByteArray("ast");
    QTest::newRow("request: no settings key") << QStringLiteral("request") << QByteArray("{\"mapping\":{},\"event\":{}}") << QByteArray("settings");
    QTest::newRow("fql: invalid UTF-8 outside strings") << QStringLiteral("fql") << QByteArray("{\"fql\":1,\xff}") << QByteArray("not valid JSON");
}

void TestCliEngine::badLinesGetErrorsAndProcessingGoesOn()
{
    QFETCH(QString, subcommand);
    QFETCH(QByteArray, badLine);
    QFETCH(QByteArray, errorPart);
    const QByteArray good = subcommand == u"generate-fql"
        ? QByteArray(R"({"ast":{"type":"group","operator":"and","children":[{"type":"event-type","operator":"=","value":"track"}]}})")
        : QByteArray("{}");
    const Run run = runCli({subcommand}, badLine + "\n" + good + "\n");
    QCOMPARE(run.exitCode, 0);
    const QList<QByteArray> lines = run.out.split('\n');
    QCOMPARE(lines.size(), 3);
    QVERIFY2(lines[0].startsWith(R"({"ok":false,"error":)"), lines[0].constData());
    QVERIFY2(lines[0].contains(errorPart), lines[0].constData());
    QVERIFY2(lines[1].startsWith(R"({"ok":)"), lines[1].constData()); // the next line is still answered
}

void TestCliEngine::blankLinesGetNoOutput()
{
    const Run run = runCli({QStringLiteral("generate-fql")},
                           "\n   \n" R"({"ast":{"type":"group","operator":"and","children":[]}})" "\n\r\n");
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.out, QByteArray("{\"ok\":true,\"fql\":\"\"}\n"));
}

void TestCliEngine::usage_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QByteArray>("stdoutPart");
    QTest::addColumn<QByteArray>("stderrPart");
    QTest::newRow("no arguments") << QStringList{} << 2 << QByteArray() << QByteArray("usage:");
    QTest::newRow("--help") << QStringList{QStringLiteral("--help")} << 0 << QByteArray("generate-fql") << QByteArray();
    QTest::newRow("--version") << QStringList{QStringLiteral("--version")} << 0 << QByteArray("inkmapper-cli ") << QByteArray();
    QTest::newRow("unknown command") << QStringList{QStringLiteral("frobnicate")} << 2 << QByteArray() << QByteArray("'frobnicate' is not a command");
    QTest::newRow("subcommand --help") << QStringList{QStringLiteral("transform"), QStringLiteral("--help")} << 0 << QByteArray("JSON.stringify") << QByteArray();
    QTest::newRow("stray argument") << QStringList{QStringLiteral("fql"), QStringLiteral("x")} << 2 << QByteArray() << QByteArray("unexpected argument 'x'");
}

void TestCliEngine::usage()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QByteArray, stdoutPart);
    QFETCH(QByteArray, stderrPart);
    const Run run = runCli(arguments);
    QCOMPARE(run.exitCode, exitCode);
    QVERIFY2(run.out.contains(stdoutPart), run.out.constData());
    QVERIFY2(run.err.contains(stderrPart), run.err.constData());
}

QTEST_GUILESS_MAIN(TestCliEngine)
#include "tst_cliengine.moc"
