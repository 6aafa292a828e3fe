#pragma once

#include <QFrame>
#include <QPersistentModelIndex>

class QComboBox;
class QLabel;
class QPushButton;
class QToolButton;
class QVBoxLayout;

namespace inkmapper::ui {

class ConditionTreeModel;
class SampleCompletions;

/**
 * A group of the builder: "If [all|any] of the following conditions match", its conditions (and, for
 * the root, nested groups), and "Add condition" / "Add group". A nested group draws a frame and has a
 * remove button but no "Add group", since FQL has only one level of parentheses.
 */
class ConditionGroupWidget : public QFrame
{
    Q_OBJECT

public:
    /** Builds the widgets for the group at `index` and, recursively, for its children. */
    ConditionGroupWidget(ConditionTreeModel *model, const QModelIndex &index, SampleCompletions *completions,
                         QWidget *parent = nullptr);

    /** The group this widget shows. */
    QModelIndex index() const { return m_index; }
    /** Re-reads the group's connective from the model. */
    void refresh();
    /** Focuses the first condition's field list, or "Add condition" when the group is empty. */
    void focusFirstEditor();
    /** Focuses "Add condition". */
    void focusAddCondition();

private:
    bool isRoot() const;

    ConditionTreeModel *m_model;
    QPersistentModelIndex m_index;
    QComboBox *m_operatorCombo;
    QPushButton *m_addConditionButton = nullptr;
    QPushButton *m_addGroupButton = nullptr;
    QToolButton *m_removeButton = nullptr;
    QLabel *m_emptyLabel = nullptr;
};

} // namespace inkmapper::ui
