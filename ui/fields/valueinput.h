#pragma once

#include "json/value.h"

#include <QWidget>

class QComboBox;
class QCompleter;
class QLineEdit;
class QStringListModel;

namespace inkmapper::ui {

/**
 * One option of a function that takes "a value": a mode menu (event variable, text, JSON, or not set for
 * optional options) and a one-line field. An event variable becomes `{"@path": text}`, text a string and
 * JSON anything, including another directive. JSON that does not parse is marked and not applied.
 */
class ValueInput : public QWidget
{
    Q_OBJECT

public:
    /** How the field's text becomes a value. */
    enum class Mode { NotSet, Path, Text, Json };

    /** `optional`: the menu offers "Not set", which leaves the option out. */
    explicit ValueInput(bool optional, QWidget *parent = nullptr);

    /** Shows `value` (undefined: not set). Does not emit valueEdited. */
    void setValue(const json::Value &value);
    /** The value (undefined when not set). */
    json::Value value() const { return m_value; }
    /** The mode shown. */
    Mode mode() const;

    /** Paths offered while typing an event variable. */
    void setCompletionPaths(const QStringList &paths);
    /** Names the input for screen readers and tooltips. */
    void setAccessibleNames(const QString &name);

    /** The mode a value is shown in. */
    static Mode modeOf(const json::Value &value);

Q_SIGNALS:
    /** The user changed the value. */
    void valueEdited();

private:
    void modeChosen();
    void textEdited(const QString &text);
    void showMode(Mode mode);
    json::Value valueFor(Mode mode, const QString &text, bool *ok) const;

    QComboBox *m_mode;
    QLineEdit *m_text;
    QCompleter *m_completer;
    QStringListModel *m_paths;
    json::Value m_value;
    bool m_optional;
};

} // namespace inkmapper::ui
