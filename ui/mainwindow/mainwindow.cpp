#include "mainwindow.h"

#include "recentfiles.h"

#include "document/projectdocument.h"
#include "document/secretkeeper.h"
#include "fields/fieldeditor.h"
#include "panels/eventspanel.h"
#include "panels/mappingspanel.h"
#include "panels/settingspanel.h"
#include "models/mappinglistmodel.h"
#include "preview/matrixmodel.h"
#include "preview/identityview.h"
#include "preview/matrixview.h"
#include "preview/previewinputs.h"
#include "preview/previewpanel.h"
#include "send/sendpanel.h"
#include "send/workspacekeeper.h"

#include "inspector/inspector.h"
#include "widgets/icons.h"
#include "trigger/triggereditor.h"
#include "util/plural.h"
#include "widgets/setting.h"

#include "destination/destinationdefinition.h"
#include "json/object.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QGroupBox>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QScreen>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QTimer>
#include <QUndoStack>
#include <QVBoxLayout>

#include <algorithm>

namespace inkmapper::ui {

namespace {

const Setting<QByteArray> savedGeometry{"mainWindow/geometry"};
const Setting<QByteArray> savedState{"mainWindow/state"};
const Setting<QByteArray> mainSplitterState{"mainWindow/mainSplitter"};
const Setting<QByteArray> leftSplitterState{"mainWindow/leftSplitter"};
const Setting<QByteArray> editorSplitterState{"mainWindow/editorSplitter"};
const Setting<QByteArray> eventsSplitterState{"mainWindow/eventsSplitter"};
const Setting<int> sideTab{"mainWindow/sideTab", 0};
const Setting<QString> lastProjectDirectory{"project/lastDirectory"};

/** How long a status bar message stays. */
constexpr int StatusTimeout = 5000;

QString projectFilter()
{
    return MainWindow::tr("InkMapper projects (*.inkmapper.json *.json);;All files (*)");
}

QLabel *heading(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
    return label;
}

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_document(new ProjectDocument(this))
    , m_secretKeeper(new SecretKeeper(m_document, this))
    , m_recentFiles(new RecentFiles(this))
    , m_matrixTimer(new QTimer(this))
{
    setWindowIcon(QIcon(QStringLiteral(":/inkmapper/icons/inkmapper.png")));
    m_matrixTimer->setSingleShot(true);
    m_matrixTimer->setInterval(0);
    connect(m_matrixTimer, &QTimer::timeout, this, [this] { m_matrixView->setProject(m_document->project()); });

    setCentralWidget(createCentre());
    createActions();
    createMenus();
    m_countsLabel = new QLabel(this);
    m_countsLabel->setObjectName(QStringLiteral("projectCounts"));
    m_countsLabel->setAccessibleName(tr("Mappings and events in the project"));
    statusBar()->addPermanentWidget(m_countsLabel);
    connectDocument();
    readSettings();
    updateTitle();
    updateMappingEditor();
    updateSampleEvent();
    updateKnownEventNames();
    updatePreview();
    updateCounts();
    scheduleMatrix();
}

MainWindow::~MainWindow() = default;

QString MainWindow::version()
{
    return QStringLiteral(INKMAPPER_VERSION);
}

QWidget *MainWindow::createCentre()
{
    auto *settingsBox = new QGroupBox(
        tr("%1 settings").arg(destination::DestinationDefinition::movableInk().catalogName()), this);
    m_settingsPanel = new SettingsPanel(m_document, m_secretKeeper, settingsBox);
    auto *settingsLayout = new QVBoxLayout(settingsBox);
    settingsLayout->setContentsMargins(9, 6, 9, 4);
    settingsLayout->addWidget(m_settingsPanel);

    m_mappingsPanel = new MappingsPanel(m_document, this);
    m_eventsPanel = new EventsPanel(m_document, this);
    auto *mappingsBox = new QWidget(this);
    auto *mappingsLayout = new QVBoxLayout(mappingsBox);
    mappingsLayout->setContentsMargins(0, 0, 0, 4);
    mappingsLayout->addWidget(heading(tr("Mappings"), mappingsBox));
    mappingsLayout->addWidget(m_mappingsPanel, 1);
    auto *eventsBox = new QWidget(this);
    auto *eventsLayout = new QVBoxLayout(eventsBox);
    eventsLayout->setContentsMargins(0, 4, 0, 0);
    eventsLayout->addWidget(heading(tr("Sample Events"), eventsBox));
    eventsLayout->addWidget(m_eventsPanel, 1);

    m_leftSplitter = new QSplitter(Qt::Vertical, this);
    m_leftSplitter->addWidget(mappingsBox);
    m_leftSplitter->addWidget(eventsBox);
    m_leftSplitter->setStretchFactor(0, 2);
    m_leftSplitter->setStretchFactor(1, 5);
    m_leftSplitter->setChildrenCollapsible(false);

    // Created before the preview so that Tab moves from the lists to the editors, then to the preview.
    QWidget *mappingEditor = createMappingEditor();
    m_previewPanel = new PreviewPanel(this);
    m_matrixView = new MatrixView(this);
    m_sendPanel = new SendPanel(this);
    m_identityView = new IdentityView(m_document, this);
    connect(m_identityView, &IdentityView::eventActivated, m_document, &ProjectDocument::setCurrentEventIndex);
    m_workspaceKeeper = new WorkspaceKeeper(m_document, m_sendPanel->historyModel(), this);
    connect(m_workspaceKeeper, &WorkspaceKeeper::problem, m_sendPanel, &SendPanel::showProblem);
    m_sideTabs = new QTabWidget(this);
    m_sideTabs->setDocumentMode(true);
    m_sideTabs->addTab(m_previewPanel, tr("Preview"));
    m_sideTabs->addTab(m_matrixView, tr("Matrix"));
    m_sideTabs->addTab(m_sendPanel, tr("Response"));
    m_sideTabs->addTab(m_identityView, tr("Identity"));
    m_sideTabs->setTabToolTip(0, tr("What Movable Ink receives for the selected event and mapping"));
    m_sideTabs->setTabToolTip(1, tr("Every loaded event against every mapping"));
    m_sideTabs->setTabToolTip(2, tr("Send a test for real and see Movable Ink's answer (Ctrl+Enter)"));
    m_sideTabs->setTabToolTip(3, tr("Whom Movable Ink attributes each sample event to: anonymous until an identify names the user"));

    m_mainSplitter = new QSplitter(Qt::Horizontal, this);
    m_mainSplitter->addWidget(m_leftSplitter);
    m_mainSplitter->addWidget(mappingEditor);
    m_mainSplitter->addWidget(m_sideTabs);
    m_mainSplitter->setStretchFactor(0, 3);
    m_mainSplitter->setStretchFactor(1, 4);
    m_mainSplitter->setStretchFactor(2, 4);
    m_mainSplitter->setChildrenCollapsible(false);
    // Below this the lists' names become unreadable; the splitter handle stops there.
    m_leftSplitter->setMinimumWidth(300);

    auto *centre = new QWidget(this);
    auto *layout = new QVBoxLayout(centre);
    layout->setContentsMargins(6, 6, 6, 0);
    layout->setSpacing(6);
    layout->addWidget(settingsBox);
    layout->addWidget(m_mainSplitter, 1);

    connect(m_matrixView, &MatrixView::cellActivated, this, [this](int eventIndex, int mappingIndex) {
        if (eventIndex >= 0 && eventIndex < int(m_document->project().events().size()))
            m_document->setCurrentEventIndex(eventIndex);
        if (mappingIndex >= 0 && mappingIndex < m_document->project().mappingCount())
            m_document->setCurrentMappingIndex(mappingIndex);
        m_sideTabs->setCurrentWidget(m_previewPanel);
    });
    // The matrix judges what every mapping sends for every event; the mapping list shows it as a badge. The
    // matrix reports in batches while it works through thousands of events: the badges follow a few times a
    // second, not once a batch (each update reads every cell).
    auto *badgeTimer = new QTimer(this);
    badgeTimer->setSingleShot(true);
    badgeTimer->setInterval(150);
    connect(m_matrixView->model(), &MatrixModel::readinessChanged, badgeTimer, [badgeTimer] {
        if (!badgeTimer->isActive())
            badgeTimer->start();
    });
    connect(badgeTimer, &QTimer::timeout, this, [this] {
        const MatrixModel *matrix = m_matrixView->model();
        QHash<QString, ReadinessBadge> badges;
        for (int column = 0; column < matrix->columnCount(); ++column)
            badges.insert(matrix->project().mapping(column).id, matrix->readinessBadge(column));
        m_mappingsPanel->model()->setReadiness(std::move(badges));
    });
    connect(m_eventsPanel, &EventsPanel::statusMessage, this, &MainWindow::showStatus);
    connect(m_sendPanel, &SendPanel::statusMessage, this, &MainWindow::showStatus);
    // One click (and one undo step) to rehearse without an account: the inspector starts on the first send.
    m_useInspectorAction = new QAction(tr("Send to the &Local Inspector"), this);
    m_useInspectorAction->setToolTip(tr("Point the project's Movable Ink URL at the receiver this app runs on %1")
                                         .arg(inspector::Inspector::localUrl()));
    connect(m_useInspectorAction, &QAction::triggered, this, [this] {
        // A step of its own: typed URL changes merge into one undo step, this one does not join them.
        m_document->undoStack()->beginMacro(m_useInspectorAction->text().remove(u'&'));
        m_document->setMovableInkUrl(inspector::Inspector::localUrl());
        m_document->undoStack()->endMacro();
        showStatus(tr("The project now sends to the local inspector (%1): Ctrl+Enter sends a test; Ctrl+Z goes back.")
                       .arg(inspector::Inspector::localUrl()));
    });
    // Through the window, which first hands in an event edit still being parsed, then shows the answer.
    disconnect(m_sendPanel->sendAction(), &QAction::triggered, m_sendPanel, nullptr);
    disconnect(m_sendPanel->sendAllAction(), &QAction::triggered, m_sendPanel, nullptr);
    const auto sendThroughWindow = [this](void (SendPanel::*send)()) {
        return [this, send] {
            m_document->commitPendingEdits();
            m_sideTabs->setCurrentWidget(m_sendPanel);
            (m_sendPanel->*send)();
        };
    };
    connect(m_sendPanel->sendAction(), &QAction::triggered, this, sendThroughWindow(&SendPanel::send));
    connect(m_sendPanel->sendAllAction(), &QAction::triggered, this, sendThroughWindow(&SendPanel::sendToAllMatching));
    connect(m_mappingsPanel, &MappingsPanel::statusMessage, this, &MainWindow::showStatus);
    return centre;
}

QWidget *MainWindow::createMappingEditor()
{
    m_mappingEditor = new QWidget(this);
    m_mappingTitle = new QLabel(m_mappingEditor);
    QFont titleFont = m_mappingTitle->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.15);
    m_mappingTitle->setFont(titleFont);
    m_mappingTitle->setTextFormat(Qt::PlainText);
    m_noMappingLabel = new QLabel(tr("No mapping selected. Add one with Add ▸ Send Entire Event."), m_mappingEditor);
    m_noMappingLabel->setAlignment(Qt::AlignCenter);
    m_noMappingLabel->setWordWrap(true);

