#include "headertablemodel.h"

#include "destination/headermap.h"
#include "json/object.h"
#include "json/parser.h"
#include "json/writer.h"

#include <QApplication>
#include <QFontDatabase>
#include <QIcon>
#include <QStyle>

#include <algorithm>

namespace inkmapper::ui {

namespace {

/** The first non-ASCII character of `text` described for a person: “é” (U+00E9); empty when all ASCII. */
QString firstNonAscii(QStringView text)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text[i].unicode() < 0x80)
            continue;
        char32_t codePoint = text[i].unicode();
        qsizetype length = 1;
        if (text[i].isHighSurrogate() && i + 1 < text.size() && text[i + 1].isLowSurrogate()) {
            codePoint = QChar::surrogateToUcs4(text[i], text[i + 1]);
            length = 2;
        }
        return QStringLiteral("\u201c%1\u201d (U+%2)")
            .arg(text.mid(i, length).toString(), QString::number(uint(codePoint), 16).toUpper().rightJustified(4, u'0'));
    }
    return {};
}

QIcon severityIcon(HeaderTableModel::Severity severity)
{
    if (severity == HeaderTableModel::Severity::None)
        return {};
    const QStyle::StandardPixmap pixmap = severity == HeaderTableModel::Severity::Error
                                              ? QStyle::SP_MessageBoxCritical
                                              : QStyle::SP_MessageBoxWarning;
    return QApplication::style()->standardIcon(pixmap);
}

/** The directive a lone-key object uses, when its value is a string: "@path", "@template"; else empty. */
QString loneStringDirective(const json::Value &value)
{
    if (!value.isObject() || value.toObject().size() != 1)
        return {};
    const auto &[key, member] = value.toObject().at(0);
    return member.isString() ? key : QString();
}

} // namespace

QString HeaderTableModel::asciiOnlyMessage()
{
    return QStringLiteral("Movable Ink accepts ASCII header values only");
}

HeaderTableModel::HeaderTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

HeaderTableModel::Source HeaderTableModel::sourceOf(const json::Value &value)
{
    if (value.isString())
        return Source::Text;
    const QString directive = loneStringDirective(value);
    if (directive == QLatin1String("@path"))
        return Source::Path;
    if (directive == QLatin1String("@template"))
        return Source::Template;
    return Source::Json;
}

QString HeaderTableModel::sourceName(Source source)
{
    switch (source) {
    case Source::Text:
        return tr("Text");
    case Source::Path:
        return tr("Event variable");
    case Source::Template:
        return tr("Template");
    case Source::Json:
        return tr("JSON");
    }
    return {};
}

HeaderTableModel::Row HeaderTableModel::rowFor(const QString &name, const json::Value &value)
{
    Row row;
    row.name = name;
    row.source = sourceOf(value);
    row.value = value;
    switch (row.source) {
    case Source::Text:
        row.text = value.toString();
        break;
    case Source::Path:
    case Source::Template:
        row.text = value.toObject().at(0).second.toString();
        break;
    case Source::Json:
        row.text = json::toJsonString(value);
        break;
    }
    return row;
}

void HeaderTableModel::applyText(Row &row)
{
    row.jsonError.clear();
    switch (row.source) {
    case Source::Text:
        row.value = row.text;
        break;
    case Source::Path:
    case Source::Template: {
        json::Object directive;
        directive.set(row.source == Source::Path ? QStringLiteral("@path") : QStringLiteral("@template"), row.text);
        row.value = json::Value(std::move(directive));
        break;
    }
    case Source::Json: {
        const Result<json::Value> parsed = json::parse(QStringView(row.text));
        // A cell that does not parse keeps its text on screen and its last valid value in the mapping.
        if (parsed)
            row.value = *parsed;
        else
            row.jsonError = tr("Not valid JSON: %1").arg(parsed.error().describe());
        break;
    }
    }
}

void HeaderTableModel::setHeaders(const json::Value &headers)
{
    beginResetModel();
    m_rows.clear();
    if (headers.isObject()) {
        for (const auto &[name, value] : headers.toObject())
            m_rows.push_back(rowFor(name, value));
    }
    endResetModel();
}

json::Value HeaderTableModel::headers() const
{
    json::Object object;
    for (const Row &row : m_rows) {
        if (!row.value.isUndefined())
            object.set(row.name, row.value);
    }
    return json::Value(std::move(object));
}

int HeaderTableModel::addHeader(const QString &name, const json::Value &value)
{
    const int row = int(m_rows.size());
    beginInsertRows({}, row, row);
    m_rows.push_back(rowFor(name, value));
    endInsertRows();
    // Names are checked against every other row, so a new row can change the flags of the others.
    if (row > 0)
        Q_EMIT dataChanged(index(0, NameColumn), index(row - 1, ValueColumn));
    Q_EMIT headersEdited();
    return row;
}

HeaderTableModel::Source HeaderTableModel::source(int row) const
{
    return m_rows.at(size_t(row)).source;
}

