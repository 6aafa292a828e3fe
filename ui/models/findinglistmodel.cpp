#include "findinglistmodel.h"

#include <QApplication>
#include <QStyle>

namespace inkmapper::ui {

namespace {

template<typename SourceLevel>
FindingListModel::Finding::Level levelOf(SourceLevel level)
{
    switch (level) {
    case SourceLevel::Error: return FindingListModel::Finding::Level::Error;
    case SourceLevel::Warning: return FindingListModel::Finding::Level::Warning;
    case SourceLevel::Hint: return FindingListModel::Finding::Level::Hint;
    }
    return FindingListModel::Finding::Level::Hint;
}

} // namespace

FindingListModel::Finding FindingListModel::Finding::from(const events::SpecFinding &finding)
{
    return {levelOf(finding.level), finding.path, finding.message};
}

FindingListModel::Finding FindingListModel::Finding::from(const destination::ReadinessFinding &finding)
{
    return {levelOf(finding.level), finding.fieldPath(), finding.message};
}

FindingListModel::FindingListModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

void FindingListModel::setFindings(std::vector<Finding> findings)
{
    if (findings == m_findings)
        return;
    beginResetModel();
    m_findings = std::move(findings);
    endResetModel();
}

int FindingListModel::count(Finding::Level level) const
{
    return int(std::count_if(m_findings.begin(), m_findings.end(), [level](const Finding &f) { return f.level == level; }));
}

int FindingListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_findings.size());
}

QVariant FindingListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    Q_ASSERT(checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid));
    const Finding &finding = m_findings[size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        return finding.path.isEmpty() ? finding.message : tr("%1: %2").arg(finding.path, finding.message);
    case Qt::DecorationRole: {
        QStyle::StandardPixmap pixmap = QStyle::SP_MessageBoxInformation;
        if (finding.level == Finding::Level::Error)
            pixmap = QStyle::SP_MessageBoxCritical;
        else if (finding.level == Finding::Level::Warning)
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
