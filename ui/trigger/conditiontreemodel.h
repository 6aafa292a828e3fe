#pragma once

#include "fql/condition.h"
#include "fql/explanation.h"
#include "json/value.h"
#include "util/result.h"

#include <QAbstractItemModel>

#include <memory>
#include <vector>

namespace inkmapper::ui {

/**
 * The condition tree of one trigger as an item model, for the condition builder.
 *
 * There is a single top-level row, the root group; its children are conditions and nested groups, and
 * a nested group holds conditions only, because FQL has one level of parentheses. Each row has four
 * columns: field, path, operator and value. The model holds exactly what the builder can show: setTree()
 * refuses a tree it cannot reproduce faithfully, and every condition knows whether FQL can write it
 * (ProblemRole). User edits go through setData() and the structure functions and are announced by
 * edited(); setTree() is not an edit.
 */
class ConditionTreeModel : public QAbstractItemModel
{
    Q_OBJECT

public:
    /** The columns of a row. */
    enum Column { FieldColumn, PathColumn, OperatorColumn, ValueColumn, ColumnCount };

    /** Custom data roles (all answered on any column of the row unless noted). */
    enum Role {
        IsGroupRole = Qt::UserRole + 1, ///< bool: a group row
        ConditionTypeRole,              ///< int (fql::ConditionType) of a condition; settable on FieldColumn
        OperatorRole,                   ///< int (fql::Operator) of a condition; settable on OperatorColumn
        GroupIsOrRole,                  ///< bool: the group matches when any child matches; settable
        ProblemRole,                    ///< QString: why FQL cannot write this condition, empty when it can
        MatchRole,                      ///< int (MatchState) against the sample event
        MatchDetailRole,                ///< QString: what the sample event holds, for a tooltip
    };

    /** How a row fared against the sample event (see setExplanation()). */
    enum class MatchState { Unknown, Matched, Failed, NotReached, Error };

    /** An empty root group ("all", no conditions). */
    explicit ConditionTreeModel(QObject *parent = nullptr);
    ~ConditionTreeModel() override;

    /** Replaces the whole tree without counting as an edit; an Error (and no change) when the builder cannot show it. */
    Result<Ok> setTree(const json::Value &ast);
    /** The tree as a json::Value in Segment's AST shape and key order. */
    json::Value tree() const;
    /** The root group's index (row 0 of the invisible root). */
    QModelIndex rootIndex() const;

    /** Appends a new condition (Event type is track) to a group; returns its index. */
    QModelIndex appendCondition(const QModelIndex &group);
    /** True when a nested group may be added to `group` (only the root may hold groups). */
    bool canAppendGroup(const QModelIndex &group) const;
    /** Appends a nested group holding one new condition to the root; returns the group's index. */
    QModelIndex appendGroup(const QModelIndex &group);
    /** Removes a condition or a nested group; removing a nested group's last condition removes the group. */
    bool removeNode(const QModelIndex &index);

    /** The first condition FQL cannot write (pre-order), or an invalid index when every condition is complete. */
    QModelIndex firstProblem() const;
    /** Shows per-row match states from fql::explain() of tree() against the sample event. */
    void setExplanation(const fql::Explanation &explanation);
    /** Forgets the match states. */
    void clearExplanation();

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool removeRows(int row, int count, const QModelIndex &parent = {}) override;

Q_SIGNALS:
    /** The user changed the tree (setData, append, remove); not emitted by setTree(). */
    void edited();

private:
    struct Node;

    Node *nodeFor(const QModelIndex &index) const;
    QModelIndex indexFor(const Node *node, int column = 0) const;
    static std::unique_ptr<Node> newCondition(Node *parent);
    static json::Value nodeToAst(const Node &node);
    static Result<std::unique_ptr<Node>> nodeFromAst(const json::Value &ast, Node *parent, int depth, int position);
    static QString problemOf(const Node &node);
    static void refreshProblems(Node &node);
    static void resetMatches(Node &node);
    void emitRowChanged(Node *node);
    void emitSubtreeChanged(Node *node);

    std::unique_ptr<Node> m_root;
};

} // namespace inkmapper::ui
