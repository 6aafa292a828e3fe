#include "models/receivedrequestsmodel.h"

#include "destination/basicauth.h"
#include "inspector/inspector.h"

#include <QAbstractItemModelTester>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>

using namespace inkmapper;
using inspector::Inspector;
using ui::ReceivedRequestsModel;

namespace {

/** Posts `body` to the inspector with basic auth for `secret`; the reply belongs to `network`. */
QNetworkReply *post(QNetworkAccessManager &network, const Inspector &inspector, const QByteArray &body, const QString &secret)
{
    QNetworkRequest request{QUrl(inspector.endpointUrl())};
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setRawHeader("Authorization", destination::BasicAuth::headerValue(QStringLiteral("key"), secret));
    return network.post(request, body);
}

} // namespace

/** The rows of the Requests Received window, fed by a real inspector on 127.0.0.1. */
class TestReceivedRequestsModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void followsTheInspector();
};

void TestReceivedRequestsModel::followsTheInspector()
{
    Inspector inspector;
    QVERIFY(inspector.start(0));
    inspector.setCredentials(QStringLiteral("key"), QStringLiteral("right"));
    inspector.setBehaviour({Inspector::Answer::Slow, 300, 0});
    ReceivedRequestsModel model(&inspector);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QNetworkAccessManager network;

    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QNetworkReply *first = post(network, inspector, R"({"n":1})", QStringLiteral("right"));
    QTRY_COMPARE(model.rowCount(), 1);
    QCOMPARE(model.index(0, ReceivedRequestsModel::RequestColumn).data().toString(), QStringLiteral("POST /v1/segment/events"));
    QCOMPARE(model.index(0, ReceivedRequestsModel::AuthColumn).data().toString(), QStringLiteral("matches"));
    QCOMPARE(model.index(0, ReceivedRequestsModel::AnswerColumn).data().toString(), QStringLiteral("(waiting)"));
    QTRY_VERIFY(first->isFinished());
    QTRY_COMPARE(model.index(0, ReceivedRequestsModel::AnswerColumn).data().toString(), QStringLiteral("200"));

    inspector.setBehaviour({Inspector::Answer::Accept, 0, 0}); // accepts only the right credentials
    QNetworkReply *second = post(network, inspector, R"({"n":2})", QStringLiteral("wrong"));
    QTRY_COMPARE(model.rowCount(), 2);
    QCOMPARE(inserted.count(), 2);
    QCOMPARE(model.index(1, ReceivedRequestsModel::AuthColumn).data().toString(), QStringLiteral("wrong"));
    QTRY_VERIFY(second->isFinished());
    QTRY_COMPARE(model.index(1, ReceivedRequestsModel::AnswerColumn).data().toString(), QStringLiteral("401"));

    const QString detail = model.detail(1);
    QVERIFY(detail.startsWith(QStringLiteral("POST /v1/segment/events\n")));
    QVERIFY2(detail.contains(QStringLiteral("Basic [redacted]"), Qt::CaseInsensitive), qPrintable(detail));
    QVERIFY(!detail.contains(QString::fromLatin1(QByteArrayLiteral("key:wrong").toBase64())));
    QVERIFY(detail.endsWith(QStringLiteral("{\"n\":2}")));

    inspector.clearReceived();
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(model.detail(0).isEmpty());
}

QTEST_MAIN(TestReceivedRequestsModel)
#include "tst_receivedrequestsmodel.moc"
