#include "delivery/failure.h"
#include "delivery/har.h"
#include "delivery/sender.h"
#include "inspector/inspector.h"

#include "json/object.h"
#include "json/parser.h"
#include "preview/previewer.h"
#include "project/mappingconfig.h"

#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslServer>
#include <QTemporaryDir>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

using namespace inkmapper;
using delivery::Exchange;
using delivery::Failure;
using delivery::Sender;
using inspector::Inspector;
using Kind = Failure::Kind;

namespace {

const QString Username = QStringLiteral("mi_access_key");
const QString Secret = QStringLiteral("s3cr3t-Access");

/** The request the destination makes for a small Order Completed event, sent to `url`. */
destination::HttpRequest previewedRequest(const QString &url, const QString &secret = Secret)
{
    project::DestinationSettings settings;
    settings.movableInkUrl = url;
    settings.username = Username;
    project::MappingConfig mapping = project::MappingConfig::fromPreset(QStringLiteral("Orders"));
    mapping.subscribe = QStringLiteral(R"(type = "track")");
    mapping.mapping = *json::parse(QStringView(
        uR"({"headers":{"X-Source":"inkmapper","X-User":{"@path":"$.userId"}},"data":{"@path":"$."}})"));
    const json::Value event = *json::parse(QStringView(
        uR"({"type":"track","event":"Order Completed","userId":"u-42","properties":{"total":42.5,"note":"café ☕"}})"));
    const preview::PreviewResult result = preview::Previewer(settings, secret, mapping).compute(event);
    if (!result.request)
        qFatal("the preview made no request");
    return *result.request;
}

/** Sends `request` and waits for its exchange. */
Exchange sendAndWait(Sender &sender, const destination::HttpRequest &request, int waitMs = 15000)
{
    QSignalSpy finished(&sender, &Sender::finished);
    sender.send(request);
    if (!finished.wait(waitMs))
        qFatal("no exchange within %d ms", waitMs);
    return finished.at(0).at(1).value<Exchange>();
}

std::pair<QSslCertificate, QSslKey> makeCertificate(const QTemporaryDir &dir, const QString &commonName, bool expired = false);

/** Trusts `certificate` as a certificate authority while it lives (the default TLS configuration, restored after). */
class TrustedCertificate
{
public:
    explicit TrustedCertificate(const QSslCertificate &certificate)
        : m_before(QSslConfiguration::defaultConfiguration())
    {
        QSslConfiguration trusting = m_before;
        trusting.addCaCertificate(certificate);
        QSslConfiguration::setDefaultConfiguration(trusting);
    }
    ~TrustedCertificate() { QSslConfiguration::setDefaultConfiguration(m_before); }
    TrustedCertificate(const TrustedCertificate &) = delete;
    TrustedCertificate &operator=(const TrustedCertificate &) = delete;

private:
    QSslConfiguration m_before;
};

/**
 * A server that answers every request with a redirect (`status`, Location: `target`) once its header has
 * arrived: plain, or over TLS when given a certificate.
 */
class Redirector : public QObject
{
public:
    Redirector(int status, QString target, const QSslCertificate &certificate = QSslCertificate(), const QSslKey &key = QSslKey())
        : m_status(status), m_target(std::move(target))
    {
        if (!certificate.isNull()) {
            auto *tls = new QSslServer(this);
            QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
            configuration.setLocalCertificate(certificate);
            configuration.setPrivateKey(key);
            tls->setSslConfiguration(configuration);
            m_server = tls;
        } else {
            m_server = new QTcpServer(this);
        }
        m_server->listen(QHostAddress::LocalHost);
        connect(m_server, &QTcpServer::pendingConnectionAvailable, this, [this] {
            while (QTcpSocket *socket = m_server->nextPendingConnection()) {
                connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
                    QByteArray received = socket->property("received").toByteArray() + socket->readAll();
                    socket->setProperty("received", received);
                    if (!received.contains("\r\n\r\n") || socket->property("answered").toBool())
                        return;
                    socket->setProperty("answered", true);
                    // One answer a connection: the client opens another for the next request.
                    socket->write(QStringLiteral("HTTP/1.1 %1 Moved\r\nLocation: %2\r\nContent-Length: 0\r\n"
                                                 "Connection: close\r\n\r\n")
                                      .arg(m_status).arg(m_target).toLatin1());
                    socket->disconnectFromHost();
                });
            }
        });
    }
    quint16 port() const { return m_server->serverPort(); }
    void setTarget(const QString &target) { m_target = target; }

