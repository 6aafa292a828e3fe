#include "models/responseheadersmodel.h"

#include <QAbstractItemModelTester>
#include <QTest>

using inkmapper::ui::ResponseHeadersModel;

class TestResponseHeadersModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void showsTheFieldsAsTheyCame();
};

void TestResponseHeadersModel::showsTheFieldsAsTheyCame()
{
    ResponseHeadersModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 0);
    // Repeated names and latin-1 bytes stay as they came, in order.
    model.setHeaders({{"Content-Type", "application/json"}, {"Set-Cookie", "a=1"}, {"Set-Cookie", "b=2"},
                      {"X-Note", "caf\xe9"}});
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(model.index(2, ResponseHeadersModel::NameColumn).data().toString(), QStringLiteral("Set-Cookie"));
    QCOMPARE(model.index(2, ResponseHeadersModel::ValueColumn).data().toString(), QStringLiteral("b=2"));
    QCOMPARE(model.index(3, ResponseHeadersModel::ValueColumn).data().toString(), QStringLiteral("café"));
    QCOMPARE(model.headerData(0, Qt::Horizontal).toString(), QStringLiteral("Response header"));
    model.setHeaders({});
    QCOMPARE(model.rowCount(), 0);
}

QTEST_MAIN(TestResponseHeadersModel)
#include "tst_responseheadersmodel.moc"
