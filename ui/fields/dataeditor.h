#pragma once

#include "json/value.h"

#include "util/result.h"

#include <QWidget>

#include <vector>

class QLabel;
class QPushButton;
class QScrollArea;
class QSplitter;
class QTreeView;

namespace inkmapper::ui {

class DataFieldModel;
class SourceEditor;

/**
 * The `data` field as an object editor: a banner saying what Movable Ink receives ("Data: the entire
 * event") with a one-click reset to that default, the tree of keys with Add / Remove, and beside it (below
 * it when the editor is narrow) the editor of the selected key's source.
 */
class DataEditor : public QWidget
{
    Q_OBJECT

public:
    explicit DataEditor(QWidget *parent = nullptr);
    ~DataEditor() override;

    /** Shows `data` (undefined: the mapping has no data field), keeping the selected key when it still exists. Does not emit. */
    void setData(const json::Value &data);
    /** The field's value as edited. */
    json::Value data() const;
    /** The sample event the path picker browses and values are previewed against. */
    void setSampleEvent(const json::Value &event);
    /** Places validator errors on the keys they name; returns those that name no key. */
    std::vector<Error> setValidationErrors(const std::vector<Error> &errors);

    /** The default of Segment's data field: the entire event, {"@path": "$."}. */
    static json::Value entireEvent();

    DataFieldModel *model() const { return m_model; }
    QTreeView *tree() const { return m_tree; }
    SourceEditor *sourceEditor() const { return m_sourceEditor; }

Q_SIGNALS:
    /** The user changed the data field. */
    void dataEdited();

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void updateArrangement();
    void resetToEntireEvent();
    void addKey();
    void addNestedKey();
    void removeKey();
    void addKeyTo(const QModelIndex &object);
    void updateBanner();
    void updateButtons();

    DataFieldModel *m_model;
    QLabel *m_summary;
    QLabel *m_summaryDetail;
    QPushButton *m_resetButton;
    QTreeView *m_tree;
    QPushButton *m_addButton;
    QPushButton *m_addNestedButton;
    QPushButton *m_removeButton;
    SourceEditor *m_sourceEditor;
    QScrollArea *m_sourceScroll;
    QSplitter *m_splitter;
};

} // namespace inkmapper::ui