    auto *triggerArea = new QWidget(m_mappingEditor);
    auto *triggerLayout = new QVBoxLayout(triggerArea);
    triggerLayout->setContentsMargins(0, 0, 0, 4);
    triggerLayout->addWidget(heading(tr("Trigger: which events this mapping sends"), triggerArea));
    m_triggerEditor = new TriggerEditor(triggerArea);
    triggerLayout->addWidget(m_triggerEditor, 1);
    connect(m_triggerEditor, &TriggerEditor::fqlEdited, this, [this](const QString &fql) {
        const int current = m_document->currentMappingIndex();
        if (!m_updatingEditors && current >= 0)
            m_document->setMappingTrigger(current, fql);
    });

    auto *fieldsArea = new QWidget(m_mappingEditor);
    auto *fieldsLayout = new QVBoxLayout(fieldsArea);
    fieldsLayout->setContentsMargins(0, 4, 0, 0);
    fieldsLayout->addWidget(heading(tr("Fields: what it sends"), fieldsArea));
    m_fieldEditor = new FieldEditor(fieldsArea);
    fieldsLayout->addWidget(m_fieldEditor, 1);
    connect(m_fieldEditor, &FieldEditor::mappingEdited, this, [this](const json::Value &mapping) {
        const int current = m_document->currentMappingIndex();
        if (!m_updatingEditors && current >= 0)
            m_document->setMappingFields(current, mapping);
    });

