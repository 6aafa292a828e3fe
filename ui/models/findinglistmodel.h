#pragma once

#include "destination/readinessfinding.h"
#include "events/specchecker.h"

#include <QAbstractListModel>

#include <vector>

namespace inkmapper::ui {

/**
 * Findings as a list, one a row with its level's icon and "path: message": the spec checker's about an event,
 * or the readiness rules' about what a mapping sends. Both say the same three things, so one model shows them.
 */
class FindingListModel : public QAbstractListModel
{
    Q_OBJECT

public:
    /** One finding as the list shows it. */
    struct Finding
    {
        enum class Level { Error, Warning, Hint };
        Level level;
        QString path; ///< where, e.g. "properties.products[0].price" or "data.properties.url"; may be empty
        QString message;

        static Finding from(const events::SpecFinding &finding);
        /** With the field in front of the path ("data.properties.url"), as the mapping editor names it. */
        static Finding from(const destination::ReadinessFinding &finding);
        friend bool operator==(const Finding &, const Finding &) = default;
    };

    enum Role {
        LevelRole = Qt::UserRole + 1, ///< int: Finding::Level
        PathRole,                     ///< QString: where
    };

    explicit FindingListModel(QObject *parent = nullptr);

    /** Shows these findings (replacing the previous ones). */
    void setFindings(std::vector<Finding> findings);
    /** The same, from the checker's own findings. */
    template<typename Source>
    void setFindings(const std::vector<Source> &findings)
    {
        std::vector<Finding> shown;
        shown.reserve(findings.size());
        for (const Source &finding : findings)
            shown.push_back(Finding::from(finding));
        setFindings(std::move(shown));
    }
    const std::vector<Finding> &findings() const { return m_findings; }
    /** How many findings are at `level`. */
    int count(Finding::Level level) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    std::vector<Finding> m_findings;
};

} // namespace inkmapper::ui
