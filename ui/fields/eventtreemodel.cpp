#include "eventtreemodel.h"

#include "valuepreview.h"

#include "util/plural.h"

#include "json/object.h"
#include "mapping/pathlookup.h"

#include <QApplication>
#include <QFontDatabase>
#include <QPalette>

#include <vector>

namespace inkmapper::ui {

struct EventTreeModel::Node
{
    QString label;      ///< the key, "[3]" for an array item, or "Entire event"
    json::Value value;
    QString path;       ///< empty when Segment's path syntax cannot reach the value
    int row = 0;
    int omitted = 0;    ///< children left out to stay under kMaxRows
    Node *parent = nullptr;
    std::vector<std::unique_ptr<Node>> children;
};

namespace {

/**
 * The @path for a chain of keys, checked with the engine's own path splitter: a key with a dot, a bracket
 * or a `$.` cannot be written so that Segment finds it again, and such rows get no path.
 */
QString pathFor(const QStringList &keys, const std::vector<bool> &isIndex)
{
    QString path = QStringLiteral("$.");
    for (qsizetype i = 0; i < keys.size(); ++i) {
        if (isIndex[size_t(i)])
            path += u'[' + keys[i] + u']';
        else
            path += (i == 0 || path.endsWith(u'.') ? QString() : QStringLiteral(".")) + keys[i];
    }
    if (mapping::splitPath(mapping::removeRootPrefix(path)) != keys)
        return {};
    return path;
}

} // namespace

EventTreeModel::EventTreeModel(QObject *parent)
    : QAbstractItemModel(parent)
    , m_root(std::make_unique<Node>())
{
}

EventTreeModel::~EventTreeModel() = default;

void EventTreeModel::build(Node *node, const QStringList &keys, const std::vector<bool> &isIndex, int &budget)
{
    const json::Value &value = node->value;
    std::vector<bool> childIsIndex = isIndex;
    childIsIndex.push_back(value.isArray());
    const auto addChild = [&](const QString &label, const json::Value &member, const QString &key) -> bool {
        if (budget <= 0)
            return false;
        --budget;
        auto child = std::make_unique<Node>();
        child->label = label;
        child->value = member;
        child->parent = node;
        child->row = int(node->children.size());
        QStringList childKeys = keys;
        childKeys.append(key);
        child->path = pathFor(childKeys, childIsIndex);
        Node *raw = child.get();
        node->children.push_back(std::move(child));
        build(raw, childKeys, childIsIndex, budget);
        return true;
    };
    if (value.isObject()) {
        const json::Object &object = value.toObject();
        for (qsizetype i = 0; i < object.size(); ++i) {
            if (!addChild(object.at(i).first, object.at(i).second, object.at(i).first)) {
                node->omitted = int(object.size() - i);
                break;
            }
        }
    } else if (value.isArray()) {
        const json::Array &array = value.toArray();
        for (size_t i = 0; i < array.size(); ++i) {
            const QString index = QString::number(i);
            if (!addChild(u'[' + index + u']', array[i], index)) {
                node->omitted = int(array.size() - i);
                break;
            }
        }
    }
}

bool EventTreeModel::setEvent(const json::Value &event)
{
    // An edit of a value keeps every key where it was: the rows stay (and with them the view's expanded
    // branches, selection and scroll position), and only the values shown change. Rebuilding 20,000 rows
    // on every key typed into a large event would freeze the window.
    QModelIndexList changed;
    if (!m_root->children.empty() && !event.isUndefined() && refreshValues(m_root->children.front().get(), event, changed)) {
        m_event = event;
        for (const QModelIndex &index : std::as_const(changed))
            Q_EMIT dataChanged(index, index);
        return false;
    }
    if (m_root->children.empty() && event.isUndefined())
        return false;
    beginResetModel();
    m_event = event;
    m_root = std::make_unique<Node>();
    if (!event.isUndefined()) {
        auto top = std::make_unique<Node>();
        top->label = tr("Entire event");
        top->value = event;
        top->path = QStringLiteral("$.");
        top->parent = m_root.get();
        int budget = kMaxRows;
        build(top.get(), {}, {}, budget);
        m_root->children.push_back(std::move(top));
    }
    endResetModel();
    return true;
}

bool EventTreeModel::refreshValues(Node *node, const json::Value &value, QModelIndexList &changed)
{
    if (node->value.isObject() != value.isObject() || node->value.isArray() != value.isArray())
        return false;
    if (value.isObject()) {
        const json::Object &object = value.toObject();
        if (qsizetype(node->children.size()) + node->omitted != object.size())
            return false;
        for (size_t i = 0; i < node->children.size(); ++i) {
            Node *child = node->children[i].get();
            if (child->label != object.at(qsizetype(i)).first || !refreshValues(child, object.at(qsizetype(i)).second, changed))
                return false;
        }
    } else if (value.isArray()) {
        const json::Array &array = value.toArray();
        if (node->children.size() + size_t(node->omitted) != array.size())
            return false;
        for (size_t i = 0; i < node->children.size(); ++i) {
            if (!refreshValues(node->children[i].get(), array[i], changed))
                return false;
        }
    } else if (!(node->value == value)) {
        changed.append(createIndex(node->row, ValueColumn, node));
    }
    node->value = value;
    return true;
}

QString EventTreeModel::path(const QModelIndex &index) const
{
    const auto *node = static_cast<const Node *>(index.internalPointer());
    return index.isValid() && node ? node->path : QString();
}

QModelIndex EventTreeModel::indexOf(const Node *node) const
{
    if (!node || node == m_root.get())
        return {};
    return createIndex(node->row, 0, const_cast<Node *>(node));
}

QModelIndex EventTreeModel::indexForPath(const QString &path) const
{
    if (path.isEmpty())
        return {};
    std::vector<const Node *> pending;
    for (const auto &child : m_root->children)
        pending.push_back(child.get());
    while (!pending.empty()) {
        const Node *node = pending.back();
        pending.pop_back();
        if (node->path == path)
            return indexOf(node);
        // Only descend where the path can still match, so a lookup stays cheap on big events.
        if (node->path.isEmpty() || path.startsWith(node->path) || node->path == QLatin1String("$.")) {
            for (const auto &child : node->children)
                pending.push_back(child.get());
        }
    }
    return {};
}

QStringList EventTreeModel::paths() const
{
    QStringList out;
    std::vector<const Node *> pending;
    for (auto it = m_root->children.rbegin(); it != m_root->children.rend(); ++it)
        pending.push_back(it->get());
    while (!pending.empty()) {
        const Node *node = pending.back();
        pending.pop_back();
        if (!node->path.isEmpty())
            out.append(node->path);
        for (auto it = node->children.rbegin(); it != node->children.rend(); ++it)
            pending.push_back(it->get());
    }
    return out;
}

QModelIndex EventTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    const Node *node = parent.isValid() ? static_cast<const Node *>(parent.internalPointer()) : m_root.get();
    return createIndex(row, column, node->children[size_t(row)].get());
}

