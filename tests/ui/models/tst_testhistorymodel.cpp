#include "models/testhistorymodel.h"

#include <QAbstractItemModelTester>
#include <QIcon>
#include <QSignalSpy>
#include <QTest>

using namespace inkmapper;
using delivery::SentTest;
using ui::TestHistoryModel;

namespace {

SentTest sent(const QString &mapping, int status)
{
    SentTest t;
    t.mapping = mapping;
    t.exchange.startedAt = QDateTime::currentDateTime();
    t.exchange.status = status;
    t.exchange.reasonPhrase = "OK";
    t.exchange.timings.total = 42;
    if (status == 0)
        t.exchange.networkError = QNetworkReply::ConnectionRefusedError;
    return t;
}

} // namespace

class TestTestHistoryModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void newestFirst();
    void cells_data();
    void cells();
    void replacingResetsTheModel();
};

void TestTestHistoryModel::newestFirst()
{
    TestHistoryModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy changed(&model, &TestHistoryModel::testsChanged);
    model.append(sent(QStringLiteral("first"), 200));
    model.append(sent(QStringLiteral("second"), 401));
    QCOMPARE(changed.count(), 2);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.index(0, TestHistoryModel::MappingColumn).data().toString(), QStringLiteral("second"));
    QCOMPARE(model.test(1).mapping, QStringLiteral("first"));
    QCOMPARE(model.number(0), 2); // numbered in the order sent
    QCOMPARE(model.number(1), 1);
    QCOMPARE(model.tests().front().mapping, QStringLiteral("first")); // kept oldest first
    // Accepted and refused are told apart at a glance.
    const auto icon = [&](int row) { return model.index(row, TestHistoryModel::StatusColumn).data(Qt::DecorationRole).value<QIcon>(); };
    QVERIFY(!icon(0).isNull() && !icon(1).isNull());
    QVERIFY(icon(0).cacheKey() != icon(1).cacheKey());
}

void TestTestHistoryModel::cells_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("text");
    QTest::newRow("status") << 200 << int(TestHistoryModel::StatusColumn) << QStringLiteral("200");
    QTest::newRow("no answer") << 0 << int(TestHistoryModel::StatusColumn) << QStringLiteral("no answer");
    QTest::newRow("time") << 200 << int(TestHistoryModel::TimeColumn) << QStringLiteral("42 ms");
    QTest::newRow("mapping") << 200 << int(TestHistoryModel::MappingColumn) << QStringLiteral("Orders");
    QTest::newRow("sent today: the time") << 200 << int(TestHistoryModel::SentColumn)
                                          << QDateTime::currentDateTime().toString(QStringLiteral("HH:mm"));
}

void TestTestHistoryModel::cells()
{
    QFETCH(int, status);
    QFETCH(int, column);
    QFETCH(QString, text);
    TestHistoryModel model;
    model.append(sent(QStringLiteral("Orders"), status));
    QVERIFY2(model.index(0, column).data().toString().startsWith(text), qPrintable(model.index(0, column).data().toString()));
    QVERIFY(model.index(0, 0).data(Qt::ToolTipRole).toString().startsWith(QStringLiteral("#1 · ")));
}

void TestTestHistoryModel::replacingResetsTheModel()
{
    TestHistoryModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.append(sent(QStringLiteral("old"), 200));
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.setTests({sent(QStringLiteral("a"), 200), sent(QStringLiteral("b"), 500), sent(QStringLiteral("c"), 200)});
    QCOMPARE(reset.count(), 1);
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.index(0, TestHistoryModel::MappingColumn).data().toString(), QStringLiteral("c"));
    QCOMPARE(model.index(1, TestHistoryModel::StatusColumn).data().toString(), QStringLiteral("500"));
    model.setTests({});
    QCOMPARE(model.rowCount(), 0);
}

QTEST_MAIN(TestTestHistoryModel)
#include "tst_testhistorymodel.moc"
