#include "jsoneditor.h"

#include "changedtext.h"
#include "codeedit.h"
#include "icons.h"
#include "jsonsyntaxhighlighter.h"

#include "json/writer.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QStyle>
#include <QTextCursor>
#include <QTextDocument>
#include <QVBoxLayout>

#include <algorithm>

namespace inkmapper::ui {

namespace {

/** Beyond this size, highlighting every line costs more than it helps (a 1 MB event is 40 000 lines). */
constexpr qsizetype MaxHighlightedSize = 2 * 1024 * 1024;

/**
 * The characters of a text document as QTextDocument::toPlainText() gives them: paragraph and line
 * separators and frame marks as line feeds, non-breaking spaces as spaces.
 */
QString asPlainText(QString text)
{
    const auto special = [](QChar c) {
        return c == QChar::ParagraphSeparator || c == QChar::LineSeparator || c == QChar::Nbsp
               || c.unicode() == 0xFDD0 || c.unicode() == 0xFDD1;
    };
    if (std::none_of(text.cbegin(), text.cend(), special))
        return text; // shared, not copied
    for (QChar &c : text) {
        if (c == QChar::Nbsp)
            c = u' ';
        else if (special(c))
            c = u'\n';
    }
    return text;
}

} // namespace

JsonEditor::JsonEditor(QWidget *parent)
    : QWidget(parent)
    , m_edit(new CodeEdit(this))
    , m_highlighter(new JsonSyntaxHighlighter(m_edit->document()))
    , m_errorIcon(new QLabel(this))
    , m_errorLabel(new QLabel(this))
    , m_errorRow(new QWidget(this))
{
    m_edit->setAccessibleName(tr("JSON text"));
    m_errorLabel->setWordWrap(true);
    m_errorLabel->setTextFormat(Qt::PlainText);
    m_errorLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QPalette pal = m_errorLabel->palette();
    pal.setColor(QPalette::WindowText, QColor(0xc0, 0x1c, 0x28));
    m_errorLabel->setPalette(pal);
    const int iconSize = style()->pixelMetric(QStyle::PM_SmallIconSize);
    m_errorIcon->setPixmap(Icons::icon(Icons::Id::Error).pixmap(iconSize, iconSize));

    auto *errorLayout = new QHBoxLayout(m_errorRow);
    errorLayout->setContentsMargins(2, 2, 2, 0);
    errorLayout->addWidget(m_errorIcon, 0, Qt::AlignTop);
    errorLayout->addWidget(m_errorLabel, 1);
    m_errorRow->hide();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_edit, 1);
    layout->addWidget(m_errorRow);
    setFocusProxy(m_edit);

    // The text is followed change by change rather than read back whole: toPlainText() on a 1 MB event
    // takes longer than a frame, on every key typed.
    connect(m_edit->document(), &QTextDocument::contentsChange, this, &JsonEditor::followChange);
    connect(m_edit, &QPlainTextEdit::textChanged, this, [this] {
        // textChanged also fires when the highlighter recolours the text: only a different text is an
        // edit (otherwise a large event would be parsed again after every load).
        if (m_settingText || !m_textChanged)
            return;
        m_textChanged = false;
        Q_EMIT textEdited(m_lastText);
    });
}

void JsonEditor::followChange(int position, int removed, int added)
{
    if (m_settingText)
        return;
    QTextDocument *document = m_edit->document();
    const qsizetype length = document->characterCount() - 1; // without the document's final paragraph end
    if (position < 0 || position + qsizetype(removed) > m_lastText.size() || added < 0
        || m_lastText.size() - removed + added != length) {
        // A change reported for the whole document (Qt does so when formats change in some cases).
        const QString text = m_edit->toPlainText();
        m_textChanged = m_textChanged || text != m_lastText;
        m_lastText = text;
        return;
    }
    QTextCursor cursor(document);
    cursor.setPosition(position);
    cursor.setPosition(position + added, QTextCursor::KeepAnchor);
    const QString inserted = asPlainText(cursor.selectedText());
    if (removed == added && QStringView(m_lastText).mid(position, removed) == inserted)
        return; // only formats changed (the highlighter)
    m_lastText.replace(position, removed, inserted);
    m_textChanged = true;
}

void JsonEditor::setText(const QString &text)
{
    m_settingText = true;
    // Undo, redo or another view changed the event a little: only that span is replaced, and the caret and
    // the scroll position stay. A text the document would hold differently (a carriage return is dropped,
    // separators read back as line feeds) is set whole and read back.
    const bool heldAsIs = !text.contains(u'\r') && asPlainText(text) == text;
    showChangedHighlightedText(m_edit, m_highlighter, MaxHighlightedSize, heldAsIs ? QStringView(m_lastText) : QStringView(),
                               text);
    m_lastText = heldAsIs ? text : m_edit->toPlainText();
    m_textChanged = false;
    m_settingText = false;
    clearError();
}

void JsonEditor::setJson(const json::Value &value)
{
    setText(prettyJson(value));
}

QString JsonEditor::text() const
{
    return m_lastText;
}

void JsonEditor::showError(const Error &error)
{
    if (error.location.line > 0)
        m_edit->setErrorPosition(error.location.line, error.location.column, error.message);
    else
        m_edit->clearErrorPosition();
    m_errorLabel->setText(error.describe());
    m_errorRow->setAccessibleDescription(error.describe());
    m_errorRow->show();
}

void JsonEditor::clearError()
{
    m_edit->clearErrorPosition();
    m_errorLabel->clear();
    m_errorRow->hide();
}

bool JsonEditor::hasError() const
{
    return !m_errorLabel->text().isEmpty();
}

QString JsonEditor::errorMessage() const
{
    return m_errorLabel->text();
}

void JsonEditor::setReadOnly(bool readOnly)
{
    m_edit->setReadOnly(readOnly);
}

void JsonEditor::setPlaceholderText(const QString &text)
{
    m_edit->setPlaceholderText(text);
}

QString JsonEditor::prettyJson(const json::Value &value)
{
    return json::toJsonString(value, json::WriteOptions{2});
}

} // namespace inkmapper::ui
