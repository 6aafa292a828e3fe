#include "conditionrow.h"

#include "conditiontreemodel.h"
#include "conditionvocabulary.h"
#include "samplecompletions.h"

#include <QColor>
#include <QComboBox>
#include <QCompleter>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QSignalBlocker>
#include <QStyle>
#include <QToolButton>

namespace inkmapper::ui {

using fql::ConditionType;
using fql::Operator;
using ValueKind = ConditionVocabulary::ValueKind;

namespace {

QModelIndex sibling(const QPersistentModelIndex &index, int column)
{
    return index.sibling(index.row(), column);
}

// The widest label decides a combo's width, so rows line up whatever is chosen.
void fixWidthToContents(QComboBox *combo)
{
    combo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    combo->setMinimumWidth(combo->sizeHint().width());
    combo->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
}

} // namespace

ConditionRow::ConditionRow(ConditionTreeModel *model, const QModelIndex &index, SampleCompletions *completions,
                           QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_index(index)
    , m_completions(completions)
    , m_matchMark(new QLabel(this))
    , m_fieldCombo(new QComboBox(this))
    , m_pathEdit(new QLineEdit(this))
    , m_operatorCombo(new QComboBox(this))
    , m_eventTypeCombo(new QComboBox(this))
    , m_valueEdit(new QLineEdit(this))
    , m_problemMark(new QLabel(this))
    , m_removeButton(new QToolButton(this))
{
    m_matchMark->setObjectName(QStringLiteral("matchMark"));
    m_matchMark->setAlignment(Qt::AlignCenter);
    m_matchMark->setFixedWidth(m_matchMark->fontMetrics().horizontalAdvance(QStringLiteral("MM")));

    m_fieldCombo->setObjectName(QStringLiteral("fieldCombo"));
    for (ConditionType type : ConditionVocabulary::fieldKinds())
        m_fieldCombo->addItem(ConditionVocabulary::fieldLabel(type), int(type));
    fixWidthToContents(m_fieldCombo);
    m_fieldCombo->setToolTip(QStringLiteral("What part of the event this condition tests"));

    m_pathEdit->setObjectName(QStringLiteral("pathEdit"));
    // Minimums small enough that a row nested two groups deep fits the builder's column without scrolling
    // sideways (which hid the row's remove button); the fields grow with the column.
    m_pathEdit->setMinimumWidth(m_pathEdit->fontMetrics().horizontalAdvance(QStringLiteral("total_price")));
    m_pathEdit->setClearButtonEnabled(true);

    m_operatorCombo->setObjectName(QStringLiteral("operatorCombo"));
    // Sized for the longest label of any field, so switching fields does not shift the row.
    for (Operator op : fql::allOperators())
        m_operatorCombo->addItem(ConditionVocabulary::operatorLabel(op));
    fixWidthToContents(m_operatorCombo);
    m_operatorCombo->clear();
    m_operatorCombo->setToolTip(QStringLiteral("How the field is compared"));

    m_eventTypeCombo->setObjectName(QStringLiteral("eventTypeCombo"));
    for (const QString &type : ConditionVocabulary::eventTypes())
        m_eventTypeCombo->addItem(type, type);
    m_eventTypeCombo->setToolTip(QStringLiteral("The Segment call type the event must (not) have"));
    m_eventTypeCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);

    m_valueEdit->setObjectName(QStringLiteral("valueEdit"));
    m_valueEdit->setMinimumWidth(m_valueEdit->fontMetrics().horizontalAdvance(QStringLiteral("Signed Up")));
    m_valueEdit->setClearButtonEnabled(true);

    m_problemMark->setObjectName(QStringLiteral("problemMark"));
    const int iconSize = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    m_problemMark->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning, nullptr, this).pixmap(iconSize));

    m_removeButton->setObjectName(QStringLiteral("removeButton"));
    m_removeButton->setAutoRaise(true);
    m_removeButton->setIcon(QIcon::fromTheme(QStringLiteral("list-remove"),
                                             style()->standardIcon(QStyle::SP_DialogCloseButton, nullptr, this)));
    m_removeButton->setFocusPolicy(Qt::StrongFocus);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_matchMark);
    layout->addWidget(m_fieldCombo);
    layout->addWidget(m_pathEdit, 2);
    layout->addWidget(m_operatorCombo);
    layout->addWidget(m_eventTypeCombo);
    layout->addWidget(m_valueEdit, 3);
    layout->addStretch(0);
    layout->addWidget(m_problemMark);
    layout->addWidget(m_removeButton);

    connect(m_fieldCombo, &QComboBox::currentIndexChanged, this, &ConditionRow::onFieldChosen);
    connect(m_operatorCombo, &QComboBox::currentIndexChanged, this, &ConditionRow::onOperatorChosen);
    connect(m_eventTypeCombo, &QComboBox::currentIndexChanged, this, &ConditionRow::onEventTypeChosen);
    // textEdited, not textChanged: only what the user types goes back to the model.
    connect(m_pathEdit, &QLineEdit::textEdited, this, [this](const QString &text) {
        m_model->setData(sibling(m_index, ConditionTreeModel::PathColumn), text);
    });
    connect(m_valueEdit, &QLineEdit::textEdited, this, [this](const QString &text) {
        m_model->setData(sibling(m_index, ConditionTreeModel::ValueColumn), text);
    });
    connect(m_removeButton, &QToolButton::clicked, this, [this] { m_model->removeNode(m_index); });

    refresh();
}

