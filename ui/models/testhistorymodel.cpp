#include "testhistorymodel.h"

#include "delivery/failure.h"

#include <QApplication>
#include <QStyle>

namespace inkmapper::ui {

TestHistoryModel::TestHistoryModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void TestHistoryModel::setTests(std::vector<delivery::SentTest> tests)
{
    beginResetModel();
    m_tests = std::move(tests);
    endResetModel();
    Q_EMIT testsChanged();
}

void TestHistoryModel::append(delivery::SentTest test)
{
    beginInsertRows({}, 0, 0);
    m_tests.push_back(std::move(test));
    endInsertRows();
    Q_EMIT testsChanged();
}

const delivery::SentTest &TestHistoryModel::test(int row) const
{
    Q_ASSERT(row >= 0 && row < int(m_tests.size()));
    return m_tests[m_tests.size() - 1 - size_t(row)];
}

int TestHistoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_tests.size());
}

int TestHistoryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TestHistoryModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    Q_ASSERT(checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid));
    const delivery::SentTest &sent = test(index.row());
    const delivery::Exchange &exchange = sent.exchange;
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case SentColumn: {
            // Today's tests by the time, older ones by the date too: the workspace keeps them across days.
            const QDateTime local = exchange.startedAt.toLocalTime();
            return local.date() == QDate::currentDate() ? local.toString(QStringLiteral("HH:mm:ss"))
                                                        : local.toString(QStringLiteral("yyyy-MM-dd HH:mm"));
        }
        case MappingColumn:
            return sent.mapping;
        case StatusColumn:
            return exchange.hasResponse() ? QString::number(exchange.status) : tr("no answer");
        case TimeColumn:
            return tr("%1 ms").arg(exchange.timings.total);
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole) {
        // Explaining a failure reads the whole answer: only for the tooltip, not on every paint.
        const std::optional<delivery::Failure> failure = delivery::Failure::of(exchange);
        const QString outcome = failure ? failure->title : tr("%1 %2").arg(exchange.status).arg(QString::fromLatin1(exchange.reasonPhrase));
        return tr("#%1 · %2 · %3\n%4").arg(number(index.row())).arg(exchange.startedAt.toLocalTime().toString(Qt::ISODate),
                                                                     exchange.request.url(), outcome);
    }
    if (role == Qt::DecorationRole && index.column() == StatusColumn) {
        return QApplication::style()->standardIcon(exchange.accepted() ? QStyle::SP_DialogApplyButton
                                                                       : QStyle::SP_MessageBoxCritical);
    }
    if (role == Qt::TextAlignmentRole && index.column() == TimeColumn)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant TestHistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case SentColumn: return tr("Sent");
    case MappingColumn: return tr("Mapping");
    case StatusColumn: return tr("Status");
    case TimeColumn: return tr("Time");
    default: return {};
    }
}

} // namespace inkmapper::ui