    m_editorSplitter = new QSplitter(Qt::Vertical, m_mappingEditor);
    m_editorSplitter->addWidget(triggerArea);
    m_editorSplitter->addWidget(fieldsArea);
    // Half each: the builder needs room for several rows and a notice; the fields page scrolls.
    m_editorSplitter->setStretchFactor(0, 1);
    m_editorSplitter->setStretchFactor(1, 1);
    m_editorSplitter->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(m_mappingEditor);
    layout->setContentsMargins(6, 0, 6, 0);
    layout->addWidget(m_mappingTitle);
    layout->addWidget(m_noMappingLabel, 1);
    layout->addWidget(m_editorSplitter, 1);
    return m_mappingEditor;
}

void MainWindow::createActions()
{
    const auto make = [this](Icons::Id icon, const QString &text, const QList<QKeySequence> &keys, const QString &tip) {
        auto *action = new QAction(Icons::icon(icon), text, this);
        action->setShortcuts(keys);
        action->setStatusTip(tip);
        action->setToolTip(tip);
        return action;
    };
    m_newAction = make(Icons::Id::New, tr("&New Project"), {QKeySequence::New}, tr("Start a new project"));
    m_openAction = make(Icons::Id::Open, tr("&Open…"), {QKeySequence::Open}, tr("Open a project file"));
    m_saveAction = make(Icons::Id::Save, tr("&Save"), {QKeySequence::Save}, tr("Save the project"));
    m_saveAsAction = make(Icons::Id::SaveAs, tr("Save &As…"), {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S)},
                          tr("Save the project to another file"));
    m_demoAction = new QAction(tr("Open &Demo Project"), this);
    m_demoAction->setStatusTip(tr("Open the built-in demo project"));
    m_quitAction = make(Icons::Id::Quit, tr("&Quit"), {QKeySequence(Qt::CTRL | Qt::Key_Q)}, tr("Quit InkMapper"));
    m_quitAction->setMenuRole(QAction::QuitRole);
    connect(m_newAction, &QAction::triggered, this, &MainWindow::newProject);
    connect(m_openAction, &QAction::triggered, this, &MainWindow::open);
    connect(m_saveAction, &QAction::triggered, this, &MainWindow::save);
    connect(m_saveAsAction, &QAction::triggered, this, &MainWindow::saveAs);
    connect(m_demoAction, &QAction::triggered, this, &MainWindow::openDemo);
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);

    QUndoStack *stack = m_document->undoStack();
    m_undoAction = stack->createUndoAction(this, tr("&Undo"));
    m_undoAction->setIcon(Icons::icon(Icons::Id::Undo));
    m_undoAction->setShortcuts(QKeySequence::Undo);
    m_redoAction = stack->createRedoAction(this, tr("&Redo"));
    m_redoAction->setIcon(Icons::icon(Icons::Id::Redo));
    // Ctrl+Shift+Z everywhere and Ctrl+Y as well, whatever the platform's own convention.
    QList<QKeySequence> redoKeys{QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y)};
    for (const QKeySequence &key : QKeySequence::keyBindings(QKeySequence::Redo)) {
        if (!redoKeys.contains(key))
            redoKeys.append(key);
    }
    m_redoAction->setShortcuts(redoKeys);
    // The stack's actions follow its text and state; undoing goes through the document, which first hands in
    // an edit still being parsed, so the last keys typed are undone with the rest.
    disconnect(m_undoAction, &QAction::triggered, stack, nullptr);
    disconnect(m_redoAction, &QAction::triggered, stack, nullptr);
    connect(m_undoAction, &QAction::triggered, m_document, &ProjectDocument::undo);
    connect(m_redoAction, &QAction::triggered, m_document, &ProjectDocument::redo);

    // The preview panel's own Refresh action, made window-wide so F5 works wherever the focus is.
    m_refreshAction = m_previewPanel->refreshAction();
    m_refreshAction->setShortcutContext(Qt::WindowShortcut);
    // Through the window, which first hands in an event edit still being parsed.
    disconnect(m_refreshAction, &QAction::triggered, m_previewPanel, nullptr);
    connect(m_refreshAction, &QAction::triggered, this, &MainWindow::refreshPreview);
    m_matrixAction = make(Icons::Id::Matrix, tr("&Matrix"), {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M)},
                          tr("Show every loaded event against every mapping"));
    connect(m_matrixAction, &QAction::triggered, this, &MainWindow::showMatrix);

    m_aboutAction = make(Icons::Id::About, tr("&About InkMapper"), {}, tr("What InkMapper is"));
    m_aboutAction->setMenuRole(QAction::AboutRole);
    connect(m_aboutAction, &QAction::triggered, this, &MainWindow::about);
    m_aboutQtAction = new QAction(tr("About &Qt"), this);
    m_aboutQtAction->setMenuRole(QAction::AboutQtRole);
    connect(m_aboutQtAction, &QAction::triggered, qApp, &QApplication::aboutQt);
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_newAction);
    file->addAction(m_openAction);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    m_recentFiles->fillMenu(m_recentMenu);
    connect(m_recentFiles, &RecentFiles::changed, this, [this] { m_recentFiles->fillMenu(m_recentMenu); });
    connect(m_recentFiles, &RecentFiles::openRequested, this, [this](const QString &path) {
        if (!QFileInfo::exists(path)) {
            QMessageBox::warning(this, tr("Open Recent"), tr("%1 no longer exists.").arg(QDir::toNativeSeparators(path)));
            m_recentFiles->remove(path);
            return;
        }
        openFile(path);
    });
    file->addAction(m_demoAction);
    file->addSeparator();
    file->addAction(m_saveAction);
    file->addAction(m_saveAsAction);
    file->addSeparator();
    file->addAction(m_quitAction);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(m_undoAction);
    edit->addAction(m_redoAction);
    edit->addSeparator();
    QMenu *mappings = edit->addMenu(tr("&Mappings"));
    mappings->addAction(m_mappingsPanel->addPresetAction());
    mappings->addAction(m_mappingsPanel->addBlankAction());
    mappings->addAction(m_mappingsPanel->duplicateAction());
    mappings->addAction(m_mappingsPanel->renameAction());
    mappings->addAction(m_mappingsPanel->moveUpAction());
    mappings->addAction(m_mappingsPanel->moveDownAction());
    mappings->addAction(m_mappingsPanel->deleteAction());
    QMenu *events = edit->addMenu(tr("&Events"));
    events->addAction(m_eventsPanel->loadAction());
    events->addAction(m_eventsPanel->pasteAction());
    events->addAction(m_eventsPanel->pasteDialogAction());
    events->addMenu(m_eventsPanel->samplesMenu());
    events->addAction(m_eventsPanel->removeAction());

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addAction(m_refreshAction);
    view->addAction(m_matrixAction);

    QMenu *test = menuBar()->addMenu(tr("&Test"));
    test->addAction(m_sendPanel->sendAction());
    test->addAction(m_sendPanel->sendAllAction());
    test->addSeparator();
    test->addAction(m_useInspectorAction);
    test->addAction(m_sendPanel->cancelAction());

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(m_aboutAction);
    help->addAction(m_aboutQtAction);
}

