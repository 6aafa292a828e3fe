#include "destination/identitytimeline.h"

#include "json/parser.h"

#include <QTest>

using namespace inkmapper;
using destination::IdentityTimeline;
using Basis = IdentityTimeline::Basis;
using Kind = IdentityTimeline::Profile::Kind;

namespace {

/** One event a line. */
std::vector<json::Value> parseLines(const QByteArray &text)
{
    std::vector<json::Value> events;
    for (const QByteArray &line : text.split('\n')) {
        if (line.trimmed().isEmpty())
            continue;
        auto parsed = json::parse(QByteArrayView(line));
        if (!parsed)
            qFatal("bad test data: %s", line.constData());
        events.push_back(parsed.value());
    }
    return events;
}

QString basisName(Basis basis)
{
    switch (basis) {
    case Basis::NoIdentity:
        return QStringLiteral("none");
    case Basis::AnonymousId:
        return QStringLiteral("anonymous");
    case Basis::UserId:
        return QStringLiteral("own-userId");
    case Basis::Identify:
        return QStringLiteral("identify");
    case Basis::Device:
        return QStringLiteral("device");
    }
    return {};
}

/** "userId:u1 identify by 1 joins 0,2" / "anonymousId:a1 anonymous joined userId:u1 by 1": an entry in a line. */
QString summarize(const IdentityTimeline::Entry &e)
{
    QString text = e.profile.key().isEmpty() ? QStringLiteral("-") : e.profile.key();
    text += u' ' + basisName(e.basis);
    if (e.identifiedBy >= 0)
        text += QStringLiteral(" by %1").arg(e.identifiedBy);
    if (e.joinedBy >= 0)
        text += QStringLiteral(" joined %1 by %2").arg(e.joinedTo.key()).arg(e.joinedBy);
    if (!e.joins.empty()) {
        QStringList joined;
        for (const int i : e.joins)
            joined.append(QString::number(i));
        text += QStringLiteral(" joins ") + joined.join(u',');
    }
    return text;
}

} // namespace

class TestIdentityTimeline : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sequences_data();
    void sequences();
    void finalProfile();
    void ownProfile_data();
    void ownProfile();
    void profileWords();
};

void TestIdentityTimeline::sequences_data()
{
    QTest::addColumn<QByteArray>("events");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("anonymous track, identify, track: the identify joins the earlier track")
        << QByteArray(R"({"type":"track","event":"Product Viewed","anonymousId":"a1"}
{"type":"identify","anonymousId":"a1","userId":"u1"}
{"type":"track","event":"Product Added","anonymousId":"a1"})")
        << QStringList{QStringLiteral("anonymousId:a1 anonymous joined userId:u1 by 1"), QStringLiteral("userId:u1 identify by 1 joins 0"),
                       QStringLiteral("userId:u1 device by 1")};
    QTest::newRow("identify by email only: the email is the user")
        << QByteArray(R"({"type":"page","anonymousId":"a1"}
{"type":"track","event":"Product Viewed","anonymousId":"a1"}
{"type":"identify","anonymousId":"a1","traits":{"email":"maria@example.com"}}
{"type":"track","event":"Order Completed","anonymousId":"a1"})")
        << QStringList{QStringLiteral("anonymousId:a1 anonymous joined email:maria@example.com by 2"),
                       QStringLiteral("anonymousId:a1 anonymous joined email:maria@example.com by 2"),
                       QStringLiteral("email:maria@example.com identify by 2 joins 0,1"),
                       QStringLiteral("email:maria@example.com device by 2")};
    QTest::newRow("two users on one device: each keeps their own events")
        << QByteArray(R"({"type":"track","event":"Product Viewed","anonymousId":"a1"}
{"type":"identify","anonymousId":"a1","userId":"u1","traits":{"email":"one@example.com"}}
{"type":"track","event":"Product Added","anonymousId":"a1"}
{"type":"identify","anonymousId":"a1","userId":"u2"}
{"type":"track","event":"Product Viewed","anonymousId":"a1"}
{"type":"track","event":"Order Completed","anonymousId":"a1","userId":"u1"})")
        << QStringList{QStringLiteral("anonymousId:a1 anonymous joined userId:u1 by 1"), QStringLiteral("userId:u1 identify by 1 joins 0"),
                       QStringLiteral("userId:u1 device by 1"), QStringLiteral("userId:u2 identify by 3"),
                       QStringLiteral("userId:u2 device by 3"), QStringLiteral("userId:u1 own-userId by 1")};
    QTest::newRow("another device's events are not joined")
        << QByteArray(R"({"type":"track","event":"A","anonymousId":"a1"}
{"type":"track","event":"B","anonymousId":"a2"}
{"type":"identify","anonymousId":"a1","userId":"u1"})")
        << QStringList{QStringLiteral("anonymousId:a1 anonymous joined userId:u1 by 2"), QStringLiteral("anonymousId:a2 anonymous"),
                       QStringLiteral("userId:u1 identify by 2 joins 0")};
    QTest::newRow("an identify without userId or email names nobody; the next one joins both")
        << QByteArray(R"({"type":"track","event":"A","anonymousId":"a1"}
{"type":"identify","anonymousId":"a1","traits":{"plan":"pro"}}
{"type":"identify","anonymousId":"a1","userId":"u1"})")
        << QStringList{QStringLiteral("anonymousId:a1 anonymous joined userId:u1 by 2"),
                       QStringLiteral("anonymousId:a1 anonymous joined userId:u1 by 2"), QStringLiteral("userId:u1 identify by 2 joins 0,1")};
    QTest::newRow("a track with its own userId before any identify")
        << QByteArray(R"({"type":"track","event":"A","anonymousId":"a1","userId":"u1"}
{"type":"track","event":"B","anonymousId":"a1"})")
        << QStringList{QStringLiteral("userId:u1 own-userId"), QStringLiteral("anonymousId:a1 anonymous")};
    QTest::newRow("an identify without anonymousId joins nothing")
        << QByteArray(R"({"type":"track","event":"A","anonymousId":"a1"}
{"type":"identify","userId":"u1"}
{"type":"track","event":"B","userId":"u1"})")
        << QStringList{QStringLiteral("anonymousId:a1 anonymous"), QStringLiteral("userId:u1 identify by 1"),
                       QStringLiteral("userId:u1 own-userId by 1")};
    QTest::newRow("no ids, blank ids and numbers as ids")
        << QByteArray(R"({"type":"track","event":"A"}
{"type":"track","event":"B","userId":" ","anonymousId":""}
{"type":"track","event":"C","userId":42}
"not an event")")
        << QStringList{QStringLiteral("- none"), QStringLiteral("- none"), QStringLiteral("userId:42 own-userId"), QStringLiteral("- none")};
}

