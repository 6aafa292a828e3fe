#pragma once

#include "fql/explanation.h"

#include <QAbstractTableModel>
#include <QString>

#include <vector>

namespace inkmapper::ui {

/**
 * The per-condition story of a trigger against one event, one row per node of the condition tree in
 * pre-order (groups as "All of these" / "Any of these", leaves as FQL), with the outcome (✓ / ✗ / not
 * evaluated / error) and the value the event holds. The condition that decided the outcome is in bold.
 */
class ConditionsModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { ConditionColumn, ResultColumn, ValueColumn, ColumnCount };
    /** Extra data roles. */
    enum Role {
        OutcomeRole = Qt::UserRole + 1, ///< int: 1 true, 0 false, -1 error, -2 not evaluated
        DecidingRole,                   ///< bool: the row that settled the outcome
    };

    explicit ConditionsModel(QObject *parent = nullptr);

    /** Shows `explanation`; `decidingCondition` is an index into its conditions, or -1. */
    void setExplanation(const fql::Explanation &explanation, int decidingCondition);
    /** Removes every row. */
    void clear();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Row
    {
        int depth = 0;
        bool isGroup = false;
        QString text;     ///< the label shown ("Any of these" or the FQL)
        QString fql;      ///< the node as FQL (tooltip)
        QString actual;   ///< the event's value ("missing" when undefined); empty for groups
        QString expected; ///< the compared value as JSON; empty when none
        int outcome = 0;
        bool deciding = false;
        QString error;
    };

    std::vector<Row> m_rows;
};

} // namespace inkmapper::ui