QModelIndex EventTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    const auto *node = static_cast<const Node *>(child.internalPointer());
    return indexOf(node->parent);
}

int EventTreeModel::rowCount(const QModelIndex &parent) const
{
    if (parent.column() > 0)
        return 0;
    const Node *node = parent.isValid() ? static_cast<const Node *>(parent.internalPointer()) : m_root.get();
    return int(node->children.size());
}

int EventTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant EventTreeModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    Q_ASSERT(checkIndex(index, CheckIndexOption::IndexIsValid));
    const auto *node = static_cast<const Node *>(index.internalPointer());
    switch (role) {
    case Qt::DisplayRole:
        if (index.column() == KeyColumn)
            return node->label;
        if (node->value.isObject()) {
            const int keys = int(node->value.toObject().size());
            return plural(keys, tr("{ %n key }"), tr("{ %n keys }"));
        }
        if (node->value.isArray()) {
            const int items = int(node->value.toArray().size());
            return plural(items, tr("[ %n item ]"), tr("[ %n items ]"));
        }
        return ValuePreview::oneLine(node->value, 200);
    case Qt::ToolTipRole: {
        QString tip = node->path.isEmpty()
                          ? tr("Segment's path syntax cannot reach this key (it holds a dot, a bracket or \u201c$.\u201d).")
                          : node->path;
        if (index.column() == ValueColumn)
            tip = ValuePreview::oneLine(node->value, 1000);
        if (node->omitted > 0)
            tip += u'\n' + tr("%1 more entries are not shown.").arg(node->omitted);
        return tip;
    }
    case Qt::FontRole:
        if (index.column() == ValueColumn)
            return QFontDatabase::systemFont(QFontDatabase::FixedFont);
        return {};
    case Qt::ForegroundRole:
        if (index.column() == ValueColumn && (node->value.isObject() || node->value.isArray()))
            return QApplication::palette().color(QPalette::PlaceholderText);
        return {};
    case PathRole:
        return node->path;
    default:
        return {};
    }
}

Qt::ItemFlags EventTreeModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    const auto *node = static_cast<const Node *>(index.internalPointer());
    // Unreachable keys stay visible (their children may be reachable) but cannot be selected.
    return node->path.isEmpty() ? Qt::ItemIsEnabled : Qt::ItemIsEnabled | Qt::ItemIsSelectable;
}

QVariant EventTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractItemModel::headerData(section, orientation, role);
    return section == KeyColumn ? tr("Key") : tr("Value in Sample Event");
}

} // namespace inkmapper::ui