void TestIdentityTimeline::sequences()
{
    QFETCH(QByteArray, events);
    QFETCH(QStringList, expected);
    const IdentityTimeline timeline = IdentityTimeline::build(parseLines(events));
    QStringList found;
    for (const IdentityTimeline::Entry &entry : timeline.entries())
        found.append(summarize(entry));
    QCOMPARE(found, expected);
    for (size_t i = 0; i < timeline.entries().size(); ++i)
        QCOMPARE(timeline.entries()[i].event, int(i));
}

void TestIdentityTimeline::finalProfile()
{
    const IdentityTimeline timeline = IdentityTimeline::build(parseLines(R"({"type":"track","event":"A","anonymousId":"a1"}
{"type":"identify","anonymousId":"a1","userId":"u1"})"));
    const IdentityTimeline::Entry &first = timeline.entries().front();
    QCOMPARE(first.profile.kind, Kind::Anonymous);
    QCOMPARE(first.finalProfile().kind, Kind::User);
    QCOMPARE(first.finalProfile().id, QStringLiteral("u1"));
    QCOMPARE(timeline.entries().back().finalProfile(), timeline.entries().back().profile);
}

void TestIdentityTimeline::ownProfile_data()
{
    QTest::addColumn<QByteArray>("event");
    QTest::addColumn<QString>("key");
    QTest::newRow("userId first") << QByteArray(R"({"type":"track","userId":"u1","anonymousId":"a1"})") << QStringLiteral("userId:u1");
    QTest::newRow("identify by email") << QByteArray(R"({"type":"identify","anonymousId":"a1","traits":{"email":"m@x.io"}})")
                                       << QStringLiteral("email:m@x.io");
    QTest::newRow("a track's traits do not identify") << QByteArray(R"({"type":"track","anonymousId":"a1","traits":{"email":"m@x.io"}})")
                                                      << QStringLiteral("anonymousId:a1");
    QTest::newRow("nothing") << QByteArray(R"({"type":"track"})") << QString();
}

void TestIdentityTimeline::ownProfile()
{
    QFETCH(QByteArray, event);
    QFETCH(QString, key);
    QCOMPARE(IdentityTimeline::ownProfile(parseLines(event).front()).key(), key);
}

void TestIdentityTimeline::profileWords()
{
    QCOMPARE((IdentityTimeline::Profile{Kind::User, QStringLiteral("u1")}).describe(), QStringLiteral("user u1"));
    QCOMPARE((IdentityTimeline::Profile{Kind::Email, QStringLiteral("m@x.io")}).describe(), QStringLiteral("email m@x.io"));
    QCOMPARE((IdentityTimeline::Profile{Kind::Anonymous, QStringLiteral("a1")}).describe(), QStringLiteral("anonymous a1"));
    QCOMPARE(IdentityTimeline::Profile().describe(), QStringLiteral("nobody"));
}

QTEST_GUILESS_MAIN(TestIdentityTimeline)
#include "tst_identitytimeline.moc"