private:
    QTcpServer *m_server;
    int m_status;
    QString m_target;
};

} // namespace

Q_DECLARE_METATYPE(inkmapper::delivery::Exchange)

class TestDelivery : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void receivedBytesEqualThePreview();
    void timingPhases_data();
    void timingPhases();
    void failureClasses_data();
    void failureClasses();
    void cancelStopsTheExchange();
    void redirectsAsSegmentsClient_data();
    void redirectsAsSegmentsClient();
    void httpsToHttpRedirectLeavesTheCredentials();
    void tooManyRedirects();
    void systemProxyIsHonoured();
    void http2WhenTheServerOffersIt();
    void clearingTheInspectorWhileASlowAnswerWaits();
    void httpsWithATrustedCertificate();
    void httpsCertificateProblems_data();
    void httpsCertificateProblems();
    void redactedExchangeHoldsNoSecret();
    void harHoldsTheExchangesWithoutTheSecret();
    void plaintextWarning_data();
    void plaintextWarning();
};

void TestDelivery::initTestCase()
{
    qRegisterMetaType<Exchange>();
}

void TestDelivery::receivedBytesEqualThePreview()
{
    Inspector inspector;
    QVERIFY(inspector.start(0));
    inspector.setCredentials(Username, Secret);
    const destination::HttpRequest request = previewedRequest(inspector.endpointUrl());
    Sender sender;
    const Exchange exchange = sendAndWait(sender, request);

    QCOMPARE(exchange.status, 200);
    QCOMPARE(exchange.httpVersion, QByteArrayLiteral("HTTP/1.1"));
    QVERIFY(!Failure::of(exchange));
    QCOMPARE(inspector.received().size(), size_t(1));
    const inspector::ReceivedRequest &received = inspector.received().front();
    QCOMPARE(received.method, request.method());
    QCOMPARE(received.target.toLatin1(), request.target());
    QCOMPARE(received.body, request.body());
    QVERIFY(received.authorized);
    // Every header the destination sets arrives with the previewed value.
    for (const destination::HttpHeader &header : request.destinationHeaders())
        QCOMPARE(received.header(header.name), header.value);
    QCOMPARE(received.header("x-user"), QByteArrayLiteral("u-42"));
    QVERIFY(exchange.responseBody.contains("inspector"));
    QCOMPARE(exchange.responseHeader("content-type"), QByteArrayLiteral("application/json"));
    // A fresh connection over plain http: looked up, connected and written, then answered.
    const delivery::Timings &t = exchange.timings;
    QVERIFY(t.connecting >= 0);
    QVERIFY(t.requestSent >= t.connecting);
    QVERIFY(t.firstByte >= t.requestSent);
    QVERIFY(t.total >= t.firstByte);
    QCOMPARE(t.encrypted, -1);

    // The next request to the same server goes over the same connection: nothing to look up or connect.
    const Exchange again = sendAndWait(sender, request);
    QCOMPARE(again.status, 200);
    QCOMPARE(again.timings.connecting, -1);
    QCOMPARE(again.timings.phases().connect, -1);
    QVERIFY(again.timings.requestSent >= 0);
}

void TestDelivery::timingPhases_data()
{
    QTest::addColumn<QList<qint64>>("marks");  // connecting, encrypted, requestSent, firstByte, total
    QTest::addColumn<QList<qint64>>("phases"); // dns, connect, send, wait, receive
    QTest::newRow("http, new connection") << QList<qint64>{4, -1, 6, 20, 21} << QList<qint64>{4, 2, 0, 14, 1};
    QTest::newRow("https, new connection") << QList<qint64>{3, 40, 41, 90, 95} << QList<qint64>{3, 37, 1, 49, 5};
    QTest::newRow("reused connection") << QList<qint64>{-1, -1, 2, 12, 12} << QList<qint64>{-1, -1, 2, 10, 0};
    QTest::newRow("host not found") << QList<qint64>{-1, -1, -1, -1, 30} << QList<qint64>{-1, -1, -1, -1, -1};
    QTest::newRow("refused while connecting") << QList<qint64>{5, -1, -1, -1, 6} << QList<qint64>{5, -1, -1, -1, -1};
    QTest::newRow("TLS refused") << QList<qint64>{5, -1, -1, -1, 50} << QList<qint64>{5, -1, -1, -1, -1};
    QTest::newRow("sent, no answer") << QList<qint64>{5, -1, 7, -1, 1500} << QList<qint64>{5, 2, 0, -1, -1};
}

