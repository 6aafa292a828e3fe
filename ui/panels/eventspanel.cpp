#include "eventspanel.h"

#include "audienceeventdialog.h"
#include "eventtextparser.h"
#include "pasteeventsdialog.h"

#include "document/projectdocument.h"
#include "models/eventlistmodel.h"
#include "models/findinglistmodel.h"
#include "util/plural.h"
#include "widgets/codeedit.h"
#include "widgets/icons.h"
#include "widgets/jsoneditor.h"
#include "widgets/messagebar.h"
#include "widgets/setting.h"

#include "events/eventreader.h"
#include "events/samplelibrary.h"

#include <QAction>
#include <QClipboard>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QMimeData>
#include <QProgressDialog>
#include <QSplitter>
#include <QToolBar>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace inkmapper::ui {

namespace {

const Setting<QString> lastEventDirectory{"events/lastDirectory"};

/** At most this many error lines in a message; the rest is counted. */
constexpr int MaxListedErrors = 5;

QString listErrors(const QStringList &errors)
{
    QStringList shown = errors.mid(0, MaxListedErrors);
    if (errors.size() > MaxListedErrors)
        shown.append(EventsPanel::tr("… and %n more", nullptr, int(errors.size() - MaxListedErrors)));
    return shown.join(u'\n');
}

QStringList localFiles(const QMimeData *mime)
{
    QStringList paths;
    if (!mime || !mime->hasUrls())
        return paths;
    for (const QUrl &url : mime->urls()) {
        if (url.isLocalFile() && QFileInfo(url.toLocalFile()).isFile())
            paths.append(url.toLocalFile());
    }
    return paths;
}

} // namespace

