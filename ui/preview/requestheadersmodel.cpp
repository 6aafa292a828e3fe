#include "requestheadersmodel.h"

#include "widgets/icons.h"

namespace inkmapper::ui {

RequestHeadersModel::RequestHeadersModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void RequestHeadersModel::setRequest(const std::optional<destination::HttpRequest> &request,
                                     const QList<destination::RequestWarning> &warnings)
{
    beginResetModel();
    m_headers = request ? request->headers() : QList<destination::HttpHeader>();
    m_redacted = request ? request->redacted().headers() : QList<destination::HttpHeader>();
    m_warnings = warnings;
    endResetModel();
}

void RequestHeadersModel::setRevealSecret(bool reveal)
{
    if (m_reveal == reveal)
        return;
    m_reveal = reveal;
    if (!m_headers.isEmpty())
        Q_EMIT dataChanged(index(0, ValueColumn), index(rowCount() - 1, ValueColumn));
}

int RequestHeadersModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_headers.size());
}

int RequestHeadersModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString RequestHeadersModel::warningFor(const destination::HttpHeader &header) const
{
    const QString name = QString::fromLatin1(header.name).toLower();
    QStringList messages;
    for (const destination::RequestWarning &w : m_warnings) {
        if (w.headerName == name)
            messages << w.message;
    }
    return messages.join(u'\n');
}

QVariant RequestHeadersModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const destination::HttpHeader &header = m_headers[index.row()];
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            return QString::fromLatin1(header.name);
        case ValueColumn:
            // Header values are latin-1 bytes on the wire, one byte per character.
            return QString::fromLatin1(m_reveal ? header.value : m_redacted[index.row()].value);
        case OriginColumn:
            switch (header.origin) {
            case destination::HttpHeader::Origin::Client: return tr("Segment");
            case destination::HttpHeader::Origin::Mapping: return tr("Mapping");
            case destination::HttpHeader::Origin::Transport: return tr("HTTP client");
            case destination::HttpHeader::Origin::UrlCredentials: return tr("URL credentials");
            }
        }
        return {};
    case Qt::ToolTipRole: {
        const QString warning = warningFor(header);
        if (!warning.isEmpty())
            return warning;
        if (index.column() == ValueColumn && header.name.compare("authorization", Qt::CaseInsensitive) == 0
            && !m_reveal)
            return tr("Redacted: turn on \u201cReveal secret\u201d to see the credentials.");
        if (index.column() == OriginColumn && header.origin == destination::HttpHeader::Origin::Transport)
            return tr("Added by Node's HTTP client when it writes the request.");
        return {};
    }
    case Qt::DecorationRole:
        if (index.column() == NameColumn && !warningFor(header).isEmpty())
            return Icons::icon(Icons::Id::Warning);
        return {};
    }
    return {};
}

QVariant RequestHeadersModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn: return tr("Header");
    case ValueColumn: return tr("Value");
    case OriginColumn: return tr("Set by");
    }
    return {};
}

} // namespace inkmapper::ui
