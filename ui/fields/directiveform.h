#pragma once

#include "directivespec.h"

#include "json/value.h"
#include "util/result.h"

#include <QWidget>

#include <vector>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QStackedWidget;

namespace inkmapper::ui {

class JsonTextEdit;
class ValueInput;

/**
 * Edits a function (a mapping-kit directive) with a form for its options: a menu of functions, a sentence
 * of help, one field per option and, for directives or shapes the forms cannot show, a JSON sub-editor.
 * An edit rewrites only the option it touched, so key order and keys the form does not know are kept.
 */
class DirectiveForm : public QWidget
{
    Q_OBJECT

public:
    explicit DirectiveForm(QWidget *parent = nullptr);
    ~DirectiveForm() override;

    /** Shows `directive` (an object such as {"@case": {…}}). Does not emit valueEdited. */
    void setValue(const json::Value &directive);
    /** The directive as edited. */
    json::Value value() const { return m_value; }
    /**
     * The value the function works on (e.g. the event variable the key had), used to fill in the options of
     * a function the user picks next when the current one does not name such a value (e.g. a template).
     */
    void setSeed(const json::Value &seed);
    /** The directive name shown ("@case"), or an empty string on the JSON page. */
    QString directiveName() const;

    /** The paths offered while typing event variables (those of the sample event). */
    void setCompletionPaths(const QStringList &paths);
    /**
     * Shows the validator's errors under the options they name; `keyPath` is the path of the key being
     * edited ("data.sku"), so "data.sku.@replace.pattern" lands under Pattern.
     */
    void setErrors(const std::vector<Error> &errors, const QString &keyPath);

Q_SIGNALS:
    /** The user changed the function or one of its options. */
    void valueEdited(const json::Value &directive);

private:
    struct OptionRow;
    struct Page;

    void buildPages();
    QWidget *buildEditor(Page &page, OptionRow &row);
    bool canShow(const DirectiveSpec &spec, const json::Value &directive) const;
    void fill(Page &page);
    void showJsonPage(const QString &notice);
    void functionChosen();
    void optionEdited(Page &page, OptionRow &row);
    json::Value optionValue(const OptionRow &row, bool *ok) const;
    void jsonEdited();
    void commit(json::Value directive);

    QComboBox *m_function;
    QLabel *m_help;
    QStackedWidget *m_pages;
    std::vector<Page> m_formPages;
    QWidget *m_jsonPage;
    JsonTextEdit *m_json;
    QLabel *m_jsonNotice;
    QLabel *m_jsonError;
    json::Value m_value;
    json::Value m_seed;
    QStringList m_paths;
    bool m_updating = false;
};

} // namespace inkmapper::ui
