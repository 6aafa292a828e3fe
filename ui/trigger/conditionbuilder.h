#pragma once

#include <QPersistentModelIndex>
#include <QPointer>
#include <QWidget>

class QVBoxLayout;

namespace inkmapper::ui {

class ConditionGroupWidget;
class ConditionRow;
class ConditionTreeModel;
class SampleCompletions;

/**
 * The condition builder: a view of a ConditionTreeModel as Segment-style rows (groups with their
 * all/any switch, conditions, add and remove buttons). Structural changes rebuild the rows; data changes
 * update them in place, so an editor being typed into keeps its focus and cursor. After a condition is
 * added or removed the keyboard focus lands on a sensible neighbour.
 */
class ConditionBuilder : public QWidget
{
    Q_OBJECT

public:
    /** A builder over `model`; `completions` (may be nullptr) feeds the rows' completers. */
    ConditionBuilder(ConditionTreeModel *model, SampleCompletions *completions, QWidget *parent = nullptr);

    /** The rows currently shown, in tree order (pre-order, nested groups' conditions included). */
    QList<ConditionRow *> rows() const;
    /** The widget of the root group. */
    ConditionGroupWidget *rootGroup() const;

private:
    void rebuild();
    void refreshAll();
    void focusAfterRebuild();
    QWidget *tabStopBeforeRows() const;
    void restoreTabOrder(QWidget *before);
    QWidget *widgetFor(const QModelIndex &index) const;

    ConditionTreeModel *m_model;
    SampleCompletions *m_completions;
    QVBoxLayout *m_layout;
    QPointer<ConditionGroupWidget> m_root;
    // Where the focus goes after the coming rebuild: the inserted row, or the row where one was removed.
    QPersistentModelIndex m_focusGroup;
    int m_focusRow = -1;
    bool m_focusAfterRemoval = false;
};

} // namespace inkmapper::ui