EventsPanel::EventsPanel(ProjectDocument *document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_model(new EventListModel(document, this))
    , m_findingModel(new FindingListModel(this))
    , m_toolBar(new QToolBar(this))
    , m_messages(new MessageBar(this))
    , m_splitter(new QSplitter(Qt::Vertical, this))
    , m_list(new QTreeView(this))
    , m_editorTitle(new QLabel(this))
    , m_showDraftButton(new QToolButton(this))
    , m_discardDraftButton(new QToolButton(this))
    , m_editor(new JsonEditor(this))
    , m_findingsTitle(new QLabel(tr("Spec checks"), this))
    , m_findings(new QListView(this))
{
    setAcceptDrops(true);
    m_list->setModel(m_model);
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setAllColumnsShowFocus(true);
    m_list->setAlternatingRowColors(true);
    m_list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_list->setAccessibleName(tr("Sample events"));
    m_list->header()->setStretchLastSection(false);
    m_list->header()->setSectionResizeMode(EventListModel::EventColumn, QHeaderView::Stretch);
    // The event's name gets the room; the other columns are narrow and cut in the middle, with the
    // whole text in their tooltips.
    m_list->setTextElideMode(Qt::ElideMiddle);
    m_list->header()->setSectionResizeMode(EventListModel::TypeColumn, QHeaderView::ResizeToContents);
    m_list->header()->resizeSection(EventListModel::UserColumn, 90);
    m_list->header()->resizeSection(EventListModel::SourceColumn, 80);
    m_list->header()->resizeSection(EventListModel::FindingsColumn, 48);

    m_findings->setModel(m_findingModel);
    m_findings->setAccessibleName(tr("Spec checks of the selected event"));
    m_findings->setWordWrap(true);
    m_findings->setMaximumHeight(m_findings->fontMetrics().height() * 5);
    m_findings->hide(); // until there is something to list (updateFindingsTitle)
    m_findingsTitle->setWordWrap(true);
    m_findingsTitle->setTextFormat(Qt::PlainText);
    m_editor->setAccessibleName(tr("Selected event as JSON"));
    m_editor->textEdit()->setAccessibleName(tr("Selected event as JSON"));

    QFont bold = m_editorTitle->font();
    bold.setBold(true);
    m_editorTitle->setFont(bold);
    m_editorTitle->setTextFormat(Qt::PlainText);
    m_findingsTitle->setFont(bold);
    m_showDraftButton->setText(tr("Show Pasted Draft"));
    m_showDraftButton->setToolTip(tr("Back to the pasted text that is not an event yet"));
    m_showDraftButton->setAutoRaise(true);
    m_discardDraftButton->setText(tr("Discard Draft"));
    m_discardDraftButton->setToolTip(tr("Throw the pasted text away"));
    m_discardDraftButton->setAutoRaise(true);

    createActions();

    auto *editorArea = new QWidget(this);
    auto *header = new QHBoxLayout;
    header->setContentsMargins(0, 0, 0, 0);
    header->addWidget(m_editorTitle, 1);
    header->addWidget(m_showDraftButton);
    header->addWidget(m_discardDraftButton);
    auto *editorLayout = new QVBoxLayout(editorArea);
    editorLayout->setContentsMargins(0, 4, 0, 0);
    editorLayout->setSpacing(4);
    editorLayout->addLayout(header);
    editorLayout->addWidget(m_editor, 1);
    editorLayout->addWidget(m_findingsTitle);
    editorLayout->addWidget(m_findings);

    m_splitter->addWidget(m_list);
    m_splitter->addWidget(editorArea);
    m_splitter->setStretchFactor(0, 2);
    m_splitter->setStretchFactor(1, 3);
    m_splitter->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(m_toolBar);
    layout->addWidget(m_messages);
    layout->addWidget(m_splitter, 1);

    setTabOrder(m_list, m_editor->textEdit());
    setTabOrder(m_editor->textEdit(), m_findings);

    connect(document, &ProjectDocument::changed, this, &EventsPanel::onChanged);
    connect(document, &ProjectDocument::currentEventChanged, this, &EventsPanel::onCurrentEventChanged);
    connect(m_list->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                if (!m_syncingSelection && current.isValid())
                    m_document->setCurrentEventIndex(current.row());
                else if (!m_syncingSelection && m_editingDraft)
                    showCurrentEvent();
            });
    connect(m_list->selectionModel(), &QItemSelectionModel::selectionChanged, this, &EventsPanel::updateActions);
    connect(m_list, &QTreeView::clicked, this, [this](const QModelIndex &index) {
        // Clicking the event already selected leaves the pasted draft too.
        if (m_editingDraft && index.row() == m_document->currentEventIndex())
            showCurrentEvent();
    });
    connect(m_editor, &JsonEditor::textEdited, this, &EventsPanel::onEditorEdited);
    m_parser = new EventTextParser(this);
    connect(m_parser, &EventTextParser::parsed, this, &EventsPanel::onEventParsed);
    connect(document, &ProjectDocument::pendingEditsRequested, m_parser, &EventTextParser::finishNow);
    connect(m_findingModel, &QAbstractItemModel::modelReset, this, &EventsPanel::updateFindingsTitle);
    connect(m_showDraftButton, &QToolButton::clicked, this, &EventsPanel::showDraft);
    connect(m_discardDraftButton, &QToolButton::clicked, this, &EventsPanel::discardDraft);

    onCurrentEventChanged(document->currentEventIndex());
}

EventsPanel::~EventsPanel() = default;

QString EventsPanel::editorTitle() const
{
    return m_editorTitle->text();
}

QString EventsPanel::findingsTitle() const
{
    return m_findingsTitle->text();
}

