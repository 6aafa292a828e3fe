#include "projectdocument.h"

#include "commands/addevents.h"
#include "commands/addmapping.h"
#include "commands/changemappingfields.h"
#include "commands/changemappingtrigger.h"
#include "commands/changesampleevent.h"
#include "commands/changesettings.h"
#include "commands/movemapping.h"
#include "commands/removeevent.h"
#include "commands/removemapping.h"
#include "commands/renamemapping.h"
#include "commands/setmappingenabled.h"
#include "util/plural.h"

#include "json/object.h"
#include "project/demoproject.h"
#include "project/projectfile.h"

#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QUndoStack>

#include <algorithm>

namespace inkmapper::ui {

ProjectDocument::ProjectDocument(QObject *parent)
    : QObject(parent)
    , m_project(project::Project::createDefault())
    , m_undoStack(new QUndoStack(this))
    , m_untitledName(tr("Untitled"))
{
    connect(m_undoStack, &QUndoStack::cleanChanged, this, [this](bool clean) { Q_EMIT modifiedChanged(!clean); });
    syncCurrentMapping();
}

ProjectDocument::~ProjectDocument() = default;

QString ProjectDocument::displayName() const
{
    return m_filePath.isEmpty() ? m_untitledName : QFileInfo(m_filePath).fileName();
}

bool ProjectDocument::isModified() const
{
    return !m_undoStack->isClean();
}

void ProjectDocument::commitPendingEdits()
{
    Q_EMIT pendingEditsRequested();
}

void ProjectDocument::undo()
{
    commitPendingEdits();
    m_undoStack->undo();
}

void ProjectDocument::redo()
{
    commitPendingEdits();
    m_undoStack->redo();
}

void ProjectDocument::newProject()
{
    resetProject(project::Project::createDefault(), {});
}

Result<Ok> ProjectDocument::openDemo()
{
    Result<project::Project> demo = project::DemoProject::load();
    if (!demo)
        return demo.error();
    resetProject(std::move(demo).value(), {}, tr("Demo Project"));
    setSecret(demoSecret());
    return Ok{};
}

Result<Ok> ProjectDocument::load(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{tr("cannot be read: %1").arg(file.errorString()), {}};
    const QByteArray bytes = file.readAll();
    Result<project::Project> read = project::ProjectFile::read(bytes, QFileInfo(path).fileName());
    if (!read)
        return read.error();
    resetProject(std::move(read).value(), QFileInfo(path).absoluteFilePath());
    return Ok{};
}

Result<Ok> ProjectDocument::save(const QString &path)
{
    commitPendingEdits();
    // QSaveFile writes beside the target and renames over it on commit: a crash or a full disk leaves the
    // previous file intact instead of a truncated one.
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error{tr("cannot be written: %1").arg(file.errorString()), {}};
    const QByteArray bytes = project::ProjectFile::write(m_project);
    if (file.write(bytes) != bytes.size() || !file.commit())
        return Error{tr("cannot be written: %1").arg(file.errorString()), {}};
    const QString absolute = QFileInfo(path).absoluteFilePath();
    const bool renamed = absolute != m_filePath;
    m_filePath = absolute;
    m_undoStack->setClean();
    if (renamed)
        Q_EMIT fileChanged();
    return Ok{};
}

void ProjectDocument::resetProject(project::Project project, const QString &filePath, const QString &untitledName)
{
    m_project = std::move(project);
    m_filePath = filePath;
    m_untitledName = untitledName.isEmpty() ? tr("Untitled") : untitledName;
    m_undoStack->clear();
    m_undoStack->setClean();
    // The secret belongs to the destination the project talks to; another project starts without it.
    setSecret({});
    m_currentMappingId = m_project.mappingCount() > 0 ? m_project.mapping(0).id : QString();
    m_reportedMappingIndex = -2; // force the selection signal: everything is new
    m_currentEvent = m_project.events().empty() ? -1 : 0;
    emitChanged(ChangeEvent::reset());
    syncCurrentMapping();
    Q_EMIT currentEventChanged(m_currentEvent);
    Q_EMIT fileChanged();
    Q_EMIT modifiedChanged(false);
}

QString ProjectDocument::describeLoadError(const QString &path, const Error &error)
{
    const QString name = QFileInfo(path).fileName();
    const Location &where = error.location;
    if (where.line > 0)
        return tr("%1, line %2, column %3: %4").arg(name).arg(where.line).arg(where.column).arg(error.message);
    if (!where.path.isEmpty())
        return tr("%1, at %2: %3").arg(name, where.path, error.message);
    return tr("%1: %2").arg(name, error.message);
}

void ProjectDocument::setSecret(const QString &secret)
{
    if (secret == m_secret)
        return;
    m_secret = secret;
    Q_EMIT secretChanged(m_secret);
}

QString ProjectDocument::demoSecret()
{
    return QStringLiteral("demo-access-secret");
}

int ProjectDocument::currentMappingIndex() const
{
    return m_currentMappingId.isEmpty() ? -1 : m_project.indexOfMapping(m_currentMappingId);
}

const project::MappingConfig *ProjectDocument::currentMapping() const
{
    const int index = currentMappingIndex();
    return index < 0 ? nullptr : &m_project.mapping(index);
}

void ProjectDocument::setCurrentMappingIndex(int index)
{
    // Views move their current row while they follow a change; the document decides the selection then.
    if (m_notifying > 0)
        return;
    Q_ASSERT(index >= -1 && index < m_project.mappingCount());
    m_currentMappingId = index < 0 ? QString() : m_project.mapping(index).id;
    syncCurrentMapping();
}

const events::SampleEvent *ProjectDocument::currentEvent() const
{
    return m_currentEvent < 0 ? nullptr : &m_project.events()[size_t(m_currentEvent)];
}

void ProjectDocument::setCurrentEventIndex(int index)
{
    if (m_notifying > 0)
        return;
    Q_ASSERT(index >= -1 && index < int(m_project.events().size()));
    if (index != m_currentEvent)
        commitPendingEdits(); // into the event being left
    setCurrentEventInternal(index, false);
}

void ProjectDocument::setSettings(const project::DestinationSettings &settings)
{
    const project::DestinationSettings &before = m_project.settings();
    if (settings == before)
        return;
    ChangeSettings::Field field = ChangeSettings::Field::Several;
    if (settings.username == before.username)
        field = ChangeSettings::Field::Url;
    else if (settings.movableInkUrl == before.movableInkUrl)
        field = ChangeSettings::Field::Username;
    m_undoStack->push(new ChangeSettings(this, before, settings, field));
}

void ProjectDocument::setMovableInkUrl(const QString &url)
{
    project::DestinationSettings settings = m_project.settings();
    settings.movableInkUrl = url;
    setSettings(settings);
}

void ProjectDocument::setUsername(const QString &username)
{
    project::DestinationSettings settings = m_project.settings();
    settings.username = username;
    setSettings(settings);
}

Result<int> ProjectDocument::pushAddMapping(int index, project::MappingConfig mapping, const QString &text)
{
    // The project's own insert decides (limit, ids), tried on a copy so that a refusal pushes nothing and
    // the message is the core's.
    project::Project probe = m_project;
    Result<int> inserted = probe.insertMapping(index, mapping);
    if (!inserted)
        return inserted;
    mapping.id = probe.mapping(index).id;
    m_undoStack->push(new AddMapping(this, index, mapping, text));
    m_currentMappingId = mapping.id;
    syncCurrentMapping();
    return index;
}

Result<int> ProjectDocument::addPresetMapping()
{
    const QString name = m_project.uniqueMappingName(project::Project::defaultMappingName());
    return pushAddMapping(m_project.mappingCount(), project::MappingConfig::fromPreset(name), tr("Add Mapping"));
}

Result<int> ProjectDocument::addBlankMapping()
{
    project::MappingConfig mapping;
    mapping.id = project::MappingConfig::createId();
    mapping.name = m_project.uniqueMappingName(tr("New Mapping"));
    // Blank means blank: no trigger (so it matches nothing yet) and no field values.
    mapping.subscribe.clear();
    mapping.mapping = json::Value(json::Object());
    return pushAddMapping(m_project.mappingCount(), std::move(mapping), tr("Add Blank Mapping"));
}

Result<int> ProjectDocument::duplicateMapping(int index)
{
    project::MappingConfig copy = m_project.mapping(index);
    copy.id = project::MappingConfig::createId();
    copy.name = m_project.uniqueMappingName(copy.name);
    return pushAddMapping(index + 1, std::move(copy), tr("Duplicate Mapping"));
}

void ProjectDocument::removeMapping(int index)
{
    Q_ASSERT(index >= 0 && index < m_project.mappingCount());
    m_undoStack->push(new RemoveMapping(this, index));
}

void ProjectDocument::moveMapping(int from, int to)
{
    Q_ASSERT(from >= 0 && from < m_project.mappingCount());
    Q_ASSERT(to >= 0 && to < m_project.mappingCount());
    if (from != to)
        m_undoStack->push(new MoveMapping(this, from, to));
}

Result<Ok> ProjectDocument::renameMapping(int index, const QString &name)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty())
        return Error{tr("A mapping needs a name."), {}};
    const project::MappingConfig &mapping = m_project.mapping(index);
    if (trimmed != mapping.name)
        m_undoStack->push(new RenameMapping(this, mapping.id, mapping.name, trimmed));
    return Ok{};
}

