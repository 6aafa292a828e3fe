#include "mappinglistmodel.h"

#include "triggersummary.h"

#include "document/projectdocument.h"
#include "util/plural.h"
#include "fql/parser.h"

#include <QApplication>
#include <QPalette>
#include <QStyle>

#include <algorithm>

namespace inkmapper::ui {

MappingListModel::MappingListModel(ProjectDocument *document, QObject *parent)
    : QAbstractTableModel(parent)
    , m_document(document)
{
    for (int i = 0; i < document->project().mappingCount(); ++i)
        m_rows.push_back(makeRow(i));
    connect(document, &ProjectDocument::changed, this, &MappingListModel::onChanged);
}

void MappingListModel::setReadiness(QHash<QString, ReadinessBadge> badges)
{
    if (badges == m_readiness)
        return;
    m_readiness = std::move(badges);
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, NameColumn), index(rowCount() - 1, NameColumn),
                           {Qt::DecorationRole, Qt::ToolTipRole, ReadinessRole});
}

int MappingListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int MappingListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant MappingListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    Q_ASSERT(checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid));
    const Row &row = m_rows[size_t(index.row())];
    const int eventCount = int(m_document->project().events().size());
    switch (role) {
    case MappingIdRole:
        return row.id;
    case MatchCountRole:
        return row.matches;
    case EvaluationErrorCountRole:
        return row.errors;
    case TriggerErrorRole:
        return row.triggerError;
    case FqlRole:
        return row.fql;
    case Qt::ForegroundRole:
        if (!row.enabled)
            return QApplication::palette().brush(QPalette::Disabled, QPalette::Text);
        return {};
    default:
        break;
    }

    switch (index.column()) {
    case NameColumn:
        if (role == Qt::DisplayRole || role == Qt::EditRole)
            return row.name;
        if (role == Qt::CheckStateRole)
            return row.enabled ? Qt::Checked : Qt::Unchecked;
        if (role == Qt::ToolTipRole) {
            const QString state = row.enabled ? tr("%1 (enabled)").arg(row.name) : tr("%1 (disabled: sends nothing)").arg(row.name);
            const ReadinessBadge badge = m_readiness.value(row.id);
            if (badge.isEmpty())
                return badge.judged > 0 ? tr("%1\nMovable Ink can use what it sends for the %2 events it matches.")
                                              .arg(state).arg(badge.judged)
                                        : state;
            QStringList counts;
            if (badge.errors)
                counts << plural(badge.errors, tr("%n error"), tr("%n errors"));
            if (badge.warnings)
                counts << plural(badge.warnings, tr("%n warning"), tr("%n warnings"));
            if (badge.hints)
                counts << plural(badge.hints, tr("%n hint"), tr("%n hints"));
            return tr("%1\nMovable Ink readiness over the events it matches: %2\n%3")
                .arg(state, counts.join(QStringLiteral(", ")), badge.examples.join(u'\n'));
        }
        if (role == Qt::DecorationRole) {
            // The badge: the worst finding of the events the mapping matches.
            const ReadinessBadge badge = m_readiness.value(row.id);
            if (badge.errors)
                return QApplication::style()->standardIcon(QStyle::SP_MessageBoxCritical);
            if (badge.warnings)
                return QApplication::style()->standardIcon(QStyle::SP_MessageBoxWarning);
            if (badge.hints)
                return QApplication::style()->standardIcon(QStyle::SP_MessageBoxInformation);
        }
        if (role == ReadinessRole) {
            const ReadinessBadge badge = m_readiness.value(row.id);
            return badge.errors ? 0 : badge.warnings ? 1 : badge.hints ? 2 : -1;
        }
        break;
    case MatchesColumn:
        if (role == Qt::DisplayRole) {
            if (!row.triggerError.isEmpty())
                return QStringLiteral("–");
            return row.errors > 0 ? tr("%1 (%2 ⚠)").arg(row.matches).arg(row.errors) : QString::number(row.matches);
        }
        if (role == Qt::TextAlignmentRole)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        if (role == Qt::ToolTipRole) {
            if (!row.triggerError.isEmpty())
                return tr("The trigger does not parse, so it matches no event.");
            QString tip = plural(eventCount, tr("Matches %1 of %n loaded event"), tr("Matches %1 of %n loaded events"))
                              .arg(row.matches);
            if (row.errors > 0)
                tip += u'\n'
                    + plural(row.errors, tr("Evaluating the trigger fails on %n event, as it would in Segment"),
                             tr("Evaluating the trigger fails on %n events, as it would in Segment"));
            return tip;
        }
        break;
    case TriggerColumn:
        if (role == Qt::DisplayRole)
            return row.triggerError.isEmpty() ? row.summary : tr("Invalid trigger: %1").arg(row.triggerError);
        if (role == Qt::DecorationRole && !row.triggerError.isEmpty())
            return QApplication::style()->standardIcon(QStyle::SP_MessageBoxWarning);
        if (role == Qt::ToolTipRole) {
            const QString fql = row.fql.isEmpty() ? tr("(empty)") : row.fql;
            return row.triggerError.isEmpty() ? tr("FQL: %1").arg(fql) : tr("FQL: %1\n%2").arg(fql, row.triggerError);
        }
        break;
    default:
        break;
    }
    return {};
}

bool MappingListModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!index.isValid() || index.column() != NameColumn)
        return false;
    Q_ASSERT(checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid));
    if (role == Qt::EditRole) {
        const Result<Ok> renamed = m_document->renameMapping(index.row(), value.toString());
        if (!renamed)
            Q_EMIT editRefused(renamed.error().message);
        return renamed.ok();
    }
    if (role == Qt::CheckStateRole) {
        m_document->setMappingEnabled(index.row(), value.toInt() == Qt::Checked);
        return true;
    }
    return false;
}

