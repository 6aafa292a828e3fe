#pragma once

#include "json/value.h"

#include "util/result.h"

#include <QAbstractItemModel>
#include <QThreadPool>

#include <memory>
#include <optional>
#include <vector>

namespace inkmapper::ui {

/**
 * The `data` field of a mapping as a tree. Its one top-level row is the field itself ("data"); when the
 * field is a plain object its keys are the row's children, and so on for nested objects. Every other value
 * is a leaf whose source is an event variable (`{"@path": …}`), a static value or a function (any other
 * directive). The tree rebuilds exactly the JSON it was given: key order, unknown directive keys and
 * values it cannot show are kept as they are.
 */
class DataFieldModel : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum Column { KeyColumn, SourceColumn, ValueColumn, SampleColumn, ColumnCount };

    /** Where a key's value comes from. */
    enum class Source { Unset, Path, Static, Function, Object };

    enum Role {
        SourceRole = Qt::UserRole + 1, ///< int(Source)
        KeyPathRole,                   ///< the validator's path of the key, e.g. "data.properties.sku"
        ErrorRole,                     ///< the validator's messages for the key, one per line
    };

    explicit DataFieldModel(QObject *parent = nullptr);
    ~DataFieldModel() override;

    /** Shows `data` (undefined when the mapping has no data field). Does not emit fieldEdited. */
    void setFieldValue(const json::Value &data);
    /** The field's value rebuilt from the tree. */
    json::Value fieldValue() const;
    /** The index of the top-level "data" row. */
    QModelIndex fieldIndex() const;

    /**
     * The sample event the Sample column resolves values against. For a large event (a @flatten over a 1 MB
     * event takes longer than a frame) the samples already shown keep their value while they are resolved
     * again on a worker thread; dataChanged() on the Sample column follows. isResolvingSamples() meanwhile.
     */
    void setSampleEvent(const json::Value &event);
    bool isResolvingSamples() const { return m_resolvingGeneration != 0; }
    const json::Value &sampleEvent() const { return m_sampleEvent; }

    /** The value of a row (objects rebuilt from their children). */
    json::Value value(const QModelIndex &index) const;
    /** The source of a row. */
    Source source(const QModelIndex &index) const;
    /** The key of a row ("data" for the field row). */
    QString key(const QModelIndex &index) const;
    /** The validator's path of a row: "data", "data.properties", "data.properties.sku". */
    QString keyPath(const QModelIndex &index) const;
    /** The row whose keyPath() is `path`, or an invalid index. */
    QModelIndex indexForKeyPath(const QString &path) const;
    /**
     * What the row's value resolves to in the sample event, computed by the engine (for a large event,
     * the previous event's result until the worker's arrives; see setSampleEvent()).
     */
    Result<json::Value> resolved(const QModelIndex &index) const;

    /** Replaces a row's value as a user edit; a plain object becomes child rows. */
    bool setValue(const QModelIndex &index, const json::Value &value);
    /**
     * Renames a key as a user edit. Refused (false, with the reason in `why`) for the field row, for an
     * empty key and for a key its object already has.
     */
    bool renameKey(const QModelIndex &index, const QString &key, QString *why = nullptr);
    /** Adds a key to the object row `object` as a user edit and returns its index (invalid if refused). */
    QModelIndex addKey(const QModelIndex &object, const QString &key, const json::Value &value);
    /** `base`, or `base2`, `base3`… whichever the object row `object` does not have yet. */
    QString uniqueKey(const QModelIndex &object, const QString &base) const;

    /** The validator's errors placed on a row. */
    std::vector<Error> errors(const QModelIndex &index) const;
    /** True when the row or a row under it has errors. */
    bool hasErrorsBelow(const QModelIndex &index) const;
    /**
     * Places the mapping validator's errors on the deepest row their path names ("data.a.b.@path" on
     * "data.a.b") and returns the errors that name no row. Paths are those of the whole mapping.
     */
    std::vector<Error> setValidationErrors(const std::vector<Error> &errors);

    /** Which source a value has. */
    static Source sourceOf(const json::Value &value);
    /** The user-facing name of a source. */
    static QString sourceName(Source source);

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
    /** The user changed the field (a value, a key, an added or removed key). */
    void fieldEdited();

private:
    struct Node;

    Node *nodeAt(const QModelIndex &index) const;
    QModelIndex indexOf(const Node *node, int column = 0) const;
    void buildChildren(Node *node, const json::Value &value);
    void replaceValue(Node *node, const json::Value &value);
    void moveToJavaScriptPosition(Node *node);
    void invalidateSamples(Node *node);
    void resolveSamplesInBackground();
    static Result<json::Value> resolveSample(const json::Value &mappingValue, const json::Value &event, const QString &keyPath);
    void emitRowChanged(const Node *node);
    void emitAncestorsChanged(const Node *node);
    QString displayValue(const Node *node) const;

    std::unique_ptr<Node> m_root; ///< invisible; its only child is the "data" row
    json::Value m_sampleEvent;
    quint64 m_sampleGeneration = 0;   ///< counts setSampleEvent() calls
    quint64 m_resolvingGeneration = 0; ///< the generation the worker resolves, 0 when idle
    QThreadPool m_samplePool;          ///< one thread; a newer event waits for the running batch
};

} // namespace inkmapper::ui
