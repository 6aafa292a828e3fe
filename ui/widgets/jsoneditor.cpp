#include "jsoneditor.h"

#include "codeedit.h"
#include "icons.h"
#include "jsonsyntaxhighlighter.h"

#include "json/writer.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QStyle>
#include <QVBoxLayout>

namespace inkmapper::ui {

namespace {

/** Beyond this size, highlighting every line costs more than it helps (a 1 MB event is 40 000 lines). */
constexpr qsizetype MaxHighlightedSize = 2 * 1024 * 1024;

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

    connect(m_edit, &QPlainTextEdit::textChanged, this, [this] {
        // textChanged also fires when the highlighter recolours the text: only a different text is an
        // edit (otherwise a large event would be parsed again after every load).
        if (m_settingText)
            return;
        QString text = m_edit->toPlainText();
        if (text == m_lastText)
            return;
        m_lastText = text;
        Q_EMIT textEdited(text);
    });
}

void JsonEditor::setText(const QString &text)
{
    m_settingText = true;
    m_highlighter->setDocument(text.size() > MaxHighlightedSize ? nullptr : m_edit->document());
    m_edit->setPlainText(text);
    m_lastText = m_edit->toPlainText(); // as the editor holds it (line breaks normalised)
    m_settingText = false;
    clearError();
}

void JsonEditor::setJson(const json::Value &value)
{
    setText(prettyJson(value));
}

QString JsonEditor::text() const
{
    return m_edit->toPlainText();
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