void EventsPanel::createActions()
{
    m_loadAction = new QAction(Icons::icon(Icons::Id::LoadFiles), tr("Load Files…"), this);
    m_loadAction->setToolTip(tr("Load events from files: one JSON event, a JSON array or JSON Lines (several files at once; you can also drop files here)"));
    m_loadAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    m_loadAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(m_loadAction, &QAction::triggered, this, &EventsPanel::chooseFiles);

    m_pasteAction = new QAction(Icons::icon(Icons::Id::Paste), tr("Paste Events"), this);
    m_pasteAction->setToolTip(tr("Add the events on the clipboard (one, an array or JSON Lines)"));
    m_pasteAction->setShortcut(QKeySequence::Paste);
    // Only on the list: in the editor, Ctrl+V pastes text as usual.
    m_pasteAction->setShortcutContext(Qt::WidgetShortcut);
    m_list->addAction(m_pasteAction);
    connect(m_pasteAction, &QAction::triggered, this, &EventsPanel::pasteFromClipboard);

    m_pasteDialogAction = new QAction(tr("Paste Events…"), this);
    m_pasteDialogAction->setToolTip(tr("Paste or type events in a dialog"));
    connect(m_pasteDialogAction, &QAction::triggered, this, &EventsPanel::pasteWithDialog);

    m_removeAction = new QAction(Icons::icon(Icons::Id::Remove), tr("Remove"), this);
    m_removeAction->setToolTip(tr("Remove the selected events (Delete)"));
    m_removeAction->setShortcut(QKeySequence::Delete);
    m_removeAction->setShortcutContext(Qt::WidgetShortcut);
    m_list->addAction(m_removeAction);
    connect(m_removeAction, &QAction::triggered, this, &EventsPanel::removeSelected);

    m_samplesMenu = new QMenu(tr("Samples"), this);
    buildSamplesMenu();

    m_toolBar->setIconSize(QSize(16, 16));
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_toolBar->addAction(m_loadAction);

    auto *paste = new QToolButton(m_toolBar);
    paste->setDefaultAction(m_pasteAction);
    paste->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    auto *pasteMenu = new QMenu(paste);
    pasteMenu->addAction(m_pasteAction);
    pasteMenu->addAction(m_pasteDialogAction);
    paste->setMenu(pasteMenu);
    paste->setPopupMode(QToolButton::MenuButtonPopup);
    m_toolBar->addWidget(paste);

    auto *samples = new QToolButton(m_toolBar);
    samples->setText(tr("Samples"));
    samples->setIcon(Icons::icon(Icons::Id::Samples));
    samples->setToolTip(tr("Add a built-in sample event: every event type and Segment's e-commerce events"));
    samples->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    samples->setMenu(m_samplesMenu);
    samples->setPopupMode(QToolButton::InstantPopup);
    m_toolBar->addWidget(samples);

    m_toolBar->addAction(m_removeAction);
    updateActions();
}

void EventsPanel::buildSamplesMenu()
{
    const events::SampleLibrary &library = events::SampleLibrary::builtIn();
    for (const events::SampleCategory &category : library.categories()) {
        QMenu *menu = m_samplesMenu->addMenu(category.title);
        menu->setToolTipsVisible(true);
        for (const events::SampleInfo &sample : category.samples) {
            QAction *action = menu->addAction(sample.title);
            action->setToolTip(sample.description);
            action->setStatusTip(sample.description);
            action->setData(sample.id);
            connect(action, &QAction::triggered, this, [this, id = sample.id] { addSample(id); });
        }
    }
    m_samplesMenu->addSeparator();
    QAction *audience = m_samplesMenu->addAction(tr("Engage Audience Event…"));
    audience->setObjectName(QStringLiteral("audienceEventAction"));
    audience->setStatusTip(tr("Make the identify or track Segment Engage sends for an audience or a computed trait"));
    connect(audience, &QAction::triggered, this, &EventsPanel::addAudienceEvent);
}

void EventsPanel::addAudienceEvent()
{
    AudienceEventDialog dialog(this);
    dialog.setObjectName(QStringLiteral("audienceEventDialog"));
    if (dialog.exec() != QDialog::Accepted)
        return;
    std::vector<events::SampleEvent> added;
    added.push_back({dialog.event(), tr("Engage"), 0});
    m_document->addEvents(std::move(added));
    Q_EMIT statusMessage(tr("Added the Engage event for \"%1\".").arg(dialog.nameEdit()->text()));
}

