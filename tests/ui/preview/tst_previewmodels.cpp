#include "preview/conditionsmodel.h"
#include "preview/previewrendering.h"
#include "preview/requestheadersmodel.h"

#include "preview/preview.h"

#include "fql/parser.h"
#include "fql/trigger.h"
#include "json/object.h"
#include "json/parser.h"
#include "json/writer.h"

#include <QAbstractItemModelTester>
#include <QFont>
#include <QTest>

using namespace inkmapper;
using ui::ConditionsModel;
using ui::RequestHeadersModel;

namespace {

preview::PreviewResult compute(const QString &trigger, const QString &mapping, const QString &event)
{
    preview::PreviewInputs in;
    in.settings = {QStringLiteral("http://127.0.0.1:47231/e"), QStringLiteral("user")};
    in.secret = QStringLiteral("secret");
    in.mapping.subscribe = trigger;
    in.mapping.mapping = json::parse(QStringView(mapping)).value();
    in.event = json::parse(QStringView(event)).value();
    return preview::Preview::compute(in);
}

} // namespace

class TestPreviewModels : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void conditions_data();
    void conditions();
    void conditionsError();
    void headers();
    void prettyBodyIsTheBodyLaidOut_data();
    void prettyBodyIsTheBodyLaidOut();
};

void TestPreviewModels::conditions_data()
{
    QTest::addColumn<QString>("trigger");
    QTest::addColumn<QString>("event");
    QTest::addColumn<QStringList>("texts");
    QTest::addColumn<QList<int>>("outcomes");
    QTest::addColumn<int>("deciding");

    QTest::newRow("or of two, second decides")
        << QStringLiteral(R"(type = "page" or type = "track")") << QStringLiteral(R"({"type":"track"})")
        << QStringList{QStringLiteral("Any of these"), QStringLiteral("    type = \"page\""),
                       QStringLiteral("    type = \"track\"")}
        << QList<int>{1, 0, 1} << 2;
    QTest::newRow("nested group")
        << QStringLiteral(R"(type = "track" and (event = "A" or properties.total > 10))")
        << QStringLiteral(R"({"type":"track","event":"B","properties":{"total":12}})")
        << QStringList{QStringLiteral("All of these"), QStringLiteral("    type = \"track\""),
                       QStringLiteral("    Any of these"), QStringLiteral("        event = \"A\""),
                       QStringLiteral("        properties.total > 10")}
        << QList<int>{1, 1, 1, 0, 1} << 4;
    QTest::newRow("and stops at the first false")
        << QStringLiteral(R"(type = "track" and event = "A")") << QStringLiteral(R"({"type":"page"})")
        << QStringList{QStringLiteral("All of these"), QStringLiteral("    type = \"track\""),
                       QStringLiteral("    event = \"A\"")}
        << QList<int>{0, 0, -2} << 1;
}

void TestPreviewModels::conditions()
{
    QFETCH(QString, trigger);
    QFETCH(QString, event);
    QFETCH(QStringList, texts);
    QFETCH(QList<int>, outcomes);
    QFETCH(int, deciding);

    ConditionsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const preview::PreviewResult r = compute(trigger, QStringLiteral("{}"), event);
    model.setExplanation(r.explanation, r.decidingCondition);
    QCOMPARE(model.rowCount(), texts.size());
    for (int row = 0; row < model.rowCount(); ++row) {
        QCOMPARE(model.index(row, ConditionsModel::ConditionColumn).data().toString(), texts[row]);
        QCOMPARE(model.index(row, 0).data(ConditionsModel::OutcomeRole).toInt(), outcomes[row]);
        QCOMPARE(model.index(row, 0).data(ConditionsModel::DecidingRole).toBool(), row == deciding);
        QCOMPARE(model.index(row, 0).data(Qt::FontRole).value<QFont>().bold(), row == deciding);
    }
    model.clear();
    QCOMPARE(model.rowCount(), 0);
}

void TestPreviewModels::conditionsError()
{
    ConditionsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    // A hand-made tree with a null child: Segment's evaluator throws on it.
    const json::Value ast = json::parse(QStringView(QStringLiteral(
        R"({"type":"group","operator":"and","children":[null]})"))).value();
    const fql::Explanation explanation = fql::Trigger::compile(ast).explain(json::parse(QStringView(QStringLiteral("{}"))).value());
    QVERIFY(!explanation.outcome);
    model.setExplanation(explanation, 1);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.index(1, 0).data(ConditionsModel::OutcomeRole).toInt(), -1);
    QVERIFY(model.index(1, ConditionsModel::ResultColumn).data().toString().contains(QStringLiteral("error")));
    QVERIFY(model.index(1, 0).data(Qt::ToolTipRole).toString().startsWith(QStringLiteral("Segment's evaluator stops here")));
}

