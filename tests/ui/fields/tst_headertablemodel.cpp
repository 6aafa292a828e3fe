#include "fields/headertablemodel.h"

#include "json/object.h"
#include "json/parser.h"
#include "json/writer.h"
#include "mapping/validator.h"

#include <QAbstractItemModelTester>
#include <QIcon>
#include <QSignalSpy>
#include <QTest>

using namespace inkmapper;
using inkmapper::ui::HeaderTableModel;

namespace {

json::Value parse(const QString &text)
{
    const Result<json::Value> parsed = json::parse(QStringView(text));
    if (!parsed)
        qFatal("bad test JSON: %s", qPrintable(parsed.error().describe()));
    return *parsed;
}

QString str(const json::Value &value)
{
    return json::toJsonString(value);
}

} // namespace

class TestHeaderTableModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void modelTester();
    void roundTrip_data();
    void roundTrip();
    void sourceOf_data();
    void sourceOf();
    void issues_data();
    void issues();
    void duplicateNames();
    void editCells();
    void invalidJsonKeepsText();
    void validationErrorsLandOnTheirRow();
    void editsEmitButSettingDoesNot();
    void tooltipsShowWholeText();
};

void TestHeaderTableModel::modelTester()
{
    HeaderTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setHeaders(parse(QStringLiteral(R"({"A":"1","B":{"@path":"$.userId"}})")));
    model.addHeader(QStringLiteral("C"), QStringLiteral("3"));
    QVERIFY(model.setData(model.index(0, HeaderTableModel::NameColumn), QStringLiteral("A2")));
    QVERIFY(model.setData(model.index(1, HeaderTableModel::SourceColumn), int(HeaderTableModel::Source::Json)));
    QVERIFY(model.insertRows(1, 2));
    QVERIFY(model.removeRows(0, 2));
    model.setHeaders(json::Value());
    QCOMPARE(model.rowCount(), 0);
}

void TestHeaderTableModel::roundTrip_data()
{
    QTest::addColumn<QString>("headers");
    QTest::newRow("empty") << QStringLiteral(R"({})");
    QTest::newRow("static text") << QStringLiteral(R"({"X-Campaign":"spring"})");
    QTest::newRow("event variable") << QStringLiteral(R"({"X-User":{"@path":"$.userId"}})");
    QTest::newRow("template") << QStringLiteral(R"({"X-Id":{"@template":"{{userId}}-{{messageId}}"}})");
    QTest::newRow("order kept") << QStringLiteral(R"({"b":"2","a":"1","C":"3"})");
    QTest::newRow("unknown directive keys kept")
        << QStringLiteral(R"({"X":{"@path":"$.a","_metadata":{"label":"A"}}})");
    QTest::newRow("nested directive") << QStringLiteral(R"({"X":{"@case":{"operator":"upper","value":"a"}}})");
    QTest::newRow("number and boolean") << QStringLiteral(R"({"X-N":12,"X-B":true})");
    QTest::newRow("non-string path kept as JSON") << QStringLiteral(R"({"X":{"@path":{"@template":"$.{{k}}"}}})");
}

void TestHeaderTableModel::roundTrip()
{
    QFETCH(QString, headers);
    HeaderTableModel model;
    model.setHeaders(parse(headers));
    QCOMPARE(str(model.headers()), headers);
}

void TestHeaderTableModel::sourceOf_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<int>("source");
    using Source = HeaderTableModel::Source;
    QTest::newRow("string") << QStringLiteral(R"("abc")") << int(Source::Text);
    QTest::newRow("@path") << QStringLiteral(R"({"@path":"$.a"})") << int(Source::Path);
    QTest::newRow("@template") << QStringLiteral(R"({"@template":"{{a}}"})") << int(Source::Template);
    QTest::newRow("@path with metadata") << QStringLiteral(R"({"@path":"$.a","_metadata":{}})") << int(Source::Json);
    QTest::newRow("@literal") << QStringLiteral(R"({"@literal":"x"})") << int(Source::Json);
    QTest::newRow("number") << QStringLiteral("7") << int(Source::Json);
}