void MainWindow::connectDocument()
{
    connect(m_document, &ProjectDocument::changed, this, &MainWindow::onChanged);
    connect(m_document, &ProjectDocument::currentMappingChanged, this, [this] {
        updateMappingEditor();
        updatePreview();
    });
    connect(m_document, &ProjectDocument::currentEventChanged, this, [this] {
        updateSampleEvent();
        updatePreview();
    });
    connect(m_document, &ProjectDocument::secretChanged, this, &MainWindow::updatePreview);
    connect(m_document, &ProjectDocument::fileChanged, this, &MainWindow::updateTitle);
    connect(m_document, &ProjectDocument::modifiedChanged, this, &MainWindow::updateTitle);
}

void MainWindow::onChanged(const ChangeEvent &change)
{
    using Kind = ChangeEvent::Kind;
    const int currentMapping = m_document->currentMappingIndex();
    const int currentEvent = m_document->currentEventIndex();
    switch (change.kind) {
    case Kind::Reset:
        updateMappingEditor();
        updateSampleEvent();
        updateKnownEventNames();
        break;
    case Kind::EventsInserted:
    case Kind::EventsRemoved:
        updateKnownEventNames();
        break;
    case Kind::MappingChanged:
        if (change.first == currentMapping)
            updateMappingEditor();
        break;
    case Kind::EventChanged:
        if (change.first == currentEvent)
            updateSampleEvent();
        updateKnownEventNames();
        break;
    default:
        break;
    }
    updatePreview();
    if (change.kind != Kind::Settings)
        scheduleMatrix();
    updateCounts();
}