void TestDelivery::timingPhases()
{
    QFETCH(QList<qint64>, marks);
    QFETCH(QList<qint64>, phases);
    const delivery::Timings timings{marks[0], marks[1], marks[2], marks[3], marks[4]};
    const delivery::Timings::Phases p = timings.phases();
    QCOMPARE((QList<qint64>{p.dns, p.connect, p.send, p.wait, p.receive}), phases);
}

void TestDelivery::failureClasses_data()
{
    QTest::addColumn<QString>("answer");    // the inspector's behaviour, or a server of another kind
    QTest::addColumn<QString>("secret");    // the secret the request carries
    QTest::addColumn<QString>("path");      // the URL's path
    QTest::addColumn<int>("kind");          // -1: no failure
    QTest::addColumn<QString>("mentions");  // a text the failure's explanation or title contains

    const QString endpoint = Inspector::endpointPath();
    QTest::newRow("accepted") << "accept" << Secret << endpoint << -1 << QString();
    QTest::newRow("wrong secret: 401") << "accept" << QStringLiteral("wrong") << endpoint << int(Kind::Unauthorized) << "Access Secret";
    QTest::newRow("401 chosen") << "401" << Secret << endpoint << int(Kind::Unauthorized) << "Invalid Access Key ID";
    QTest::newRow("wrong path: 404") << "accept" << Secret << QStringLiteral("/v1/nothing") << int(Kind::NotFound) << "/v1/nothing";
    QTest::newRow("400 with a body") << "400" << Secret << endpoint << int(Kind::Refused) << "price must be a number";
    QTest::newRow("429 retry-after") << "429" << Secret << endpoint << int(Kind::RateLimited) << "Retry-After: 30";
    QTest::newRow("500") << "500" << Secret << endpoint << int(Kind::ServerError) << "Retry later";
    QTest::newRow("slow, within the time") << "slow" << Secret << endpoint << -1 << QString();
    QTest::newRow("no answer: timeout") << "no-answer" << Secret << endpoint << int(Kind::Timeout) << "did not answer";
    QTest::newRow("connection refused") << "closed-port" << Secret << endpoint << int(Kind::ConnectionRefused) << "127.0.0.1:";
    QTest::newRow("connection reset") << "reset" << Secret << endpoint << int(Kind::Network) << "failed";
    // .invalid never resolves (RFC 6761).
    QTest::newRow("host not found") << "unknown-host" << Secret << endpoint << int(Kind::HostNotFound) << "inkmapper-test.invalid";
}

void TestDelivery::failureClasses()
{
    QFETCH(QString, answer);
    QFETCH(QString, secret);
    QFETCH(QString, path);
    QFETCH(int, kind);
    QFETCH(QString, mentions);

    Inspector inspector;
    QVERIFY(inspector.start(0));
    inspector.setCredentials(Username, Secret);
    Inspector::Behaviour behaviour;
    behaviour.delayMs = 300;
    if (const auto chosen = Inspector::answerFromName(answer))
        behaviour.answer = *chosen;
    inspector.setBehaviour(behaviour);
    quint16 port = inspector.port();

    QTcpServer other; // a server that is not HTTP: closed, or resetting every connection
    if (answer == u"closed-port") {
        QVERIFY(other.listen(QHostAddress::LocalHost));
        port = other.serverPort();
        other.close();
    } else if (answer == u"reset") {
        QVERIFY(other.listen(QHostAddress::LocalHost));
        port = other.serverPort();
        connect(&other, &QTcpServer::newConnection, &other, [&other] {
            QTcpSocket *socket = other.nextPendingConnection();
            socket->abort(); // RST, not FIN: the connection is reset
        });
    }

    Sender sender;
    sender.setTimeout(1500);
    const QString host = answer == u"unknown-host" ? QStringLiteral("inkmapper-test.invalid") : QStringLiteral("127.0.0.1");
    const Exchange exchange = sendAndWait(sender, previewedRequest(QStringLiteral("http://%1:%2%3").arg(host).arg(port).arg(path), secret));
    const std::optional<Failure> failure = Failure::of(exchange);
    if (kind < 0) {
        QVERIFY2(!failure, failure ? qPrintable(failure->title + u'\n' + failure->explanation) : "");
        QCOMPARE(exchange.status, 200);
        return;
    }
    QVERIFY(failure);
    QCOMPARE(int(failure->kind), kind);
    const QString whole = failure->title + u'\n' + failure->explanation + u'\n' + failure->nextStep;
    QVERIFY2(whole.contains(mentions), qPrintable(whole));
    QVERIFY(!failure->nextStep.isEmpty());
}

