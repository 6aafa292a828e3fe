#include "datafieldmodel.h"

#include "valuepreview.h"

#include "util/plural.h"

#include "json/object.h"
#include "mapping/directives.h"

#include <QApplication>
#include <QFutureWatcher>
#include <QPromise>
#include <QFontDatabase>
#include <QIcon>
#include <QPalette>
#include <QStyle>

namespace inkmapper::ui {

namespace {

/**
 * Whether `event` holds more than `limit` values in all. Resolving a sample against such an event can take
 * longer than a frame (a @flatten of a 1 MB event's properties: 15 ms), so it is done in the background.
 */
bool holdsMoreValuesThan(const json::Value &event, qsizetype limit)
{
    qsizetype count = 0;
    std::vector<const json::Value *> pending{&event};
    while (!pending.empty() && count <= limit) {
        const json::Value *value = pending.back();
        pending.pop_back();
        ++count;
        if (value->isObject()) {
            for (const auto &member : value->toObject())
                pending.push_back(&member.second);
        } else if (value->isArray()) {
            for (const json::Value &item : value->toArray())
                pending.push_back(&item);
        }
    }
    return count > limit;
}

constexpr qsizetype LargeEventValues = 5000;

} // namespace

struct DataFieldModel::Node
{
    QString key;
    json::Value value; ///< the value of a leaf; objects are rebuilt from `children`
    bool isObject = false;
    Node *parent = nullptr;
    std::vector<std::unique_ptr<Node>> children;
    std::vector<Error> errors;
    mutable std::optional<Result<json::Value>> sample; ///< cache of resolved()
    mutable bool sampleStale = false; ///< `sample` is for an earlier event; the worker resolves it again

    int row() const
    {
        if (!parent)
            return 0;
        for (size_t i = 0; i < parent->children.size(); ++i) {
            if (parent->children[i].get() == this)
                return int(i);
        }
        return 0;
    }

    json::Value rebuilt() const
    {
        if (!isObject)
            return value;
        json::Object object;
        object.reserve(qsizetype(children.size()));
        for (const auto &child : children) {
            json::Value member = child->rebuilt();
            if (!member.isUndefined())
                object.set(child->key, std::move(member));
        }
        return json::Value(std::move(object));
    }