void ProjectDocument::setMappingEnabled(int index, bool enabled)
{
    const project::MappingConfig &mapping = m_project.mapping(index);
    if (mapping.enabled != enabled)
        m_undoStack->push(new SetMappingEnabled(this, mapping.id, enabled));
}

void ProjectDocument::setMappingTrigger(int index, const QString &fql)
{
    const project::MappingConfig &mapping = m_project.mapping(index);
    if (mapping.subscribe != fql)
        m_undoStack->push(new ChangeMappingTrigger(this, mapping.id, mapping.subscribe, fql));
}

void ProjectDocument::setMappingFields(int index, const json::Value &fields)
{
    const project::MappingConfig &mapping = m_project.mapping(index);
    if (!(mapping.mapping == fields))
        m_undoStack->push(new ChangeMappingFields(this, mapping.id, mapping.mapping, fields));
}

int ProjectDocument::addEvents(std::vector<events::SampleEvent> events)
{
    if (events.empty())
        return -1;
    commitPendingEdits(); // the edit is a step of its own, before the events arrive
    const int index = int(m_project.events().size());
    m_undoStack->push(new AddEvents(this, index, std::move(events)));
    setCurrentEventIndex(index);
    return index;
}

void ProjectDocument::removeEvent(int index)
{
    Q_ASSERT(index >= 0 && index < int(m_project.events().size()));
    commitPendingEdits(); // so that undoing the removal brings back the event as last typed
    m_undoStack->push(new RemoveEvent(this, index));
}