void MainWindow::updateTitle()
{
    setWindowTitle(tr("%1[*] — InkMapper").arg(m_document->displayName()));
    setWindowModified(m_document->isModified());
    setWindowFilePath(m_document->filePath());
}

void MainWindow::updateMappingEditor()
{
    const project::MappingConfig *mapping = m_document->currentMapping();
    m_noMappingLabel->setVisible(!mapping);
    m_editorSplitter->setVisible(mapping != nullptr);
    if (!mapping) {
        m_mappingTitle->setText(tr("No mapping"));
        return;
    }
    m_mappingTitle->setText(mapping->enabled ? mapping->name : tr("%1 (disabled)").arg(mapping->name));
    m_updatingEditors = true;
    // Only push what differs, so an editor the user is typing in keeps its cursor and state.
    if (m_triggerEditor->fql() != mapping->subscribe)
        m_triggerEditor->setFql(mapping->subscribe);
    if (!(m_fieldEditor->mapping() == mapping->mapping))
        m_fieldEditor->setMapping(mapping->mapping);
    m_updatingEditors = false;
}

void MainWindow::updateSampleEvent()
{
    const events::SampleEvent *event = m_document->currentEvent();
    m_updatingEditors = true;
    const json::Value sample = event ? event->event : json::Value();
    m_triggerEditor->setSampleEvent(sample);
    m_fieldEditor->setSampleEvent(sample);
    m_updatingEditors = false;
}

