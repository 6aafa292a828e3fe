#include "widgets/changedtext.h"
#include "widgets/codeedit.h"
#include "widgets/jsoneditor.h"
#include "widgets/messagebar.h"

#include "json/parser.h"

#include <QSignalSpy>
#include <QTest>
#include <QTextBlock>

using namespace inkmapper;
using ui::JsonEditor;

class TestJsonEditor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void setJsonPrettyPrints();
    void onlyUserEditsAreSignalled();
    void errorIsMarkedWhereItIs_data();
    void errorIsMarkedWhereItIs();
    void keywordsAreHighlighted();
    void messageBarShowsAndCloses();
    void changedSpanIsTheDifference_data();
    void changedSpanIsTheDifference();
    void textFollowsTheUsersEdits_data();
    void textFollowsTheUsersEdits();
    void settingASmallChangeKeepsTheCaret();
};

void TestJsonEditor::setJsonPrettyPrints()
{
    JsonEditor editor;
    editor.setJson(*json::parse(QByteArrayView(R"({"type":"track","n":[1,2]})")));
    QCOMPARE(editor.text(), QStringLiteral("{\n  \"type\": \"track\",\n  \"n\": [\n    1,\n    2\n  ]\n}"));
}

void TestJsonEditor::onlyUserEditsAreSignalled()
{
    JsonEditor editor;
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    QSignalSpy edited(&editor, &JsonEditor::textEdited);
    editor.setText(QStringLiteral("{\"type\": \"track\", \"n\": [1, true, null]}"));
    QCOMPARE(edited.count(), 0);
    // The highlighter colours the new text a moment later: a change of formats, not of text.
    QTest::qWait(100);
    QCOMPARE(edited.count(), 0);
    editor.setText(QStringLiteral("{}"));
    QTest::qWait(100);
    QCOMPARE(edited.count(), 0);
    editor.textEdit()->moveCursor(QTextCursor::End);
    QTest::keyClicks(editor.textEdit(), QStringLiteral(" "));
    QCOMPARE(edited.count(), 1);
    QCOMPARE(edited.last().at(0).toString(), QStringLiteral("{} "));
}

void TestJsonEditor::errorIsMarkedWhereItIs_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::newRow("missing comma") << QStringLiteral("{\n  \"a\": 1\n  \"b\": 2\n}") << 3 << 3;
    QTest::newRow("trailing comma") << QStringLiteral("{\"a\": 1,}") << 1 << 9;
    QTest::newRow("unterminated") << QStringLiteral("{\n  \"a\": tru\n}") << 2 << 8;
}

void TestJsonEditor::errorIsMarkedWhereItIs()
{
    QFETCH(QString, text);
    QFETCH(int, line);
    QFETCH(int, column);
    JsonEditor editor;
    editor.setText(text);
    const Result<json::Value> parsed = json::parse(QStringView(text));
    QVERIFY(!parsed.ok());
    QCOMPARE(parsed.error().location.line, line);
    QCOMPARE(parsed.error().location.column, column);

    editor.showError(parsed.error());
    QVERIFY(editor.hasError());
    QVERIFY(editor.errorMessage().startsWith(QStringLiteral("line %1, column %2: ").arg(line).arg(column)));
    QCOMPARE(editor.textEdit()->errorLine(), line);
    QCOMPARE(editor.textEdit()->errorColumn(), column);
    // The wavy underline sits on exactly that character.
    const QList<QTextEdit::ExtraSelection> selections = editor.textEdit()->extraSelections();
    const auto wavy = std::find_if(selections.begin(), selections.end(), [](const QTextEdit::ExtraSelection &s) {
        return s.format.underlineStyle() == QTextCharFormat::WaveUnderline;
    });
    QVERIFY(wavy != selections.end());
    const QTextBlock block = editor.textEdit()->document()->findBlockByNumber(line - 1);
    QCOMPARE(wavy->cursor.selectionStart(), block.position() + std::min(column - 1, block.length() - 2));
    QCOMPARE(wavy->cursor.selectionEnd() - wavy->cursor.selectionStart(), 1);

    editor.clearError();
    QVERIFY(!editor.hasError());
    QVERIFY(editor.textEdit()->extraSelections().isEmpty());
}

