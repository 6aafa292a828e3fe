#pragma once

#include "datafieldmodel.h"

#include "json/value.h"

#include <QHash>
#include <QPersistentModelIndex>
#include <QPointer>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QStackedWidget;
class QVBoxLayout;

namespace inkmapper::ui {

class DirectiveForm;
class PathPicker;
class StaticValueEditor;

/**
 * Edits the selected row of a DataFieldModel: its key, its source (event variable, static value, function,
 * object of keys) with the editor that source needs, what the value becomes in the sample event and the
 * validator's errors for it. Switching source and back restores what the row had.
 */
class SourceEditor : public QWidget
{
    Q_OBJECT

public:
    explicit SourceEditor(DataFieldModel *model, QWidget *parent = nullptr);
    ~SourceEditor() override;

    /** Edits the row `index` of the model (invalid: nothing to edit). */
    void setCurrentIndex(const QModelIndex &index);
    /** The row being edited. */
    QModelIndex currentIndex() const { return m_index; }

    /** The sample event: browsed by the path picker and offered for completion. */
    void setSampleEvent(const json::Value &event);

    /** Re-reads the row's preview and errors (after validation). */
    void refreshStatus();

Q_SIGNALS:
    /** The user asked for a new key inside the edited object. */
    void addKeyRequested();

private:
    enum Page { EmptyPage, PathPage, StaticPage, FunctionPage, ObjectPage };

    void refreshEditors();
    void rowChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight);
    void sourceChosen();
    void keyEdited();
    void apply(const json::Value &value);
    void showPage(Page page);

    QPointer<DataFieldModel> m_model; ///< owned elsewhere and possibly deleted first on teardown
    QPersistentModelIndex m_index;
    QVBoxLayout *m_layout = nullptr;
    QLabel *m_title;
    QLabel *m_keyLabel;
    QLineEdit *m_key;
    QLabel *m_keyError;
    QComboBox *m_source;
    QStackedWidget *m_pages;
    PathPicker *m_pathPicker;
    StaticValueEditor *m_static;
    DirectiveForm *m_function;
    QLabel *m_objectSummary;
    QPushButton *m_addKey;
    QLabel *m_sample;
    QLabel *m_errors;
    /** What the row had under each source, so switching back restores it (for the current row only). */
    QHash<int, json::Value> m_memory;
    bool m_applying = false;
};

} // namespace inkmapper::ui
