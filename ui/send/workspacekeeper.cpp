#include "workspacekeeper.h"

#include "document/projectdocument.h"
#include "models/testhistorymodel.h"

#include "project/workspacefile.h"

#include <QFile>

namespace inkmapper::ui {

WorkspaceKeeper::WorkspaceKeeper(ProjectDocument *document, TestHistoryModel *history, QObject *parent)
    : QObject(parent)
    , m_document(document)
    , m_history(history)
{
    m_writer.setMaxThreadCount(1);
    // Several tests end within moments of each other ("Send to All Matching Mappings"): one write for them.
    m_saveTimer.setSingleShot(true);
    m_saveTimer.setInterval(500);
    connect(&m_saveTimer, &QTimer::timeout, this, &WorkspaceKeeper::save);
    connect(history, &TestHistoryModel::testsChanged, this, [this] {
        if (!m_loading && !m_projectPath.isEmpty())
            m_saveTimer.start();
    });
    connect(document, &ProjectDocument::changed, this, [this](const ChangeEvent &change) {
        if (change.kind == ChangeEvent::Kind::Reset)
            openWorkspace();
    });
    connect(document, &ProjectDocument::fileChanged, this, &WorkspaceKeeper::followProjectFile);
    openWorkspace();
}

WorkspaceKeeper::~WorkspaceKeeper()
{
    flush();
}

void WorkspaceKeeper::flush()
{
    if (m_saveTimer.isActive()) {
        m_saveTimer.stop();
        save();
    }
    m_writer.waitForDone();
}

void WorkspaceKeeper::openWorkspace()
{
    flush(); // the previous project's last tests
    m_projectPath = m_document->filePath();
    std::vector<delivery::SentTest> tests;
    if (!m_projectPath.isEmpty()) {
        Result<std::vector<delivery::SentTest>> loaded = project::WorkspaceFile::load(m_projectPath);
        if (loaded) {
            tests = std::move(loaded).value();
        } else {
            // Set aside rather than overwritten by the next test: the user may want it back.
            const QString location = project::WorkspaceFile::locationFor(m_projectPath);
            const QString aside = location + QStringLiteral(".damaged");
            QFile::remove(aside);
            QFile::rename(location, aside);
            Q_EMIT problem(tr("The tests sent earlier from this project could not be read (%1); the file was set aside "
                              "as %2.").arg(loaded.error().message, aside));
        }
    }
    m_loading = true;
    m_history->setTests(std::move(tests));
    m_loading = false;
}

void WorkspaceKeeper::followProjectFile()
{
    const QString path = m_document->filePath();
    if (path == m_projectPath || path.isEmpty())
        return; // opened (handled on the reset) or unchanged
    // Saved for the first time, or under another name: the tests sent so far belong to it.
    m_projectPath = path;
    m_saveTimer.stop();
    save();
    m_writer.waitForDone(); // written with the project, as the user saves it
}

void WorkspaceKeeper::save()
{
    if (m_projectPath.isEmpty())
        return;
    // A copy of the tests goes to the writer (their bytes are shared, not copied); a failure comes back to this
    // thread, and not at all once the keeper is gone.
    m_writer.start([this, path = m_projectPath, tests = m_history->tests()] {
        const Result<Ok> saved = project::WorkspaceFile::save(path, tests);
        if (!saved) {
            QMetaObject::invokeMethod(this, [this, message = saved.error().message] {
                Q_EMIT problem(tr("The tests sent could not be kept for next time: %1").arg(message));
            }, Qt::QueuedConnection);
        }
    });
}

} // namespace inkmapper::ui
