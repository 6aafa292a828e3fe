#include "fqltestdata.h"

#include "fql/lexer.h"

#include "json/object.h"

#include <QTest>

using namespace inkmapper;
using namespace inkmapper::fql;
using namespace Qt::StringLiterals;

namespace {

QStringList describe(const std::vector<Token> &tokens)
{
    QStringList out;
    for (const Token &t : tokens)
        out << tokenTypeName(t.type) + u' ' + t.value;
    return out;
}

} // namespace

class TestFqlLexer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // Every line of data/lexer.jsonl: fql-ts's tokens, or its error message and cursor.
    void matchesFqlTs_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<QStringList>("tokens");
        QTest::addColumn<bool>("fails");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");
        const auto lines = testing::readJsonLines(QFINDTESTDATA("data/lexer.jsonl"));
        QVERIFY(lines.size() > 400);
        for (const auto &[number, row] : lines) {
            const json::Object &o = row.toObject();
            const QString code = o.value(u"code").toString();
            QStringList tokens;
            const bool fails = o.contains(u"error");
            if (!fails) {
                for (const json::Value &t : o.value(u"tokens").toArray())
                    tokens << t.toArray()[0].toString() + u' ' + t.toArray()[1].toString();
            }
            QTest::newRow(testing::rowLabel(number, json::Value(code)).constData())
                << code << tokens << fails << (fails ? int(o.value(u"line").toNumber()) : 0)
                << (fails ? int(o.value(u"column").toNumber()) : 0);
        }
    }

    void matchesFqlTs()
    {
        QFETCH(QString, code);
        QFETCH(QStringList, tokens);
        QFETCH(bool, fails);
        QFETCH(int, line);
        QFETCH(int, column);
        const LexResult result = Lexer::lex(code);
        QCOMPARE(result.error.has_value(), fails);
        QCOMPARE(describe(result.tokens), tokens);
        if (fails) {
            QVERIFY(!result.error->message.isEmpty());
            // fql-ts's cursor, quirks included.
            QCOMPARE(result.error->cursor.line, line);
            QCOMPARE(result.error->cursor.column, column);
        }
    }

    // Where each token starts (the parser places its messages with this).
    void tokenOffsets_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<QList<qsizetype>>("offsets");
        QTest::newRow("simple") << u"type = \"track\""_s << QList<qsizetype>{0, 5, 7, 14};
        QTest::newRow("leading spaces") << u"  a and b"_s << QList<qsizetype>{2, 4, 8, 9};
        QTest::newRow("function") << u"!contains(x, 1)"_s << QList<qsizetype>{0, 1, 9, 10, 11, 13, 14, 15};
        QTest::newRow("escape") << u"a\\ b = 1"_s << QList<qsizetype>{0, 5, 7, 8};
        QTest::newRow("surrogate pair in string") << u"\"😀\" x"_s << QList<qsizetype>{0, 5, 6};
        QTest::newRow("empty") << QString() << QList<qsizetype>{0};
    }

    void tokenOffsets()
    {
        QFETCH(QString, code);
        QFETCH(QList<qsizetype>, offsets);
        const LexResult result = Lexer::lex(code);
        QVERIFY(!result.error);
        QList<qsizetype> got;
        for (const Token &t : result.tokens)
            got << t.offset;
        QCOMPARE(got, offsets);
    }

    // The true position of each kind of lexer error (fql-ts's cursor drifts; this is what the app underlines).
    void errorOffsets_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("message");
        QTest::addColumn<qsizetype>("offset");
        QTest::newRow("invalid character") << u"type = $"_s << u"invalid character \"$\""_s << qsizetype(7);
        QTest::newRow("carriage return") << u"x \r"_s << u"invalid character U+000D"_s << qsizetype(2);
        QTest::newRow("lone surrogate") << u"a = 1 \xd800"_s << u"invalid character U+D800"_s << qsizetype(6);
        QTest::newRow("non-ASCII letter") << u"é"_s << u"invalid character \"é\""_s << qsizetype(0);
        QTest::newRow("unterminated string") << u"event = \"abc"_s << u"unterminated string"_s << qsizetype(8);
        QTest::newRow("unterminated single quote") << u"event = 'abc"_s << u"unterminated string"_s << qsizetype(8);
        QTest::newRow("decimal point at end") << u"x = 5."_s << u"unexpected terminator after decimal point"_s
                                              << qsizetype(5);
        QTest::newRow("two decimal points") << u"x = 1.2.3"_s << u"multiple decimal points in one number"_s
                                            << qsizetype(7);
        QTest::newRow("bang without equals") << u"x !\"a\""_s << u"expected '=' after '!', got \"\"\""_s
                                             << qsizetype(2);
        QTest::newRow("bang at end") << u"x\n\n!"_s << u"expected '=' after '!', got end of input"_s << qsizetype(3);
        QTest::newRow("ident then bracket") << u"properties[0]"_s
                                            << u"expected termination character after identifier, got \"[\""_s
                                            << qsizetype(10);
        QTest::newRow("ident then less-than") << u"userId< 5"_s
                                              << u"expected termination character after identifier, got \"<\""_s
                                              << qsizetype(6);
        QTest::newRow("escape at end") << u"\\"_s
                                       << u"expected character after escape character, got end of input"_s
                                       << qsizetype(0);
    }

    void errorOffsets()
    {
        QFETCH(QString, code);
        QFETCH(QString, message);
        QFETCH(qsizetype, offset);
        const LexResult result = Lexer::lex(code);
        QVERIFY(result.error);
        QVERIFY(result.tokens.empty());
        QCOMPARE(result.error->message, message);
        QCOMPARE(result.error->offset, offset);
    }

    // fql-ts refuses tokens of 100000 code units or more ("bug catchers").
    void lengthLimits_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("error");
        const qsizetype limit = 100000;
        QTest::newRow("string just under") << u'"' + QString(limit - 1, u'a') + u'"' << QString();
        QTest::newRow("string at limit") << u'"' + QString(limit, u'a') + u'"' << u"unreasonable string length"_s;
        QTest::newRow("ident just under") << QString(limit - 1, u'b') << QString();
        QTest::newRow("ident at limit") << QString(limit, u'b') << u"unreasonable literal length"_s;
        QTest::newRow("number just under") << QString(limit, u'1') << QString();
        QTest::newRow("number at limit") << QString(limit + 1, u'1') << u"unreasonable number length"_s;
    }

    void lengthLimits()
    {
        QFETCH(QString, code);
        QFETCH(QString, error);
        const LexResult result = Lexer::lex(code);
        QCOMPARE(result.error ? result.error->message : QString(), error);
        QCOMPARE(result.tokens.size(), error.isEmpty() ? size_t(2) : size_t(0));
    }

    // The quirks named in lexer.h, each visible in the tokens.
    void quirks_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<QStringList>("tokens");
        QTest::newRow("accept at end does not back up") << u"x = an"_s
                                                        << QStringList{u"ident x"_s, u"operator ="_s, u"ident a"_s, u"eos eos"_s};
        QTest::newRow("and needs a terminator") << u"and("_s << QStringList{u"ident and"_s, u"parenleft ("_s, u"eos eos"_s};
        QTest::newRow("closing quote read again without terminator")
            << u"\"a\"b\"c\" "_s << QStringList{u"string \"a\""_s, u"string \"b\""_s, u"string \"c\""_s, u"eos eos"_s};
        QTest::newRow("backslash is not an escape in strings") << u"\"a\\\" "_s << QStringList{u"string \"a\\\""_s, u"eos eos"_s};
        QTest::newRow("escape in ident") << u"a\\.b"_s << QStringList{u"ident a.b"_s, u"eos eos"_s};
        QTest::newRow("lone sign is a number") << u"-"_s << QStringList{u"number -"_s, u"eos eos"_s};
        QTest::newRow("bang before ident") << u"!x"_s << QStringList{u"operator !"_s, u"ident x"_s, u"eos eos"_s};
    }

    void quirks()
    {
        QFETCH(QString, code);
        QFETCH(QStringList, tokens);
        const LexResult result = Lexer::lex(code);
        QVERIFY(!result.error);
        QCOMPARE(describe(result.tokens), tokens);
    }
};

QTEST_GUILESS_MAIN(TestFqlLexer)
#include "tst_fqllexer.moc"
