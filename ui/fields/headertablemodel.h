#pragma once

#include "json/value.h"

#include "util/result.h"

#include <QAbstractTableModel>
#include <QList>

#include <vector>

namespace inkmapper::ui {

/**
 * The `headers` field of a mapping as rows of name + value. Each value is static text or a directive
 * (an event variable `{"@path": …}`, a template `{"@template": …}` or any other JSON). Problems are
 * flagged per cell rather than refused, so nothing the user typed is lost: non-ASCII text (Movable Ink
 * accepts ASCII only), names that are not HTTP tokens, duplicate names, headers the destination sets
 * itself, JSON that does not parse and the mapping validator's errors.
 */
class HeaderTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { NameColumn, SourceColumn, ValueColumn, ColumnCount };

    /** Where a header's value comes from. */
    enum class Source { Text, Path, Template, Json };

    /** How bad a cell's problem is. */
    enum class Severity { None, Warning, Error };

    enum Role {
        SourceRole = Qt::UserRole + 1, ///< int(Source) of the row, on every column
        SeverityRole,                  ///< int(Severity) of the cell's worst problem
        IssueRole,                     ///< the cell's problems, one per line
    };

    /** One problem of a cell. */
    struct Issue
    {
        Severity severity = Severity::None;
        int column = NameColumn;
        QString message;
    };

    /** The message shown for any non-ASCII character in a header, as the destination's docs put it. */
    static QString asciiOnlyMessage();

    explicit HeaderTableModel(QObject *parent = nullptr);

    /** Replaces every row with the members of `headers` (an object; anything else gives no rows). Does not emit headersEdited. */
    void setHeaders(const json::Value &headers);
    /** The rows as the `headers` object, in row order (a cell whose JSON does not parse keeps its last valid value). */
    json::Value headers() const;

    /** Appends a row as a user edit and returns its row number. */
    int addHeader(const QString &name, const json::Value &value);
    /** The source of a row. */
    Source source(int row) const;
    /** The value of a row as it goes into the mapping. */
    json::Value value(int row) const;
    /** The header name of a row. */
    QString name(int row) const;

    /** Every problem of a row, name problems first. */
    QList<Issue> issues(int row) const;
    /** "name: message" for every problem of every row, errors before warnings. */
    QStringList issueSummary() const;

    /**
     * Attaches the mapping validator's errors whose path names a header ("headers.X-Foo…") to its row and
     * returns the others. Paths are those of the whole mapping.
     */
    std::vector<Error> setValidationErrors(const std::vector<Error> &errors);

    /** Which source a value has: text for strings, Path/Template for a lone @path/@template string, else Json. */
    static Source sourceOf(const json::Value &value);
    /** The user-facing name of a source ("Text", "Event variable", "Template", "JSON"). */
    static QString sourceName(Source source);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool insertRows(int row, int count, const QModelIndex &parent = {}) override;
    bool removeRows(int row, int count, const QModelIndex &parent = {}) override;

Q_SIGNALS:
    /** The user changed the headers (a cell, a source, an added or removed row). */
    void headersEdited();

private:
    struct Row
    {
        QString name;
        Source source = Source::Text;
        QString text;          ///< what the Value cell shows and edits
        json::Value value;     ///< what goes into the mapping
        QString jsonError;     ///< why `text` does not parse, for JSON rows
        std::vector<Error> validation;
    };

    static Row rowFor(const QString &name, const json::Value &value);
    static void applyText(Row &row);
    Severity worstSeverity(int row, int column) const;

    std::vector<Row> m_rows;
};

} // namespace inkmapper::ui
