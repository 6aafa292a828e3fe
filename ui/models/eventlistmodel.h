#pragma once

#include "document/changeevent.h"

#include "events/specchecker.h"

#include <QAbstractTableModel>

#include <vector>

namespace inkmapper::ui {

class ProjectDocument;

/**
 * The project's sample events as a table: call type, event (the track name, the page or screen name, the
 * group id), who (userId or anonymousId), where it came from, and how many things Segment's spec checker
 * found. What each row shows is computed when the event changes and kept, so scrolling parses nothing.
 */
class EventListModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { TypeColumn, EventColumn, UserColumn, SourceColumn, FindingsColumn, ColumnCount };
    enum Role {
        FindingCountRole = Qt::UserRole + 1, ///< int: spec findings of any level
        HasSpecErrorsRole,                   ///< bool: a finding of level Error
    };

    explicit EventListModel(ProjectDocument *document, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /**
     * The Segment spec findings of event `row`, as checked when the event last changed (the model follows the
     * document before the views connected after it, so they read the new findings rather than check again).
     */
    const std::vector<events::SpecFinding> &findings(int row) const;

private:
    struct Row
    {
        QString type;
        QString event;
        QString user;
        QString source;
        std::vector<events::SpecFinding> findings;
    };

    void onChanged(const ChangeEvent &change);
    Row makeRow(int eventIndex) const;

    ProjectDocument *m_document;
    std::vector<Row> m_rows;
};

} // namespace inkmapper::ui
