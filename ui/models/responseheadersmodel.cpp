#include "responseheadersmodel.h"

namespace inkmapper::ui {

ResponseHeadersModel::ResponseHeadersModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void ResponseHeadersModel::setHeaders(QList<QPair<QByteArray, QByteArray>> headers)
{
    beginResetModel();
    m_headers = std::move(headers);
    endResetModel();
}

int ResponseHeadersModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_headers.size());
}

int ResponseHeadersModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ResponseHeadersModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || (role != Qt::DisplayRole && role != Qt::ToolTipRole))
        return {};
    Q_ASSERT(checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid));
    const auto &[name, value] = m_headers[index.row()];
    // Header bytes are latin-1 on the wire (RFC 9110 allows obs-text): shown one character a byte.
    return QString::fromLatin1(index.column() == NameColumn ? name : value);
}

QVariant ResponseHeadersModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    return section == NameColumn ? tr("Response header") : tr("Value");
}

} // namespace inkmapper::ui