void ConditionRow::refresh()
{
    if (!m_index.isValid())
        return;
    const auto type = ConditionType(m_index.data(ConditionTreeModel::ConditionTypeRole).toInt());
    const auto op = Operator(m_index.data(ConditionTreeModel::OperatorRole).toInt());
    const QString path = sibling(m_index, ConditionTreeModel::PathColumn).data(Qt::EditRole).toString();
    const QString value = sibling(m_index, ConditionTreeModel::ValueColumn).data(Qt::EditRole).toString();
    const ValueKind kind = ConditionVocabulary::valueKind(type, op);

    {
        const QSignalBlocker blocker(m_fieldCombo);
        m_fieldCombo->setCurrentIndex(m_fieldCombo->findData(int(type)));
    }

    m_pathEdit->setVisible(fql::hasFieldName(type));
    // Only touch the text when it differs, so the cursor stays where the user is typing.
    if (m_pathEdit->text() != path)
        m_pathEdit->setText(path);
    m_pathEdit->setPlaceholderText(ConditionVocabulary::pathPlaceholder(type));
    m_pathEdit->setToolTip(QStringLiteral("The path inside the event's %1, dots between levels")
                               .arg(fql::fqlFieldName(type)));
    QAbstractItemModel *paths = m_completions ? m_completions->pathModel(type) : nullptr;
    if (paths && (!m_pathCompleter || m_pathCompleter->model() != paths)) {
        delete m_pathCompleter;
        m_pathCompleter = new QCompleter(paths, m_pathEdit);
        m_pathCompleter->setCaseSensitivity(Qt::CaseInsensitive);
        m_pathCompleter->setFilterMode(Qt::MatchContains);
        m_pathEdit->setCompleter(m_pathCompleter);
        // Choosing a completion sets the text without textEdited: pass it on ourselves.
        connect(m_pathCompleter, qOverload<const QString &>(&QCompleter::activated), this, [this](const QString &text) {
            m_model->setData(sibling(m_index, ConditionTreeModel::PathColumn), text);
        });
    }

    {
        const QSignalBlocker blocker(m_operatorCombo);
        // Refilled only when the field kind changes: this runs inside the combo's own signal too.
        if (!m_shownType || *m_shownType != type) {
            m_operatorCombo->clear();
            for (Operator offered : ConditionVocabulary::operatorsFor(type)) {
                m_operatorCombo->addItem(ConditionVocabulary::operatorLabel(offered), int(offered));
                m_operatorCombo->setItemData(m_operatorCombo->count() - 1,
                                             ConditionVocabulary::operatorDescription(offered), Qt::ToolTipRole);
            }
            m_shownType = type;
        }
        m_operatorCombo->setCurrentIndex(m_operatorCombo->findData(int(op)));
    }

    m_eventTypeCombo->setVisible(kind == ValueKind::EventType);
    if (kind == ValueKind::EventType) {
        const QSignalBlocker blocker(m_eventTypeCombo);
        // A value that is not one of the six types is still shown as it is, never replaced.
        const int standardCount = int(ConditionVocabulary::eventTypes().size());
        if (m_eventTypeCombo->count() > standardCount && m_eventTypeCombo->itemData(standardCount) != value)
            m_eventTypeCombo->removeItem(standardCount);
        int found = m_eventTypeCombo->findData(value);
        if (found < 0) {
            m_eventTypeCombo->addItem(value, value);
            found = m_eventTypeCombo->count() - 1;
        }
        m_eventTypeCombo->setCurrentIndex(found);
    }

    m_valueEdit->setVisible(kind == ValueKind::Text || kind == ValueKind::Number);
    if (m_valueEdit->text() != value)
        m_valueEdit->setText(value);
    if (kind == ValueKind::Number) {
        m_valueEdit->setPlaceholderText(QStringLiteral("number"));
        m_valueEdit->setToolTip(QStringLiteral("A number, e.g. 42 or 9.99"));
    } else {
        m_valueEdit->setPlaceholderText(QStringLiteral("value"));
        m_valueEdit->setToolTip(QStringLiteral("The text to compare with (case-sensitive)"));
    }
    QAbstractItemModel *values = kind == ValueKind::Text && m_completions ? m_completions->valueModel(type) : nullptr;
    if (values != (m_valueCompleter ? m_valueCompleter->model() : nullptr)) {
        delete m_valueCompleter;
        m_valueCompleter = nullptr;
        if (values) {
            m_valueCompleter = new QCompleter(values, m_valueEdit);
            m_valueCompleter->setCaseSensitivity(Qt::CaseInsensitive);
            m_valueCompleter->setFilterMode(Qt::MatchContains);
            connect(m_valueCompleter, qOverload<const QString &>(&QCompleter::activated), this,
                    [this](const QString &text) {
                        m_model->setData(sibling(m_index, ConditionTreeModel::ValueColumn), text);
                    });
        }
        m_valueEdit->setCompleter(m_valueCompleter);
    }

    const QString problem = m_index.data(ConditionTreeModel::ProblemRole).toString();
    m_problemMark->setVisible(!problem.isEmpty());
    m_problemMark->setToolTip(problem);
    m_problemMark->setAccessibleDescription(problem);

    const auto match = ConditionTreeModel::MatchState(m_index.data(ConditionTreeModel::MatchRole).toInt());
    QString mark;
    QColor color = palette().color(QPalette::PlaceholderText);
    switch (match) {
    case ConditionTreeModel::MatchState::Unknown: break;
    case ConditionTreeModel::MatchState::Matched: mark = QStringLiteral("✓"); color = QColor(0x1e, 0x84, 0x49); break;
    case ConditionTreeModel::MatchState::Failed: mark = QStringLiteral("✗"); color = QColor(0xc0, 0x39, 0x2b); break;
    case ConditionTreeModel::MatchState::NotReached: mark = QStringLiteral("–"); break;
    case ConditionTreeModel::MatchState::Error: mark = QStringLiteral("!"); color = QColor(0xd3, 0x54, 0x00); break;
    }
    m_matchMark->setVisible(match != ConditionTreeModel::MatchState::Unknown);
    m_matchMark->setText(mark);
    m_matchMark->setStyleSheet(QStringLiteral("color: %1; font-weight: bold;").arg(color.name()));
    m_matchMark->setToolTip(m_index.data(ConditionTreeModel::MatchDetailRole).toString());
    m_matchMark->setAccessibleName(m_matchMark->toolTip());

    updateAccessibleNames();
}

