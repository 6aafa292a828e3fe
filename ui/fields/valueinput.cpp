#include "valueinput.h"

#include "json/object.h"
#include "json/parser.h"
#include "json/writer.h"

#include <QComboBox>
#include <QCompleter>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QStringListModel>

namespace inkmapper::ui {

ValueInput::ValueInput(bool optional, QWidget *parent)
    : QWidget(parent)
    , m_mode(new QComboBox(this))
    , m_text(new QLineEdit(this))
    , m_completer(new QCompleter(this))
    , m_paths(new QStringListModel(this))
    , m_optional(optional)
{
    if (optional)
        m_mode->addItem(tr("Not set"), int(Mode::NotSet));
    m_mode->addItem(tr("Event variable"), int(Mode::Path));
    m_mode->addItem(tr("Text"), int(Mode::Text));
    m_mode->addItem(tr("JSON"), int(Mode::Json));
    m_mode->setToolTip(tr("Event variable: a path such as $.properties.sku; Text: fixed text; JSON: any value, "
                          "including another function"));
    m_mode->setSizeAdjustPolicy(QComboBox::AdjustToContents);

    m_completer->setModel(m_paths);
    m_completer->setCaseSensitivity(Qt::CaseInsensitive);
    m_completer->setFilterMode(Qt::MatchContains);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_mode);
    layout->addWidget(m_text, 1);
    setFocusProxy(m_text);

    connect(m_mode, &QComboBox::activated, this, &ValueInput::modeChosen);
    connect(m_text, &QLineEdit::textEdited, this, &ValueInput::textEdited);
    connect(m_completer, qOverload<const QString &>(&QCompleter::activated), this, &ValueInput::textEdited);
    setValue(json::Value());
}

ValueInput::Mode ValueInput::modeOf(const json::Value &value)
{
    if (value.isUndefined())
        return Mode::NotSet;
    if (value.isString())
        return Mode::Text;
    if (value.isObject() && value.toObject().size() == 1 && value.toObject().at(0).first == QLatin1String("@path")
        && value.toObject().at(0).second.isString())
        return Mode::Path;
    return Mode::Json;
}

ValueInput::Mode ValueInput::mode() const
{
    return Mode(m_mode->currentData().toInt());
}

void ValueInput::setAccessibleNames(const QString &name)
{
    m_mode->setAccessibleName(tr("%1: source").arg(name));
    m_text->setAccessibleName(name);
}

void ValueInput::setCompletionPaths(const QStringList &paths)
{
    m_paths->setStringList(paths);
}

void ValueInput::setValue(const json::Value &value)
{
    m_value = value;
    Mode mode = modeOf(value);
    if (mode == Mode::NotSet && !m_optional)
        mode = Mode::Text;
    QString text;
    switch (mode) {
    case Mode::NotSet:
        break;
    case Mode::Path:
        text = value.toObject().at(0).second.toString();
        break;
    case Mode::Text:
        text = value.isString() ? value.toString() : QString();
        break;
    case Mode::Json:
        text = json::toJsonString(value);
        break;
    }
    if (m_text->text() != text)
        m_text->setText(text);
    m_mode->setCurrentIndex(m_mode->findData(int(mode)));
    showMode(mode);
}

void ValueInput::showMode(Mode mode)
{
    m_text->setEnabled(mode != Mode::NotSet);
    m_text->setCompleter(mode == Mode::Path ? m_completer : nullptr);
    const bool code = mode == Mode::Path || mode == Mode::Json;
    m_text->setFont(code ? QFontDatabase::systemFont(QFontDatabase::FixedFont) : font());
    switch (mode) {
    case Mode::NotSet:
        m_text->setPlaceholderText(tr("(left out)"));
        break;
    case Mode::Path:
        m_text->setPlaceholderText(QStringLiteral("$.properties.sku"));
        break;
    case Mode::Text:
        m_text->setPlaceholderText(QString());
        break;
    case Mode::Json:
        m_text->setPlaceholderText(QStringLiteral("{\"@path\": \"$.userId\"}"));
        break;
    }
    m_text->setStyleSheet(QString());
    m_text->setToolTip(QString());
}

json::Value ValueInput::valueFor(Mode mode, const QString &text, bool *ok) const
{
    *ok = true;
    switch (mode) {
    case Mode::NotSet:
        return {};
    case Mode::Path: {
        json::Object directive;
        directive.set(QStringLiteral("@path"), text);
        return json::Value(std::move(directive));
    }
    case Mode::Text:
        return text;
    case Mode::Json: {
        const Result<json::Value> parsed = json::parse(QStringView(text));
        *ok = parsed.ok();
        return parsed ? *parsed : json::Value();
    }
    }
    return {};
}

void ValueInput::modeChosen()
{
    const Mode mode = this->mode();
    QString text = m_text->text();
    // JSON shows the whole value; leaving JSON for text keeps a string's own text.
    if (mode == Mode::Json && modeOf(m_value) != Mode::Json)
        text = m_value.isUndefined() ? QString() : json::toJsonString(m_value);
    else if (modeOf(m_value) == Mode::Json && mode != Mode::Json)
        text = QString();
    if (m_text->text() != text)
        m_text->setText(text);
    showMode(mode);
    textEdited(text);
    if (mode != Mode::NotSet)
        m_text->setFocus();
}

void ValueInput::textEdited(const QString &text)
{
    bool ok = false;
    const json::Value value = valueFor(mode(), text, &ok);
    if (!ok) {
        const Result<json::Value> parsed = json::parse(QStringView(text));
        m_text->setStyleSheet(QStringLiteral("QLineEdit { border: 1px solid #c62828; }"));
        m_text->setToolTip(tr("Not valid JSON, not applied: %1").arg(parsed ? QString() : parsed.error().describe()));
        return;
    }
    m_text->setStyleSheet(QString());
    m_text->setToolTip(QString());
    if (value == m_value && modeOf(value) == modeOf(m_value))
        return;
    m_value = value;
    Q_EMIT valueEdited();
}

} // namespace inkmapper::ui