    Node *childWithKey(QStringView name) const
    {
        for (const auto &child : children) {
            if (child->key == name)
                return child.get();
        }
        return nullptr;
    }
};

namespace {

const QString &fieldKey()
{
    static const QString key = QStringLiteral("data");
    return key;
}

QString staticTypeName(const json::Value &value)
{
    switch (value.type()) {
    case json::Value::Type::String:
        return DataFieldModel::tr("Static text");
    case json::Value::Type::Number:
        return DataFieldModel::tr("Static number");
    case json::Value::Type::Boolean:
        return DataFieldModel::tr("Static boolean");
    case json::Value::Type::Null:
        return DataFieldModel::tr("Static null");
    default:
        return DataFieldModel::tr("Static JSON");
    }
}

/** Where the key at `position` of `keys` ends up in JavaScript property order (array-index keys move first). */
int javaScriptPosition(const std::vector<QString> &keys, size_t position)
{
    json::Object order;
    for (const QString &key : keys)
        order.set(key, json::Value());
    for (qsizetype i = 0; i < order.size(); ++i) {
        if (order.at(i).first == keys[position])
            return int(i);
    }
    return int(position);
}

} // namespace

DataFieldModel::DataFieldModel(QObject *parent)
    : QAbstractItemModel(parent)
    , m_root(std::make_unique<Node>())
{
    m_root->isObject = true;
    auto field = std::make_unique<Node>();
    field->key = fieldKey();
    field->parent = m_root.get();
    m_root->children.push_back(std::move(field));
}

DataFieldModel::~DataFieldModel()
{
    m_samplePool.waitForDone(); // the batch reads values this model gave it, not the model itself
}

DataFieldModel::Source DataFieldModel::sourceOf(const json::Value &value)
{
    if (value.isUndefined())
        return Source::Unset;
    if (!value.isObject())
        return Source::Static;
    const json::Object &object = value.toObject();
    if (!mapping::hasDirectiveKey(object))
        return Source::Object;
    // Only a lone string @path is "an event variable"; anything richer is kept whole as a function.
    if (object.size() == 1 && object.at(0).first == QLatin1String("@path") && object.at(0).second.isString())
        return Source::Path;
    return Source::Function;
}

QString DataFieldModel::sourceName(Source source)
{
    switch (source) {
    case Source::Unset:
        return tr("Not set");
    case Source::Path:
        return tr("Event variable");
    case Source::Static:
        return tr("Static value");
    case Source::Function:
        return tr("Function");
    case Source::Object:
        return tr("Object");
    }
    return {};
}

void DataFieldModel::buildChildren(Node *node, const json::Value &value)
{
    node->children.clear();
    node->sample.reset();
    node->isObject = sourceOf(value) == Source::Object;
    node->value = node->isObject ? json::Value() : value;
    if (!node->isObject)
        return;
    for (const auto &[key, member] : value.toObject()) {
        auto child = std::make_unique<Node>();
        child->key = key;
        child->parent = node;
        buildChildren(child.get(), member);
        node->children.push_back(std::move(child));
    }
}

void DataFieldModel::setFieldValue(const json::Value &data)
{
    beginResetModel();
    buildChildren(m_root->children.front().get(), data);
    endResetModel();
}

json::Value DataFieldModel::fieldValue() const
{
    return m_root->children.front()->rebuilt();
}

QModelIndex DataFieldModel::fieldIndex() const
{
    return index(0, 0);
}

void DataFieldModel::setSampleEvent(const json::Value &event)
{
    m_sampleEvent = event;
    ++m_sampleGeneration;
    if (holdsMoreValuesThan(event, LargeEventValues)) {
        resolveSamplesInBackground();
        return;
    }
    invalidateSamples(m_root.get());
    // Every row's Sample cell may change.
    std::vector<const Node *> pending{m_root.get()};
    while (!pending.empty()) {
        const Node *node = pending.back();
        pending.pop_back();
        if (node->children.empty())
            continue;
        const QModelIndex parent = node == m_root.get() ? QModelIndex() : indexOf(node);
        Q_EMIT dataChanged(index(0, SampleColumn, parent), index(int(node->children.size()) - 1, SampleColumn, parent));
        for (const auto &child : node->children)
            pending.push_back(child.get());
    }
}

void DataFieldModel::resolveSamplesInBackground()
{
    if (m_resolvingGeneration != 0)
        return; // the running batch starts the newest event's when it ends
    // The samples someone asked for (shown rows, the selected key) are resolved again; the others wait until
    // they are asked for. Each job names its row by path and carries the value resolved, so that a result
    // whose row was edited or removed meanwhile is dropped.
    struct Job
    {
        QString path;
        json::Value value;
    };
    std::vector<Job> jobs;
    std::vector<const Node *> pending{m_root.get()};
    while (!pending.empty()) {
        const Node *node = pending.back();
        pending.pop_back();
        if (node->sample) {
            node->sampleStale = true;
            jobs.push_back({keyPath(indexOf(node)), node->rebuilt()});
        }
        for (const auto &child : node->children)
            pending.push_back(child.get());
    }
    if (jobs.empty())
        return;
    using Results = std::vector<Result<json::Value>>;
    const quint64 generation = m_resolvingGeneration = m_sampleGeneration;
    auto promise = std::make_shared<QPromise<Results>>();
    auto *watcher = new QFutureWatcher<Results>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation, jobs] {
        watcher->deleteLater();
        m_resolvingGeneration = 0;
        if (generation != m_sampleGeneration) {
            resolveSamplesInBackground(); // the event changed again meanwhile
            return;
        }
        const Results results = watcher->future().result();
        for (size_t i = 0; i < jobs.size(); ++i) {
            const QModelIndex row = indexForKeyPath(jobs[i].path);
            Node *node = nodeAt(row);
            if (!node || !node->sampleStale || !(node->rebuilt() == jobs[i].value))
                continue;
            node->sample = results[i];
            node->sampleStale = false;
            const QModelIndex cell = indexOf(node, SampleColumn);
            Q_EMIT dataChanged(cell, cell);
        }
    });
    watcher->setFuture(promise->future());
    m_samplePool.start([promise, jobs, event = m_sampleEvent] {
        promise->start();
        Results results;
        results.reserve(jobs.size());
        for (const Job &job : jobs)
            results.push_back(resolveSample(job.value, event, job.path));
        promise->addResult(std::move(results));
        promise->finish();
    });
}