void TestHeaderTableModel::sourceOf()
{
    QFETCH(QString, value);
    QFETCH(int, source);
    QCOMPARE(int(HeaderTableModel::sourceOf(parse(value))), source);
}

void TestHeaderTableModel::issues_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("value");
    QTest::addColumn<int>("column");
    QTest::addColumn<int>("severity");
    QTest::addColumn<QString>("message");
    const int error = int(HeaderTableModel::Severity::Error);
    const int warning = int(HeaderTableModel::Severity::Warning);
    const int none = int(HeaderTableModel::Severity::None);
    const int name = HeaderTableModel::NameColumn;
    const int value = HeaderTableModel::ValueColumn;
    QTest::newRow("plain header") << QStringLiteral("X-Campaign") << QStringLiteral(R"("spring")") << value << none << QString();
    QTest::newRow("non-ASCII value") << QStringLiteral("X-City") << QStringLiteral(R"("Zürich")") << value << error
                                     << QStringLiteral("Movable Ink accepts ASCII header values only. \u201c\u00fc\u201d (U+00FC)");
    QTest::newRow("emoji value") << QStringLiteral("X-Mood") << QStringLiteral(R"("ok 😀")") << value << error << QStringLiteral("(U+1F600)");
    QTest::newRow("non-ASCII in template") << QStringLiteral("X-T") << QStringLiteral(R"({"@template":"é{{userId}}"})") << value << error
                                           << QStringLiteral("Movable Ink accepts ASCII header values only");
    QTest::newRow("non-ASCII path is fine") << QStringLiteral("X-P") << QStringLiteral(R"({"@path":"$.properties.größe"})") << value << none
                                            << QString();
    QTest::newRow("non-ASCII name") << QStringLiteral("X-Größe") << QStringLiteral(R"("1")") << name << error
                                    << QStringLiteral("Movable Ink accepts ASCII header values only. The name contains");
    QTest::newRow("empty name") << QStringLiteral("") << QStringLiteral(R"("1")") << name << error << QStringLiteral("no name");
    QTest::newRow("space in name") << QStringLiteral("X Campaign") << QStringLiteral(R"("1")") << name << error << QStringLiteral("is not a valid header name");
    QTest::newRow("separator in name") << QStringLiteral("X(Campaign)") << QStringLiteral(R"("1")") << name << error << QStringLiteral("is not a valid header name");
    QTest::newRow("line break in value") << QStringLiteral("X-A") << QStringLiteral(R"("a\nb")") << value << error << QStringLiteral("line breaks");
    QTest::newRow("authorization") << QStringLiteral("Authorization") << QStringLiteral(R"("Bearer x")") << name << warning
                                   << QStringLiteral("Authorization header itself");
    QTest::newRow("content-type any case") << QStringLiteral("content-TYPE") << QStringLiteral(R"("text/plain")") << name << warning
                                           << QStringLiteral("will be overwritten");
    QTest::newRow("undefined text") << QStringLiteral("X-A") << QStringLiteral(R"("undefined")") << value << warning << QStringLiteral("delete the header");
}

void TestHeaderTableModel::issues()
{
    QFETCH(QString, name);
    QFETCH(QString, value);
    QFETCH(int, column);
    QFETCH(int, severity);
    QFETCH(QString, message);
    HeaderTableModel model;
    json::Object headers;
    headers.set(name, parse(value));
    model.setHeaders(json::Value(std::move(headers)));
    const QModelIndex cell = model.index(0, column);
    QCOMPARE(cell.data(HeaderTableModel::SeverityRole).toInt(), severity);
    const QString shown = cell.data(Qt::ToolTipRole).toString();
    if (severity == int(HeaderTableModel::Severity::None)) {
        QVERIFY(cell.data(Qt::DecorationRole).value<QIcon>().isNull());
        QVERIFY(model.issues(0).isEmpty());
    } else {
        QVERIFY2(shown.contains(message), qPrintable(shown));
        QVERIFY(!cell.data(Qt::DecorationRole).value<QIcon>().isNull());
        QVERIFY(model.issueSummary().join(u'\n').contains(message));
    }
    // Flagged, never dropped: the value stays in the mapping as typed.
    QCOMPARE(str(model.value(0)), str(parse(value)));
}

