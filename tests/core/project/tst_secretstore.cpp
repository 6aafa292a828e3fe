#include "project/secretstore.h"

#include <QProcess>
#include <QTest>

using namespace inkmapper;
using project::SecretStore;

/**
 * The secret store against the real keychain the test runs with (tests/support/with-keyring.sh): what is
 * written is read back by us and by another program of the system (secret-tool, when installed), and is gone
 * once removed.
 */
class TestSecretStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void writeReadRemove_data();
    void writeReadRemove();
    void unknownAccessKeyIdHasNoSecret();
    void entriesAreKeptApartByAccessKeyId();
    void asynchronousReadAnswersOnItsContext();
    void noKeychainIsAClearError();
};

void TestSecretStore::writeReadRemove_data()
{
    QTest::addColumn<QString>("accessKeyId");
    QTest::addColumn<QString>("secret");
    QTest::newRow("plain") << QStringLiteral("mi_key_plain") << QStringLiteral("s3cr3t-Access");
    QTest::newRow("non-ASCII and spaces") << QStringLiteral("mi key é") << QStringLiteral("pässwörd ☕ with spaces");
    QTest::newRow("long") << QStringLiteral("mi_key_long") << QString(4096, u'x');
}

void TestSecretStore::writeReadRemove()
{
    QFETCH(QString, accessKeyId);
    QFETCH(QString, secret);
    const Result<Ok> written = SecretStore::writeNow(accessKeyId, secret);
    QVERIFY2(written, written ? "" : qPrintable(written.error().message));
    const Result<std::optional<QString>> read = SecretStore::readNow(accessKeyId);
    QVERIFY2(read, read ? "" : qPrintable(read.error().message));
    QCOMPARE(read->value_or(QString()), secret);

    QVERIFY(SecretStore::writeNow(accessKeyId, secret + QStringLiteral("-changed")));
    QCOMPARE(SecretStore::readNow(accessKeyId)->value_or(QString()), secret + QStringLiteral("-changed"));

    QVERIFY(SecretStore::removeNow(accessKeyId));
    const Result<std::optional<QString>> gone = SecretStore::readNow(accessKeyId);
    QVERIFY(gone);
    QVERIFY(!gone->has_value());
    QVERIFY(SecretStore::removeNow(accessKeyId)); // forgetting what is not stored is no error
}

void TestSecretStore::unknownAccessKeyIdHasNoSecret()
{
    const Result<std::optional<QString>> read = SecretStore::readNow(QStringLiteral("never-stored"));
    QVERIFY2(read, read ? "" : qPrintable(read.error().message));
    QVERIFY(!read->has_value());
}

void TestSecretStore::entriesAreKeptApartByAccessKeyId()
{
    QVERIFY(SecretStore::writeNow(QStringLiteral("key-a"), QStringLiteral("secret-a")));
    QVERIFY(SecretStore::writeNow(QStringLiteral("key-b"), QStringLiteral("secret-b")));
    QCOMPARE(SecretStore::readNow(QStringLiteral("key-a"))->value_or(QString()), QStringLiteral("secret-a"));
    QCOMPARE(SecretStore::readNow(QStringLiteral("key-b"))->value_or(QString()), QStringLiteral("secret-b"));
    QVERIFY(SecretStore::removeNow(QStringLiteral("key-a")));
    QVERIFY(!SecretStore::readNow(QStringLiteral("key-a"))->has_value());
    QCOMPARE(SecretStore::readNow(QStringLiteral("key-b"))->value_or(QString()), QStringLiteral("secret-b"));
    QVERIFY(SecretStore::removeNow(QStringLiteral("key-b")));
}

void TestSecretStore::asynchronousReadAnswersOnItsContext()
{
    QVERIFY(SecretStore::writeNow(QStringLiteral("key-async"), QStringLiteral("later")));
    QObject context;
    std::optional<QString> answer;
    bool answered = false;
    SecretStore::read(QStringLiteral("key-async"), &context, [&](Result<std::optional<QString>> result) {
        answered = true;
        if (result)
            answer = *result;
    });
    QVERIFY(!answered); // the keychain answers later, from the event loop
    QTRY_VERIFY(answered);
    QCOMPARE(answer.value_or(QString()), QStringLiteral("later"));

    // A context gone before the answer: no call back.
    bool calledAfterDeath = false;
    {
        QObject shortLived;
        SecretStore::read(QStringLiteral("key-async"), &shortLived, [&](auto) { calledAfterDeath = true; });
    }
    QTest::qWait(300);
    QVERIFY(!calledAfterDeath);
    QVERIFY(SecretStore::removeNow(QStringLiteral("key-async")));
}

void TestSecretStore::noKeychainIsAClearError()
{
    // This program again, as a child whose session bus leads nowhere: no Secret Service to reach.
    QProcess child;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), QStringLiteral("unix:path=/nonexistent/inkmapper-bus"));
    environment.insert(QStringLiteral("INKMAPPER_SECRETSTORE_PROBE"), QStringLiteral("1"));
    child.setProcessEnvironment(environment);
    child.start(QCoreApplication::applicationFilePath(), {});
    QVERIFY(child.waitForFinished(90'000));
    const QString output = QString::fromUtf8(child.readAllStandardOutput());
    QVERIFY2(output.contains(QStringLiteral("PROBE: The system keychain could not be read")), qPrintable(output));
    QVERIFY2(output.contains(QStringLiteral("Secret Service")), qPrintable(output)); // where to look
}

/** In the child process of noKeychainIsAClearError(): one read, its error printed. */
static int probeWithoutKeychain()
{
    const Result<std::optional<QString>> read = SecretStore::readNow(QStringLiteral("any"), 30'000);
    std::printf("PROBE: %s\n", read ? "read without a keychain?" : qPrintable(read.error().message));
    return 0;
}

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (qEnvironmentVariableIsSet("INKMAPPER_SECRETSTORE_PROBE"))
        return probeWithoutKeychain();
    TestSecretStore test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_secretstore.moc"