json::Value HeaderTableModel::value(int row) const
{
    return m_rows.at(size_t(row)).value;
}

QString HeaderTableModel::name(int row) const
{
    return m_rows.at(size_t(row)).name;
}

QList<HeaderTableModel::Issue> HeaderTableModel::issues(int rowNumber) const
{
    const Row &row = m_rows.at(size_t(rowNumber));
    QList<Issue> out;
    const auto add = [&out](Severity severity, int column, const QString &message) {
        out.append({severity, column, message});
    };

    // The name.
    const QString nonAsciiName = firstNonAscii(row.name);
    if (row.name.isEmpty()) {
        add(Severity::Error, NameColumn, tr("The header has no name."));
    } else if (!nonAsciiName.isEmpty()) {
        add(Severity::Error, NameColumn,
            tr("%1. The name contains %2, which is not ASCII.").arg(asciiOnlyMessage(), nonAsciiName));
    } else if (!destination::Internal::HeaderMap::isValidName(row.name)) {
        add(Severity::Error, NameColumn,
            tr("\u201c%1\u201d is not a valid header name: use letters, digits and ! # $ % & ' * + - . ^ _ ` | ~ "
               "only, without spaces.")
                .arg(row.name));
    }
    const QString lower = row.name.toLower();
    for (int other = 0; other < rowNumber; ++other) {
        const QString &otherName = m_rows[size_t(other)].name;
        if (otherName == row.name) {
            add(Severity::Error, NameColumn,
                tr("Another row is already named \u201c%1\u201d: a mapping keeps only one of the values.").arg(row.name));
            break;
        }
        if (otherName.toLower() == lower && !row.name.isEmpty()) {
            add(Severity::Warning, NameColumn,
                tr("\u201c%1\u201d and \u201c%2\u201d are the same header (names ignore case): Segment sends both "
                   "values joined with \u201c, \u201d.")
                    .arg(otherName, row.name));
            break;
        }
    }
    // The destination's request client and node-fetch set these after the mapping's headers
    // (RequestBuilder reports the same as a HeaderOverwritten warning on each request).
    if (lower == QLatin1String("authorization")) {
        add(Severity::Warning, NameColumn,
            tr("Segment sets the Authorization header itself from the Username and Access Secret settings: this "
               "mapped value will be overwritten."));
    } else if (lower == QLatin1String("content-type")) {
        add(Severity::Warning, NameColumn,
            tr("Segment sets Content-Type itself (application/json for the JSON body): this mapped value will be "
               "overwritten."));
    } else if (lower == QLatin1String("content-length")) {
        add(Severity::Warning, NameColumn,
            tr("Content-Length is computed from the body: this mapped value will be overwritten."));
    }

    // The value.
    if (row.source == Source::Text || row.source == Source::Template) {
        const QString nonAsciiValue = firstNonAscii(row.text);
        if (!nonAsciiValue.isEmpty()) {
            add(Severity::Error, ValueColumn,
                tr("%1. %2 is not ASCII.").arg(asciiOnlyMessage(), nonAsciiValue));
        } else if (!destination::Internal::HeaderMap::isValidValue(row.text)) {
            add(Severity::Error, ValueColumn,
                tr("A header value cannot contain line breaks or other control characters."));
        }
    }
    if (row.source == Source::Text && row.text == QLatin1String("undefined")) {
        add(Severity::Warning, ValueColumn,
            tr("The text \u201cundefined\u201d makes Segment delete the header instead of sending it."));
    }
    if (!row.jsonError.isEmpty())
        add(Severity::Error, ValueColumn, row.jsonError);
    for (const Error &error : row.validation)
        add(Severity::Error, ValueColumn, error.message);
    return out;
}

QStringList HeaderTableModel::issueSummary() const
{
    QStringList errors;
    QStringList warnings;
    for (int row = 0; row < rowCount(); ++row) {
        const QString label = m_rows[size_t(row)].name.isEmpty() ? tr("Row %1").arg(row + 1) : m_rows[size_t(row)].name;
        for (const Issue &issue : issues(row))
            (issue.severity == Severity::Error ? errors : warnings).append(label + QStringLiteral(": ") + issue.message);
    }
    return errors + warnings;
}

