#pragma once

#include "fql/condition.h"

#include <QPersistentModelIndex>
#include <QWidget>

#include <optional>

class QComboBox;
class QCompleter;
class QLabel;
class QLineEdit;
class QToolButton;

namespace inkmapper::ui {

class ConditionTreeModel;
class SampleCompletions;

/**
 * One condition of the builder: [match mark] [field kind] [path] [operator] [value] [problem] [remove].
 * It shows a row of a ConditionTreeModel and writes the user's choices back with setData(); it never
 * holds state of its own beyond the editors, so refresh() after any model change is always right.
 */
class ConditionRow : public QWidget
{
    Q_OBJECT

public:
    /** A row for the condition at `index`; `completions` may be nullptr. */
    ConditionRow(ConditionTreeModel *model, const QModelIndex &index, SampleCompletions *completions,
                 QWidget *parent = nullptr);

    /** The condition this row shows. */
    QModelIndex index() const { return m_index; }
    /** Re-reads the condition from the model (without disturbing an editor whose text already matches). */
    void refresh();
    /** Puts the keyboard focus on the field kind list. */
    void focusFirstEditor();
    /** Numbers the row for accessible names ("Condition 2 operator"). */
    void setOrdinal(int ordinal);

private:
    void onFieldChosen(int comboIndex);
    void onOperatorChosen(int comboIndex);
    void onEventTypeChosen(int comboIndex);
    void updateAccessibleNames();

    ConditionTreeModel *m_model;
    QPersistentModelIndex m_index;
    SampleCompletions *m_completions;
    int m_ordinal = 1;
    std::optional<fql::ConditionType> m_shownType;
    QLabel *m_matchMark;
    QComboBox *m_fieldCombo;
    QLineEdit *m_pathEdit;
    QCompleter *m_pathCompleter = nullptr;
    QComboBox *m_operatorCombo;
    QComboBox *m_eventTypeCombo;
    QLineEdit *m_valueEdit;
    QCompleter *m_valueCompleter = nullptr;
    QLabel *m_problemMark;
    QToolButton *m_removeButton;
};

} // namespace inkmapper::ui