Qt::ItemFlags MappingListModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Q_ASSERT(checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid));
    Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
    if (index.column() == NameColumn)
        flags |= Qt::ItemIsEditable | Qt::ItemIsUserCheckable;
    return flags;
}

QVariant MappingListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn:
        return tr("Mapping");
    case MatchesColumn:
        return tr("Matches");
    case TriggerColumn:
        return tr("Trigger");
    default:
        return {};
    }
}

void MappingListModel::onChanged(const ChangeEvent &change)
{
    using Kind = ChangeEvent::Kind;
    switch (change.kind) {
    case Kind::Reset:
        beginResetModel();
        m_rows.clear();
        for (int i = 0; i < m_document->project().mappingCount(); ++i)
            m_rows.push_back(makeRow(i));
        endResetModel();
        break;
    case Kind::Settings:
        break;
    case Kind::MappingsInserted:
        beginInsertRows({}, change.first, change.last);
        for (int i = change.first; i <= change.last; ++i)
            m_rows.insert(m_rows.begin() + i, makeRow(i));
        endInsertRows();
        break;
    case Kind::MappingsRemoved:
        beginRemoveRows({}, change.first, change.last);
        m_rows.erase(m_rows.begin() + change.first, m_rows.begin() + change.last + 1);
        endRemoveRows();
        break;
    case Kind::MappingMoved: {
        const int from = change.first;
        const int to = change.to;
        // Qt counts the destination before the move: moving down lands before the row after `to`.
        beginMoveRows({}, from, from, {}, to > from ? to + 1 : to);
        const auto first = m_rows.begin();
        if (from < to)
            std::rotate(first + from, first + from + 1, first + to + 1);
        else
            std::rotate(first + to, first + from, first + from + 1);
        endMoveRows();
        break;
    }
    case Kind::MappingChanged: {
        Row &row = m_rows[size_t(change.first)];
        const project::MappingConfig &mapping = m_document->project().mapping(change.first);
        row.name = mapping.name;
        row.enabled = mapping.enabled;
        if (change.field == ChangeEvent::MappingField::Trigger) {
            row.fql = mapping.subscribe;
            compileTrigger(row);
            evaluateAll(row);
        }
        emitRowChanged(change.first, NameColumn, ColumnCount - 1);
        break;
    }
    case Kind::EventsInserted:
        for (Row &row : m_rows) {
            std::vector<signed char> added;
            for (int e = change.first; e <= change.last; ++e)
                added.push_back(evaluate(row, e));
            row.outcomes.insert(row.outcomes.begin() + change.first, added.begin(), added.end());
            recount(row);
        }
        emitMatchesChanged();
        break;
    case Kind::EventsRemoved:
        for (Row &row : m_rows) {
            row.outcomes.erase(row.outcomes.begin() + change.first, row.outcomes.begin() + change.last + 1);
            recount(row);
        }
        emitMatchesChanged();
        break;
    case Kind::EventChanged:
        for (Row &row : m_rows) {
            row.outcomes[size_t(change.first)] = evaluate(row, change.first);
            recount(row);
        }
        emitMatchesChanged();
        break;
    }
}

MappingListModel::Row MappingListModel::makeRow(int mappingIndex) const
{
    const project::MappingConfig &mapping = m_document->project().mapping(mappingIndex);
    Row row;
    row.id = mapping.id;
    row.name = mapping.name;
    row.enabled = mapping.enabled;
    row.fql = mapping.subscribe;
    compileTrigger(row);
    evaluateAll(row);
    return row;
}

void MappingListModel::compileTrigger(Row &row) const
{
    row.triggerError.clear();
    row.summary.clear();
    row.trigger = fql::Trigger();
    if (row.fql.trimmed().isEmpty()) {
        // A blank mapping's trigger: the default Trigger never matches, as Segment sends nothing for it.
        row.summary = tr("No trigger yet: matches no event");
        return;
    }
    const Result<json::Value> ast = fql::parse(row.fql);
    if (!ast) {
        row.triggerError = ast.error().describe();
        return;
    }
    row.summary = TriggerSummary::describe(*ast);
    row.trigger = fql::Trigger::compile(*ast);
}

signed char MappingListModel::evaluate(const Row &row, int eventIndex) const
{
    if (!row.triggerError.isEmpty())
        return NoMatch;
    const Result<bool> matched = row.trigger.matches(m_document->project().events()[size_t(eventIndex)].event);
    if (!matched)
        return Failed;
    return *matched ? Match : NoMatch;
}

void MappingListModel::evaluateAll(Row &row) const
{
    const int count = int(m_document->project().events().size());
    row.outcomes.assign(size_t(count), NoMatch);
    for (int e = 0; e < count; ++e)
        row.outcomes[size_t(e)] = evaluate(row, e);
    recount(row);
}

void MappingListModel::recount(Row &row)
{
    row.matches = int(std::count(row.outcomes.begin(), row.outcomes.end(), Match));
    row.errors = int(std::count(row.outcomes.begin(), row.outcomes.end(), Failed));
}

void MappingListModel::emitRowChanged(int row, int firstColumn, int lastColumn)
{
    Q_EMIT dataChanged(index(row, firstColumn), index(row, lastColumn));
}

void MappingListModel::emitMatchesChanged()
{
    if (!m_rows.empty())
        Q_EMIT dataChanged(index(0, MatchesColumn), index(rowCount() - 1, MatchesColumn));
}

} // namespace inkmapper::ui
