#include "destination/requestbuilder.h"

#include "json/object.h"
#include "json/parser.h"

#include <QFile>
#include <QTest>

using namespace inkmapper;
using namespace inkmapper::destination;
using namespace Qt::StringLiterals;

/**
 * Requests recorded from Segment's own engine by data/record-wire.js: for every case, the header fields
 * in the order node wrote them, the request target and the body must match byte for byte, or both
 * sides must fail, or both must send nothing.
 */
class TestRequestWire : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void recorded_data();
    void recorded();
};

void TestRequestWire::recorded_data()
{
    QTest::addColumn<QString>("line");
    const QString path = QFINDTESTDATA("data/wire.jsonl");
    QVERIFY(!path.isEmpty());
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    int rows = 0;
    while (!file.atEnd()) {
        const QByteArray line = file.readLine().trimmed();
        if (line.isEmpty())
            continue;
        const Result<json::Value> v = json::parse(QByteArrayView(line));
        QVERIFY(v.ok());
        const json::Object &o = v->toObject();
        const QString name = o.value(u"id").toString() + u": "_s + o.value(u"note").toString();
        QTest::newRow(qPrintable(name)) << QString::fromUtf8(line);
        ++rows;
    }
    QVERIFY(rows > 300);
}

void TestRequestWire::recorded()
{
    QFETCH(QString, line);
    const json::Object c = json::parse(QStringView(line)).value().toObject();
    const Subscription subscription(c.value(u"subscribe"));
    const Result<RequestOutcome> outcome =
        RequestBuilder().build(c.value(u"settings"), c.value(u"mapping"), c.value(u"event"), subscription);

    if (c.contains(u"error")) {
        QVERIFY2(!outcome.ok(), "Segment failed, InkMapper did not");
        // Segment joins aggregated validation messages with a space; InkMapper (like the conformance
        // vectors) puts each on its own line.
        const auto oneLine = [](QString s) { return s.replace(u'\n', u' '); };
        QCOMPARE(oneLine(outcome.error().message), oneLine(c.value(u"error").toString()));
        return;
    }
    QVERIFY2(outcome.ok(), qPrintable(outcome.ok() ? QString() : outcome.error().message));
    const json::Value wire = c.value(u"wire");
    if (wire.isNull()) {
        QVERIFY(!outcome->isSent());
        return;
    }
    QVERIFY(outcome->isSent());
    const HttpRequest &request = outcome->request();
    const json::Object &w = wire.toObject();
    QCOMPARE(QString::fromLatin1(request.method()), w.value(u"method").toString());
    QCOMPARE(QString::fromLatin1(request.target()), w.value(u"target").toString());
    QCOMPARE(QString::fromUtf8(request.body()), w.value(u"body").toString());
    QStringList expected;
    for (const json::Value &h : w.value(u"headers").toArray())
        expected << h.toArray()[0].toString() + u": "_s + h.toArray()[1].toString();
    QStringList actual;
    for (const HttpHeader &h : request.headers())
        actual << QString::fromLatin1(h.name) + u": "_s + QString::fromLatin1(h.value);
    QCOMPARE(actual, expected);
}

QTEST_GUILESS_MAIN(TestRequestWire)
#include "tst_requestwire.moc"