void ProjectDocument::removeEvents(QList<int> indexes)
{
    std::sort(indexes.begin(), indexes.end());
    indexes.erase(std::unique(indexes.begin(), indexes.end()), indexes.end());
    if (indexes.isEmpty())
        return;
    commitPendingEdits(); // before the macro: the edit is a step of its own
    if (indexes.size() == 1) {
        removeEvent(indexes.front());
        return;
    }
    m_undoStack->beginMacro(plural(indexes.size(), tr("Remove %n Event"), tr("Remove %n Events")));
    // From the last to the first, so that each index still names the event it named.
    for (auto it = indexes.crbegin(); it != indexes.crend(); ++it)
        removeEvent(*it);
    m_undoStack->endMacro();
}

void ProjectDocument::changeEvent(int index, const json::Value &event)
{
    Q_ASSERT(index >= 0 && index < int(m_project.events().size()));
    const events::SampleEvent &before = m_project.events()[size_t(index)];
    if (before.event == event)
        return;
    events::SampleEvent after = before;
    after.event = event;
    m_undoStack->push(new ChangeSampleEvent(this, index, before, std::move(after)));
}

void ProjectDocument::applySettings(const project::DestinationSettings &settings)
{
    m_project.setSettings(settings);
    emitChanged(ChangeEvent::settings());
}

