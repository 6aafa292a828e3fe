#pragma once

#include "delivery/senttest.h"

#include <QAbstractTableModel>

#include <vector>

namespace inkmapper::ui {

/**
 * The tests sent from the project, newest first: when, which mapping, the status (or "no answer") and the
 * time taken. Holds them oldest first, as the workspace file does; the row order is the reverse.
 */
class TestHistoryModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { SentColumn, MappingColumn, StatusColumn, TimeColumn, ColumnCount };

    explicit TestHistoryModel(QObject *parent = nullptr);

    /** Replaces every test (a project opened with its workspace). */
    void setTests(std::vector<delivery::SentTest> tests);
    /** Adds the newest test: it becomes row 0. */
    void append(delivery::SentTest test);
    /** Oldest first. */
    const std::vector<delivery::SentTest> &tests() const { return m_tests; }
    /** The test shown in `row`. */
    const delivery::SentTest &test(int row) const;
    /** Its number in the session's order, from 1 for the oldest (what the compare window names it by). */
    int number(int row) const { return int(m_tests.size()) - row; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    /** The tests changed (a test added, or all replaced): what the workspace saves. */
    void testsChanged();

private:
    std::vector<delivery::SentTest> m_tests;
};

} // namespace inkmapper::ui