void MainWindow::updateKnownEventNames()
{
    // The trigger builder offers the names of the loaded track events when a condition tests the name.
    QStringList names;
    for (const events::SampleEvent &sample : m_document->project().events()) {
        if (!sample.event.isObject())
            continue;
        const json::Value name = sample.event.toObject().value(QStringLiteral("event"));
        if (name.isString() && !names.contains(name.toString()))
            names.append(name.toString());
    }
    m_triggerEditor->setKnownEventNames(names);
}

void MainWindow::updatePreview()
{
    preview::PreviewInputs inputs;
    inputs.settings = m_document->project().settings();
    inputs.secret = m_document->secret();
    if (const project::MappingConfig *mapping = m_document->currentMapping())
        inputs.mapping = *mapping;
    if (const events::SampleEvent *event = m_document->currentEvent())
        inputs.event = event->event;
    m_previewPanel->setInputs(inputs);
    m_sendPanel->setInputs(inputs);
    std::vector<project::MappingConfig> mappings;
    for (int i = 0; i < m_document->project().mappingCount(); ++i)
        mappings.push_back(m_document->project().mapping(i));
    m_sendPanel->setMappings(mappings);
}

void MainWindow::scheduleMatrix()
{
    // Several changes in one go (a load, a macro) recompute the matrix once.
    m_matrixTimer->start();
}