void TestJsonEditor::keywordsAreHighlighted()
{
    JsonEditor editor;
    editor.setText(QStringLiteral("{\"key\": \"value\", \"n\": 12, \"b\": true}"));
    const QTextBlock block = editor.textEdit()->document()->firstBlock();
    const QList<QTextLayout::FormatRange> formats = block.layout()->formats();
    const auto colourAt = [&](int position) {
        for (const QTextLayout::FormatRange &range : formats) {
            if (position >= range.start && position < range.start + range.length)
                return range.format.foreground().color();
        }
        return QColor();
    };
    const QColor key = colourAt(1);
    const QColor value = colourAt(9);
    const QColor number = colourAt(23);
    const QColor keyword = colourAt(33);
    QVERIFY(key.isValid() && value.isValid() && number.isValid() && keyword.isValid());
    QVERIFY(key != value);
    QVERIFY(number != value && number != key);
    QVERIFY(keyword != number);
}

void TestJsonEditor::messageBarShowsAndCloses()
{
    ui::MessageBar bar;
    QVERIFY(bar.isHidden());
    bar.showMessage(QStringLiteral("Refused"), ui::MessageBar::Level::Warning);
    QCOMPARE(bar.text(), QStringLiteral("Refused"));
    QCOMPARE(bar.level(), ui::MessageBar::Level::Warning);
    QVERIFY(!bar.isHidden());
}

void TestJsonEditor::changedSpanIsTheDifference_data()
{
    QTest::addColumn<QString>("before");
    QTest::addColumn<QString>("after");
    QTest::addColumn<int>("position");
    QTest::addColumn<int>("removed");
    QTest::addColumn<int>("inserted");
    QTest::newRow("same") << QStringLiteral("abc") << QStringLiteral("abc") << 3 << 0 << 0;
    QTest::newRow("digit added") << QStringLiteral("{\"total\": 26}") << QStringLiteral("{\"total\": 276}") << 11 << 0 << 1;
    QTest::newRow("digit erased") << QStringLiteral("{\"total\": 276}") << QStringLiteral("{\"total\": 26}") << 11 << 1 << 0;
    QTest::newRow("replaced") << QStringLiteral("abcdef") << QStringLiteral("abXYef") << 2 << 2 << 2;
    QTest::newRow("repeated letters") << QStringLiteral("aaaa") << QStringLiteral("aaaaa") << 4 << 0 << 1;
    QTest::newRow("from empty") << QString() << QStringLiteral("ab") << 0 << 0 << 2;
    QTest::newRow("to empty") << QStringLiteral("ab") << QString() << 0 << 2 << 0;
    // U+1F600 and U+1F601 share their high surrogate: the pair is replaced whole.
    QTest::newRow("surrogate pair") << QStringLiteral("x\U0001F600y") << QStringLiteral("x\U0001F601y") << 1 << 2 << 2;
    // U+1F600 and U+2F600 share their low surrogate.
    QTest::newRow("surrogate pair, low equal") << QStringLiteral("x\U0001F600") << QStringLiteral("x\U0002F600") << 1 << 2 << 2;
}

void TestJsonEditor::changedSpanIsTheDifference()
{
    QFETCH(QString, before);
    QFETCH(QString, after);
    QFETCH(int, position);
    QFETCH(int, removed);
    QFETCH(int, inserted);
    const ui::ChangedSpan span = ui::changedSpan(before, after);
    QCOMPARE(span.position, position);
    QCOMPARE(span.removed, removed);
    QCOMPARE(span.inserted, inserted);
    // Replacing that span of `before` with the same span of `after` gives `after`.
    QString rebuilt = before;
    rebuilt.replace(span.position, span.removed, after.mid(span.position, span.inserted));
    QCOMPARE(rebuilt, after);
}

