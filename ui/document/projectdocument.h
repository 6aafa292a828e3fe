#pragma once

#include "changeevent.h"

#include "project/project.h"
#include "util/result.h"

#include <QList>
#include <QObject>
#include <QString>

#include <vector>

class QUndoStack;

namespace inkmapper::ui {

/**
 * The document every panel of the window observes: the project being edited, its undo stack, the file it
 * lives in, the session's Access Secret and which mapping and event are selected.
 *
 * Every edit is a method that pushes an undo command; commands change the project through the apply…()
 * methods, which emit exactly one changed() per change. Selection is not undoable and has its own signals.
 * A user error (the 51st mapping, an empty name) comes back as an Error and pushes nothing.
 */
class ProjectDocument : public QObject
{
    Q_OBJECT

public:
    explicit ProjectDocument(QObject *parent = nullptr);
    ~ProjectDocument() override;

    const project::Project &project() const { return m_project; }
    QUndoStack *undoStack() const { return m_undoStack; }

    /** The file the project was opened from or saved to; empty for a new or demo project. */
    const QString &filePath() const { return m_filePath; }
    /** What the window title shows: the file name, or "Untitled" / "Demo Project" before the first save. */
    QString displayName() const;
    /** True when the project differs from what was last opened or saved (the undo stack is not clean). */
    bool isModified() const;

    /**
     * Asks the views that hold an edit not in the project yet (the event editor parses a large event on a
     * worker thread while the user types) to hand it in now, through pendingEditsRequested(). The document
     * does so itself before it saves, moves in the undo history, switches or removes events; the window before
     * it asks whether to save, and before a refresh.
     */
    void commitPendingEdits();
    /** The undo stack's undo and redo, after the pending edits are in (so the last keys typed are undone too). */
    void undo();
    void redo();

    /** Starts a new project as Segment sets the destination up (one preset mapping); clears the undo stack. */
    void newProject();
    /** Opens the built-in demo project (untitled, so saving asks where); the secret becomes the demo's. */
    Result<Ok> openDemo();
    /** Reads the project file at `path`; on error the current project is left untouched. */
    Result<Ok> load(const QString &path);
    /** Writes the project to `path` atomically (a crash never truncates the file) and marks it saved. */
    Result<Ok> save(const QString &path);
    /** Replaces the whole project (no undo): what new, open and demo do. */
    void resetProject(project::Project project, const QString &filePath, const QString &untitledName = {});
    /** A load error as the user reads it: the file name, where in it (line/column or key path) and what. */
    static QString describeLoadError(const QString &path, const Error &error);

    /** The Access Secret of this session; never saved in the project file. */
    const QString &secret() const { return m_secret; }
    void setSecret(const QString &secret);
    /** The secret the demo project uses; the demo's local inspector accepts any. */
    static QString demoSecret();

    /** The selected mapping's index, or -1. */
    int currentMappingIndex() const;
    /** The selected mapping, or nullptr. */
    const project::MappingConfig *currentMapping() const;
    /** Selects a mapping; ignored while views follow a change (the document then decides). */
    void setCurrentMappingIndex(int index);
    /** The selected sample event's index, or -1. */
    int currentEventIndex() const { return m_currentEvent; }
    /** The selected sample event, or nullptr. */
    const events::SampleEvent *currentEvent() const;
    void setCurrentEventIndex(int index);

    /** Sets the destination settings (typing merges into one undo step per field). */
    void setSettings(const project::DestinationSettings &settings);
    void setMovableInkUrl(const QString &url);
    void setUsername(const QString &username);

    /** Appends a mapping from the destination's preset and selects it; refused at the limit. */
    Result<int> addPresetMapping();
    /** Appends a blank mapping (no trigger, no fields) and selects it; refused at the limit. */
    Result<int> addBlankMapping();
    /** Inserts a copy of mapping `index` after it and selects it; refused at the limit. */
    Result<int> duplicateMapping(int index);
    void removeMapping(int index);
    /** Moves mapping `from` to index `to`. */
    void moveMapping(int from, int to);
    /** Renames mapping `index`; a name that is empty after trimming is refused. */
    Result<Ok> renameMapping(int index, const QString &name);
    void setMappingEnabled(int index, bool enabled);
    /** Sets the FQL trigger (typing merges into one undo step). */
    void setMappingTrigger(int index, const QString &fql);
    /** Sets the action's field values {"headers":…, "data":…} (typing merges into one undo step). */
    void setMappingFields(int index, const json::Value &mapping);

    /** Appends sample events and selects the first of them; returns its index (-1 when `events` is empty). */
    int addEvents(std::vector<events::SampleEvent> events);
    void removeEvent(int index);
    /** Removes several events as one undo step. */
    void removeEvents(QList<int> indexes);
    /** Replaces the JSON of event `index`, keeping where it came from (typing merges into one undo step). */
    void changeEvent(int index, const json::Value &event);

    // The primitives undo commands use: each changes the project and emits changed(); no undo, no checks
    // beyond the project's own preconditions.
    void applySettings(const project::DestinationSettings &settings);
    void applyInsertMapping(int index, project::MappingConfig mapping);
    project::MappingConfig applyRemoveMapping(int index);
    void applyMoveMapping(int from, int to);
    void applyReplaceMapping(int index, project::MappingConfig mapping, ChangeEvent::MappingField field);
    void applyInsertEvents(int index, std::vector<events::SampleEvent> events);
    std::vector<events::SampleEvent> applyRemoveEvents(int index, int count);
    void applyReplaceEvent(int index, events::SampleEvent event);

Q_SIGNALS:
    /** See commitPendingEdits(): a view holding an unfinished edit applies it before returning. */
    void pendingEditsRequested();
    /** The project changed; see ChangeEvent. */
    void changed(const ChangeEvent &change);
    /** Another mapping is selected, or the selected one moved to another index. */
    void currentMappingChanged(int index);
    /** Another event is selected, or the selected one moved to another index. */
    void currentEventChanged(int index);
    void secretChanged(const QString &secret);
    /** The file path or display name changed (open, save as, new). */
    void fileChanged();
    void modifiedChanged(bool modified);

private:
    void emitChanged(const ChangeEvent &change);
    Result<int> pushAddMapping(int index, project::MappingConfig mapping, const QString &text);
    void syncCurrentMapping();
    void setCurrentEventInternal(int index, bool force);

    project::Project m_project;
    QUndoStack *m_undoStack;
    QString m_filePath;
    QString m_untitledName;
    QString m_secret;
    QString m_currentMappingId;
    int m_reportedMappingIndex = -1;
    int m_currentEvent = -1;
    int m_notifying = 0; ///< inside changed(): selection requests from views are ignored
};

} // namespace inkmapper::ui
