#include "conditiontreemodel.h"

#include "conditionvocabulary.h"
#include "fqlroundtrip.h"

#include "json/jsnumber.h"
#include "json/jssemantics.h"
#include "json/object.h"
#include "json/writer.h"

#include <algorithm>

namespace inkmapper::ui {

using fql::ConditionType;
using fql::Operator;
using ValueKind = ConditionVocabulary::ValueKind;

/** One row: the root group, a nested group or a condition. */
struct ConditionTreeModel::Node
{
    Node *parent = nullptr;
    bool isGroup = false;
    bool isOr = false;
    ConditionType type = ConditionType::EventType;
    QString name;
    Operator op = Operator::Equals;
    QString value; ///< as edited: the text, the event type, or a number as typed
    QString problem;
    MatchState match = MatchState::Unknown;
    QString matchDetail;
    std::vector<std::unique_ptr<Node>> children;

    int row() const
    {
        if (!parent)
            return 0;
        const auto it = std::find_if(parent->children.begin(), parent->children.end(),
                                     [this](const std::unique_ptr<Node> &child) { return child.get() == this; });
        return int(it - parent->children.begin());
    }
    int depth() const { return parent ? parent->depth() + 1 : 0; }
    ValueKind valueKind() const { return ConditionVocabulary::valueKind(type, op); }
};

namespace {

const QString KeyType = QStringLiteral("type");
const QString KeyName = QStringLiteral("name");
const QString KeyOperator = QStringLiteral("operator");
const QString KeyValue = QStringLiteral("value");
const QString KeyChildren = QStringLiteral("children");

Error refusal(const QString &message)
{
    return Error{message, {}};
}

QString quoted(const QString &text)
{
    return u'\u201c' + text + u'\u201d';
}

/** How a condition names its field in messages: "properties.total", "event". */
QString fieldText(ConditionType type, const QString &name)
{
    return fql::hasFieldName(type) ? ConditionVocabulary::pathPrefix(type) + name : fql::fqlFieldName(type);
}

/** The operator an AST `operator` member names; false for anything else. */
bool operatorNamed(const json::Value &name, Operator *op)
{
    if (!name.isString())
        return false;
    for (Operator candidate : fql::allOperators()) {
        if (fql::operatorName(candidate) == name.toString()) {
            *op = candidate;
            return true;
        }
    }
    return false;
}

QString describeValue(const json::Value &value)
{
    if (value.isUndefined())
        return QStringLiteral("nothing (the field is missing)");
    const QString json = json::toJsonString(value);
    return json.size() > 80 ? json.left(79) + u'\u2026' : json;
}

} // namespace

ConditionTreeModel::ConditionTreeModel(QObject *parent)
    : QAbstractItemModel(parent)
    , m_root(std::make_unique<Node>())
{
    m_root->isGroup = true;
}

ConditionTreeModel::~ConditionTreeModel() = default;

Result<Ok> ConditionTreeModel::setTree(const json::Value &ast)
{
    Result<std::unique_ptr<Node>> root = nodeFromAst(ast, nullptr, 0, 0);
    if (!root)
        return root.error();
    std::unique_ptr<Node> built = std::move(root).value();
    if (nodeToAst(*built) != ast)
        return refusal(QStringLiteral("the builder would not reproduce it exactly"));
    refreshProblems(*built);
    for (const auto &child : built->children) {
        const Node *leaf = child->isGroup ? nullptr : child.get();
        if (leaf && !leaf->problem.isEmpty())
            return refusal(leaf->problem);
        for (const auto &grandChild : child->children) {
            if (!grandChild->problem.isEmpty())
                return refusal(grandChild->problem);
        }
    }
    // Guards the combination as a whole (a single condition can be fine and the group still not).
    if (const Result<QString> text = FqlRoundTrip::write(ast); !text)
        return text.error();
    beginResetModel();
    m_root = std::move(built);
    endResetModel();
    return Ok{};
}

json::Value ConditionTreeModel::tree() const
{
    return nodeToAst(*m_root);
}

QModelIndex ConditionTreeModel::rootIndex() const
{
    return createIndex(0, 0, m_root.get());
}

std::unique_ptr<ConditionTreeModel::Node> ConditionTreeModel::newCondition(Node *parent)
{
    auto node = std::make_unique<Node>();
    node->parent = parent;
    node->type = ConditionType::EventType;
    node->op = Operator::Equals;
    node->value = ConditionVocabulary::defaultValue(node->type);
    node->problem = problemOf(*node);
    return node;
}

QModelIndex ConditionTreeModel::appendCondition(const QModelIndex &group)
{
    Node *node = nodeFor(group);
    if (!node || !node->isGroup)
        return {};
    const int row = int(node->children.size());
    beginInsertRows(indexFor(node), row, row);
    node->children.push_back(newCondition(node));
    endInsertRows();
    Q_EMIT edited();
    return index(row, 0, indexFor(node));
}

bool ConditionTreeModel::canAppendGroup(const QModelIndex &group) const
{
    return nodeFor(group) == m_root.get();
}

QModelIndex ConditionTreeModel::appendGroup(const QModelIndex &group)
{
    if (!canAppendGroup(group))
        return {};
    auto nested = std::make_unique<Node>();
    nested->parent = m_root.get();
    nested->isGroup = true;
    // A nested group with the root's own connective would mean nothing: start with the other one.
    nested->isOr = !m_root->isOr;
    nested->children.push_back(newCondition(nested.get()));
    const int row = int(m_root->children.size());
    beginInsertRows(rootIndex(), row, row);
    m_root->children.push_back(std::move(nested));
    endInsertRows();
    Q_EMIT edited();
    return index(row, 0, rootIndex());
}

bool ConditionTreeModel::removeNode(const QModelIndex &index)
{
    Node *node = nodeFor(index);
    if (!node || !node->parent)
        return false;
    // FQL has no empty parentheses: a nested group goes when its last condition goes.
    if (node->parent != m_root.get() && node->parent->children.size() == 1)
        node = node->parent;
    return removeRows(node->row(), 1, indexFor(node->parent));
}

bool ConditionTreeModel::removeRows(int row, int count, const QModelIndex &parent)
{
    Node *group = nodeFor(parent);
    if (!group || !group->isGroup || row < 0 || count <= 0 || row + count > int(group->children.size()))
        return false;
    beginRemoveRows(parent, row, row + count - 1);
    group->children.erase(group->children.begin() + row, group->children.begin() + row + count);
    endRemoveRows();
    Q_EMIT edited();
    return true;
}

QModelIndex ConditionTreeModel::firstProblem() const
{
    for (const auto &child : m_root->children) {
        if (!child->isGroup && !child->problem.isEmpty())
            return indexFor(child.get());
        for (const auto &grandChild : child->children) {
            if (!grandChild->problem.isEmpty())
                return indexFor(grandChild.get());
        }
    }
    return {};
}

void ConditionTreeModel::setExplanation(const fql::Explanation &explanation)
{
    resetMatches(*m_root);
    for (const fql::ConditionResult &result : explanation.conditions) {
        Node *node = m_root.get();
        for (int step : result.path) {
            if (!node || step < 0 || step >= int(node->children.size())) {
                node = nullptr;
                break;
            }
            node = node->children[size_t(step)].get();
        }
        if (!node)
            continue;
        if (!result.error.isEmpty()) {
            node->match = MatchState::Error;
            node->matchDetail = QStringLiteral("Segment's evaluator fails here: %1").arg(result.error);
        } else if (!result.reached) {
            node->match = MatchState::NotReached;
            node->matchDetail = QStringLiteral("Not checked: an earlier condition already decided its group.");
        } else {
            node->match = result.matched ? MatchState::Matched : MatchState::Failed;
            const QString verdict = result.matched ? QStringLiteral("Matches the sample event.")
                                                   : QStringLiteral("Does not match the sample event.");
            node->matchDetail = node->isGroup
                ? verdict
                : QStringLiteral("%1\nThe event's %2 is %3.")
                      .arg(verdict, fieldText(node->type, node->name), describeValue(result.actual));
        }
    }
    emitSubtreeChanged(m_root.get());
}

void ConditionTreeModel::clearExplanation()
{
    resetMatches(*m_root);
    emitSubtreeChanged(m_root.get());
}

void ConditionTreeModel::resetMatches(Node &node)
{
    node.match = MatchState::Unknown;
    node.matchDetail.clear();
    for (auto &child : node.children)
        resetMatches(*child);
}

QModelIndex ConditionTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (row < 0 || column < 0 || column >= ColumnCount)
        return {};
    if (!parent.isValid())
        return row == 0 ? createIndex(0, column, m_root.get()) : QModelIndex();
    const Node *group = nodeFor(parent);
    if (!group || parent.column() != 0 || row >= int(group->children.size()))
        return {};
    return createIndex(row, column, group->children[size_t(row)].get());
}

