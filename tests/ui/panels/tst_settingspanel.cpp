#include "document/projectdocument.h"
#include "panels/settingspanel.h"

#include <QLabel>
#include <QLineEdit>
#include <QTest>
#include <QToolButton>
#include <QUndoStack>

using namespace inkmapper;
using ui::ProjectDocument;
using ui::SettingsPanel;
using Field = SettingsPanel::Field;
using Severity = SettingsPanel::Severity;

Q_DECLARE_METATYPE(SettingsPanel::Severity)

class TestSettingsPanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void labelsAreSegments();
    void urlIsValidatedAsYouType_data();
    void urlIsValidatedAsYouType();
    void requiredFields();
    void typingIsOneUndoStep();
    void secretIsMaskedWithRevealToggle();
};

void TestSettingsPanel::labelsAreSegments()
{
    ProjectDocument doc;
    SettingsPanel panel(&doc);
    const QList<QLabel *> labels = panel.findChildren<QLabel *>();
    QStringList texts;
    for (const QLabel *label : labels)
        texts.append(label->text());
    QVERIFY(texts.contains(QStringLiteral("Movable Ink URL *")));
    QVERIFY(texts.contains(QStringLiteral("Username *")));
    QVERIFY(texts.contains(QStringLiteral("Access Secret *")));
    QCOMPARE(panel.lineEdit(Field::Username)->placeholderText(), QStringLiteral("Paste your Movable Ink Access Key ID."));
    QCOMPARE(panel.lineEdit(Field::Url)->toolTip(), QStringLiteral("The Movable Ink URL to send data to."));
}

void TestSettingsPanel::urlIsValidatedAsYouType_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<Severity>("severity");
    QTest::addColumn<QString>("message");
    QTest::newRow("https") << QStringLiteral("https://collector.movableink.com/events") << Severity::None
                           << QStringLiteral("The Movable Ink URL to send data to.");
    QTest::newRow("loopback http") << QStringLiteral("http://127.0.0.1:8787/v1") << Severity::None
                                   << QStringLiteral("The Movable Ink URL to send data to.");
    QTest::newRow("localhost http") << QStringLiteral("http://localhost:8787/") << Severity::None
                                    << QStringLiteral("The Movable Ink URL to send data to.");
    QTest::newRow("insecure http") << QStringLiteral("http://example.com/in") << Severity::Warning
                                   << QStringLiteral("http:// sends the Access Secret unencrypted");
    QTest::newRow("other scheme") << QStringLiteral("ftp://example.com") << Severity::Error
                                  << QStringLiteral("The URL must start with https://");
    QTest::newRow("no host") << QStringLiteral("https://") << Severity::Error << QStringLiteral("The URL has no host name");
    QTest::newRow("no scheme") << QStringLiteral("example.com/x") << Severity::Error
                               << QStringLiteral("Start the URL with https://");
    QTest::newRow("spaces") << QStringLiteral("https://exa mple.com") << Severity::Error
                            << QStringLiteral("A URL cannot contain spaces (one is at character 12)");
    QTest::newRow("space in the path") << QStringLiteral("https://example.com/v1 events") << Severity::Error
                                       << QStringLiteral("A URL cannot contain spaces (one is at character 23)");
    // QUrl's message without the source it quotes: short enough for the line under the field.
    QTest::newRow("character not allowed") << QStringLiteral("https://example.com/a^b") << Severity::Error
                                           << QStringLiteral("Not a valid URL: Invalid path (character '^' not permitted).");
}

void TestSettingsPanel::urlIsValidatedAsYouType()
{
    QFETCH(QString, typed);
    QFETCH(Severity, severity);
    QFETCH(QString, message);
    ProjectDocument doc;
    SettingsPanel panel(&doc);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    QCOMPARE(panel.severity(Field::Url), Severity::Error); // a new project has no URL yet
    QCOMPARE(panel.message(Field::Url), QStringLiteral("Movable Ink URL is required."));

    QTest::keyClicks(panel.lineEdit(Field::Url), typed);
    QCOMPARE(doc.project().settings().movableInkUrl, typed);
    QCOMPARE(panel.severity(Field::Url), severity);
    QVERIFY2(panel.message(Field::Url).startsWith(message), qPrintable(panel.message(Field::Url)));
}

void TestSettingsPanel::requiredFields()
{
    ProjectDocument doc;
    SettingsPanel panel(&doc);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    QCOMPARE(panel.message(Field::Username), QStringLiteral("Username is required."));
    QTest::keyClicks(panel.lineEdit(Field::Username), QStringLiteral("AKID"));
    QCOMPARE(panel.severity(Field::Username), Severity::None);
    QCOMPARE(panel.message(Field::Username), QStringLiteral("Your Movable Ink username"));
    QTest::keyClick(panel.lineEdit(Field::Username), Qt::Key_A, Qt::ControlModifier);
    QTest::keyClick(panel.lineEdit(Field::Username), Qt::Key_Backspace);
    QCOMPARE(panel.severity(Field::Username), Severity::Error);
}

void TestSettingsPanel::typingIsOneUndoStep()
{
    ProjectDocument doc;
    SettingsPanel panel(&doc);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    QTest::keyClicks(panel.lineEdit(Field::Url), QStringLiteral("https://a.test"));
    QTest::keyClicks(panel.lineEdit(Field::Username), QStringLiteral("key"));
    QCOMPARE(doc.undoStack()->count(), 2);
    doc.undoStack()->undo();
    QCOMPARE(panel.lineEdit(Field::Username)->text(), QString());
    QCOMPARE(panel.lineEdit(Field::Url)->text(), QStringLiteral("https://a.test"));
    doc.undoStack()->undo();
    QCOMPARE(panel.lineEdit(Field::Url)->text(), QString());
    QCOMPARE(panel.severity(Field::Url), Severity::Error);
    doc.undoStack()->redo();
    QCOMPARE(panel.lineEdit(Field::Url)->text(), QStringLiteral("https://a.test"));
    QCOMPARE(panel.severity(Field::Url), Severity::None);
}

void TestSettingsPanel::secretIsMaskedWithRevealToggle()
{
    ProjectDocument doc;
    SettingsPanel panel(&doc);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    QLineEdit *secret = panel.lineEdit(Field::Secret);
    QCOMPARE(secret->echoMode(), QLineEdit::Password);
    QTest::keyClicks(secret, QStringLiteral("hunter2"));
    QCOMPARE(doc.secret(), QStringLiteral("hunter2"));
    QVERIFY(!doc.isModified()); // the secret is the session's, not the project's
    QCOMPARE(panel.severity(Field::Secret), Severity::None);
    QVERIFY(secret->displayText() != QStringLiteral("hunter2"));

    QTest::mouseClick(panel.revealButton(), Qt::LeftButton);
    QCOMPARE(secret->echoMode(), QLineEdit::Normal);
    QCOMPARE(secret->displayText(), QStringLiteral("hunter2"));
    QCOMPARE(panel.revealButton()->text(), QStringLiteral("Hide"));
    QTest::mouseClick(panel.revealButton(), Qt::LeftButton);
    QCOMPARE(secret->echoMode(), QLineEdit::Password);

    doc.setSecret(QStringLiteral("other"));
    QCOMPARE(secret->text(), QStringLiteral("other"));
}

QTEST_MAIN(TestSettingsPanel)
#include "tst_settingspanel.moc"