void TestDelivery::redirectsAsSegmentsClient_data()
{
    // node-fetch, Segment's client: 307 and 308 repeat the request; 303, and 301/302 after a POST, turn it into
    // a GET without a body. The credentials go on to the same host only.
    QTest::addColumn<int>("status");
    QTest::addColumn<bool>("otherHost"); // redirected to "localhost" from "127.0.0.1"
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<bool>("bodyKept");
    QTest::newRow("307") << 307 << false << QByteArray("POST") << true;
    QTest::newRow("308") << 308 << false << QByteArray("POST") << true;
    QTest::newRow("301") << 301 << false << QByteArray("GET") << false;
    QTest::newRow("302") << 302 << false << QByteArray("GET") << false;
    QTest::newRow("303") << 303 << false << QByteArray("GET") << false;
    QTest::newRow("307 to another host") << 307 << true << QByteArray("POST") << true;
    QTest::newRow("302 to another host") << 302 << true << QByteArray("GET") << false;
}

void TestDelivery::redirectsAsSegmentsClient()
{
    QFETCH(int, status);
    QFETCH(bool, otherHost);
    QFETCH(QByteArray, method);
    QFETCH(bool, bodyKept);
    Inspector inspector;
    QVERIFY(inspector.start(0));
    inspector.setCredentials(Username, Secret);
    QString target = inspector.endpointUrl();
    if (otherHost)
        target.replace(QStringLiteral("127.0.0.1"), QStringLiteral("localhost"));
    Redirector redirector(status, target);
    const destination::HttpRequest request =
        previewedRequest(QStringLiteral("http://127.0.0.1:%1/v1/old").arg(redirector.port()));
    Sender sender;
    const Exchange exchange = sendAndWait(sender, request);
    QCOMPARE(inspector.received().size(), size_t(1));
    const inspector::ReceivedRequest &received = inspector.received().front();
    QCOMPARE(received.method, method);
    QCOMPARE(received.body.isEmpty(), !bodyKept);
    if (bodyKept)
        QCOMPARE(received.body, request.body());
    QCOMPARE(exchange.redirects, QStringList{target});
    QCOMPARE(received.header("x-source"), QByteArrayLiteral("inkmapper")); // the mapped headers go on
    // The Access Secret never reaches a host the user did not name.
    QCOMPARE(received.header("authorization").isEmpty(), otherHost);
    QCOMPARE(exchange.credentialsDropped, otherHost);
    QVERIFY(!Failure::redirectWarning(exchange)); // http to http: nothing new to warn about
    if (otherHost && bodyKept) {
        QCOMPARE(exchange.status, 401);
        const std::optional<Failure> failure = Failure::of(exchange);
        QVERIFY(failure);
        QVERIFY2(failure->title.contains(QStringLiteral("credentials stayed behind at a redirect")), qPrintable(failure->title));
        QVERIFY(failure->explanation.contains(target));
    } else if (bodyKept) {
        QVERIFY(received.authorized);
        QCOMPARE(exchange.status, 200);
    }
}

void TestDelivery::httpsToHttpRedirectLeavesTheCredentials()
{
    // Followed, as node-fetch does, but without the Authorization header: the secret never travels in clear.
    QTemporaryDir dir;
    const auto [certificate, key] = makeCertificate(dir, QStringLiteral("localhost"));
    QVERIFY2(!certificate.isNull() && !key.isNull(), "openssl could not make a certificate");
    Inspector inspector;
    QVERIFY(inspector.start(0));
    const QString plain = inspector.endpointUrl().replace(QStringLiteral("127.0.0.1"), QStringLiteral("localhost"));
    Redirector redirector(307, plain, certificate, key);
    const TrustedCertificate trust(certificate);
    Sender sender;
    const destination::HttpRequest request =
        previewedRequest(QStringLiteral("https://localhost:%1/v1/old").arg(redirector.port()));
    const Exchange exchange = sendAndWait(sender, request);
    QCOMPARE(inspector.received().size(), size_t(1));
    QVERIFY(inspector.received().front().header("authorization").isEmpty());
    QCOMPARE(inspector.received().front().body, request.body());
    QVERIFY(exchange.credentialsDropped);
    QCOMPARE(exchange.redirects, QStringList{plain});
    // Said: the data went on unencrypted.
    const std::optional<QString> warning = Failure::redirectWarning(exchange);
    QVERIFY(warning);
    QVERIFY2(warning->contains(QStringLiteral("unencrypted")) && warning->contains(plain), qPrintable(*warning));
}