QModelIndex ConditionTreeModel::parent(const QModelIndex &child) const
{
    const Node *node = nodeFor(child);
    if (!node || !node->parent)
        return {};
    return indexFor(node->parent);
}

int ConditionTreeModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return 1;
    if (parent.column() != 0)
        return 0;
    const Node *node = nodeFor(parent);
    return node ? int(node->children.size()) : 0;
}

int ConditionTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant ConditionTreeModel::data(const QModelIndex &index, int role) const
{
    const Node *node = nodeFor(index);
    if (!node)
        return {};
    switch (role) {
    case IsGroupRole: return node->isGroup;
    case GroupIsOrRole: return node->isGroup ? QVariant(node->isOr) : QVariant();
    case ConditionTypeRole: return node->isGroup ? QVariant() : QVariant(int(node->type));
    case OperatorRole: return node->isGroup ? QVariant() : QVariant(int(node->op));
    case ProblemRole: return node->problem;
    case MatchRole: return int(node->match);
    case MatchDetailRole: return node->matchDetail;
    case Qt::ToolTipRole: return node->problem.isEmpty() ? node->matchDetail : node->problem;
    default: break;
    }
    if (role != Qt::DisplayRole && role != Qt::EditRole)
        return {};
    if (node->isGroup) {
        if (index.column() != FieldColumn)
            return {};
        if (role == Qt::EditRole)
            return node->isOr;
        return node->isOr ? QStringLiteral("Any of") : QStringLiteral("All of");
    }
    switch (index.column()) {
    case FieldColumn:
        return role == Qt::EditRole ? QVariant(int(node->type)) : QVariant(ConditionVocabulary::fieldLabel(node->type));
    case PathColumn: return fql::hasFieldName(node->type) ? node->name : QString();
    case OperatorColumn:
        return role == Qt::EditRole ? QVariant(int(node->op)) : QVariant(ConditionVocabulary::operatorLabel(node->op));
    case ValueColumn: return node->valueKind() == ValueKind::None ? QString() : node->value;
    default: return {};
    }
}

