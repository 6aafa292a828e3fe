#include "destination/basicauth.h"

#include <QTest>

using namespace inkmapper::destination;
using namespace Qt::StringLiterals;

class TestBasicAuth : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void headerValue_data();
    void headerValue();
    void applies_data();
    void applies();
    void nodeUtf8_data();
    void nodeUtf8();
};

void TestBasicAuth::headerValue_data()
{
    QTest::addColumn<QString>("username");
    QTest::addColumn<QString>("password");
    QTest::addColumn<QByteArray>("expected");
    // Expected values are what Segment's engine sent (conformance vectors and recorded requests).
    QTest::newRow("ASCII user and secret") << u"mi_user"_s << u"s3cr3t-Access"_s << "Basic bWlfdXNlcjpzM2NyM3QtQWNjZXNz"_ba;
    QTest::newRow("UTF-8 user") << u"üser"_s << u"s3cr3t-Access"_s << "Basic w7xzZXI6czNjcjN0LUFjY2Vzcw=="_ba;
    QTest::newRow("colons in the secret stay") << u"mi_user"_s << u"a:b:c"_s << "Basic bWlfdXNlcjphOmI6Yw=="_ba;
    QTest::newRow("empty secret") << u"mi_user"_s << QString() << "Basic bWlfdXNlcjo="_ba;
    QTest::newRow("empty user") << QString() << u"pw"_s << "Basic OnB3"_ba;
    QTest::newRow("lone surrogates become U+FFFD")
        << (u"a"_s + QChar(0xD800)) << (QString(QChar(0xDC00)) + u"b"_s) << "Basic Ye+/vTrvv71i"_ba;
    QTest::newRow("emoji as four UTF-8 bytes") << u"🛒"_s << u"x"_s << "Basic 8J+bkjp4"_ba;
}

void TestBasicAuth::headerValue()
{
    QFETCH(QString, username);
    QFETCH(QString, password);
    QTEST(BasicAuth::headerValue(username, password), "expected");
}

void TestBasicAuth::applies_data()
{
    QTest::addColumn<QString>("username");
    QTest::addColumn<QString>("password");
    QTest::addColumn<bool>("applies");
    QTest::newRow("both set") << u"u"_s << u"p"_s << true;
    QTest::newRow("only username") << u"u"_s << QString() << true;
    QTest::newRow("only password") << QString() << u"p"_s << true;
    QTest::newRow("both empty: no Authorization header") << QString() << QString() << false;
    QTest::newRow("the text 0 is not empty") << u"0"_s << QString() << true;
}

void TestBasicAuth::applies()
{
    QFETCH(QString, username);
    QFETCH(QString, password);
    QTEST(BasicAuth::applies(username, password), "applies");
}

void TestBasicAuth::nodeUtf8_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QByteArray>("bytes");
    QTest::newRow("ASCII") << u"abc"_s << "abc"_ba;
    QTest::newRow("two-byte") << u"é"_s << "\xC3\xA9"_ba;
    QTest::newRow("three-byte") << u"✓"_s << "\xE2\x9C\x93"_ba;
    QTest::newRow("surrogate pair") << u"😀"_s << "\xF0\x9F\x98\x80"_ba;
    QTest::newRow("lone high surrogate") << QString(QChar(0xD83D)) << "\xEF\xBF\xBD"_ba;
    QTest::newRow("reversed pair is two replacements") << (QString(QChar(0xDE00)) + QChar(0xD83D)) << "\xEF\xBF\xBD\xEF\xBF\xBD"_ba;
}

void TestBasicAuth::nodeUtf8()
{
    QFETCH(QString, text);
    QTEST(BasicAuth::nodeUtf8(text), "bytes");
}

QTEST_GUILESS_MAIN(TestBasicAuth)
#include "tst_basicauth.moc"