void TestHeaderTableModel::duplicateNames()
{
    HeaderTableModel model;
    model.setHeaders(parse(QStringLiteral(R"({"X-A":"1"})")));
    model.addHeader(QStringLiteral("x-a"), QStringLiteral("2"));
    QCOMPARE(model.index(1, 0).data(HeaderTableModel::SeverityRole).toInt(), int(HeaderTableModel::Severity::Warning));
    QVERIFY(model.index(1, 0).data(HeaderTableModel::IssueRole).toString().contains(QStringLiteral("same header")));
    QCOMPARE(model.index(0, 0).data(HeaderTableModel::SeverityRole).toInt(), int(HeaderTableModel::Severity::None));
    model.setData(model.index(1, 0), QStringLiteral("X-A"));
    QCOMPARE(model.index(1, 0).data(HeaderTableModel::SeverityRole).toInt(), int(HeaderTableModel::Severity::Error));
}

void TestHeaderTableModel::tooltipsShowWholeText()
{
    HeaderTableModel model;
    const QString longTemplate = QStringLiteral("{{properties.campaign.name}}-{{properties.campaign.source}}-{{userId}}");
    const int row = model.addHeader(QStringLiteral("X-Campaign-Attribution"), longTemplate);
    QVERIFY(model.setData(model.index(row, HeaderTableModel::SourceColumn), int(HeaderTableModel::Source::Template)));
    QVERIFY(model.setData(model.index(row, HeaderTableModel::ValueColumn), longTemplate));
    const QString valueTip = model.index(row, HeaderTableModel::ValueColumn).data(Qt::ToolTipRole).toString();
    QVERIFY2(valueTip.startsWith(longTemplate + QStringLiteral("\n\n")), qPrintable(valueTip));
    QVERIFY(valueTip.contains(QStringLiteral("placeholders")));
    QCOMPARE(model.index(row, HeaderTableModel::NameColumn).data(Qt::ToolTipRole).toString(), QStringLiteral("X-Campaign-Attribution"));
    // A problem still comes first.
    QVERIFY(model.setData(model.index(row, HeaderTableModel::ValueColumn), QStringLiteral("caf\u00e9")));
    QVERIFY(!model.index(row, HeaderTableModel::ValueColumn).data(Qt::ToolTipRole).toString().startsWith(QStringLiteral("caf")));
}

void TestHeaderTableModel::editCells()
{
    using Source = HeaderTableModel::Source;
    HeaderTableModel model;
    const int row = model.addHeader(QStringLiteral("X-User"), QStringLiteral("$.userId"));
    QCOMPARE(str(model.headers()), QStringLiteral(R"({"X-User":"$.userId"})"));
    // Switching the source reinterprets the text the cell shows.
    QVERIFY(model.setData(model.index(row, HeaderTableModel::SourceColumn), int(Source::Path)));
    QCOMPARE(str(model.headers()), QStringLiteral(R"({"X-User":{"@path":"$.userId"}})"));
    QCOMPARE(model.index(row, HeaderTableModel::SourceColumn).data().toString(), QStringLiteral("Event variable"));
    QVERIFY(model.setData(model.index(row, HeaderTableModel::SourceColumn), int(Source::Template)));
    QVERIFY(model.setData(model.index(row, HeaderTableModel::ValueColumn), QStringLiteral("{{userId}}")));
    QCOMPARE(str(model.headers()), QStringLiteral(R"({"X-User":{"@template":"{{userId}}"}})"));
    QVERIFY(model.setData(model.index(row, HeaderTableModel::SourceColumn), int(Source::Json)));
    QCOMPARE(model.index(row, HeaderTableModel::ValueColumn).data().toString(),
             QStringLiteral(R"({"@template":"{{userId}}"})"));
    QVERIFY(model.setData(model.index(row, HeaderTableModel::NameColumn), QStringLiteral("X-Id")));
    QCOMPARE(str(model.headers()), QStringLiteral(R"({"X-Id":{"@template":"{{userId}}"}})"));
    QVERIFY(!model.setData(model.index(row, HeaderTableModel::SourceColumn), 99));
}

