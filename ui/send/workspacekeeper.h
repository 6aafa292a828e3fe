#pragma once

#include <QObject>
#include <QString>
#include <QThreadPool>
#include <QTimer>

namespace inkmapper::ui {

class ProjectDocument;
class TestHistoryModel;

/**
 * Keeps the tests sent from a project in its workspace (project::WorkspaceFile) between sessions: loads them
 * when a project is opened, saves them shortly after each test (and at once when the keeper goes), and lets
 * them follow the project when it is first saved or saved under another name. An untitled project's tests
 * stay in memory until it is saved. Writing (up to 32 MB of JSON) happens on a thread of its own.
 */
class WorkspaceKeeper : public QObject
{
    Q_OBJECT

public:
    WorkspaceKeeper(ProjectDocument *document, TestHistoryModel *history, QObject *parent = nullptr);
    ~WorkspaceKeeper() override;

    /** Writes a pending change now, and waits for the writes under way. */
    void flush();
    /** The project file whose workspace is kept, empty while the project is untitled. */
    const QString &projectPath() const { return m_projectPath; }

Q_SIGNALS:
    /** The workspace could not be read or written; `message` says which file and why. */
    void problem(const QString &message);

private:
    void openWorkspace();
    void followProjectFile();
    void save();

    ProjectDocument *m_document;
    TestHistoryModel *m_history;
    QString m_projectPath;
    QTimer m_saveTimer;
    /** One thread: the file is written in the order the saves were asked for, off the GUI thread. */
    QThreadPool m_writer;
    bool m_loading = false;
};

} // namespace inkmapper::ui
