#pragma once

#include "models/readinessbadge.h"

#include "destination/readinessfinding.h"
#include "project/project.h"

#include <QAbstractTableModel>
#include <QFutureWatcher>
#include <QThreadPool>
#include <QString>

#include <memory>
#include <vector>

namespace inkmapper::ui {

/**
 * Every sample event (rows) against every mapping (columns) of a project: does the mapping's trigger
 * match, and would Segment send (match), send nothing (no match) or fail (error)? Cells are computed off
 * the GUI thread and fill in as they are ready. When the project changes, cells whose event, mapping and
 * settings are unchanged keep their verdict (nothing flickers), the others show their old verdict until
 * the new one arrives, and a computation still running for the old project is cancelled.
 */
class MatrixModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    /** The verdict of one cell. */
    enum class CellState { Pending, Match, NoMatch, Error };
    /** Extra data roles. */
    enum Role {
        StateRole = Qt::UserRole + 1, ///< int: a CellState
        ReasonRole,                   ///< QString: the one-sentence reason (also the tooltip)
    };

    explicit MatrixModel(QObject *parent = nullptr);
    ~MatrixModel() override;

    /** Shows `project`, recomputing only the cells whose inputs changed. */
    void setProject(const project::Project &project);
    const project::Project &project() const { return m_project; }

    /**
     * Compact: mappings headed by their number ("#12", the name in the tooltip) and verdicts shown by
     * icon and colour alone, so that many mappings fit side by side. Off by default.
     */
    void setCompact(bool compact);
    bool isCompact() const { return m_compact; }

    /** The verdict of a cell (row = event index, column = mapping index). */
    CellState state(int eventIndex, int mappingIndex) const;
    /** Why: Preview::summary of the cell, e.g. `Matches — decided by: event = "Order Completed"`. */
    QString reason(int eventIndex, int mappingIndex) const;
    /** Movable Ink readiness of what the cell's mapping sends for its event (empty when nothing is sent). */
    const std::vector<destination::ReadinessFinding> &readiness(int eventIndex, int mappingIndex) const;
    /** Movable Ink readiness of mapping `mappingIndex` over every event it matches (cells computed so far). */
    ReadinessBadge readinessBadge(int mappingIndex) const;
    /** True while cells are being computed. */
    bool isComputing() const { return m_watcher != nullptr; }
    /** How many cells of the current computation are done, and how many it has. */
    int doneCount() const { return m_done; }
    int totalCount() const { return m_total; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    /** Progress of the running computation (done of total cells). */
    void progressChanged(int done, int total);
    /** Every cell has its verdict. */
    void finished();
    /** The readiness of some cells changed: readinessBadge() may tell another story. */
    void readinessChanged();

private:
    /** One computed cell, as the worker reports it. */
    struct CellResult
    {
        int row = 0;
        int column = 0;
        CellState state = CellState::Pending;
        QString reason;
        std::vector<destination::ReadinessFinding> readiness;
    };
    using Batch = std::vector<CellResult>;

    struct Cell
    {
        CellState state = CellState::Pending;
        QString reason;
        std::vector<destination::ReadinessFinding> readiness;
        bool stale = true; ///< waiting for a verdict for the current inputs
    };

    Cell &cell(int row, int column) { return m_cells[size_t(row) * size_t(columnCount()) + size_t(column)]; }
    const Cell &cell(int row, int column) const
    {
        return m_cells[size_t(row) * size_t(columnCount()) + size_t(column)];
    }
    void cancel();
    void start();
    void apply(const Batch &batch);

    project::Project m_project;
    std::vector<Cell> m_cells;
    QFutureWatcher<Batch> *m_watcher = nullptr;
    QThreadPool m_pool; ///< one background thread: see the constructor
    int m_done = 0;
    int m_total = 0;
    bool m_compact = false;
};

} // namespace inkmapper::ui