void TestDelivery::tooManyRedirects()
{
    // A server that sends every request back to itself.
    Redirector loop(302, QString());
    loop.setTarget(QStringLiteral("http://127.0.0.1:%1/again").arg(loop.port()));
    Sender sender;
    const Exchange exchange = sendAndWait(sender, previewedRequest(QStringLiteral("http://127.0.0.1:%1/start").arg(loop.port())));
    QCOMPARE(exchange.networkError, QNetworkReply::TooManyRedirectsError);
    QCOMPARE(exchange.redirects.size(), 20);
    QCOMPARE(exchange.status, 0);
    const std::optional<Failure> failure = Failure::of(exchange);
    QVERIFY(failure);
    QCOMPARE(failure->title, QStringLiteral("Too many redirects"));
    QVERIFY(failure->explanation.contains(QStringLiteral("20 redirects")));
}

void TestDelivery::systemProxyIsHonoured()
{
    // A proxy named the way the system names it on Linux ($http_proxy): the request goes to it, in the
    // absolute form a proxy takes, for a host only the proxy knows.
    QTcpServer proxy;
    QVERIFY(proxy.listen(QHostAddress::LocalHost));
    QByteArray received;
    connect(&proxy, &QTcpServer::pendingConnectionAvailable, &proxy, [&] {
        QTcpSocket *socket = proxy.nextPendingConnection();
        connect(socket, &QTcpSocket::readyRead, socket, [&received, socket] {
            received += socket->readAll();
            if (received.contains("\r\n\r\n") && received.endsWith("}"))
                socket->write("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 9\r\n\r\nvia proxy");
        });
    });
    qputenv("http_proxy", QStringLiteral("http://127.0.0.1:%1").arg(proxy.serverPort()).toLatin1());
    Sender sender;
    const Exchange exchange = sendAndWait(sender, previewedRequest(QStringLiteral("http://collector.inkmapper-test.invalid/v1/segment/events")));
    qunsetenv("http_proxy");
    QVERIFY2(received.startsWith("POST http://collector.inkmapper-test.invalid:80/v1/segment/events HTTP/1.1\r\n"),
             received.left(200).constData());
    QCOMPARE(exchange.status, 200);
    QCOMPARE(exchange.responseBody, QByteArrayLiteral("via proxy"));
}

void TestDelivery::http2WhenTheServerOffersIt()
{
    // Node's HTTP/2 server, offering only h2 over TLS: the sender takes it, and says so.
    QTemporaryDir dir;
    const auto [certificate, key] = makeCertificate(dir, QStringLiteral("localhost"));
    QVERIFY2(!certificate.isNull() && !key.isNull(), "openssl could not make a certificate");
    QProcess server;
    server.start(QStringLiteral("node"), {QFINDTESTDATA("../../support/h2server.js"), dir.filePath(QStringLiteral("localhost.crt")),
                                          dir.filePath(QStringLiteral("localhost.key"))});
    QVERIFY2(server.waitForStarted(), "node is missing (scripts/install-deps --tests installs it)");
    QTRY_VERIFY_WITH_TIMEOUT(server.canReadLine(), 15000);
    const int port = server.readLine().trimmed().toInt();
    QVERIFY(port > 0);
    const TrustedCertificate trust(certificate);
    Sender sender;
    const destination::HttpRequest request = previewedRequest(QStringLiteral("https://localhost:%1/v1/segment/events").arg(port));
    const Exchange exchange = sendAndWait(sender, request);
    server.kill();
    server.waitForFinished();
    QVERIFY2(exchange.status == 200, qPrintable(exchange.networkErrorText));
    QCOMPARE(exchange.httpVersion, QByteArrayLiteral("HTTP/2"));
    const json::Value echo = *json::parse(QByteArrayView(exchange.responseBody));
    QCOMPARE(echo.toObject().value(u"method").toString(), QStringLiteral("POST"));
    QCOMPARE(echo.toObject().value(u"body").toString().toUtf8(), request.body());
    QCOMPARE(echo.toObject().value(u"authorization").toString().toLatin1(), request.header("authorization"));
}

