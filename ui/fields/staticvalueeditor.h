#pragma once

#include "json/value.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QStackedWidget;

namespace inkmapper::ui {

class JsonTextEdit;

/**
 * Edits a static value: text, a number, a boolean, null or any JSON. A number or JSON that does not parse
 * stays on screen with its error and is not applied, so nothing typed is lost.
 */
class StaticValueEditor : public QWidget
{
    Q_OBJECT

public:
    /** The kinds of static value, in the order of the type menu. */
    enum class Type { Text, Number, Boolean, Null, Json };

    explicit StaticValueEditor(QWidget *parent = nullptr);

    /** Shows `value` with the editor its type needs. Does not emit valueEdited. */
    void setValue(const json::Value &value);
    /** The value last applied. */
    json::Value value() const { return m_value; }
    /** The type shown. */
    Type type() const;

    /** The type a value is edited as. */
    static Type typeOf(const json::Value &value);

Q_SIGNALS:
    /** The user changed the value to `value`. */
    void valueEdited(const json::Value &value);

private:
    void showType(Type type);
    void typeChosen();
    void apply(const json::Value &value);
    void numberEdited(const QString &text);
    void jsonEdited();

    QComboBox *m_type;
    QStackedWidget *m_pages;
    QLineEdit *m_text;
    QLineEdit *m_number;
    QComboBox *m_boolean;
    QLabel *m_null;
    JsonTextEdit *m_json;
    QLabel *m_error;
    json::Value m_value = QString();
    bool m_updating = false;
};

} // namespace inkmapper::ui
