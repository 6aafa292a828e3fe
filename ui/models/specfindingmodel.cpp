#include "specfindingmodel.h"

#include <QApplication>
#include <QStyle>

namespace inkmapper::ui {

SpecFindingModel::SpecFindingModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

void SpecFindingModel::setFindings(std::vector<events::SpecFinding> findings)
{
    if (findings == m_findings)
        return;
    beginResetModel();
    m_findings = std::move(findings);
    endResetModel();
}

int SpecFindingModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_findings.size());
}

QVariant SpecFindingModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    Q_ASSERT(checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid));
    const events::SpecFinding &finding = m_findings[size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        return finding.path.isEmpty() ? finding.message : tr("%1: %2").arg(finding.path, finding.message);
    case Qt::DecorationRole: {
        QStyle::StandardPixmap pixmap = QStyle::SP_MessageBoxInformation;
        if (finding.level == events::SpecFinding::Level::Error)
            pixmap = QStyle::SP_MessageBoxCritical;
        else if (finding.level == events::SpecFinding::Level::Warning)
            pixmap = QStyle::SP_MessageBoxWarning;
        return QApplication::style()->standardIcon(pixmap);
    }
    case LevelRole:
        return int(finding.level);
    case PathRole:
        return finding.path;
    default:
        return {};
    }
}

} // namespace inkmapper::ui