std::vector<Error> HeaderTableModel::setValidationErrors(const std::vector<Error> &errors)
{
    for (Row &row : m_rows)
        row.validation.clear();
    std::vector<Error> others;
    const QString prefix = QStringLiteral("headers.");
    for (const Error &error : errors) {
        const QString &path = error.location.path;
        // Header names may hold dots, so the longest name that fits the path wins.
        int best = -1;
        for (int i = 0; i < int(m_rows.size()); ++i) {
            const QString full = prefix + m_rows[size_t(i)].name;
            const bool fits = path == full || (path.startsWith(full) && path.at(full.size()) == u'.');
            if (fits && (best < 0 || m_rows[size_t(i)].name.size() > m_rows[size_t(best)].name.size()))
                best = i;
        }
        if (best >= 0)
            m_rows[size_t(best)].validation.push_back(error);
        else
            others.push_back(error);
    }
    if (!m_rows.empty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    return others;
}

HeaderTableModel::Severity HeaderTableModel::worstSeverity(int row, int column) const
{
    Severity worst = Severity::None;
    for (const Issue &issue : issues(row)) {
        if (issue.column == column && int(issue.severity) > int(worst))
            worst = issue.severity;
    }
    return worst;
}

int HeaderTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int HeaderTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant HeaderTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    Q_ASSERT(checkIndex(index, CheckIndexOption::IndexIsValid));
    const Row &row = m_rows[size_t(index.row())];
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        if (column == NameColumn)
            return row.name;
        if (column == SourceColumn)
            return role == Qt::EditRole ? QVariant(int(row.source)) : QVariant(sourceName(row.source));
        return row.text;
    case Qt::DecorationRole:
        if (column == SourceColumn)
            return {};
        return severityIcon(worstSeverity(index.row(), column));
    case Qt::ToolTipRole:
    case Qt::AccessibleDescriptionRole:
    case IssueRole: {
        QStringList messages;
        for (const Issue &issue : issues(index.row())) {
            if (issue.column == column)
                messages.append(issue.message);
        }
        if (!messages.isEmpty() || role == IssueRole)
            return messages.join(u'\n');
        if (column == SourceColumn)
            return tr("Where the value comes from: fixed text, an event variable, a template or any JSON");
        // A long name or template is elided in its cell: the tooltip shows it whole.
        if (column == NameColumn)
            return row.name;
        QString hint;
        if (row.source == Source::Path)
            hint = tr("A path into the event, e.g. $.properties.sku");
        else if (row.source == Source::Template)
            hint = tr("Text with {{placeholders}} for event values, e.g. {{userId}}");
        if (row.text.isEmpty())
            return hint;
        return hint.isEmpty() ? row.text : row.text + QStringLiteral("\n\n") + hint;
    }
    case Qt::FontRole:
        if (column == ValueColumn && row.source != Source::Text)
            return QFontDatabase::systemFont(QFontDatabase::FixedFont);
        return {};
    case SourceRole:
        return int(row.source);
    case SeverityRole:
        return int(worstSeverity(index.row(), column));
    default:
        return {};
    }
}

bool HeaderTableModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || !index.isValid())
        return false;
    Row &row = m_rows[size_t(index.row())];
    switch (index.column()) {
    case NameColumn: {
        const QString name = value.toString();
        if (name == row.name)
            return true;
        row.name = name;
        // Duplicate flags of every other row may change with a name.
        Q_EMIT dataChanged(this->index(0, NameColumn), this->index(rowCount() - 1, ValueColumn));
        Q_EMIT headersEdited();
        return true;
    }
    case SourceColumn: {
        bool ok = false;
        const int number = value.toInt(&ok);
        if (!ok || number < int(Source::Text) || number > int(Source::Json))
            return false;
        const Source source = Source(number);
        if (source == row.source)
            return true;
        // The visible text carries over, so switching back and forth loses nothing; JSON shows the value itself.
        if (source == Source::Json)
            row.text = json::toJsonString(row.value);
        else if (row.source == Source::Json && row.value.isString())
            row.text = row.value.toString();
        row.source = source;
        applyText(row);
        break;
    }
    case ValueColumn: {
        const QString text = value.toString();
        if (text == row.text)
            return true;
        row.text = text;
        applyText(row);
        break;
    }
    default:
        return false;
    }
    Q_EMIT dataChanged(this->index(index.row(), 0), this->index(index.row(), ColumnCount - 1));
    Q_EMIT headersEdited();
    return true;
}

Qt::ItemFlags HeaderTableModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsSelectable | Qt::ItemIsEnabled | Qt::ItemIsEditable | Qt::ItemNeverHasChildren;
}

QVariant HeaderTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::DisplayRole) {
        switch (section) {
        case NameColumn:
            return tr("Header");
        case SourceColumn:
            return tr("Source");
        case ValueColumn:
            return tr("Value");
        }
    }
    return {};
}

bool HeaderTableModel::insertRows(int row, int count, const QModelIndex &parent)
{
    if (parent.isValid() || row < 0 || row > rowCount() || count < 1)
        return false;
    beginInsertRows({}, row, row + count - 1);
    m_rows.insert(m_rows.begin() + row, size_t(count), rowFor(QString(), QString()));
    endInsertRows();
    Q_EMIT headersEdited();
    return true;
}

bool HeaderTableModel::removeRows(int row, int count, const QModelIndex &parent)
{
    if (parent.isValid() || row < 0 || count < 1 || row + count > rowCount())
        return false;
    beginRemoveRows({}, row, row + count - 1);
    m_rows.erase(m_rows.begin() + row, m_rows.begin() + row + count);
    endRemoveRows();
    if (!m_rows.empty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    Q_EMIT headersEdited();
    return true;
}

} // namespace inkmapper::ui