void TestPreviewModels::headers()
{
    RequestHeadersModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 0);
    const preview::PreviewResult r = compute(QStringLiteral(R"(type = "track")"),
                                             QStringLiteral(R"({"headers":{"X-City":"Z\u00fcrich"},"data":{}})"),
                                             QStringLiteral(R"({"type":"track"})"));
    QVERIFY(r.request);
    model.setRequest(r.request, r.warnings);
    QCOMPARE(model.rowCount(), r.request->headers().size());
    int authRow = -1, cityRow = -1;
    for (int row = 0; row < model.rowCount(); ++row) {
        const QString name = model.index(row, RequestHeadersModel::NameColumn).data().toString();
        if (name.compare(QStringLiteral("authorization"), Qt::CaseInsensitive) == 0)
            authRow = row;
        if (name.compare(QStringLiteral("x-city"), Qt::CaseInsensitive) == 0)
            cityRow = row;
    }
    QVERIFY(authRow >= 0 && cityRow >= 0);
    QCOMPARE(model.index(authRow, RequestHeadersModel::ValueColumn).data().toString(), QStringLiteral("Basic [redacted]"));
    QCOMPARE(model.index(cityRow, RequestHeadersModel::ValueColumn).data().toString(), QStringLiteral("Z\u00fcrich"));
    QCOMPARE(model.index(cityRow, RequestHeadersModel::OriginColumn).data().toString(), QStringLiteral("Mapping"));
    QVERIFY(!model.index(cityRow, RequestHeadersModel::NameColumn).data(Qt::DecorationRole).isNull());
    QVERIFY(model.index(authRow, RequestHeadersModel::NameColumn).data(Qt::DecorationRole).isNull());
    model.setRevealSecret(true);
    QCOMPARE(model.index(authRow, RequestHeadersModel::ValueColumn).data().toString(),
             QString::fromLatin1(r.request->header("authorization")));
    model.setRequest(std::nullopt, {});
    QCOMPARE(model.rowCount(), 0);
}

void TestPreviewModels::prettyBodyIsTheBodyLaidOut_data()
{
    QTest::addColumn<QString>("mapping");
    QTest::addColumn<QString>("event");
    const QString event = QStringLiteral(R"({"type":"track","n":-0,"big":1e21,"small":5e-7,"s":"é\u2028\ud83d\ude00",)"
                                         R"("o":{"b":1,"2":2,"1":[null,{},[]]},"__proto__":{"x":1}})");
    QTest::newRow("entire event") << QStringLiteral(R"({"data":{"@path":"$."}})") << event;
    QTest::newRow("object of keys") << QStringLiteral(R"({"data":{"a":{"@path":"$.o"},"missing":{"@path":"$.nope"}}})") << event;
    QTest::newRow("flattened") << QStringLiteral(R"({"data":{"@flatten":{"value":{"@path":"$.o"},"separator":"."}}})") << event;
    QTest::newRow("empty data") << QStringLiteral(R"({"data":{}})") << event;
}

void TestPreviewModels::prettyBodyIsTheBodyLaidOut()
{
    QFETCH(QString, mapping);
    QFETCH(QString, event);
    preview::PreviewResult r = compute(QStringLiteral(R"(type = "track")"), mapping, event);
    QVERIFY(r.request);
    // What re-parsing the exact bytes gives, the slow way the shortcut must equal.
    const QByteArray body = r.request->body();
    const QString expected = json::toJsonString(json::parse(QByteArrayView(body)).value(), json::WriteOptions{2});
    QCOMPARE(ui::PreviewRendering::prettyBody(r), expected);
    // A payload that no longer matches the body (never from the engine): the body itself is laid out.
    json::Object changed = r.payload.toObject();
    changed.set(QStringLiteral("data"), json::Value(QStringLiteral("other")));
    r.payload = json::Value(std::move(changed));
    QCOMPARE(ui::PreviewRendering::prettyBody(r), expected);
}

QTEST_MAIN(TestPreviewModels)
#include "tst_previewmodels.moc"
