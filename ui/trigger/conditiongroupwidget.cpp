#include "conditiongroupwidget.h"

#include "conditionrow.h"
#include "conditiontreemodel.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QPushButton>
#include <QSignalBlocker>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

namespace inkmapper::ui {

ConditionGroupWidget::ConditionGroupWidget(ConditionTreeModel *model, const QModelIndex &index,
                                           SampleCompletions *completions, QWidget *parent)
    : QFrame(parent)
    , m_model(model)
    , m_index(index)
    , m_operatorCombo(new QComboBox(this))
{
    setObjectName(isRoot() ? QStringLiteral("rootGroup") : QStringLiteral("nestedGroup"));
    auto *layout = new QVBoxLayout(this);
    if (isRoot()) {
        layout->setContentsMargins(0, 0, 0, 0);
    } else {
        setFrameShape(QFrame::StyledPanel);
        setAutoFillBackground(true);
        setBackgroundRole(QPalette::AlternateBase);
    }

    m_operatorCombo->setObjectName(QStringLiteral("groupOperatorCombo"));
    m_operatorCombo->addItem(QStringLiteral("all"), false);
    m_operatorCombo->addItem(QStringLiteral("any"), true);
    m_operatorCombo->setToolTip(QStringLiteral("all: every condition must match (and)\nany: one match is enough (or)"));
    m_operatorCombo->setAccessibleName(isRoot() ? QStringLiteral("Match all or any conditions")
                                                : QStringLiteral("Group matches all or any conditions"));
    connect(m_operatorCombo, &QComboBox::currentIndexChanged, this, [this](int comboIndex) {
        m_model->setData(m_index, m_operatorCombo->itemData(comboIndex), ConditionTreeModel::GroupIsOrRole);
    });

    auto *header = new QHBoxLayout;
    if (isRoot())
        header->addWidget(new QLabel(QStringLiteral("If"), this));
    header->addWidget(m_operatorCombo);
    header->addWidget(new QLabel(isRoot() ? QStringLiteral("of the following conditions match:")
                                          : QStringLiteral("of these conditions match:"),
                                 this));
    header->addStretch(1);
    if (!isRoot()) {
        m_removeButton = new QToolButton(this);
        m_removeButton->setObjectName(QStringLiteral("removeGroupButton"));
        m_removeButton->setAutoRaise(true);
        m_removeButton->setIcon(QIcon::fromTheme(QStringLiteral("list-remove"),
                                                 style()->standardIcon(QStyle::SP_DialogCloseButton, nullptr, this)));
        m_removeButton->setToolTip(QStringLiteral("Remove this group and its conditions"));
        m_removeButton->setAccessibleName(QStringLiteral("Remove group"));
        m_removeButton->setFocusPolicy(Qt::StrongFocus);
        connect(m_removeButton, &QToolButton::clicked, this, [this] { m_model->removeNode(m_index); });
        header->addWidget(m_removeButton);
    }
    layout->addLayout(header);

    // Conditions sit indented under their header, as in Segment's builder.
    auto *rows = new QVBoxLayout;
    rows->setContentsMargins(style()->pixelMetric(QStyle::PM_LayoutLeftMargin), 0, 0, 0);
    const int count = model->rowCount(index);
    for (int row = 0; row < count; ++row) {
        const QModelIndex child = model->index(row, 0, index);
        if (child.data(ConditionTreeModel::IsGroupRole).toBool())
            rows->addWidget(new ConditionGroupWidget(model, child, completions, this));
        else
            rows->addWidget(new ConditionRow(model, child, completions, this));
    }
    if (count == 0) {
        m_emptyLabel = new QLabel(QStringLiteral("No conditions yet. A trigger without conditions matches no events."), this);
        m_emptyLabel->setObjectName(QStringLiteral("emptyLabel"));
        m_emptyLabel->setForegroundRole(QPalette::PlaceholderText);
        rows->addWidget(m_emptyLabel);
    }
    layout->addLayout(rows);

    // Created after the rows: creation order is the tab order the builder restores after a rebuild.
    m_addConditionButton = new QPushButton(this);
    // Only the root's buttons get mnemonics: a second Alt+C in a nested group would be ambiguous.
    m_addConditionButton->setText(isRoot() ? QStringLiteral("Add &condition") : QStringLiteral("Add condition"));
    m_addConditionButton->setObjectName(QStringLiteral("addConditionButton"));
    m_addConditionButton->setIcon(QIcon::fromTheme(QStringLiteral("list-add")));
    m_addConditionButton->setToolTip(isRoot() ? QStringLiteral("Add a condition to the trigger")
                                              : QStringLiteral("Add a condition to this group"));
    m_addConditionButton->setAccessibleName(isRoot() ? QStringLiteral("Add condition")
                                                     : QStringLiteral("Add condition to group"));
    connect(m_addConditionButton, &QPushButton::clicked, this, [this] { m_model->appendCondition(m_index); });
    auto *footer = new QHBoxLayout;
    footer->setContentsMargins(rows->contentsMargins().left(), 0, 0, 0);
    footer->addWidget(m_addConditionButton);
    if (model->canAppendGroup(index)) {
        m_addGroupButton = new QPushButton(QStringLiteral("Add &group"), this);
        m_addGroupButton->setObjectName(QStringLiteral("addGroupButton"));
        m_addGroupButton->setIcon(QIcon::fromTheme(QStringLiteral("list-add")));
        m_addGroupButton->setToolTip(QStringLiteral("Add a group of conditions in parentheses, "
                                                    "e.g. type = \"track\" and (event = \"A\" or event = \"B\")"));
        m_addGroupButton->setAccessibleName(QStringLiteral("Add group"));
        connect(m_addGroupButton, &QPushButton::clicked, this, [this] { m_model->appendGroup(m_index); });
        footer->addWidget(m_addGroupButton);
    }
    footer->addStretch(1);
    layout->addLayout(footer);

    refresh();
}

void ConditionGroupWidget::refresh()
{
    if (!m_index.isValid())
        return;
    const QSignalBlocker blocker(m_operatorCombo);
    m_operatorCombo->setCurrentIndex(m_index.data(ConditionTreeModel::GroupIsOrRole).toBool() ? 1 : 0);
}

void ConditionGroupWidget::focusFirstEditor()
{
    const auto rows = findChildren<ConditionRow *>();
    if (rows.isEmpty())
        focusAddCondition();
    else
        rows.front()->focusFirstEditor();
}

void ConditionGroupWidget::focusAddCondition()
{
    m_addConditionButton->setFocus(Qt::OtherFocusReason);
}

bool ConditionGroupWidget::isRoot() const
{
    return !m_index.parent().isValid();
}

} // namespace inkmapper::ui