void MainWindow::updateCounts()
{
    const project::Project &project = m_document->project();
    m_countsLabel->setText(plural(project.mappingCount(), tr("%n mapping"), tr("%n mappings")) + QStringLiteral(" · ")
                           + plural(qsizetype(project.events().size()), tr("%n event"), tr("%n events")));
}

void MainWindow::showStatus(const QString &message)
{
    statusBar()->showMessage(message, StatusTimeout);
}

void MainWindow::openInitialProject()
{
    const QStringList recent = m_recentFiles->paths();
    if (!recent.isEmpty() && QFileInfo::exists(recent.front())) {
        const Result<Ok> loaded = m_document->load(recent.front());
        if (loaded) {
            showStatus(tr("Opened %1.").arg(m_document->displayName()));
            return;
        }
        // A recent project that no longer opens must not stop the app from starting: say so, show the demo.
        showStatus(ProjectDocument::describeLoadError(recent.front(), loaded.error()));
    }
    const Result<Ok> demo = m_document->openDemo();
    if (!demo) {
        m_document->newProject();
        showStatus(tr("The demo project could not be opened: %1").arg(demo.error().describe()));
        return;
    }
    showStatus(tr("Welcome! This is the demo project: pick an event and a mapping to see what Movable Ink receives."));
}

bool MainWindow::openFile(const QString &path)
{
    if (!maybeSave())
        return false;
    const Result<Ok> loaded = m_document->load(path);
    if (!loaded) {
        QMessageBox box(QMessageBox::Warning, tr("Open Project"),
                        tr("The project could not be opened."), QMessageBox::Ok, this);
        box.setInformativeText(ProjectDocument::describeLoadError(path, loaded.error()));
        box.setDetailedText(QDir::toNativeSeparators(QFileInfo(path).absoluteFilePath()));
        box.exec();
        return false;
    }
    m_recentFiles->add(path);
    lastProjectDirectory.set(QFileInfo(path).absolutePath());
    showStatus(tr("Opened %1.").arg(m_document->displayName()));
    return true;
}

bool MainWindow::saveTo(const QString &path)
{
    const Result<Ok> saved = m_document->save(path);
    if (!saved) {
        QMessageBox::critical(this, tr("Save Project"),
                              tr("The project could not be saved.\n\n%1")
                                  .arg(ProjectDocument::describeLoadError(path, saved.error())));
        return false;
    }
    m_recentFiles->add(path);
    lastProjectDirectory.set(QFileInfo(path).absolutePath());
    showStatus(tr("Saved %1.").arg(QDir::toNativeSeparators(path)));
    return true;
}

bool MainWindow::maybeSave()
{
    m_document->commitPendingEdits(); // the last keys typed count as a change
    if (!m_document->isModified())
        return true;
    QMessageBox box(QMessageBox::Warning, tr("Unsaved Changes"),
                    tr("Do you want to save the changes to \"%1\"?").arg(m_document->displayName()),
                    QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, this);
    box.setInformativeText(tr("Your changes will be lost if you don't save them."));
    box.setDefaultButton(QMessageBox::Save);
    switch (box.exec()) {
    case QMessageBox::Save:
        return save();
    case QMessageBox::Discard:
        return true;
    default:
        return false;
    }
}

void MainWindow::newProject()
{
    if (!maybeSave())
        return;
    m_document->newProject();
    showStatus(tr("New project with one mapping from the preset."));
}