void EventsPanel::loadFiles(const QStringList &paths)
{
    if (paths.isEmpty() || (m_loader && m_loader->isRunning()))
        return;
    qint64 total = 0;
    for (const QString &path : paths)
        total += QFileInfo(path).size();
    if (total <= BackgroundLoadThreshold) {
        finishLoad(int(paths.size()), EventFileLoader::read(paths));
        return;
    }

    if (!m_loader)
        m_loader = new EventFileLoader(this);
    auto *progress = new QProgressDialog(
        plural(paths.size(), tr("Reading %n file of events…"), tr("Reading %n files of events…")), tr("Cancel"), 0,
        100, this);
    progress->setWindowTitle(tr("Loading Events"));
    progress->setWindowModality(Qt::WindowModal);
    progress->setMinimumDuration(400);
    progress->setAutoClose(false);
    progress->setAutoReset(false);
    connect(m_loader, &EventFileLoader::progressChanged, progress, &QProgressDialog::setValue);
    connect(progress, &QProgressDialog::canceled, m_loader, &EventFileLoader::cancel);
    connect(m_loader, &EventFileLoader::finished, progress, [this, progress, count = int(paths.size())] {
        progress->disconnect(m_loader);
        m_loader->disconnect(progress);
        progress->deleteLater();
        finishLoad(count, m_loader->takeOutcome());
    });
    m_loader->start(paths);
}

void EventsPanel::finishLoad(int fileCount, EventFileLoader::Outcome outcome)
{
    if (outcome.cancelled) {
        m_messages->showMessage(tr("Loading was cancelled; no events were added."), MessageBar::Level::Information);
        return;
    }
    const int added = int(outcome.events.size());
    m_document->addEvents(std::move(outcome.events));
    QStringList notes;
    if (outcome.truncated)
        notes.append(tr("Only the first %1 events were loaded: a project keeps at most that many sample events.")
                         .arg(EventFileLoader::MaxEvents));
    const QString summary = plural(added, tr("Loaded %n event"), tr("Loaded %n events"))
        + plural(fileCount, tr(" from %n file."), tr(" from %n files."));
    Q_EMIT statusMessage(summary);
    if (!outcome.errors.isEmpty()) {
        notes.prepend(
            plural(outcome.errors.size(), tr("%1 %n part could not be read:"), tr("%1 %n parts could not be read:"))
                .arg(summary));
        notes.append(listErrors(outcome.errors));
        m_messages->showMessage(notes.join(u'\n'), added > 0 ? MessageBar::Level::Warning : MessageBar::Level::Error);
    } else if (!notes.isEmpty()) {
        m_messages->showMessage(notes.join(u'\n'), MessageBar::Level::Information);
    } else {
        m_messages->hide();
    }
}

void EventsPanel::pasteText(const QString &text)
{
    events::EventReadResult read = events::EventReader::read(text.toUtf8(), tr("pasted"));
    if (read.events.empty() && read.errors.empty()) {
        m_messages->showMessage(tr("Nothing to paste: there is no text."), MessageBar::Level::Information);
        return;
    }
    const int added = int(read.events.size());
    QStringList errors;
    for (const Error &error : read.errors)
        errors.append(error.describe());
    if (added > 0) {
        m_document->addEvents(std::move(read.events));
        Q_EMIT statusMessage(plural(added, tr("Pasted %n event."), tr("Pasted %n events.")));
        if (errors.isEmpty()) {
            m_messages->hide();
        } else {
            m_messages->showMessage(plural(added, tr("Added %n event; "), tr("Added %n events; "))
                                        + plural(errors.size(), tr("%n part could not be read:\n"),
                                                 tr("%n parts could not be read:\n"))
                                        + listErrors(errors),
                                    MessageBar::Level::Warning);
        }
        return;
    }
    // Nothing usable: the text becomes a draft in the editor, with the error marked, until it parses.
    m_newDraft = text;
    showDraft();
    m_messages->showMessage(tr("The pasted text is not a valid event yet. It stays in the editor below with the "
                               "error marked: fix it there and it is added."),
                            MessageBar::Level::Error);
}

void EventsPanel::addSample(const QString &sampleId)
{
    Result<events::SampleEvent> sample = events::SampleLibrary::builtIn().event(sampleId);
    if (!sample) {
        m_messages->showMessage(sample.error().describe(), MessageBar::Level::Error);
        return;
    }
    std::vector<events::SampleEvent> added;
    added.push_back(std::move(sample).value());
    m_document->addEvents(std::move(added));
    Q_EMIT statusMessage(tr("Added the sample event \"%1\".").arg(events::SampleLibrary::builtIn().find(sampleId)->title));
}

