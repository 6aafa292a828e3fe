#include "eventlistmodel.h"

#include "document/projectdocument.h"
#include "json/object.h"
#include "json/writer.h"

#include <QApplication>
#include <QStyle>

#include <algorithm>

namespace inkmapper::ui {

namespace {

/** A member as one line of text: strings as they are, other values as JSON, missing ones empty. */
QString text(const json::Value &event, const QString &key)
{
    if (!event.isObject())
        return {};
    const json::Value *v = event.toObject().find(key);
    if (!v || v->isNullish())
        return {};
    if (v->isString())
        return v->toString();
    return json::toJsonString(*v);
}

QString levelName(events::SpecFinding::Level level)
{
    switch (level) {
    case events::SpecFinding::Level::Error:
        return EventListModel::tr("Error");
    case events::SpecFinding::Level::Warning:
        return EventListModel::tr("Warning");
    case events::SpecFinding::Level::Hint:
        break;
    }
    return EventListModel::tr("Hint");
}

} // namespace

EventListModel::EventListModel(ProjectDocument *document, QObject *parent)
    : QAbstractTableModel(parent)
    , m_document(document)
{
    for (int i = 0; i < int(document->project().events().size()); ++i)
        m_rows.push_back(makeRow(i));
    connect(document, &ProjectDocument::changed, this, &EventListModel::onChanged);
}

const std::vector<events::SpecFinding> &EventListModel::findings(int row) const
{
    static const std::vector<events::SpecFinding> none;
    Q_ASSERT(row >= 0 && size_t(row) < m_rows.size());
    return row >= 0 && size_t(row) < m_rows.size() ? m_rows[size_t(row)].findings : none;
}

int EventListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int EventListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant EventListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    Q_ASSERT(checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid));
    const Row &row = m_rows[size_t(index.row())];
    const bool hasErrors = events::SpecChecker::hasErrors(row.findings);
    if (role == FindingCountRole)
        return int(row.findings.size());
    if (role == HasSpecErrorsRole)
        return hasErrors;

    switch (index.column()) {
    // The list sits in a narrow column: each cell's full text is its tooltip, for the names it elides.
    case TypeColumn:
        if (role == Qt::DisplayRole || role == Qt::ToolTipRole)
            return row.type.isEmpty() ? tr("(no type)") : row.type;
        break;
    case EventColumn:
        if (role == Qt::DisplayRole)
            return row.event;
        if (role == Qt::ToolTipRole && !row.event.isEmpty())
            return row.event;
        break;
    case UserColumn:
        if (role == Qt::DisplayRole)
            return row.user;
        if (role == Qt::ToolTipRole && !row.user.isEmpty())
            return row.user;
        break;
    case SourceColumn:
        if (role == Qt::DisplayRole || role == Qt::ToolTipRole)
            return row.source;
        break;
    case FindingsColumn:
        if (role == Qt::DisplayRole)
            return row.findings.empty() ? QString() : QString::number(row.findings.size());
        if (role == Qt::DecorationRole && !row.findings.empty())
            return QApplication::style()->standardIcon(hasErrors ? QStyle::SP_MessageBoxCritical
                                                                 : QStyle::SP_MessageBoxWarning);
        if (role == Qt::ToolTipRole) {
            if (row.findings.empty())
                return tr("Follows Segment's spec");
            QStringList lines;
            for (const events::SpecFinding &f : row.findings) {
                lines.append(f.path.isEmpty() ? tr("%1: %2").arg(levelName(f.level), f.message)
                                              : tr("%1 at %2: %3").arg(levelName(f.level), f.path, f.message));
            }
            return lines.join(u'\n');
        }
        break;
    default:
        break;
    }
    return {};
}

Qt::ItemFlags EventListModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Q_ASSERT(checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid));
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
}

QVariant EventListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::ToolTipRole && section == FindingsColumn)
        return tr("Things Segment's spec checker noticed");
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TypeColumn:
        return tr("Type");
    case EventColumn:
        return tr("Event");
    case UserColumn:
        return tr("User");
    case SourceColumn:
        return tr("Source");
    case FindingsColumn:
        return tr("Spec");
    default:
        return {};
    }
}

void EventListModel::onChanged(const ChangeEvent &change)
{
    using Kind = ChangeEvent::Kind;
    switch (change.kind) {
    case Kind::Reset:
        beginResetModel();
        m_rows.clear();
        for (int i = 0; i < int(m_document->project().events().size()); ++i)
            m_rows.push_back(makeRow(i));
        endResetModel();
        break;
    case Kind::EventsInserted:
        beginInsertRows({}, change.first, change.last);
        for (int i = change.first; i <= change.last; ++i)
            m_rows.insert(m_rows.begin() + i, makeRow(i));
        endInsertRows();
        break;
    case Kind::EventsRemoved:
        beginRemoveRows({}, change.first, change.last);
        m_rows.erase(m_rows.begin() + change.first, m_rows.begin() + change.last + 1);
        endRemoveRows();
        break;
    case Kind::EventChanged:
        m_rows[size_t(change.first)] = makeRow(change.first);
        Q_EMIT dataChanged(index(change.first, 0), index(change.first, ColumnCount - 1));
        break;
    default:
        break;
    }
}

EventListModel::Row EventListModel::makeRow(int eventIndex) const
{
    const events::SampleEvent &sample = m_document->project().events()[size_t(eventIndex)];
    const json::Value &event = sample.event;
    Row row;
    row.type = text(event, QStringLiteral("type"));
    // What names the event depends on its call: the track name, the page or screen name, the group.
    for (const QString &key : {QStringLiteral("event"), QStringLiteral("name"), QStringLiteral("groupId")}) {
        row.event = text(event, key);
        if (!row.event.isEmpty())
            break;
    }
    row.user = text(event, QStringLiteral("userId"));
    if (row.user.isEmpty()) {
        const QString anonymous = text(event, QStringLiteral("anonymousId"));
        if (!anonymous.isEmpty())
            row.user = tr("anonymous %1").arg(anonymous);
    }
    row.source = sample.line > 0 ? tr("%1:%2").arg(sample.source).arg(sample.line) : sample.source;
    row.findings = events::SpecChecker::check(event);
    return row;
}

} // namespace inkmapper::ui
