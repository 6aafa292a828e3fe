#pragma once

#include "project/project.h"

#include <QWidget>

class QLabel;
class QProgressBar;
class QTableView;

namespace inkmapper::ui {

class MatrixModel;

/**
 * Every loaded event (rows) against every mapping (columns): match, no match or error, each with an icon,
 * a colour and the reason as a tooltip, computed off the GUI thread. Double-click or Enter on a cell
 * reports it, so that the window can show that event and mapping in the preview.
 */
class MatrixView : public QWidget
{
    Q_OBJECT

public:
    explicit MatrixView(QWidget *parent = nullptr);

    /** Shows `project`; only cells whose inputs changed are recomputed. */
    void setProject(const project::Project &project);

    MatrixModel *model() const { return m_model; }
    QTableView *tableView() const { return m_table; }

Q_SIGNALS:
    /** The user activated a cell (double-click or Enter). */
    void cellActivated(int eventIndex, int mappingIndex);

private:
    void updateSummary();
    void fitColumns();

    MatrixModel *m_model;
    QTableView *m_table;
    QLabel *m_summary;
    QProgressBar *m_progress;
    QLabel *m_placeholder;
};

} // namespace inkmapper::ui