void TestDelivery::cancelStopsTheExchange()
{
    Inspector inspector;
    QVERIFY(inspector.start(0));
    inspector.setBehaviour({Inspector::Answer::NoAnswer, 0, 0});
    Sender sender;
    QSignalSpy finished(&sender, &Sender::finished);
    QSignalSpy arrived(&inspector, &Inspector::requestReceived);
    const quint64 id = sender.send(previewedRequest(inspector.endpointUrl()));
    QVERIFY(arrived.wait(5000));
    QCOMPARE(sender.pending(), 1);
    sender.cancel(id);
    QTRY_COMPARE(finished.count(), 1);
    const Exchange exchange = finished.at(0).at(1).value<Exchange>();
    QCOMPARE(finished.at(0).at(0).toULongLong(), id);
    QVERIFY(exchange.cancelled);
    QCOMPARE(Failure::of(exchange)->kind, Kind::Cancelled);
    QCOMPARE(sender.pending(), 0);
}

namespace {

bool runOpenssl(const QTemporaryDir &dir, const QStringList &arguments)
{
    QProcess openssl;
    openssl.setWorkingDirectory(dir.path());
    openssl.start(QStringLiteral("openssl"), arguments);
    return openssl.waitForFinished(60000) && openssl.exitStatus() == QProcess::NormalExit && openssl.exitCode() == 0;
}

/**
 * A certificate and key made with openssl for `commonName`, self-signed, or empty on failure: valid one day
 * from now, or with `expired`, a day in 2020 (`openssl req` only makes certificates valid from now on, so an
 * expired one is signed by `openssl ca`, which takes explicit dates).
 */
std::pair<QSslCertificate, QSslKey> makeCertificate(const QTemporaryDir &dir, const QString &commonName, bool expired)
{
    const QString cert = dir.filePath(commonName + QStringLiteral(".crt"));
    const QString key = dir.filePath(commonName + QStringLiteral(".key"));
    const QStringList subject = {QStringLiteral("-subj"), QStringLiteral("/CN=") + commonName, QStringLiteral("-addext"),
                                 QStringLiteral("subjectAltName=DNS:%1").arg(commonName)};
    const QStringList newKey = {QStringLiteral("-newkey"), QStringLiteral("rsa:2048"), QStringLiteral("-nodes"),
                                QStringLiteral("-keyout"), key};
    bool made = false;
    if (!expired) {
        made = runOpenssl(dir, QStringList{QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-days"),
                                           QStringLiteral("1"), QStringLiteral("-out"), cert}
                                   + newKey + subject);
    } else {
        QFile config(dir.filePath(QStringLiteral("ca.cnf")));
        QFile(dir.filePath(QStringLiteral("index.txt"))).open(QIODevice::WriteOnly);
        QFile serial(dir.filePath(QStringLiteral("serial")));
        made = config.open(QIODevice::WriteOnly)
            && config.write("[ca]\ndefault_ca = expired\n[expired]\ndatabase = index.txt\nnew_certs_dir = .\n"
                            "serial = serial\ndefault_md = sha256\npolicy = any\ncopy_extensions = copy\n"
                            "[any]\ncommonName = supplied\n") > 0
            && serial.open(QIODevice::WriteOnly) && serial.write("01\n") > 0;
        config.close();
        serial.close();
        const QString request = dir.filePath(QStringLiteral("request.csr"));
        made = made
            && runOpenssl(dir, QStringList{QStringLiteral("req"), QStringLiteral("-new"), QStringLiteral("-out"), request}
                                   + newKey + subject)
            && runOpenssl(dir, {QStringLiteral("ca"), QStringLiteral("-batch"), QStringLiteral("-config"), config.fileName(),
                                QStringLiteral("-selfsign"), QStringLiteral("-keyfile"), key, QStringLiteral("-in"), request,
                                QStringLiteral("-out"), cert, QStringLiteral("-startdate"), QStringLiteral("20200101000000Z"),
                                QStringLiteral("-enddate"), QStringLiteral("20200102000000Z")});
    }
    if (!made)
        return {QSslCertificate(), QSslKey()};
    QFile certFile(cert), keyFile(key);
    if (!certFile.open(QIODevice::ReadOnly) || !keyFile.open(QIODevice::ReadOnly))
        return {QSslCertificate(), QSslKey()};
    return {QSslCertificate(&certFile, QSsl::Pem), QSslKey(&keyFile, QSsl::Rsa, QSsl::Pem)};
}

} // namespace