void ConditionRow::focusFirstEditor()
{
    m_fieldCombo->setFocus(Qt::OtherFocusReason);
}

void ConditionRow::setOrdinal(int ordinal)
{
    m_ordinal = ordinal;
    updateAccessibleNames();
}

void ConditionRow::onFieldChosen(int comboIndex)
{
    m_model->setData(sibling(m_index, ConditionTreeModel::FieldColumn), m_fieldCombo->itemData(comboIndex),
                     ConditionTreeModel::ConditionTypeRole);
}

void ConditionRow::onOperatorChosen(int comboIndex)
{
    m_model->setData(sibling(m_index, ConditionTreeModel::OperatorColumn), m_operatorCombo->itemData(comboIndex),
                     ConditionTreeModel::OperatorRole);
}

void ConditionRow::onEventTypeChosen(int comboIndex)
{
    m_model->setData(sibling(m_index, ConditionTreeModel::ValueColumn), m_eventTypeCombo->itemData(comboIndex));
}

void ConditionRow::updateAccessibleNames()
{
    const QString condition = QStringLiteral("Condition %1").arg(m_ordinal);
    m_fieldCombo->setAccessibleName(condition + QStringLiteral(" field"));
    m_pathEdit->setAccessibleName(condition + QStringLiteral(" path"));
    m_operatorCombo->setAccessibleName(condition + QStringLiteral(" operator"));
    m_eventTypeCombo->setAccessibleName(condition + QStringLiteral(" event type"));
    m_valueEdit->setAccessibleName(condition + QStringLiteral(" value"));
    m_removeButton->setAccessibleName(QStringLiteral("Remove condition %1").arg(m_ordinal));
    m_removeButton->setToolTip(QStringLiteral("Remove this condition"));
}

} // namespace inkmapper::ui