bool ConditionTreeModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    Node *node = nodeFor(index);
    if (!node)
        return false;
    if (node->isGroup) {
        const bool isOrRole = role == GroupIsOrRole || (role == Qt::EditRole && index.column() == FieldColumn);
        if (!isOrRole)
            return false;
        if (node->isOr == value.toBool())
            return true;
        node->isOr = value.toBool();
        emitRowChanged(node);
        Q_EMIT edited();
        return true;
    }

    const int column = index.column();
    if (column == FieldColumn && (role == ConditionTypeRole || role == Qt::EditRole)) {
        const auto type = ConditionType(value.toInt());
        if (!ConditionVocabulary::fieldKinds().contains(type))
            return false;
        if (type == node->type)
            return true;
        const ConditionType previous = node->type;
        node->type = type;
        if (!ConditionVocabulary::isOffered(type, node->op))
            node->op = ConditionVocabulary::operatorsFor(type).constFirst();
        // An event type's value is one of six words; nothing else carries over to or from it.
        if (type == ConditionType::EventType && !ConditionVocabulary::eventTypes().contains(node->value))
            node->value = ConditionVocabulary::defaultValue(type);
        else if (previous == ConditionType::EventType)
            node->value.clear();
        if (!fql::hasFieldName(type))
            node->name.clear();
    } else if (column == OperatorColumn && (role == OperatorRole || role == Qt::EditRole)) {
        const auto op = Operator(value.toInt());
        if (!ConditionVocabulary::isOffered(node->type, op))
            return false;
        if (op == node->op)
            return true;
        node->op = op;
    } else if (column == PathColumn && role == Qt::EditRole && fql::hasFieldName(node->type)) {
        if (node->name == value.toString())
            return true;
        node->name = value.toString();
    } else if (column == ValueColumn && role == Qt::EditRole && node->valueKind() != ValueKind::None) {
        if (node->value == value.toString())
            return true;
        node->value = value.toString();
    } else {
        return false;
    }
    node->problem = problemOf(*node);
    emitRowChanged(node);
    Q_EMIT edited();
    return true;
}

