#pragma once

#include "json/value.h"

#include <QAbstractItemModel>
#include <QStringList>

#include <memory>
#include <vector>

namespace inkmapper::ui {

/**
 * A sample event as a tree for the path picker: one top row for the entire event (`$.`), then its keys
 * and array items, each with a preview of its value and the `@path` that reaches it (`$.products[0].sku`).
 * A key Segment's path syntax cannot reach (e.g. one holding a dot) is shown but cannot be picked. Very
 * large events are cut at a number of rows, with a note.
 */
class EventTreeModel : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum Column { KeyColumn, ValueColumn, ColumnCount };

    enum Role {
        PathRole = Qt::UserRole + 1, ///< the @path of the row, empty when Segment's syntax cannot reach it
    };

    /** Rows beyond this many are not built; the cut is reported on the row where it happened. */
    static constexpr int kMaxRows = 20000;

    explicit EventTreeModel(QObject *parent = nullptr);
    ~EventTreeModel() override;

    /**
     * Shows `event` (undefined: no rows). Returns whether the rows were made again; when `event` has the
     * keys and items of the event shown, only the values change (dataChanged), and it returns false.
     */
    bool setEvent(const json::Value &event);
    const json::Value &event() const { return m_event; }

    /** The @path of a row, or an empty string when it cannot be picked. */
    QString path(const QModelIndex &index) const;
    /** The row whose path is `path` (as this model writes paths), or an invalid index. */
    QModelIndex indexForPath(const QString &path) const;
    /** Every pickable path, in tree order, for completion. */
    QStringList paths() const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Node;

    void build(Node *node, const QStringList &keys, const std::vector<bool> &isIndex, int &budget);
    QModelIndex indexOf(const Node *node) const;
    /** Gives `node`'s rows the values of `value` if it has the same keys and items; false if not. */
    bool refreshValues(Node *node, const json::Value &value, QModelIndexList &changed);

    std::unique_ptr<Node> m_root;
    json::Value m_event;
};

} // namespace inkmapper::ui