void TestJsonEditor::textFollowsTheUsersEdits_data()
{
    QTest::addColumn<QString>("start");
    QTest::addColumn<int>("caret");
    QTest::addColumn<QString>("typed");
    QTest::addColumn<int>("backspaces");
    const QString event = QStringLiteral("{\n  \"type\": \"track\",\n  \"properties\": {\n    \"total\": 26\n  }\n}");
    QTest::newRow("digit") << event << 45 << QStringLiteral("7") << 0;
    QTest::newRow("erase") << event << 46 << QString() << 3;
    QTest::newRow("line break") << event << 1 << QStringLiteral("\n") << 0;
    QTest::newRow("join lines") << event << 2 << QString() << 1;
    QTest::newRow("accented") << event << 12 << QStringLiteral("é€") << 0;
    QTest::newRow("at the start") << event << 0 << QStringLiteral(" ") << 0;
    QTest::newRow("at the end") << event << int(event.size()) << QStringLiteral("\n") << 2;
    QTest::newRow("non-breaking space in the text") << QStringLiteral("{\"a\": \"x\u00a0y\"}") << 3 << QStringLiteral("b") << 0;
}

void TestJsonEditor::textFollowsTheUsersEdits()
{
    QFETCH(QString, start);
    QFETCH(int, caret);
    QFETCH(QString, typed);
    QFETCH(int, backspaces);
    JsonEditor editor;
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    editor.setText(start);
    QSignalSpy edited(&editor, &JsonEditor::textEdited);
    QTextCursor cursor = editor.textEdit()->textCursor();
    cursor.setPosition(caret);
    editor.textEdit()->setTextCursor(cursor);
    for (int i = 0; i < backspaces; ++i)
        QTest::keyClick(editor.textEdit(), Qt::Key_Backspace);
    for (const QChar c : typed) {
        if (c == u'\n')
            QTest::keyClick(editor.textEdit(), Qt::Key_Return);
        else // a key press carrying the character, as an input method delivers any letter
            QTest::sendKeyEvent(QTest::Click, editor.textEdit(), Qt::Key_unknown, QString(c), Qt::NoModifier);
    }
    QTest::qWait(50); // the highlighter recolours: not an edit
    // What the editor reports is what it holds, as toPlainText() reads it.
    QCOMPARE(editor.text(), editor.textEdit()->toPlainText());
    QCOMPARE(edited.count(), backspaces + int(typed.size()));
    QCOMPARE(edited.last().at(0).toString(), editor.textEdit()->toPlainText());
}

void TestJsonEditor::settingASmallChangeKeepsTheCaret()
{
    JsonEditor editor;
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    QString text = QStringLiteral("{\n");
    for (int i = 0; i < 500; ++i)
        text += QStringLiteral("  \"key%1\": %1,\n").arg(i);
    text += QStringLiteral("  \"last\": 0\n}");
    editor.setText(text);
    QTextCursor cursor = editor.textEdit()->textCursor();
    cursor.setPosition(int(text.indexOf(QStringLiteral("key400"))));
    editor.textEdit()->setTextCursor(cursor);
    const int caret = cursor.position();
    // Undo or another view changes one value near the top: the text is replaced there only.
    QString changed = text;
    changed.replace(QStringLiteral("\"key3\": 3,"), QStringLiteral("\"key3\": 33,"));
    QSignalSpy edited(&editor, &JsonEditor::textEdited);
    editor.setText(changed);
    QCOMPARE(edited.count(), 0);
    QCOMPARE(editor.text(), changed);
    QCOMPARE(editor.textEdit()->toPlainText(), changed);
    QCOMPARE(editor.textEdit()->textCursor().position(), caret + 1); // one digit more before it
    // Nothing of it is the user's to undo in the editor.
    QVERIFY(!editor.textEdit()->document()->isUndoAvailable());
    // A text with carriage returns is read back as the editor holds it.
    editor.setText(QStringLiteral("{\r\n  \"a\": 1\r\n}"));
    QCOMPARE(editor.text(), QStringLiteral("{\n  \"a\": 1\n}"));
    QCOMPARE(editor.text(), editor.textEdit()->toPlainText());
}

QTEST_MAIN(TestJsonEditor)
#include "tst_jsoneditor.moc"