void DataFieldModel::invalidateSamples(Node *node)
{
    node->sample.reset();
    node->sampleStale = false;
    for (const auto &child : node->children)
        invalidateSamples(child.get());
}

DataFieldModel::Node *DataFieldModel::nodeAt(const QModelIndex &index) const
{
    if (!index.isValid())
        return nullptr;
    return static_cast<Node *>(index.internalPointer());
}

QModelIndex DataFieldModel::indexOf(const Node *node, int column) const
{
    if (!node || node == m_root.get())
        return {};
    return createIndex(node->row(), column, const_cast<Node *>(node));
}

json::Value DataFieldModel::value(const QModelIndex &index) const
{
    const Node *node = nodeAt(index);
    return node ? node->rebuilt() : json::Value();
}

DataFieldModel::Source DataFieldModel::source(const QModelIndex &index) const
{
    const Node *node = nodeAt(index);
    if (!node)
        return Source::Unset;
    return node->isObject ? Source::Object : sourceOf(node->value);
}

QString DataFieldModel::key(const QModelIndex &index) const
{
    const Node *node = nodeAt(index);
    return node ? node->key : QString();
}

QString DataFieldModel::keyPath(const QModelIndex &index) const
{
    QStringList keys;
    for (const Node *node = nodeAt(index); node && node != m_root.get(); node = node->parent)
        keys.prepend(node->key);
    return keys.join(u'.');
}

QModelIndex DataFieldModel::indexForKeyPath(const QString &path) const
{
    std::vector<const Node *> pending{m_root->children.front().get()};
    while (!pending.empty()) {
        const Node *node = pending.back();
        pending.pop_back();
        const QModelIndex candidate = indexOf(node);
        if (keyPath(candidate) == path)
            return candidate;
        for (const auto &child : node->children)
            pending.push_back(child.get());
    }
    return {};
}

Result<json::Value> DataFieldModel::resolved(const QModelIndex &index) const
{
    const Node *node = nodeAt(index);
    if (!node)
        return Error{tr("No key selected"), {}};
    if (!node->sample) {
        node->sample = resolveSample(node->rebuilt(), m_sampleEvent, keyPath(index));
        node->sampleStale = false;
    }
    return *node->sample;
}

Result<json::Value> DataFieldModel::resolveSample(const json::Value &mappingValue, const json::Value &event,
                                                  const QString &keyPath)
{
    Result<json::Value> result = ValuePreview::resolve(mappingValue, event);
    if (!result) {
        // The engine names the value "v" (ValuePreview's wrapper); name the key the user sees instead.
        Error error = result.error();
        if (error.message.startsWith(QLatin1String("/v/")) || error.message.startsWith(QLatin1String("/v ")))
            error.message = u'/' + QString(keyPath).replace(u'.', u'/') + error.message.mid(2);
        if (error.location.path == QLatin1String("v") || error.location.path.startsWith(QLatin1String("v.")))
            error.location.path = keyPath + error.location.path.mid(1);
        result = error;
    }
    return result;
}

void DataFieldModel::replaceValue(Node *node, const json::Value &value)
{
    const QModelIndex parent = indexOf(node);
    if (!node->children.empty()) {
        beginRemoveRows(parent, 0, int(node->children.size()) - 1);
        node->children.clear();
        endRemoveRows();
    }
    const bool isObject = sourceOf(value) == Source::Object;
    const qsizetype members = isObject ? value.toObject().size() : 0;
    if (members > 0)
        beginInsertRows(parent, 0, int(members) - 1);
    buildChildren(node, value);
    if (members > 0)
        endInsertRows();
    for (Node *up = node; up; up = up->parent)
        up->sample.reset();
    emitRowChanged(node);
    emitAncestorsChanged(node);
}

