#include "conditionbuilder.h"

#include "conditiongroupwidget.h"
#include "conditionrow.h"
#include "conditiontreemodel.h"

#include <QApplication>
#include <QVBoxLayout>

#include <algorithm>

namespace inkmapper::ui {

ConditionBuilder::ConditionBuilder(ConditionTreeModel *model, SampleCompletions *completions, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_completions(completions)
    , m_layout(new QVBoxLayout(this))
{
    setObjectName(QStringLiteral("conditionBuilder"));
    m_layout->addStretch(1);

    connect(model, &QAbstractItemModel::modelReset, this, &ConditionBuilder::rebuild);
    connect(model, &QAbstractItemModel::rowsInserted, this, [this](const QModelIndex &parent, int first, int) {
        m_focusGroup = parent;
        m_focusRow = first;
        m_focusAfterRemoval = false;
        rebuild();
    });
    connect(model, &QAbstractItemModel::rowsAboutToBeRemoved, this, [this](const QModelIndex &parent, int first, int) {
        // Only a removal made from inside the builder moves the focus.
        const QWidget *focus = QApplication::focusWidget();
        const bool hadFocus = focus && isAncestorOf(focus);
        m_focusGroup = hadFocus ? QPersistentModelIndex(parent) : QPersistentModelIndex();
        m_focusRow = first;
        m_focusAfterRemoval = true;
    });
    connect(model, &QAbstractItemModel::rowsRemoved, this, &ConditionBuilder::rebuild);
    connect(model, &QAbstractItemModel::dataChanged, this, &ConditionBuilder::refreshAll);

    rebuild();
}

QList<ConditionRow *> ConditionBuilder::rows() const
{
    return m_root ? m_root->findChildren<ConditionRow *>() : QList<ConditionRow *>();
}

ConditionGroupWidget *ConditionBuilder::rootGroup() const
{
    // Out of line: reading the QPointer needs the complete ConditionGroupWidget type.
    return m_root;
}

void ConditionBuilder::rebuild()
{
    QWidget *tabStopBefore = m_root ? tabStopBeforeRows() : nullptr;
    if (m_root) {
        // The old widgets may be the sender of what caused this (a remove button): delete them later.
        m_root->hide();
        m_layout->removeWidget(m_root);
        m_root->deleteLater();
    }
    m_root = new ConditionGroupWidget(m_model, m_model->rootIndex(), m_completions, this);
    m_layout->insertWidget(0, m_root);
    int ordinal = 0;
    for (ConditionRow *row : rows())
        row->setOrdinal(++ordinal);
    restoreTabOrder(tabStopBefore);
    focusAfterRebuild();
}

QWidget *ConditionBuilder::tabStopBeforeRows() const
{
    for (QWidget *widget = m_root->previousInFocusChain(); widget && widget != m_root;
         widget = widget->previousInFocusChain()) {
        if (widget->isWindow())
            return nullptr;
        if (widget != this && !isAncestorOf(widget) && (widget->focusPolicy() & Qt::TabFocus))
            return widget;
    }
    return nullptr;
}

void ConditionBuilder::restoreTabOrder(QWidget *before)
{
    // New widgets join the end of the window's focus chain; put them back where the old rows were, in
    // reading order (their creation order).
    QWidget *previous = before;
    for (QWidget *widget : m_root->findChildren<QWidget *>()) {
        // Popups (a combo box's list, a completer) are windows of their own, and so are their children.
        if (widget->window() != window() || !(widget->focusPolicy() & Qt::TabFocus))
            continue;
        if (previous)
            QWidget::setTabOrder(previous, widget);
        previous = widget;
    }
}

void ConditionBuilder::refreshAll()
{
    if (!m_root)
        return;
    m_root->refresh();
    for (ConditionGroupWidget *group : m_root->findChildren<ConditionGroupWidget *>())
        group->refresh();
    for (ConditionRow *row : rows())
        row->refresh();
}

void ConditionBuilder::focusAfterRebuild()
{
    const QPersistentModelIndex group = m_focusGroup;
    const int row = m_focusRow;
    m_focusGroup = QPersistentModelIndex();
    m_focusRow = -1;
    if (!group.isValid() || row < 0)
        return;
    const int count = m_model->rowCount(group);
    // After a removal: the row that took its place, else the one before, else the group's add button.
    const int target = m_focusAfterRemoval ? std::min(row, count - 1) : row;
    if (target < 0) {
        if (auto *groupWidget = qobject_cast<ConditionGroupWidget *>(widgetFor(group)))
            groupWidget->focusAddCondition();
        return;
    }
    QWidget *widget = widgetFor(m_model->index(target, 0, group));
    if (auto *conditionRow = qobject_cast<ConditionRow *>(widget))
        conditionRow->focusFirstEditor();
    else if (auto *groupWidget = qobject_cast<ConditionGroupWidget *>(widget))
        groupWidget->focusFirstEditor();
}

QWidget *ConditionBuilder::widgetFor(const QModelIndex &index) const
{
    if (!m_root)
        return nullptr;
    if (m_root->index() == index)
        return m_root;
    for (ConditionGroupWidget *group : m_root->findChildren<ConditionGroupWidget *>()) {
        if (group->index() == index)
            return group;
    }
    for (ConditionRow *row : rows()) {
        if (row->index() == index)
            return row;
    }
    return nullptr;
}

} // namespace inkmapper::ui
