#include "document/projectdocument.h"
#include "document/secretkeeper.h"

#include "project/secretstore.h"

#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace inkmapper;
using project::SecretStore;
using ui::ProjectDocument;
using ui::SecretKeeper;
using State = SecretKeeper::State;

/**
 * The Access Secret remembered in the real keychain this test runs with (tests/support/with-keyring.sh), as
 * the window uses it: typed once, filled in the next time the project (or its Username) comes back.
 */
class TestSecretKeeper : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void typedSecretIsStoredAndFilledInNextTime();
    void aSecretTypedMeanwhileWins();
    void usernameTypedBesideTheSecretTakesIt();
    void aUsernameBeingTypedIsLookedUpOnceSettled();
    void turningRememberingOffForgets();
    void theDemoSecretIsNeverStored();
    void aSecretTypedJustBeforeOpeningAnotherProjectIsKept();

private:
    QString saveProject(const QString &username);
    QTemporaryDir m_dir;
    int m_projects = 0;
};

void TestSecretKeeper::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("InkMapperTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_secretkeeper"));
}

void TestSecretKeeper::init()
{
    QSettings().clear(); // remembering is on by default
    for (const QString &username : {QStringLiteral("mi_key"), QStringLiteral("mi_other"), QStringLiteral("demo")})
        QVERIFY(SecretStore::removeNow(username));
}

QString TestSecretKeeper::saveProject(const QString &username)
{
    ProjectDocument document;
    document.newProject();
    document.setUsername(username);
    const QString path = m_dir.filePath(QStringLiteral("p%1.inkmapper.json").arg(++m_projects));
    if (!document.save(path))
        qFatal("cannot save");
    return path;
}

void TestSecretKeeper::typedSecretIsStoredAndFilledInNextTime()
{
    const QString path = saveProject(QStringLiteral("mi_key"));
    {
        ProjectDocument document;
        SecretKeeper keeper(&document);
        QVERIFY(document.load(path));
        QTRY_COMPARE(keeper.state(), State::NotStored); // looked for, none yet
        document.setSecret(QStringLiteral("s3cr3t"));
        QTRY_COMPARE_WITH_TIMEOUT(keeper.state(), State::Stored, 5000);
        QVERIFY(keeper.message().contains(QStringLiteral("mi_key")));
    }
    QCOMPARE(SecretStore::readNow(QStringLiteral("mi_key"))->value_or(QString()), QStringLiteral("s3cr3t"));

    ProjectDocument document;
    SecretKeeper keeper(&document);
    QVERIFY(document.load(path));
    QTRY_COMPARE_WITH_TIMEOUT(document.secret(), QStringLiteral("s3cr3t"), 5000);
    QCOMPARE(keeper.state(), State::Filled);
    QVERIFY(!document.isModified()); // filling in the secret is not an edit of the project
}

void TestSecretKeeper::aSecretTypedMeanwhileWins()
{
    QVERIFY(SecretStore::writeNow(QStringLiteral("mi_key"), QStringLiteral("stored")));
    const QString path = saveProject(QStringLiteral("mi_key"));
    ProjectDocument document;
    SecretKeeper keeper(&document);
    QVERIFY(document.load(path));
    document.setSecret(QStringLiteral("typed")); // before the keychain answers
    QTest::qWait(1500);
    QCOMPARE(document.secret(), QStringLiteral("typed"));
    QCOMPARE(SecretStore::readNow(QStringLiteral("mi_key"))->value_or(QString()), QStringLiteral("typed"));
}

void TestSecretKeeper::usernameTypedBesideTheSecretTakesIt()
{
    ProjectDocument document;
    SecretKeeper keeper(&document);
    document.newProject();
    document.setSecret(QStringLiteral("first")); // no Username yet: nothing to file it under
    document.setUsername(QStringLiteral("mi_other"));
    QTRY_COMPARE_WITH_TIMEOUT(keeper.state(), State::Stored, 5000);
    QCOMPARE(SecretStore::readNow(QStringLiteral("mi_other"))->value_or(QString()), QStringLiteral("first"));
}

void TestSecretKeeper::aUsernameBeingTypedIsLookedUpOnceSettled()
{
    QVERIFY(SecretStore::writeNow(QStringLiteral("mi_key"), QStringLiteral("found")));
    ProjectDocument document;
    SecretKeeper keeper(&document);
    document.newProject();
    int lookups = 0;
    connect(&keeper, &SecretKeeper::stateChanged, this, [&] {
        if (keeper.state() == State::Reading)
            ++lookups;
    });
    for (const QString &typed : {QStringLiteral("m"), QStringLiteral("mi"), QStringLiteral("mi_"), QStringLiteral("mi_k"),
                                 QStringLiteral("mi_ke"), QStringLiteral("mi_key")})
        document.setUsername(typed);
    QTRY_COMPARE_WITH_TIMEOUT(document.secret(), QStringLiteral("found"), 5000);
    QCOMPARE(lookups, 1);
}

void TestSecretKeeper::turningRememberingOffForgets()
{
    const QString path = saveProject(QStringLiteral("mi_key"));
    ProjectDocument document;
    SecretKeeper keeper(&document);
    QVERIFY(document.load(path));
    document.setSecret(QStringLiteral("to forget"));
    QTRY_COMPARE_WITH_TIMEOUT(keeper.state(), State::Stored, 5000);
    keeper.setRemembering(false);
    QTRY_VERIFY(keeper.message().contains(QStringLiteral("removed")));
    QVERIFY(!SecretStore::readNow(QStringLiteral("mi_key"))->has_value());
    document.setSecret(QStringLiteral("not kept"));
    QTest::qWait(1200);
    QVERIFY(!SecretStore::readNow(QStringLiteral("mi_key"))->has_value());
    QCOMPARE(keeper.state(), State::Off);

    // The choice is the user's and lasts; turning it on again stores the secret at hand.
    SecretKeeper later(&document);
    QVERIFY(!later.isRemembering());
    later.setRemembering(true);
    QTRY_COMPARE_WITH_TIMEOUT(SecretStore::readNow(QStringLiteral("mi_key"))->value_or(QString()), QStringLiteral("not kept"), 5000);
}

void TestSecretKeeper::theDemoSecretIsNeverStored()
{
    ProjectDocument document;
    SecretKeeper keeper(&document);
    QVERIFY(document.openDemo());
    QCOMPARE(document.secret(), ProjectDocument::demoSecret());
    QTest::qWait(1200);
    QVERIFY(!SecretStore::readNow(document.project().settings().username)->has_value());
}

void TestSecretKeeper::aSecretTypedJustBeforeOpeningAnotherProjectIsKept()
{
    const QString first = saveProject(QStringLiteral("mi_key"));
    const QString second = saveProject(QStringLiteral("mi_other"));
    ProjectDocument document;
    SecretKeeper keeper(&document);
    QVERIFY(document.load(first));
    document.setSecret(QStringLiteral("quick"));
    QVERIFY(document.load(second)); // within the typing pause
    QTRY_COMPARE_WITH_TIMEOUT(SecretStore::readNow(QStringLiteral("mi_key"))->value_or(QString()), QStringLiteral("quick"), 5000);
    QVERIFY(document.secret().isEmpty()); // not carried over to the other project
}

QTEST_MAIN(TestSecretKeeper)
#include "tst_secretkeeper.moc"