Qt::ItemFlags ConditionTreeModel::flags(const QModelIndex &index) const
{
    const Node *node = nodeFor(index);
    if (!node)
        return Qt::NoItemFlags;
    Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    bool editable = false;
    if (node->isGroup)
        editable = index.column() == FieldColumn;
    else if (index.column() == PathColumn)
        editable = fql::hasFieldName(node->type);
    else if (index.column() == ValueColumn)
        editable = node->valueKind() != ValueKind::None;
    else
        editable = true;
    if (editable)
        flags |= Qt::ItemIsEditable;
    return node->isGroup ? flags : flags | Qt::ItemNeverHasChildren;
}

QVariant ConditionTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case FieldColumn: return QStringLiteral("Field");
    case PathColumn: return QStringLiteral("Path");
    case OperatorColumn: return QStringLiteral("Operator");
    case ValueColumn: return QStringLiteral("Value");
    default: return {};
    }
}

ConditionTreeModel::Node *ConditionTreeModel::nodeFor(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != this)
        return nullptr;
    return static_cast<Node *>(index.internalPointer());
}

QModelIndex ConditionTreeModel::indexFor(const Node *node, int column) const
{
    return createIndex(node->row(), column, const_cast<Node *>(node));
}

json::Value ConditionTreeModel::nodeToAst(const Node &node)
{
    if (node.isGroup) {
        json::Array children;
        children.reserve(node.children.size());
        for (const auto &child : node.children)
            children.push_back(nodeToAst(*child));
        return fql::makeGroup(node.isOr, std::move(children));
    }
    json::Value value;
    switch (node.valueKind()) {
    case ValueKind::None: break;
    case ValueKind::Number: value = json::Value(json::stringToNumber(node.value)); break;
    case ValueKind::EventType:
    case ValueKind::Text: value = json::Value(node.value); break;
    }
    return fql::makeCondition(node.type, node.name, node.op, value);
}

