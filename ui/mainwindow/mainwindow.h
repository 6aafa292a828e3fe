#pragma once

#include "document/changeevent.h"

#include <QMainWindow>

class QAction;
class QLabel;
class QMenu;
class QSplitter;
class QTabWidget;
class QTimer;

namespace inkmapper::ui {

class EventsPanel;
class FieldEditor;
class MappingsPanel;
class IdentityView;
class MatrixView;
class PreviewPanel;
class SecretKeeper;
class SendPanel;
class WorkspaceKeeper;
class ProjectDocument;
class RecentFiles;
class SettingsPanel;
class TriggerEditor;

/**
 * The InkMapper window: destination settings across the top; on the left the mappings over the sample
 * events; in the centre the selected mapping's trigger above its fields; on the right the preview and the
 * events × mappings matrix. It owns the ProjectDocument, connects every panel and editor to it, runs the
 * File / Edit / View / Help menus, guards unsaved changes and remembers its layout and recent files.
 */
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    /** InkMapper's version (the CMake project's), for the application and the About box. */
    static QString version();

    ProjectDocument *document() const { return m_document; }
    SettingsPanel *settingsPanel() const { return m_settingsPanel; }
    MappingsPanel *mappingsPanel() const { return m_mappingsPanel; }
    EventsPanel *eventsPanel() const { return m_eventsPanel; }
    TriggerEditor *triggerEditor() const { return m_triggerEditor; }
    FieldEditor *fieldEditor() const { return m_fieldEditor; }
    PreviewPanel *previewPanel() const { return m_previewPanel; }
    MatrixView *matrixView() const { return m_matrixView; }
    SendPanel *sendPanel() const { return m_sendPanel; }
    IdentityView *identityView() const { return m_identityView; }
    SecretKeeper *secretKeeper() const { return m_secretKeeper; }
    WorkspaceKeeper *workspaceKeeper() const { return m_workspaceKeeper; }
    QAction *useInspectorAction() const { return m_useInspectorAction; }
    /** The right-hand tabs: Preview and Matrix. */
    QTabWidget *sideTabs() const { return m_sideTabs; }

    QAction *newAction() const { return m_newAction; }
    QAction *openAction() const { return m_openAction; }
    QAction *saveAction() const { return m_saveAction; }
    QAction *saveAsAction() const { return m_saveAsAction; }
    QAction *quitAction() const { return m_quitAction; }
    QAction *undoAction() const { return m_undoAction; }
    QAction *redoAction() const { return m_redoAction; }
    QAction *refreshAction() const { return m_refreshAction; }
    QAction *matrixAction() const { return m_matrixAction; }
    QMenu *recentMenu() const { return m_recentMenu; }

    /**
     * What opens at start: the most recent project when there is one, otherwise (first start, or the
     * recent file is gone) the demo project, so a newcomer sees a working preview at once.
     */
    void openInitialProject();
    /** Opens the project at `path` after the unsaved-changes guard; explains a failure in a dialog. */
    bool openFile(const QString &path);
    /** Saves to `path`; explains a failure in a dialog. */
    bool saveTo(const QString &path);
    /** Asks to save unsaved changes (Save / Discard / Cancel); false when the user cancels. */
    bool maybeSave();

public Q_SLOTS:
    void newProject();
    void open();
    bool save();
    bool saveAs();
    void openDemo();
    void showMatrix();
    void refreshPreview();
    void about();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void createMenus();
    QWidget *createCentre();
    QWidget *createMappingEditor();
    void connectDocument();
    void onChanged(const ChangeEvent &change);
    void updateTitle();
    void updateMappingEditor();
    void updateSampleEvent();
    void updateKnownEventNames();
    void updatePreview();
    void scheduleMatrix();
    void updateCounts();
    void showStatus(const QString &message);
    void readSettings();
    void writeSettings() const;

    ProjectDocument *m_document;
    SecretKeeper *m_secretKeeper;
    RecentFiles *m_recentFiles;
    WorkspaceKeeper *m_workspaceKeeper = nullptr;

    SettingsPanel *m_settingsPanel = nullptr;
    MappingsPanel *m_mappingsPanel = nullptr;
    EventsPanel *m_eventsPanel = nullptr;
    TriggerEditor *m_triggerEditor = nullptr;
    FieldEditor *m_fieldEditor = nullptr;
    PreviewPanel *m_previewPanel = nullptr;
    MatrixView *m_matrixView = nullptr;
    SendPanel *m_sendPanel = nullptr;
    IdentityView *m_identityView = nullptr;
    QAction *m_useInspectorAction = nullptr;
    QTabWidget *m_sideTabs = nullptr;
    QWidget *m_mappingEditor = nullptr;
    QLabel *m_mappingTitle = nullptr;
    QLabel *m_noMappingLabel = nullptr;

    QSplitter *m_mainSplitter = nullptr;
    QSplitter *m_leftSplitter = nullptr;
    QSplitter *m_editorSplitter = nullptr;
    QLabel *m_countsLabel = nullptr;
    QTimer *m_matrixTimer = nullptr;

    QAction *m_newAction = nullptr;
    QAction *m_openAction = nullptr;
    QAction *m_saveAction = nullptr;
    QAction *m_saveAsAction = nullptr;
    QAction *m_demoAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_undoAction = nullptr;
    QAction *m_redoAction = nullptr;
    QAction *m_refreshAction = nullptr;
    QAction *m_matrixAction = nullptr;
    QAction *m_aboutAction = nullptr;
    QAction *m_aboutQtAction = nullptr;
    QMenu *m_recentMenu = nullptr;

    /** The editors are being filled from the document: their signals are not user edits. */
    bool m_updatingEditors = false;
};

} // namespace inkmapper::ui
