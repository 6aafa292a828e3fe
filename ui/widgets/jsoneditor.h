#pragma once

#include "json/value.h"
#include "util/result.h"

#include <QWidget>

class QLabel;

namespace inkmapper::ui {

class CodeEdit;
class JsonSyntaxHighlighter;

/**
 * A JSON editor: syntax highlighting, line numbers, and an error shown twice — a wavy underline at the
 * exact line and column and a message under the text ("line 3, column 7: …"). It never parses on its
 * own: the owner decides what valid means (one event, many events, a mapping) and calls showError().
 */
class JsonEditor : public QWidget
{
    Q_OBJECT

public:
    explicit JsonEditor(QWidget *parent = nullptr);

    /** Replaces the text without emitting textEdited(); clears the error. */
    void setText(const QString &text);
    /** Shows `value` pretty-printed as JSON.stringify(value, null, 2) does; clears the error. */
    void setJson(const json::Value &value);
    QString text() const;

    /** Marks `error` (its location's line and column) and shows its description under the text. */
    void showError(const Error &error);
    void clearError();
    bool hasError() const;
    /** The message under the text, empty without an error. */
    QString errorMessage() const;

    void setReadOnly(bool readOnly);
    void setPlaceholderText(const QString &text);
    /** The text area itself, for focus, tab order and tests. */
    CodeEdit *textEdit() const { return m_edit; }

    /** `value` as the editor shows it: two-space indented JSON. */
    static QString prettyJson(const json::Value &value);

Q_SIGNALS:
    /** The user changed the text (not emitted by setText()/setJson()). */
    void textEdited(const QString &text);

private:
    void followChange(int position, int removed, int added);

    CodeEdit *m_edit;
    JsonSyntaxHighlighter *m_highlighter;
    QLabel *m_errorIcon;
    QLabel *m_errorLabel;
    QWidget *m_errorRow;
    bool m_settingText = false;
    QString m_lastText;         ///< the text as the editor holds it, as toPlainText() would give it
    bool m_textChanged = false; ///< the user changed m_lastText since textEdited() was last emitted
};

} // namespace inkmapper::ui