Result<std::unique_ptr<ConditionTreeModel::Node>> ConditionTreeModel::nodeFromAst(const json::Value &ast, Node *parent,
                                                                                   int depth, int position)
{
    if (!ast.isObject())
        return refusal(depth == 0 ? QStringLiteral("it is not a condition tree")
                                  : QStringLiteral("condition %1 is missing (empty parentheses?)").arg(position + 1));
    const json::Object &object = ast.toObject();
    const json::Value type = object.value(KeyType);
    const json::Value op = object.value(KeyOperator);
    auto node = std::make_unique<Node>();
    node->parent = parent;

    if (type == json::Value(QStringLiteral("group"))) {
        if (depth > 1)
            return refusal(QStringLiteral("it nests parentheses deeper than FQL allows"));
        if (op != json::Value(QStringLiteral("and")) && op != json::Value(QStringLiteral("or")))
            return refusal(QStringLiteral("a group joins its conditions with %1 instead of and/or")
                               .arg(quoted(json::toJsString(op))));
        node->isGroup = true;
        node->isOr = op == json::Value(QStringLiteral("or"));
        const json::Value children = object.value(KeyChildren);
        if (!children.isArray())
            return refusal(QStringLiteral("a group has no list of conditions"));
        if (depth == 1 && children.toArray().empty())
            return refusal(QStringLiteral("it has an empty pair of parentheses"));
        int childPosition = 0;
        for (const json::Value &child : children.toArray()) {
            Result<std::unique_ptr<Node>> built = nodeFromAst(child, node.get(), depth + 1, childPosition++);
            if (!built)
                return built.error();
            node->children.push_back(std::move(built).value());
        }
        return node;
    }

    if (depth == 0)
        return refusal(QStringLiteral("its top level is not a group"));
    const std::optional<ConditionType> conditionType =
        type.isString() ? fql::conditionTypeFromName(type.toString()) : std::nullopt;
    if (!conditionType)
        return refusal(QStringLiteral("it has a condition of unknown type %1").arg(quoted(json::toJsString(type))));
    node->type = *conditionType;
    if (fql::hasFieldName(node->type)) {
        const json::Value name = object.value(KeyName);
        if (!name.isString())
            return refusal(QStringLiteral("a %1 condition has no field name")
                               .arg(ConditionVocabulary::fieldLabel(node->type).toLower()));
        node->name = name.toString();
    }
    const QString field = fieldText(node->type, node->name);
    Operator knownOp = Operator::Equals;
    if (!operatorNamed(op, &knownOp))
        return refusal(QStringLiteral("%1 uses the operator %2, which the builder does not know")
                           .arg(field, quoted(json::toJsString(op))));
    if (!ConditionVocabulary::isOffered(node->type, knownOp))
        return refusal(QStringLiteral("%1 uses %2, which FQL cannot write back for this field")
                           .arg(field, quoted(ConditionVocabulary::operatorLabel(knownOp))));
    node->op = knownOp;

    const json::Value value = object.value(KeyValue);
    bool typeFits = false;
    switch (node->valueKind()) {
    case ValueKind::None: typeFits = value.isUndefined(); break;
    case ValueKind::Number:
        typeFits = value.isNumber();
        if (typeFits)
            node->value = json::numberToString(value.toNumber());
        break;
    case ValueKind::EventType:
    case ValueKind::Text:
        typeFits = value.isString();
        if (typeFits)
            node->value = value.toString();
        break;
    }
    if (!typeFits)
        return refusal(QStringLiteral("%1 %2 compares with a value of type %3")
                           .arg(field, quoted(ConditionVocabulary::operatorLabel(node->op)), json::realTypeOf(value)));
    return node;
}

QString ConditionTreeModel::problemOf(const Node &node)
{
    if (node.isGroup)
        return {};
    const ValueKind kind = node.valueKind();
    const QString field = ConditionVocabulary::fieldLabel(node.type).toLower();
    // Number("") is 0, so an empty number field would quietly mean zero.
    if (kind == ValueKind::Number && node.value.trimmed().isEmpty())
        return QStringLiteral("Enter a number to compare the %1 with.").arg(field);
    if (FqlRoundTrip::write(fql::makeGroup(false, json::Array{nodeToAst(node)})).ok())
        return {};
    if (fql::hasFieldName(node.type) && node.name.isEmpty())
        return QStringLiteral("Enter the name of the %1.").arg(field);
    if (kind == ValueKind::Number)
        return QStringLiteral("%1 is not a number FQL can write.").arg(quoted(node.value));
    if (kind != ValueKind::None && node.value.contains(u'"'))
        return QStringLiteral("FQL cannot write a double quote (\") inside a value.");
    if (fql::hasFieldName(node.type))
        return QStringLiteral("FQL cannot write the %1 %2 exactly.").arg(field, quoted(node.name));
    return QStringLiteral("FQL cannot write this condition exactly.");
}

void ConditionTreeModel::refreshProblems(Node &node)
{
    node.problem = problemOf(node);
    for (auto &child : node.children)
        refreshProblems(*child);
}

void ConditionTreeModel::emitRowChanged(Node *node)
{
    Q_EMIT dataChanged(indexFor(node, 0), indexFor(node, ColumnCount - 1));
}

void ConditionTreeModel::emitSubtreeChanged(Node *node)
{
    emitRowChanged(node);
    if (!node->children.empty()) {
        Q_EMIT dataChanged(indexFor(node->children.front().get(), 0),
                           indexFor(node->children.back().get(), ColumnCount - 1));
        for (const auto &child : node->children) {
            if (!child->children.empty())
                emitSubtreeChanged(child.get());
        }
    }
}

} // namespace inkmapper::ui
