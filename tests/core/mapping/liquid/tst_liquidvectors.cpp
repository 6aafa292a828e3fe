// Runs evaluateLiquid over the conformance vectors whose mapping consists of @liquid directives only
// (possibly nested in plain objects): the result must serialise to Segment's output, or both must fail.
#include "mapping/liquid/liquiddirective.h"

#include "json/object.h"
#include "json/parser.h"
#include "json/writer.h"

#include <QFile>
#include <QTest>

using namespace inkmapper;
using namespace Qt::StringLiterals;

class TestLiquidVectors : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void vectors_data();
    void vectors();
    void coverage();

private:
    int m_rows = 0;
};

namespace {

/** True when every leaf of the mapping is a lone {"@liquid": ...} object. */
bool isLiquidOnly(const json::Value &mapping)
{
    if (!mapping.isObject())
        return false;
    const json::Object &object = mapping.toObject();
    if (object.size() == 1 && object.contains(u"@liquid"))
        return true;
    if (object.isEmpty())
        return false;
    for (const auto &[key, value] : object) {
        if (key.startsWith(u'@') || !isLiquidOnly(value))
            return false;
    }
    return true;
}

/** Resolves a liquid-only mapping; an error anywhere fails the whole transform, as it does in Segment. */
Result<json::Value> resolve(const json::Value &mapping, const json::Value &event)
{
    const json::Object &object = mapping.toObject();
    if (object.size() == 1 && object.contains(u"@liquid")) {
        Result<QString> rendered = mapping::liquid::evaluateLiquid(object.value(u"@liquid"), event);
        if (!rendered)
            return rendered.error();
        return json::Value(rendered.value());
    }
    json::Object resolved;
    for (const auto &[key, value] : object) {
        Result<json::Value> r = resolve(value, event);
        if (!r)
            return r.error();
        resolved.set(key, r.value());
    }
    return json::Value(std::move(resolved));
}

} // namespace

void TestLiquidVectors::vectors_data()
{
    QTest::addColumn<QByteArray>("line");
    const QString path = QFINDTESTDATA("../../../data/conformance/liquid.jsonl");
    QFile file(path);
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(u"cannot open liquid.jsonl at '%1'"_s.arg(path)));
    while (!file.atEnd()) {
        const QByteArray line = file.readLine().trimmed();
        if (line.isEmpty())
            continue;
        const Result<json::Value> vector = json::parse(QByteArrayView(line));
        QVERIFY(vector.ok());
        const json::Object &v = vector.value().toObject();
        if (!isLiquidOnly(v.value(u"mapping")) || !v.value(u"event").isObject())
            continue;
        const QString name = v.value(u"id").toString() + u' ' + v.value(u"note").toString();
        QTest::newRow(qPrintable(name)) << line;
        ++m_rows;
    }
}

void TestLiquidVectors::vectors()
{
    QFETCH(QByteArray, line);
    const json::Object vector = json::parse(QByteArrayView(line)).value().toObject();
    const Result<json::Value> result = resolve(vector.value(u"mapping"), vector.value(u"event"));
    const json::Value expectedError = vector.value(u"error");
    if (expectedError.isString()) {
        QVERIFY2(!result.ok(), qPrintable(u"expected the error '%1', got %2"_s.arg(
                                   expectedError.toString(), result.ok() ? json::toJsonString(result.value()) : QString())));
        return;
    }
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message));
    QCOMPARE(json::toJsonString(result.value()), vector.value(u"output").toString());
}

void TestLiquidVectors::coverage()
{
    // Most of the 400 vectors are liquid-only; if the file or the filter broke, this would drop.
    QVERIFY2(m_rows >= 300, qPrintable(u"only %1 liquid-only vectors found"_s.arg(m_rows)));
}

QTEST_GUILESS_MAIN(TestLiquidVectors)
#include "tst_liquidvectors.moc"