void ProjectDocument::applyInsertMapping(int index, project::MappingConfig mapping)
{
    const Result<int> inserted = m_project.insertMapping(index, std::move(mapping));
    Q_ASSERT(inserted.ok());
    Q_UNUSED(inserted);
    emitChanged(ChangeEvent::mappingsInserted(index, index));
    syncCurrentMapping();
}

project::MappingConfig ProjectDocument::applyRemoveMapping(int index)
{
    project::MappingConfig removed = m_project.removeMapping(index);
    emitChanged(ChangeEvent::mappingsRemoved(index, index));
    syncCurrentMapping();
    return removed;
}

void ProjectDocument::applyMoveMapping(int from, int to)
{
    m_project.moveMapping(from, to);
    emitChanged(ChangeEvent::mappingMoved(from, to));
    syncCurrentMapping();
}

void ProjectDocument::applyReplaceMapping(int index, project::MappingConfig mapping, ChangeEvent::MappingField field)
{
    const Result<Ok> replaced = m_project.replaceMapping(index, std::move(mapping));
    Q_ASSERT(replaced.ok());
    Q_UNUSED(replaced);
    emitChanged(ChangeEvent::mappingChanged(index, field));
}

void ProjectDocument::applyInsertEvents(int index, std::vector<events::SampleEvent> events)
{
    const int count = int(events.size());
    Q_ASSERT(count > 0 && index >= 0 && index <= int(m_project.events().size()));
    std::vector<events::SampleEvent> all = m_project.events();
    all.insert(all.begin() + index, std::make_move_iterator(events.begin()), std::make_move_iterator(events.end()));
    m_project.setEvents(std::move(all));
    emitChanged(ChangeEvent::eventsInserted(index, index + count - 1));
    if (m_currentEvent >= index)
        setCurrentEventInternal(m_currentEvent + count, false);
    else if (m_currentEvent < 0)
        setCurrentEventInternal(index, false);
}

std::vector<events::SampleEvent> ProjectDocument::applyRemoveEvents(int index, int count)
{
    Q_ASSERT(count > 0 && index >= 0 && index + count <= int(m_project.events().size()));
    std::vector<events::SampleEvent> all = m_project.events();
    std::vector<events::SampleEvent> removed(std::make_move_iterator(all.begin() + index),
                                             std::make_move_iterator(all.begin() + index + count));
    all.erase(all.begin() + index, all.begin() + index + count);
    const int remaining = int(all.size());
    m_project.setEvents(std::move(all));
    emitChanged(ChangeEvent::eventsRemoved(index, index + count - 1));
    if (m_currentEvent >= index + count)
        setCurrentEventInternal(m_currentEvent - count, false);
    else if (m_currentEvent >= index) // the selected event is gone: its neighbour takes its place
        setCurrentEventInternal(std::min(index, remaining - 1), true);
    return removed;
}

void ProjectDocument::applyReplaceEvent(int index, events::SampleEvent event)
{
    std::vector<events::SampleEvent> all = m_project.events();
    all[size_t(index)] = std::move(event);
    m_project.setEvents(std::move(all));
    emitChanged(ChangeEvent::eventChanged(index));
}

void ProjectDocument::emitChanged(const ChangeEvent &change)
{
    ++m_notifying;
    Q_EMIT changed(change);
    --m_notifying;
}

void ProjectDocument::syncCurrentMapping()
{
    int index = currentMappingIndex();
    if (index < 0 && m_project.mappingCount() > 0) {
        // The selected mapping was removed (or none was selected): select the one now at its place.
        index = std::clamp(m_reportedMappingIndex, 0, m_project.mappingCount() - 1);
        m_currentMappingId = m_project.mapping(index).id;
        m_reportedMappingIndex = -2;
    } else if (index < 0) {
        m_currentMappingId.clear();
    }
    if (index != m_reportedMappingIndex) {
        m_reportedMappingIndex = index;
        Q_EMIT currentMappingChanged(index);
    }
}

void ProjectDocument::setCurrentEventInternal(int index, bool force)
{
    if (index == m_currentEvent && !force)
        return;
    m_currentEvent = index;
    Q_EMIT currentEventChanged(index);
}

} // namespace inkmapper::ui