void EventsPanel::dragEnterEvent(QDragEnterEvent *event)
{
    if (!localFiles(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void EventsPanel::dropEvent(QDropEvent *event)
{
    const QStringList paths = localFiles(event->mimeData());
    if (paths.isEmpty())
        return;
    event->acceptProposedAction();
    loadFiles(paths);
}

void EventsPanel::onChanged(const ChangeEvent &change)
{
    using Kind = ChangeEvent::Kind;
    const int count = change.last - change.first + 1;
    switch (change.kind) {
    case Kind::Reset:
        m_drafts.clear();
        m_shownEvent = -1;
        break;
    case Kind::EventsInserted: {
        QMap<int, QString> shifted;
        for (auto it = m_drafts.cbegin(); it != m_drafts.cend(); ++it)
            shifted.insert(it.key() >= change.first ? it.key() + count : it.key(), it.value());
        m_drafts = shifted;
        if (m_shownEvent >= change.first)
            m_shownEvent += count;
        updateTitle();
        break;
    }
    case Kind::EventsRemoved: {
        QMap<int, QString> shifted;
        for (auto it = m_drafts.cbegin(); it != m_drafts.cend(); ++it) {
            if (it.key() < change.first)
                shifted.insert(it.key(), it.value());
            else if (it.key() > change.last)
                shifted.insert(it.key() - count, it.value());
        }
        m_drafts = shifted;
        if (m_shownEvent > change.last)
            m_shownEvent -= count;
        else if (m_shownEvent >= change.first)
            m_shownEvent = -1;
        updateTitle();
        break;
    }
    case Kind::EventChanged:
        if (change.first == m_shownEvent && !m_committing && !m_editingDraft) {
            // Undo, redo or another view changed the event: show it, dropping a stale unparsed edit.
            m_drafts.remove(change.first);
            showCurrentEvent();
        } else if (change.first == m_shownEvent) {
            m_findingModel->setFindings(m_model->findings(change.first));
        }
        break;
    default:
        break;
    }
}

void EventsPanel::onCurrentEventChanged(int index)
{
    m_syncingSelection = true;
    if (index >= 0) {
        const QModelIndex modelIndex = m_model->index(index, 0);
        if (m_list->currentIndex().row() != index)
            m_list->selectionModel()->setCurrentIndex(modelIndex, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        m_list->scrollTo(modelIndex);
    } else {
        m_list->selectionModel()->clear();
    }
    m_syncingSelection = false;
    showCurrentEvent();
}

void EventsPanel::showCurrentEvent()
{
    // The document has the pending edit handed in before it switches events or moves in the history; one
    // still pending here belongs to a project or an event that is gone.
    m_parser->cancel();
    m_editingDraft = false;
    const int index = m_document->currentEventIndex();
    m_shownEvent = index;
    if (index < 0) {
        m_editor->setText({});
        m_editor->setReadOnly(true);
        m_editor->setPlaceholderText(tr("Load, paste or pick a sample event to see it here."));
        m_findingModel->setFindings({});
    } else {
        const events::SampleEvent &sample = m_document->project().events()[size_t(index)];
        m_editor->setReadOnly(false);
        if (const auto draft = m_drafts.constFind(index); draft != m_drafts.cend()) {
            m_editor->setText(*draft);
            onEditorEdited(*draft); // marks the error again
        } else {
            m_editor->setJson(sample.event);
        }
        m_findingModel->setFindings(m_model->findings(index));
    }
    updateTitle();
    updateDraftControls();
    updateActions();
}

void EventsPanel::showDraft()
{
    m_document->commitPendingEdits(); // the shown event's last keys, before the editor shows the draft
    m_editingDraft = true;
    m_editor->setReadOnly(false);
    m_editor->setText(m_newDraft);
    const events::EventReadResult read = events::EventReader::read(m_newDraft.toUtf8(), tr("pasted"));
    if (!read.errors.empty())
        m_editor->showError(read.errors.front());
    m_findingModel->setFindings({});
    updateTitle();
    updateDraftControls();
    m_editor->setFocus();
}

void EventsPanel::discardDraft()
{
    m_newDraft.clear();
    m_messages->hide();
    showCurrentEvent();
}

void EventsPanel::onEditorEdited(const QString &text)
{
    if (m_editingDraft) {
        m_newDraft = text;
        events::EventReadResult read = events::EventReader::read(text.toUtf8(), tr("pasted"));
        if (!read.events.empty() && read.errors.empty()) {
            // The draft became valid: it joins the project and the editor moves on to it.
            m_newDraft.clear();
            m_editingDraft = false;
            m_messages->hide();
            const int added = int(read.events.size());
            m_document->addEvents(std::move(read.events));
            Q_EMIT statusMessage(plural(added, tr("Added %n pasted event."), tr("Added %n pasted events.")));
        } else if (!read.errors.empty()) {
            m_editor->showError(read.errors.front());
        } else {
            m_editor->clearError();
        }
        return;
    }
    if (m_shownEvent >= 0)
        m_parser->parse(text);
}

void EventsPanel::onEventParsed(const QString &text, const Result<json::Value> &parsed)
{
    const int index = m_shownEvent;
    if (index < 0 || m_editingDraft)
        return;
    if (!parsed) {
        // The last good event stays in the project; the unparsed text stays here, marked.
        m_drafts.insert(index, text);
        m_editor->showError(parsed.error());
        return;
    }
    m_drafts.remove(index);
    m_editor->clearError();
    m_committing = true;
    m_document->changeEvent(index, *parsed);
    m_committing = false;
}

void EventsPanel::updateDraftControls()
{
    m_showDraftButton->setVisible(!m_newDraft.isEmpty() && !m_editingDraft);
    m_discardDraftButton->setVisible(m_editingDraft);
}

void EventsPanel::updateTitle()
{
    updateFindingsTitle();
    if (m_editingDraft) {
        m_editorTitle->setText(tr("Pasted text: not an event yet"));
        return;
    }
    const int count = int(m_document->project().events().size());
    if (m_shownEvent < 0 || m_shownEvent >= count) {
        m_editorTitle->setText(tr("No event selected"));
        return;
    }
    m_editorTitle->setText(tr("Event %1 of %2").arg(m_shownEvent + 1).arg(count));
}

void EventsPanel::updateFindingsTitle()
{
    // An empty list box says nothing: the title says whether the checks found anything.
    const int count = m_findingModel->rowCount();
    m_findings->setVisible(count > 0);
    if (count > 0)
        m_findingsTitle->setText(plural(count, tr("Spec checks: %n finding"), tr("Spec checks: %n findings")));
    else if (m_shownEvent >= 0 && !m_editingDraft)
        m_findingsTitle->setText(tr("Spec checks: nothing to report, the event follows the Segment spec."));
    else
        m_findingsTitle->setText(tr("Spec checks: select an event to check it against the Segment spec."));
}

void EventsPanel::updateActions()
{
    m_removeAction->setEnabled(m_list->selectionModel()->hasSelection());
}

void EventsPanel::removeSelected()
{
    QList<int> rows;
    for (const QModelIndex &index : m_list->selectionModel()->selectedRows())
        rows.append(index.row());
    if (rows.isEmpty())
        return;
    m_document->removeEvents(rows);
    Q_EMIT statusMessage(plural(rows.size(), tr("Removed %n event."), tr("Removed %n events.")));
}

void EventsPanel::pasteFromClipboard()
{
    const QString text = QGuiApplication::clipboard()->text();
    if (text.trimmed().isEmpty()) {
        pasteWithDialog();
        return;
    }
    pasteText(text);
}

void EventsPanel::pasteWithDialog()
{
    PasteEventsDialog dialog(this);
    if (dialog.exec() == QDialog::Accepted)
        pasteText(dialog.text());
}

void EventsPanel::chooseFiles()
{
    const QStringList paths = QFileDialog::getOpenFileNames(
        this, tr("Load Events"), lastEventDirectory.get(),
        tr("Events (*.json *.jsonl *.ndjson *.txt);;All files (*)"));
    if (paths.isEmpty())
        return;
    lastEventDirectory.set(QFileInfo(paths.front()).absolutePath());
    loadFiles(paths);
}

} // namespace inkmapper::ui