void MainWindow::open()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Project"), lastProjectDirectory.get(), projectFilter());
    if (!path.isEmpty())
        openFile(path);
}

bool MainWindow::save()
{
    if (m_document->filePath().isEmpty())
        return saveAs();
    return saveTo(m_document->filePath());
}

bool MainWindow::saveAs()
{
    QString suggested = m_document->filePath();
    if (suggested.isEmpty()) {
        const QString stem = m_document->displayName().toLower().replace(u' ', u'-');
        suggested = QDir(lastProjectDirectory.get()).filePath(stem + QStringLiteral(".inkmapper.json"));
    }
    QString path = QFileDialog::getSaveFileName(this, tr("Save Project As"), suggested, projectFilter());
    if (path.isEmpty())
        return false;
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".inkmapper.json");
    return saveTo(path);
}

void MainWindow::openDemo()
{
    if (!maybeSave())
        return;
    const Result<Ok> demo = m_document->openDemo();
    showStatus(demo ? tr("Opened the demo project.") : demo.error().describe());
}

void MainWindow::showMatrix()
{
    m_sideTabs->setCurrentWidget(m_matrixView);
    m_matrixView->setFocus();
}

void MainWindow::refreshPreview()
{
    m_document->commitPendingEdits();
    m_previewPanel->refresh();
}

void MainWindow::about()
{
    const destination::DestinationDefinition &definition = destination::DestinationDefinition::movableInk();
    QMessageBox::about(this, tr("About InkMapper"),
                       tr("<h3>InkMapper %1</h3>"
                          "<p>Configure and test the Segment <b>%2</b> destination on your own machine: enter the "
                          "settings, load sample events, edit up to %3 mappings and see exactly what Movable Ink "
                          "would receive.</p>"
                          "<p>The engine reproduces Segment's own mapping-kit and FQL byte for byte.</p>")
                           .arg(version(), definition.catalogName())
                           .arg(definition.maxMappings()));
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!maybeSave()) {
        event->ignore();
        return;
    }
    writeSettings();
    // What was typed or sent moments ago is kept before the window goes.
    m_secretKeeper->flushAndWait();
    m_workspaceKeeper->flush();
    event->accept();
}

void MainWindow::readSettings()
{
    const QByteArray geometry = savedGeometry.get();
    if (geometry.isEmpty()) {
        // Most of the screen on first start: three columns of editors need the room.
        const QRect available = screen()->availableGeometry();
        resize(std::min(1560, available.width() * 95 / 100), std::min(960, available.height() * 95 / 100));
    } else {
        restoreGeometry(geometry);
    }
    restoreState(savedState.get());
    if (!m_mainSplitter->restoreState(mainSplitterState.get())) {
        // Shares of the window's width (the splitter keeps them when first laid out): the lists get
        // enough for a mapping's or event's name, the editor and the preview share the rest.
        const int width = size().width();
        m_mainSplitter->setSizes({width * 30 / 100, width * 37 / 100, width * 33 / 100});
    }
    if (!m_leftSplitter->restoreState(leftSplitterState.get())) {
        // About eight mappings in view (a project may have 50); the events and their editor get the rest.
        const int height = size().height();
        m_leftSplitter->setSizes({height * 30 / 100, height * 70 / 100});
    }
    m_editorSplitter->restoreState(editorSplitterState.get());
    m_eventsPanel->splitter()->restoreState(eventsSplitterState.get());
    m_sideTabs->setCurrentIndex(std::clamp(sideTab.get(), 0, m_sideTabs->count() - 1));
}

void MainWindow::writeSettings() const
{
    savedGeometry.set(saveGeometry());
    savedState.set(saveState());
    mainSplitterState.set(m_mainSplitter->saveState());
    leftSplitterState.set(m_leftSplitter->saveState());
    editorSplitterState.set(m_editorSplitter->saveState());
    eventsSplitterState.set(m_eventsPanel->splitter()->saveState());
    sideTab.set(m_sideTabs->currentIndex());
}

} // namespace inkmapper::ui