bool DataFieldModel::setValue(const QModelIndex &index, const json::Value &value)
{
    Node *node = nodeAt(index);
    if (!node)
        return false;
    if (node->rebuilt() == value && source(index) == sourceOf(value))
        return true;
    replaceValue(node, value);
    Q_EMIT fieldEdited();
    return true;
}

bool DataFieldModel::renameKey(const QModelIndex &index, const QString &key, QString *why)
{
    Node *node = nodeAt(index);
    const auto refuse = [why](const QString &reason) {
        if (why)
            *why = reason;
        return false;
    };
    if (!node || node->parent == m_root.get())
        return refuse(tr("The data field itself has no key to rename."));
    if (node->key == key)
        return true;
    if (key.isEmpty())
        return refuse(tr("A key needs a name."));
    if (node->parent->childWithKey(key))
        return refuse(tr("This object already has a key \u201c%1\u201d.").arg(key));
    node->key = key;
    moveToJavaScriptPosition(node);
    emitRowChanged(node);
    emitAncestorsChanged(node);
    Q_EMIT fieldEdited();
    return true;
}

void DataFieldModel::moveToJavaScriptPosition(Node *node)
{
    // An object keeps array-index keys ("0", "12") first, as JavaScript does; the tree shows that order.
    Node *parent = node->parent;
    const int current = node->row();
    std::vector<QString> keys;
    for (const auto &child : parent->children)
        keys.push_back(child->key);
    const int target = javaScriptPosition(keys, size_t(current));
    if (target == current)
        return;
    const QModelIndex parentIndex = indexOf(parent);
    beginMoveRows(parentIndex, current, current, parentIndex, target > current ? target + 1 : target);
    std::unique_ptr<Node> moving = std::move(parent->children[size_t(current)]);
    parent->children.erase(parent->children.begin() + current);
    parent->children.insert(parent->children.begin() + target, std::move(moving));
    endMoveRows();
}

QModelIndex DataFieldModel::addKey(const QModelIndex &object, const QString &key, const json::Value &value)
{
    Node *parent = nodeAt(object);
    if (!parent || !parent->isObject || key.isEmpty() || parent->childWithKey(key))
        return {};
    std::vector<QString> keys;
    for (const auto &child : parent->children)
        keys.push_back(child->key);
    keys.push_back(key);
    const int row = javaScriptPosition(keys, keys.size() - 1);
    auto child = std::make_unique<Node>();
    child->key = key;
    child->parent = parent;
    buildChildren(child.get(), value);
    beginInsertRows(object, row, row);
    parent->children.insert(parent->children.begin() + row, std::move(child));
    endInsertRows();
    for (Node *up = parent; up; up = up->parent)
        up->sample.reset();
    emitAncestorsChanged(parent->children[size_t(row)].get());
    Q_EMIT fieldEdited();
    return index(row, 0, object);
}

QString DataFieldModel::uniqueKey(const QModelIndex &object, const QString &base) const
{
    const Node *parent = nodeAt(object);
    if (!parent || !parent->childWithKey(base))
        return base;
    for (int n = 2;; ++n) {
        const QString candidate = base + QString::number(n);
        if (!parent->childWithKey(candidate))
            return candidate;
    }
}

std::vector<Error> DataFieldModel::errors(const QModelIndex &index) const
{
    const Node *node = nodeAt(index);
    return node ? node->errors : std::vector<Error>();
}

bool DataFieldModel::hasErrorsBelow(const QModelIndex &index) const
{
    std::vector<const Node *> pending{nodeAt(index)};
    while (!pending.empty()) {
        const Node *node = pending.back();
        pending.pop_back();
        if (!node)
            continue;
        if (!node->errors.empty())
            return true;
        for (const auto &child : node->children)
            pending.push_back(child.get());
    }
    return false;
}

