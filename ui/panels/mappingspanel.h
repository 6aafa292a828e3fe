#pragma once

#include "util/result.h"

#include <QWidget>

class QAction;
class QLabel;
class QToolBar;
class QToolButton;
class QTreeView;

namespace inkmapper::ui {

class MappingListModel;
class MessageBar;
class ProjectDocument;

/**
 * The project's mappings (at most 50): a list with each mapping's enabled switch, name, how many loaded
 * events it matches and its trigger in words, and a toolbar to add (from the preset or blank), duplicate,
 * delete, reorder and rename (F2). A refused addition (the 51st) is explained right above the list.
 */
class MappingsPanel : public QWidget
{
    Q_OBJECT

public:
    explicit MappingsPanel(ProjectDocument *document, QWidget *parent = nullptr);

    QTreeView *listView() const { return m_list; }
    MappingListModel *model() const { return m_model; }
    MessageBar *messageBar() const { return m_messages; }
    /** "3 of 50 mappings". */
    QString countText() const;
    QAction *addPresetAction() const { return m_addPreset; }
    QAction *addBlankAction() const { return m_addBlank; }
    QAction *duplicateAction() const { return m_duplicate; }
    QAction *deleteAction() const { return m_delete; }
    QAction *moveUpAction() const { return m_moveUp; }
    QAction *moveDownAction() const { return m_moveDown; }
    QAction *renameAction() const { return m_rename; }

Q_SIGNALS:
    /** A short message for the window's status bar. */
    void statusMessage(const QString &message);

private:
    void createActions();
    void updateActions();
    void updateCount();
    void onCurrentMappingChanged(int index);
    void showAddResult(const Result<int> &added, const QString &what);
    void moveCurrent(int delta);

    ProjectDocument *m_document;
    MappingListModel *m_model;
    QToolBar *m_toolBar;
    MessageBar *m_messages;
    QTreeView *m_list;
    QLabel *m_count;
    QToolButton *m_addButton = nullptr;
    QAction *m_addPreset = nullptr;
    QAction *m_addBlank = nullptr;
    QAction *m_duplicate = nullptr;
    QAction *m_delete = nullptr;
    QAction *m_moveUp = nullptr;
    QAction *m_moveDown = nullptr;
    QAction *m_rename = nullptr;
    bool m_syncingSelection = false;
};

} // namespace inkmapper::ui