void TestDelivery::httpsWithATrustedCertificate()
{
    QTemporaryDir dir;
    const auto [certificate, key] = makeCertificate(dir, QStringLiteral("localhost"));
    QVERIFY2(!certificate.isNull() && !key.isNull(), "openssl could not make a certificate");
    Inspector inspector;
    inspector.setTls(certificate, key);
    QVERIFY(inspector.start(0));
    // Trusted as a certificate authority for this test only.
    const TrustedCertificate trust(certificate);

    Sender sender;
    const destination::HttpRequest request =
        previewedRequest(inspector.endpointUrl());
    const Exchange exchange = sendAndWait(sender, request);
    const std::optional<Failure> failure = Failure::of(exchange);
    QVERIFY2(!failure, failure ? qPrintable(failure->explanation) : "");
    QCOMPARE(exchange.status, 200);
    QVERIFY(exchange.timings.encrypted >= exchange.timings.connecting);
    QVERIFY(exchange.timings.connecting >= 0);
    QVERIFY(exchange.timings.requestSent >= exchange.timings.encrypted);
    QCOMPARE(exchange.peerCertificate, certificate);
    QCOMPARE(inspector.received().front().body, request.body());
}

void TestDelivery::httpsCertificateProblems_data()
{
    QTest::addColumn<QString>("certifiedName");
    QTest::addColumn<bool>("trusted"); // trusted as a certificate authority for the test
    QTest::addColumn<bool>("expired");
    QTest::addColumn<QString>("mentions");
    // Not trusted by anyone: the usual mistake of a test server or an interception proxy.
    QTest::newRow("self-signed") << QStringLiteral("localhost") << false << false << QStringLiteral("self-signed");
    // Trusted, but for another host than the URL names.
    QTest::newRow("wrong host") << QStringLiteral("other.example") << true << false << QStringLiteral("host name");
    // Trusted and for this host, but out of date.
    QTest::newRow("expired") << QStringLiteral("localhost") << true << true << QStringLiteral("expired");
}

void TestDelivery::httpsCertificateProblems()
{
    QFETCH(QString, certifiedName);
    QFETCH(bool, trusted);
    QFETCH(bool, expired);
    QFETCH(QString, mentions);
    QTemporaryDir dir;
    const auto [certificate, key] = makeCertificate(dir, certifiedName, expired);
    QVERIFY2(!certificate.isNull() && !key.isNull(), "openssl could not make a certificate");
    Inspector inspector;
    inspector.setTls(certificate, key);
    QVERIFY(inspector.start(0));
    std::optional<TrustedCertificate> trust;
    if (trusted)
        trust.emplace(certificate);
    Sender sender;
    const Exchange exchange = sendAndWait(
        sender, previewedRequest(inspector.endpointUrl()));
    const std::optional<Failure> failure = Failure::of(exchange);
    QVERIFY(failure);
    QCOMPARE(failure->kind, Kind::Tls);
    QVERIFY2(failure->explanation.contains(mentions, Qt::CaseInsensitive), qPrintable(failure->explanation));
    // The certificate is shown so the person can judge it: subject, issuer, dates.
    QVERIFY2(failure->explanation.contains(QStringLiteral("subject ") + certifiedName), qPrintable(failure->explanation));
    QVERIFY(failure->explanation.contains(QStringLiteral("valid from ")));
    if (expired)
        QVERIFY2(failure->explanation.contains(QStringLiteral("to 2020-01-02")), qPrintable(failure->explanation));
    QVERIFY(inspector.received().empty()); // nothing was sent
}

void TestDelivery::clearingTheInspectorWhileASlowAnswerWaits()
{
    Inspector inspector;
    QVERIFY(inspector.start(0));
    inspector.setBehaviour({Inspector::Answer::Slow, 200, 0});
    connect(&inspector, &Inspector::requestReceived, &inspector, [&inspector] { inspector.clearReceived(); });
    QSignalSpy answered(&inspector, &Inspector::answered);
    Sender sender;
    const Exchange exchange = sendAndWait(sender, previewedRequest(inspector.endpointUrl()));
    QCOMPARE(exchange.status, 200); // answered all the same
    QVERIFY(inspector.received().empty());
    QCOMPARE(answered.count(), 0); // nothing listed to mark as answered
}