std::vector<Error> DataFieldModel::setValidationErrors(const std::vector<Error> &errors)
{
    std::vector<Node *> all;
    std::vector<Node *> pending{m_root->children.front().get()};
    while (!pending.empty()) {
        Node *node = pending.back();
        pending.pop_back();
        node->errors.clear();
        all.push_back(node);
        for (const auto &child : node->children)
            pending.push_back(child.get());
    }

    std::vector<Error> others;
    for (const Error &error : errors) {
        const QString &path = error.location.path;
        if (path != fieldKey() && !path.startsWith(fieldKey() + u'.')) {
            others.push_back(error);
            continue;
        }
        Node *node = m_root->children.front().get();
        QStringView rest = QStringView(path).mid(fieldKey().size());
        // Keys may hold dots, so at each level the longest key that fits the rest of the path wins.
        while (rest.startsWith(u'.') && node->isObject) {
            rest = rest.mid(1);
            Node *next = nullptr;
            for (const auto &child : node->children) {
                const bool fits = rest == child->key || (rest.startsWith(child->key) && rest.size() > child->key.size()
                                                         && rest.at(child->key.size()) == u'.');
                if (fits && (!next || child->key.size() > next->key.size()))
                    next = child.get();
            }
            if (!next)
                break;
            node = next;
            rest = rest.mid(node->key.size());
        }
        node->errors.push_back(error);
    }
    for (const Node *node : all)
        emitRowChanged(node);
    return others;
}

void DataFieldModel::emitRowChanged(const Node *node)
{
    Q_EMIT dataChanged(indexOf(node, 0), indexOf(node, ColumnCount - 1));
}

void DataFieldModel::emitAncestorsChanged(const Node *node)
{
    // An object's Value and Sample cells summarise its keys.
    for (const Node *up = node->parent; up && up != m_root.get(); up = up->parent)
        emitRowChanged(up);
}

QString DataFieldModel::displayValue(const Node *node) const
{
    if (node->isObject) {
        const int keys = int(node->children.size());
        return plural(keys, tr("{ %n key }"), tr("{ %n keys }"));
    }
    switch (sourceOf(node->value)) {
    case Source::Unset:
        return tr("(not set)");
    case Source::Path: {
        const QString path = node->value.toObject().at(0).second.toString();
        if (path == QLatin1String("$.") || path.isEmpty())
            return tr("%1  (the entire event)").arg(path);
        return path;
    }
    case Source::Static:
        return ValuePreview::oneLine(node->value);
    case Source::Function: {
        const json::Object &object = node->value.toObject();
        const QString *name = mapping::firstDirectiveKey(object);
        const json::Value options = name ? object.value(*name) : json::Value();
        return (name ? *name : QString()) + u' ' + ValuePreview::oneLine(options);
    }
    case Source::Object:
        return ValuePreview::oneLine(node->value);
    }
    return {};
}

QModelIndex DataFieldModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    const Node *parentNode = parent.isValid() ? nodeAt(parent) : m_root.get();
    return createIndex(row, column, parentNode->children[size_t(row)].get());
}

QModelIndex DataFieldModel::parent(const QModelIndex &child) const
{
    const Node *node = nodeAt(child);
    if (!node || !node->parent || node->parent == m_root.get())
        return {};
    return indexOf(node->parent);
}

int DataFieldModel::rowCount(const QModelIndex &parent) const
{
    if (parent.column() > 0)
        return 0;
    const Node *node = parent.isValid() ? nodeAt(parent) : m_root.get();
    return int(node->children.size());
}

int DataFieldModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant DataFieldModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    Q_ASSERT(checkIndex(index, CheckIndexOption::IndexIsValid));
    const Node *node = nodeAt(index);
    const Source src = source(index);
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case KeyColumn:
            return node->key;
        case SourceColumn:
            if (src == Source::Static)
                return staticTypeName(node->value);
            if (src == Source::Function) {
                const QString *name = mapping::firstDirectiveKey(node->value.toObject());
                return name ? tr("Function %1").arg(*name) : sourceName(src);
            }
            return sourceName(src);
        case ValueColumn:
            return displayValue(node);
        case SampleColumn: {
            if (m_sampleEvent.isUndefined())
                return {};
            const Result<json::Value> result = resolved(index);
            if (!result)
                return tr("Error: %1").arg(result.error().message);
            return result->isUndefined() ? tr("(left out)") : ValuePreview::oneLine(*result);
        }
        }
        return {};
    case Qt::EditRole:
        if (column == KeyColumn)
            return node->key;
        if (column == ValueColumn && src == Source::Path)
            return node->value.toObject().at(0).second.toString();
        if (column == ValueColumn && node->value.isString())
            return node->value.toString();
        return {};
    case Qt::DecorationRole:
        if (column != KeyColumn)
            return {};
        if (!node->errors.empty())
            return QApplication::style()->standardIcon(QStyle::SP_MessageBoxCritical);
        if (hasErrorsBelow(index))
            return QApplication::style()->standardIcon(QStyle::SP_MessageBoxWarning);
        return {};
    case Qt::ToolTipRole: {
        if (column == KeyColumn) {
            QStringList lines;
            for (const Error &error : node->errors)
                lines.append(error.message);
            if (lines.isEmpty() && hasErrorsBelow(index))
                lines.append(tr("A key inside has a problem."));
            if (lines.isEmpty())
                return keyPath(index);
            return lines.join(u'\n');
        }
        if (column == ValueColumn)
            return ValuePreview::oneLine(node->rebuilt(), 2000);
        if (column == SampleColumn && !m_sampleEvent.isUndefined()) {
            const Result<json::Value> result = resolved(index);
            return result ? tr("In the sample event: %1").arg(ValuePreview::oneLine(*result, 2000))
                          : result.error().message;
        }
        return {};
    }
    case Qt::FontRole:
        if (column == ValueColumn || column == SampleColumn)
            return QFontDatabase::systemFont(QFontDatabase::FixedFont);
        return {};
    case Qt::ForegroundRole:
        if (column == SampleColumn) {
            const Result<json::Value> result = resolved(index);
            if (!result)
                return QColor(0xc6, 0x28, 0x28);
            return QApplication::palette().color(QPalette::PlaceholderText);
        }
        return {};
    case SourceRole:
        return int(src);
    case KeyPathRole:
        return keyPath(index);
    case ErrorRole: {
        QStringList lines;
        for (const Error &error : node->errors)
            lines.append(error.message);
        return lines.join(u'\n');
    }
    default:
        return {};
    }
}

bool DataFieldModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || !index.isValid())
        return false;
    if (index.column() == KeyColumn)
        return renameKey(index, value.toString());
    if (index.column() == ValueColumn) {
        const Source src = source(index);
        if (src == Source::Path) {
            json::Object directive;
            directive.set(QStringLiteral("@path"), value.toString());
            return setValue(index, json::Value(std::move(directive)));
        }
        if (nodeAt(index)->value.isString())
            return setValue(index, value.toString());
    }
    return false;
}

Qt::ItemFlags DataFieldModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags flags = Qt::ItemIsSelectable | Qt::ItemIsEnabled;
    const Node *node = nodeAt(index);
    if (index.column() == KeyColumn && node->parent != m_root.get())
        flags |= Qt::ItemIsEditable;
    if (index.column() == ValueColumn && (source(index) == Source::Path || node->value.isString()))
        flags |= Qt::ItemIsEditable;
    return flags;
}

QVariant DataFieldModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractItemModel::headerData(section, orientation, role);
    switch (section) {
    case KeyColumn:
        return tr("Key");
    case SourceColumn:
        return tr("Source");
    case ValueColumn:
        return tr("Value");
    case SampleColumn:
        return tr("In Sample Event");
    }
    return {};
}

bool DataFieldModel::removeRows(int row, int count, const QModelIndex &parent)
{
    Node *node = nodeAt(parent);
    // The field row itself cannot be removed: reset it instead.
    if (!node || !node->isObject || row < 0 || count < 1 || row + count > int(node->children.size()))
        return false;
    beginRemoveRows(parent, row, row + count - 1);
    node->children.erase(node->children.begin() + row, node->children.begin() + row + count);
    endRemoveRows();
    for (Node *up = node; up; up = up->parent)
        up->sample.reset();
    emitRowChanged(node);
    emitAncestorsChanged(node);
    Q_EMIT fieldEdited();
    return true;
}

} // namespace inkmapper::ui
