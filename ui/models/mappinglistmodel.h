#pragma once

#include "document/changeevent.h"

#include "fql/trigger.h"

#include "readinessbadge.h"

#include <QAbstractTableModel>
#include <QHash>

#include <vector>

namespace inkmapper::ui {

class ProjectDocument;

/**
 * The project's mappings as a table: name (editable, with the enabled switch as its check box), how many
 * loaded events the trigger matches, and the trigger in words. Triggers are parsed and compiled once per
 * change of the mapping and each event's outcome is cached, so editing one event re-evaluates that event
 * only. Edits through setData() go to the document as undoable commands.
 */
class MappingListModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { NameColumn, MatchesColumn, TriggerColumn, ColumnCount };
    enum Role {
        MappingIdRole = Qt::UserRole + 1, ///< QString: the mapping's id
        MatchCountRole,                   ///< int: events the trigger matches (0 when it does not parse)
        EvaluationErrorCountRole,         ///< int: events on which evaluating the trigger fails
        TriggerErrorRole,                 ///< QString: why the trigger does not parse, empty when it does
        FqlRole,                          ///< QString: the trigger as FQL text
        ReadinessRole,                    ///< int: the worst readiness finding's level, -1 for none
    };

    explicit MappingListModel(ProjectDocument *document, QObject *parent = nullptr);

    /**
     * Movable Ink readiness of each mapping over the events it matches, by mapping id (the matrix computes it):
     * a badge on the mapping's name, its findings in the tooltip.
     */
    void setReadiness(QHash<QString, ReadinessBadge> badges);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    /** An edit through setData() was refused (an empty name); `message` says why. */
    void editRefused(const QString &message);

private:
    /** What the model knows about one mapping: a copy of what it shows and the cached evaluation. */
    struct Row
    {
        QString id;
        QString name;
        bool enabled = true;
        QString fql;
        QString summary;
        QString triggerError; ///< non-empty when the FQL does not parse
        fql::Trigger trigger;
        std::vector<signed char> outcomes; ///< per loaded event: 1 match, 0 no match, -1 error
        int matches = 0;
        int errors = 0;
    };

    enum Outcome : signed char { Failed = -1, NoMatch = 0, Match = 1 };

    void onChanged(const ChangeEvent &change);
    Row makeRow(int mappingIndex) const;
    void compileTrigger(Row &row) const;
    signed char evaluate(const Row &row, int eventIndex) const;
    void evaluateAll(Row &row) const;
    static void recount(Row &row);
    void emitRowChanged(int row, int firstColumn, int lastColumn);
    void emitMatchesChanged();

    ProjectDocument *m_document;
    std::vector<Row> m_rows;
    QHash<QString, ReadinessBadge> m_readiness; ///< by mapping id
};

} // namespace inkmapper::ui
