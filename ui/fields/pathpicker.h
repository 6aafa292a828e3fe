#pragma once

#include "json/value.h"

#include <QWidget>

class QCompleter;
class QLabel;
class QLineEdit;
class QStringListModel;
class QTreeView;

namespace inkmapper::ui {

class EventTreeModel;

/**
 * Chooses an event variable: a path field (typed by hand, with completion from the sample event) above a
 * tree of the selected sample event. Double-clicking a row or pressing Enter on it picks its path.
 */
class PathPicker : public QWidget
{
    Q_OBJECT

public:
    explicit PathPicker(QWidget *parent = nullptr);

    /**
     * The event the tree browses (undefined: nothing to browse, typing still works). Returns whether its
     * paths changed; a value edited in the same event keeps the tree's rows and the completions.
     */
    bool setSampleEvent(const json::Value &event);
    /** Shows `path` and selects its row in the tree. Does not emit pathEdited. */
    void setPath(const QString &path);
    /** The path in the field. */
    QString path() const;

    /** The tree's model. */
    EventTreeModel *model() const { return m_model; }

Q_SIGNALS:
    /** The user typed or picked a path. */
    void pathEdited(const QString &path);

private:
    void pick(const QModelIndex &index);
    void selectRowFor(const QString &path);
    void updateHint();

    EventTreeModel *m_model;
    QLineEdit *m_pathEdit;
    QTreeView *m_tree;
    QLabel *m_hint;
    QCompleter *m_completer;
    QStringListModel *m_completions;
};

} // namespace inkmapper::ui
