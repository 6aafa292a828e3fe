#include "conditionsmodel.h"

#include "widgets/icons.h"

#include "preview/preview.h"

#include "json/object.h"

#include <QApplication>
#include <QColor>
#include <QFont>
#include <QPalette>

namespace inkmapper::ui {

namespace {

constexpr int NotEvaluated = -2;
constexpr int Failed = -1;

} // namespace

ConditionsModel::ConditionsModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void ConditionsModel::setExplanation(const fql::Explanation &explanation, int decidingCondition)
{
    beginResetModel();
    m_rows.clear();
    m_rows.reserve(explanation.conditions.size());
    for (size_t i = 0; i < explanation.conditions.size(); ++i) {
        const fql::ConditionResult &c = explanation.conditions[i];
        Row row;
        row.depth = int(c.path.size());
        const json::Value type = c.condition.isObject() ? c.condition.toObject().value(u"type") : json::Value();
        row.isGroup = type.isString() && type.toString() == u"group";
        row.fql = preview::Preview::conditionText(c.condition);
        if (row.isGroup) {
            const json::Value op = c.condition.toObject().value(u"operator");
            row.text = op.isString() && op.toString() == u"or" ? tr("Any of these") : tr("All of these");
        } else {
            row.text = row.fql;
            row.actual = preview::Preview::valueText(c.actual);
            if (!c.expected.isUndefined())
                row.expected = preview::Preview::valueText(c.expected);
        }
        row.error = c.error;
        row.outcome = !c.reached ? NotEvaluated : !c.error.isEmpty() ? Failed : c.matched ? 1 : 0;
        row.deciding = int(i) == decidingCondition;
        m_rows.push_back(std::move(row));
    }
    endResetModel();
}

void ConditionsModel::clear()
{
    beginResetModel();
    m_rows.clear();
    endResetModel();
}

int ConditionsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ConditionsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ConditionsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Row &row = m_rows[size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case ConditionColumn:
            // Indentation shows the nesting of groups; a table keeps the three columns aligned.
            return QString(row.depth * 4, u' ') + row.text;
        case ResultColumn: {
            QString text;
            switch (row.outcome) {
            case 1: text = tr("\u2713 true"); break;
            case 0: text = tr("\u2717 false"); break;
            case Failed: text = tr("\u26a0 error"); break;
            default: text = tr("not evaluated"); break;
            }
            return row.deciding ? tr("%1 \u2190 decided").arg(text) : text;
        }
        case ValueColumn:
            return row.actual;
        }
        return {};
    case Qt::ToolTipRole:
        if (!row.error.isEmpty())
            return tr("Segment's evaluator stops here: %1").arg(row.error);
        if (index.column() == ValueColumn && !row.isGroup)
            return row.expected.isEmpty() ? tr("The event holds %1").arg(row.actual)
                                          : tr("The event holds %1; the condition compares with %2")
                                                .arg(row.actual, row.expected);
        if (row.outcome == NotEvaluated)
            return tr("%1\nNot evaluated: its group was already decided.").arg(row.fql);
        return row.fql;
    case Qt::ForegroundRole:
        if (index.column() == ResultColumn) {
            switch (row.outcome) {
            case 1: return QColor(0x1e, 0x7b, 0x34);
            case 0: return QColor(0xb0, 0x20, 0x20);
            case Failed: return QColor(0xb0, 0x20, 0x20);
            default: break;
            }
        }
        if (row.outcome == NotEvaluated)
            return QApplication::palette().color(QPalette::Disabled, QPalette::Text);
        return {};
    case Qt::FontRole:
        if (row.deciding) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    case Qt::DecorationRole:
        if (index.column() == ResultColumn && row.outcome == Failed)
            return Icons::icon(Icons::Id::Warning);
        return {};
    case OutcomeRole:
        return row.outcome;
    case DecidingRole:
        return row.deciding;
    }
    return {};
}

QVariant ConditionsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case ConditionColumn: return tr("Condition");
    case ResultColumn: return tr("Result");
    case ValueColumn: return tr("Event value");
    }
    return {};
}

} // namespace inkmapper::ui
