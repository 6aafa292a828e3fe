#pragma once

#include "events/specchecker.h"

#include <QAbstractListModel>

#include <vector>

namespace inkmapper::ui {

/** The spec checker's findings for one event, as a list with a level icon and "path: message" per row. */
class SpecFindingModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role {
        LevelRole = Qt::UserRole + 1, ///< int: events::SpecFinding::Level
        PathRole,                     ///< QString: where in the event
    };

    explicit SpecFindingModel(QObject *parent = nullptr);

    /** Shows these findings (replacing the previous ones). */
    void setFindings(std::vector<events::SpecFinding> findings);
    const std::vector<events::SpecFinding> &findings() const { return m_findings; }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    std::vector<events::SpecFinding> m_findings;
};

} // namespace inkmapper::ui