void TestHeaderTableModel::invalidJsonKeepsText()
{
    HeaderTableModel model;
    model.setHeaders(parse(QStringLiteral(R"({"X":{"@literal":"a"}})")));
    const QModelIndex value = model.index(0, HeaderTableModel::ValueColumn);
    QVERIFY(model.setData(value, QStringLiteral(R"({"@literal": )")));
    QCOMPARE(value.data().toString(), QStringLiteral(R"({"@literal": )"));
    QVERIFY(value.data(Qt::ToolTipRole).toString().contains(QStringLiteral("Not valid JSON: line 1, column 14")));
    QCOMPARE(str(model.headers()), QStringLiteral(R"({"X":{"@literal":"a"}})"));
    QVERIFY(model.setData(value, QStringLiteral(R"({"@literal": "b"})")));
    QCOMPARE(str(model.headers()), QStringLiteral(R"({"X":{"@literal":"b"}})"));
    QCOMPARE(value.data(HeaderTableModel::SeverityRole).toInt(), int(HeaderTableModel::Severity::None));
}

void TestHeaderTableModel::validationErrorsLandOnTheirRow()
{
    HeaderTableModel model;
    const json::Value mapping = parse(QStringLiteral(R"({"headers":{"X.A":"1","X.A.B":{"@path":5}}})"));
    model.setHeaders(mapping.toObject().value(u"headers"));
    const std::vector<Error> errors = mapping::validationErrors(mapping);
    QCOMPARE(errors.size(), size_t(1));
    QCOMPARE(errors.front().location.path, QStringLiteral("headers.X.A.B.@path"));
    const std::vector<Error> others = model.setValidationErrors(errors);
    QVERIFY(others.empty());
    QCOMPARE(model.index(0, HeaderTableModel::ValueColumn).data(HeaderTableModel::SeverityRole).toInt(),
             int(HeaderTableModel::Severity::None));
    QVERIFY(model.index(1, HeaderTableModel::ValueColumn)
                .data(HeaderTableModel::IssueRole)
                .toString()
                .contains(QStringLiteral("should be a string or a mapping directive")));
    const std::vector<Error> stray{Error{QStringLiteral("x"), {0, 0, QStringLiteral("data.a")}}};
    QCOMPARE(model.setValidationErrors(stray).size(), size_t(1));
}

void TestHeaderTableModel::editsEmitButSettingDoesNot()
{
    HeaderTableModel model;
    QSignalSpy edited(&model, &HeaderTableModel::headersEdited);
    model.setHeaders(parse(QStringLiteral(R"({"A":"1"})")));
    QCOMPARE(edited.count(), 0);
    model.setData(model.index(0, HeaderTableModel::ValueColumn), QStringLiteral("2"));
    QCOMPARE(edited.count(), 1);
    model.addHeader(QStringLiteral("B"), QStringLiteral("x"));
    QCOMPARE(edited.count(), 2);
    model.removeRows(0, 1);
    QCOMPARE(edited.count(), 3);
    QCOMPARE(str(model.headers()), QStringLiteral(R"({"B":"x"})"));
}

QTEST_MAIN(TestHeaderTableModel)
#include "tst_headertablemodel.moc"
