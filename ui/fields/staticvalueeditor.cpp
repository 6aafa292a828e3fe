#include "staticvalueeditor.h"

#include "jsontextedit.h"

#include "json/jssemantics.h"
#include "json/parser.h"
#include "json/writer.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSignalBlocker>
#include <QStackedWidget>

#include <cmath>

namespace inkmapper::ui {

StaticValueEditor::StaticValueEditor(QWidget *parent)
    : QWidget(parent)
    , m_type(new QComboBox(this))
    , m_pages(new QStackedWidget(this))
    , m_text(new QLineEdit(this))
    , m_number(new QLineEdit(this))
    , m_boolean(new QComboBox(this))
    , m_null(new QLabel(tr("The value is null."), this))
    , m_json(new JsonTextEdit(this))
    , m_error(new QLabel(this))
{
    setFocusProxy(m_type);
    m_type->setObjectName(QStringLiteral("staticType"));
    m_type->setAccessibleName(tr("Static value type"));
    m_type->addItem(tr("Text"), int(Type::Text));
    m_type->addItem(tr("Number"), int(Type::Number));
    m_type->addItem(tr("Boolean"), int(Type::Boolean));
    m_type->addItem(tr("Null"), int(Type::Null));
    m_type->addItem(tr("JSON"), int(Type::Json));
    m_type->setToolTip(tr("The JSON type of the value"));

    m_text->setObjectName(QStringLiteral("staticText"));
    m_text->setAccessibleName(tr("Static text"));
    m_number->setObjectName(QStringLiteral("staticNumber"));
    m_number->setAccessibleName(tr("Static number"));
    m_number->setPlaceholderText(QStringLiteral("42"));
    m_boolean->setObjectName(QStringLiteral("staticBoolean"));
    m_boolean->setAccessibleName(tr("Static boolean"));
    m_boolean->addItem(QStringLiteral("true"), true);
    m_boolean->addItem(QStringLiteral("false"), false);
    m_null->setForegroundRole(QPalette::PlaceholderText);
    m_json->setObjectName(QStringLiteral("staticJson"));
    m_json->setAccessibleName(tr("Static JSON value"));
    m_json->setVisibleLines(5);
    m_error->setObjectName(QStringLiteral("staticError"));
    m_error->setStyleSheet(QStringLiteral("color: #c62828"));
    m_error->setWordWrap(true);
    m_error->hide();

    for (QWidget *page : {static_cast<QWidget *>(m_text), static_cast<QWidget *>(m_number),
                          static_cast<QWidget *>(m_boolean), static_cast<QWidget *>(m_null),
                          static_cast<QWidget *>(m_json)})
        m_pages->addWidget(page);

    auto *layout = new QFormLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addRow(tr("&Type:"), m_type);
    layout->addRow(tr("&Value:"), m_pages);
    layout->addRow(QString(), m_error);

    connect(m_type, &QComboBox::activated, this, &StaticValueEditor::typeChosen);
    connect(m_text, &QLineEdit::textEdited, this, [this](const QString &text) { apply(text); });
    connect(m_number, &QLineEdit::textEdited, this, &StaticValueEditor::numberEdited);
    connect(m_boolean, &QComboBox::activated, this, [this] { apply(m_boolean->currentData().toBool()); });
    connect(m_json, &JsonTextEdit::textChanged, this, &StaticValueEditor::jsonEdited);
    setValue(QString());
}

StaticValueEditor::Type StaticValueEditor::typeOf(const json::Value &value)
{
    switch (value.type()) {
    case json::Value::Type::String:
        return Type::Text;
    case json::Value::Type::Number:
        return Type::Number;
    case json::Value::Type::Boolean:
        return Type::Boolean;
    case json::Value::Type::Null:
        return Type::Null;
    default:
        return Type::Json;
    }
}

StaticValueEditor::Type StaticValueEditor::type() const
{
    return Type(m_type->currentData().toInt());
}

void StaticValueEditor::setValue(const json::Value &value)
{
    const QSignalBlocker blocker(m_type);
    m_updating = true;
    m_value = value;
    const Type type = typeOf(value);
    m_type->setCurrentIndex(m_type->findData(int(type)));
    switch (type) {
    case Type::Text:
        if (m_text->text() != value.toString())
            m_text->setText(value.toString());
        break;
    case Type::Number:
        m_number->setText(json::toJsString(value));
        break;
    case Type::Boolean:
        m_boolean->setCurrentIndex(value.toBool() ? 0 : 1);
        break;
    case Type::Null:
        break;
    case Type::Json: {
        // Keep the user's own layout when it already says the same.
        const Result<json::Value> shown = json::parse(QStringView(m_json->toPlainText()));
        if (!shown || !(*shown == value))
            m_json->replaceText(json::toJsonString(value, {2}));
        m_json->clearError();
        break;
    }
    }
    m_error->hide();
    showType(type);
    m_updating = false;
}

void StaticValueEditor::showType(Type type)
{
    m_pages->setCurrentIndex(int(type));
    // The page's height follows its editor, so a one-line value does not leave a gap.
    for (int i = 0; i < m_pages->count(); ++i)
        m_pages->widget(i)->setSizePolicy(QSizePolicy::Preferred, i == int(type) ? QSizePolicy::Preferred : QSizePolicy::Ignored);
    m_pages->adjustSize();
}

void StaticValueEditor::typeChosen()
{
    const Type type = Type(m_type->currentData().toInt());
    if (type == typeOf(m_value) && type != Type::Json)
        return;
    // Carry the value over where it has a meaning in the new type; otherwise start from that type's empty value.
    json::Value converted;
    switch (type) {
    case Type::Text:
        converted = m_value.isString() ? m_value : json::Value(json::toJsString(m_value));
        if (m_value.isObject() || m_value.isArray())
            converted = json::toJsonString(m_value);
        break;
    case Type::Number: {
        const double number = json::toJsNumber(m_value);
        converted = std::isfinite(number) ? number : 0.0;
        break;
    }
    case Type::Boolean:
        converted = m_value.isTruthy();
        break;
    case Type::Null:
        converted = nullptr;
        break;
    case Type::Json: {
        showType(Type::Json);
        m_updating = true;
        m_json->replaceText(json::toJsonString(m_value, {2}));
        m_json->clearError();
        m_updating = false;
        m_json->setFocus();
        return;
    }
    }
    setValue(converted);
    Q_EMIT valueEdited(m_value);
}

void StaticValueEditor::apply(const json::Value &value)
{
    if (m_updating)
        return;
    m_error->hide();
    if (value == m_value)
        return;
    m_value = value;
    Q_EMIT valueEdited(m_value);
}

void StaticValueEditor::numberEdited(const QString &text)
{
    const Result<json::Value> parsed = json::parse(QStringView(text.trimmed()));
    if (!parsed || !parsed->isNumber()) {
        m_error->setText(tr("\u201c%1\u201d is not a number; it is not applied.").arg(text));
        m_error->show();
        return;
    }
    apply(*parsed);
}

void StaticValueEditor::jsonEdited()
{
    if (m_updating)
        return;
    const Result<json::Value> parsed = json::parse(QStringView(m_json->toPlainText()));
    if (!parsed) {
        m_json->setError(parsed.error().location.line, parsed.error().location.column, parsed.error().message);
        m_error->setText(tr("Not applied: %1").arg(parsed.error().describe()));
        m_error->show();
        return;
    }
    m_json->clearError();
    apply(*parsed);
}

} // namespace inkmapper::ui
