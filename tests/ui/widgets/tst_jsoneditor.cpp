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

QTEST_MAIN(TestJsonEditor)
#include "tst_jsoneditor.moc"
