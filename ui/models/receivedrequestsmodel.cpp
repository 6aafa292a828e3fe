#include "receivedrequestsmodel.h"

#include "inspector/inspector.h"

namespace inkmapper::ui {

ReceivedRequestsModel::ReceivedRequestsModel(inspector::Inspector *inspector, QObject *parent)
    : QAbstractTableModel(parent)
    , m_inspector(inspector)
    , m_rows(int(inspector->received().size()))
{
    connect(inspector, &inspector::Inspector::requestReceived, this, [this] {
        const int now = int(m_inspector->received().size());
        if (now <= m_rows)
            return;
        beginInsertRows({}, m_rows, now - 1);
        m_rows = now;
        endInsertRows();
    });
    connect(inspector, &inspector::Inspector::answered, this, [this](int row) {
        if (row < m_rows)
            Q_EMIT dataChanged(index(row, AnswerColumn), index(row, AnswerColumn));
    });
    connect(inspector, &inspector::Inspector::cleared, this, [this] {
        beginResetModel();
        m_rows = 0;
        endResetModel();
    });
}

QString ReceivedRequestsModel::detail(int row) const
{
    if (row < 0 || row >= m_rows)
        return {};
    const inspector::ReceivedRequest &request = m_inspector->received()[size_t(row)];
    // The scheme stays ("Basic"), the credentials never show.
    return QString::fromLatin1(request.method) + u' ' + request.target + u'\n' + request.redactedHeaderLines() + u'\n'
        + QString::fromUtf8(request.body);
}

int ReceivedRequestsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rows;
}

int ReceivedRequestsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ReceivedRequestsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || role != Qt::DisplayRole)
        return {};
    Q_ASSERT(checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid));
    const inspector::ReceivedRequest &request = m_inspector->received()[size_t(index.row())];
    switch (index.column()) {
    case ReceivedColumn: return request.at.toLocalTime().toString(QStringLiteral("HH:mm:ss.zzz"));
    case RequestColumn: return QString::fromLatin1(request.method) + u' ' + request.target;
    case AuthColumn: return request.authorized ? tr("matches") : tr("wrong");
    case AnswerColumn: return request.answeredStatus > 0 ? QString::number(request.answeredStatus) : tr("(waiting)");
    default: return {};
    }
}

QVariant ReceivedRequestsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case ReceivedColumn: return tr("Received");
    case RequestColumn: return tr("Request");
    case AuthColumn: return tr("Basic auth");
    case AnswerColumn: return tr("Answer");
    default: return {};
    }
}

} // namespace inkmapper::ui