void TestDelivery::redactedExchangeHoldsNoSecret()
{
    Inspector inspector;
    QVERIFY(inspector.start(0));
    Sender sender;
    const Exchange exchange = sendAndWait(sender, previewedRequest(inspector.endpointUrl()));
    const QByteArray encoded = (Username + u':' + Secret).toUtf8().toBase64();
    QVERIFY(exchange.request.header("authorization").contains(encoded)); // sent for real
    const Exchange safe = exchange.redacted();
    for (const destination::HttpHeader &header : safe.request.headers()) {
        QVERIFY(!header.value.contains(encoded));
        QVERIFY(!header.value.contains(Secret.toUtf8()));
    }
    QCOMPARE(safe.request.body(), exchange.request.body());
}

void TestDelivery::harHoldsTheExchangesWithoutTheSecret()
{
    Inspector inspector;
    QVERIFY(inspector.start(0));
    Sender sender;
    const destination::HttpRequest request = previewedRequest(inspector.endpointUrl() + QStringLiteral("?source=test"));
    const Exchange accepted = sendAndWait(sender, request);
    inspector.setBehaviour({Inspector::Answer::TooManyRequests, 0, 12});
    const Exchange limited = sendAndWait(sender, request);

    const QByteArray har = delivery::Har::write({accepted.redacted(), limited.redacted()}, QStringLiteral("9.9"));
    const Result<json::Value> document = json::parse(QByteArrayView(har));
    QVERIFY(document);
    const json::Object &log = document->toObject().find(u"log")->toObject();
    QCOMPARE(log.find(u"version")->toString(), QStringLiteral("1.2"));
    QCOMPARE(log.find(u"creator")->toObject().find(u"version")->toString(), QStringLiteral("9.9"));
    const json::Array &entries = log.find(u"entries")->toArray();
    QCOMPARE(entries.size(), size_t(2));
    const json::Object &first = entries[0].toObject();
    const json::Object &sent = first.find(u"request")->toObject();
    QCOMPARE(sent.find(u"method")->toString(), QStringLiteral("POST"));
    QCOMPARE(sent.find(u"url")->toString(), request.url());
    QCOMPARE(sent.find(u"postData")->toObject().find(u"text")->toString().toUtf8(), request.body());
    QCOMPARE(sent.find(u"postData")->toObject().find(u"mimeType")->toString(), QStringLiteral("application/json"));
    QCOMPARE(sent.find(u"queryString")->toArray().size(), size_t(1));
    QCOMPARE(first.find(u"response")->toObject().find(u"status")->toNumber(), 200.0);
    QVERIFY(first.find(u"response")->toObject().find(u"content")->toObject().find(u"text")->toString().contains(QStringLiteral("inspector")));
    QCOMPARE(first.find(u"startedDateTime")->toString(), accepted.startedAt.toString(Qt::ISODateWithMs));
    const json::Object &second = entries[1].toObject().find(u"response")->toObject();
    QCOMPARE(second.find(u"status")->toNumber(), 429.0);
    bool retryAfter = false;
    for (const json::Value &h : second.find(u"headers")->toArray())
        retryAfter = retryAfter || (h.toObject().find(u"name")->toString().compare(QStringLiteral("retry-after"), Qt::CaseInsensitive) == 0
                                    && h.toObject().find(u"value")->toString() == u"12");
    QVERIFY(retryAfter);
    QVERIFY(!har.contains((Username + u':' + Secret).toUtf8().toBase64()));
    QVERIFY(!har.contains(Secret.toUtf8()));
}

void TestDelivery::plaintextWarning_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("warns");
    QTest::newRow("https") << "https://collector.movableink.com/v1/segment/events" << false;
    QTest::newRow("http loopback") << "http://127.0.0.1:8787/v1/segment/events" << false;
    QTest::newRow("http localhost") << "http://localhost:8787/" << false;
    QTest::newRow("http ipv6 loopback") << "http://[::1]:8787/" << false;
    QTest::newRow("http remote") << "http://collector.movableink.com/v1/segment/events" << true;
    QTest::newRow("http private address") << "http://192.168.1.20/" << true;
}

void TestDelivery::plaintextWarning()
{
    QFETCH(QString, url);
    QFETCH(bool, warns);
    const std::optional<QString> warning = Failure::plaintextWarning(QUrl(url));
    QCOMPARE(warning.has_value(), warns);
    if (warning)
        QVERIFY(warning->contains(QStringLiteral("unencrypted")));
}

QTEST_MAIN(TestDelivery)
#include "tst_delivery.moc"
