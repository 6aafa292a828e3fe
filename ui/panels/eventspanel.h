#pragma once

#include "eventfileloader.h"

#include "document/changeevent.h"

#include "json/value.h"
#include "util/result.h"

#include <QMap>
#include <QWidget>

class QAction;
class QLabel;
class QListView;
class QMenu;
class QSplitter;
class QToolBar;
class QToolButton;
class QTreeView;

namespace inkmapper::ui {

class EventListModel;
class EventTextParser;
class JsonEditor;
class MessageBar;
class ProjectDocument;
class FindingListModel;

/**
 * The sample events: a list (type, name, user, source, spec findings) and, for the selected event, a JSON
 * editor with highlighting, the exact position of a syntax error and the spec checker's findings.
 * Events come from files (several at once, by dialog or drag and drop; large files are read off the GUI
 * thread with a cancellable progress dialog), from pasting (one or many events) and from the built-in
 * samples.
 *
 * Bad input never loses work: an edit that does not parse stays in the editor, marked, and the last good
 * event stays in the project; pasted text that holds no valid event becomes a draft in the editor that is
 * added as soon as it parses.
 */
class EventsPanel : public QWidget
{
    Q_OBJECT

public:
    /** Loads of more bytes than this run on a worker thread with a progress dialog. */
    static constexpr qint64 BackgroundLoadThreshold = 4 * 1024 * 1024;

    explicit EventsPanel(ProjectDocument *document, QWidget *parent = nullptr);
    ~EventsPanel() override;

    QTreeView *listView() const { return m_list; }
    JsonEditor *editor() const { return m_editor; }
    MessageBar *messageBar() const { return m_messages; }
    QListView *findingsView() const { return m_findings; }
    QSplitter *splitter() const { return m_splitter; }
    /** What the header above the editor says is being edited. */
    QString editorTitle() const;
    /** The spec checks' heading: how many findings, or that there are none. */
    QString findingsTitle() const;
    QAction *loadAction() const { return m_loadAction; }
    QAction *pasteAction() const { return m_pasteAction; }
    QAction *pasteDialogAction() const { return m_pasteDialogAction; }
    QAction *removeAction() const { return m_removeAction; }
    QMenu *samplesMenu() const { return m_samplesMenu; }

    /** True while the editor shows pasted text that is not an event yet. */
    bool isEditingDraft() const { return m_editingDraft; }

    /** Loads events from files: at once when small, on a worker thread with a progress dialog when large. */
    void loadFiles(const QStringList &paths);
    /** Adds the events in `text` (one, an array or JSON Lines); text with no valid event becomes a draft. */
    void pasteText(const QString &text);
    /** Adds the built-in sample `sampleId` (freshly timestamped). */
    void addSample(const QString &sampleId);

Q_SIGNALS:
    /** A short message for the window's status bar. */
    void statusMessage(const QString &message);

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void createActions();
    void buildSamplesMenu();
    /** Asks for an Engage audience or computed trait and adds the event Engage sends for it. */
    void addAudienceEvent();
    void onChanged(const ChangeEvent &change);
    void onCurrentEventChanged(int index);
    void onEditorEdited(const QString &text);
    void onEventParsed(const QString &text, const Result<json::Value> &event);
    void showCurrentEvent();
    void showDraft();
    void discardDraft();
    void updateDraftControls();
    void updateTitle();
    void updateFindingsTitle();
    void updateActions();
    void removeSelected();
    void pasteFromClipboard();
    void pasteWithDialog();
    void chooseFiles();
    void finishLoad(int fileCount, EventFileLoader::Outcome outcome);

    ProjectDocument *m_document;
    EventListModel *m_model;
    FindingListModel *m_findingModel;
    QToolBar *m_toolBar;
    MessageBar *m_messages;
    QSplitter *m_splitter;
    QTreeView *m_list;
    QLabel *m_editorTitle;
    QToolButton *m_showDraftButton;
    QToolButton *m_discardDraftButton;
    JsonEditor *m_editor;
    QLabel *m_findingsTitle;
    QListView *m_findings;
    QAction *m_loadAction = nullptr;
    QAction *m_pasteAction = nullptr;
    QAction *m_pasteDialogAction = nullptr;
    QAction *m_removeAction = nullptr;
    QMenu *m_samplesMenu = nullptr;
    EventFileLoader *m_loader = nullptr;

    QMap<int, QString> m_drafts; ///< unparsed edits of existing events, by event index
    QString m_newDraft;          ///< pasted text that holds no valid event yet
    bool m_editingDraft = false;
    int m_shownEvent = -1;       ///< the event the editor shows (when not editing the draft)
    EventTextParser *m_parser = nullptr;   ///< the shown event's edited text, parsed in the background when large
    bool m_committing = false;   ///< the editor is writing to the document: do not reload it
    bool m_syncingSelection = false;
};

} // namespace inkmapper::ui
