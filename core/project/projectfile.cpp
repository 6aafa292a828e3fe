#include "projectfile.h"

#include "destination/destinationdefinition.h"
#include "json/object.h"
#include "json/valuepath.h"
#include "json/parser.h"
#include "json/writer.h"

#include <QSet>

#include <array>
#include <cmath>

namespace inkmapper::project {

namespace {

// The keys of the file, in one place so reading and writing cannot drift apart.
const QString kFormat = QStringLiteral("format");
const QString kVersion = QStringLiteral("version");
const QString kDestination = QStringLiteral("destination");
const QString kAction = QStringLiteral("action");
const QString kSettings = QStringLiteral("settings");
const QString kUrl = QStringLiteral("movable_ink_url");
const QString kUsername = QStringLiteral("username");
const QString kSubscriptions = QStringLiteral("subscriptions");
const QString kId = QStringLiteral("id");
const QString kName = QStringLiteral("name");
const QString kEnabled = QStringLiteral("enabled");
const QString kSubscribe = QStringLiteral("subscribe");
const QString kMapping = QStringLiteral("mapping");
const QString kPartnerAction = QStringLiteral("partnerAction");
const QString kEvents = QStringLiteral("events");

const destination::DestinationDefinition &definition()
{
    return destination::DestinationDefinition::movableInk();
}

/** The found value as a user would recognise it in the file: scalars as JSON (shortened), containers by kind. */
QString describeFound(const json::Value &v)
{
    switch (v.type()) {
    case json::Value::Type::Array:
        return QStringLiteral("an array");
    case json::Value::Type::Object:
        return QStringLiteral("an object");
    case json::Value::Type::Undefined:
    case json::Value::Type::Function:
        return QStringLiteral("nothing");
    default:
        break;
    }
    QString text = json::toJsonString(v);
    if (text.size() > 40)
        text = text.left(37) + QStringLiteral("…");
    return text;
}

Error errorAt(const QString &path, const QString &message)
{
    return Error{message, Location{0, 0, path}};
}

Error expected(const QString &path, const QString &what, const json::Value &found)
{
    return errorAt(path, QStringLiteral("expected %1, found %2").arg(what, describeFound(found)));
}

/** A string member that may be absent (or null): `fallback` then. */
Result<QString> optionalString(const json::Object &object, const QString &key, const QString &path, const QString &fallback = {})
{
    const json::Value *v = object.find(key);
    if (!v || v->isNull())
        return fallback;
    if (!v->isString())
        return expected(json::memberPath(path, key), QStringLiteral("a string"), *v);
    return v->toString();
}

/** A member that, when present, must be exactly `required` (a document for another destination or action). */
Result<Ok> requireIfPresent(const json::Object &object, const QString &key, const QString &path, const QString &required,
                            const QString &what)
{
    const json::Value *v = object.find(key);
    if (!v)
        return Ok{};
    if (!v->isString())
        return expected(json::memberPath(path, key), QStringLiteral("a string"), *v);
    if (v->toString() != required)
        return errorAt(json::memberPath(path, key), QStringLiteral("%1 \"%2\", but InkMapper only knows \"%3\"").arg(what, v->toString(), required));
    return Ok{};
}

Result<int> readVersion(const json::Object &root)
{
    const json::Value *v = root.find(kVersion);
    if (!v)
        return 1; // Segment-shaped files without the InkMapper envelope are version 1
    if (!v->isNumber() || v->toNumber() < 1 || std::floor(v->toNumber()) != v->toNumber())
        return expected(kVersion, QStringLiteral("a whole number from 1"), *v);
    if (v->toNumber() > ProjectFile::CurrentVersion) {
        return errorAt(kVersion, QStringLiteral("this project was made by a newer InkMapper (version %1); this InkMapper "
                                                "reads project files up to version %2")
                                     .arg(describeFound(*v))
                                     .arg(ProjectFile::CurrentVersion));
    }
    return int(v->toNumber());
}

Result<DestinationSettings> readSettings(const json::Object &root)
{
    const json::Value *v = root.find(kSettings);
    if (!v || v->isNull())
        return DestinationSettings{};
    if (!v->isObject())
        return expected(kSettings, QStringLiteral("an object"), *v);
    const json::Object &settings = v->toObject();
    // Only the known keys are read: a `password` someone pasted in is ignored, so it can never be written back.
    auto url = optionalString(settings, kUrl, kSettings);
    if (!url)
        return url.error();
    auto username = optionalString(settings, kUsername, kSettings);
    if (!username)
        return username.error();
    return DestinationSettings{std::move(url).value(), std::move(username).value()};
}

Result<MappingConfig> readMapping(const json::Value &item, const QString &path)
{
    if (!item.isObject())
        return expected(path, QStringLiteral("an object with a trigger (subscribe) and a mapping"), item);
    const json::Object &object = item.toObject();
    MappingConfig config;

    auto id = optionalString(object, kId, path);
    if (!id)
        return id.error();
    config.id = std::move(id).value();

    auto name = optionalString(object, kName, path);
    if (!name)
        return name.error();
    config.name = std::move(name).value();

    if (const json::Value *enabled = object.find(kEnabled)) {
        if (!enabled->isBool())
            return expected(json::memberPath(path, kEnabled), QStringLiteral("true or false"), *enabled);
        config.enabled = enabled->toBool();
    }

    if (object.contains(kPartnerAction)) {
        auto action = requireIfPresent(object, kPartnerAction, path, definition().defaultPreset().partnerAction(),
                                       QStringLiteral("this subscription runs the action"));
        if (!action)
            return action.error();
    }

    // Trigger and mapping have no default here: a file that lost them should say so rather than send everything.
    const json::Value *subscribe = object.find(kSubscribe);
    if (!subscribe)
        return errorAt(json::memberPath(path, kSubscribe), QStringLiteral("missing; every subscription needs a trigger (FQL text)"));
    if (!subscribe->isString())
        return expected(json::memberPath(path, kSubscribe), QStringLiteral("the trigger as a string of FQL"), *subscribe);
    config.subscribe = subscribe->toString();

    const json::Value *mapping = object.find(kMapping);
    if (!mapping)
        return errorAt(json::memberPath(path, kMapping), QStringLiteral("missing; every subscription needs a mapping object"));
    if (!mapping->isObject())
        return expected(json::memberPath(path, kMapping), QStringLiteral("an object with the action's fields (headers, data)"), *mapping);
    config.mapping = *mapping;
    return config;
}

Result<Ok> readMappings(const json::Object &root, Project &project)
{
    const json::Value *v = root.find(kSubscriptions);
    if (!v || v->isNull())
        return Ok{};
    if (!v->isArray())
        return expected(kSubscriptions, QStringLiteral("an array of subscriptions"), *v);
    const json::Array &items = v->toArray();
    if (items.size() > size_t(Project::maxMappings())) {
        return errorAt(json::elementPath(kSubscriptions, size_t(Project::maxMappings())),
                       QStringLiteral("the file has %1 subscriptions, but %2 allows at most %3 per destination")
                           .arg(items.size())
                           .arg(definition().catalogName())
                           .arg(Project::maxMappings()));
    }
    QSet<QString> ids;
    for (size_t i = 0; i < items.size(); ++i) {
        auto config = readMapping(items[i], json::elementPath(kSubscriptions, i));
        if (!config)
            return config.error();
        MappingConfig mapping = std::move(config).value();
        // Files from Segment carry no ids, and a subscription copied by hand repeats one: both get a fresh id,
        // which the next save makes permanent.
        if (mapping.id.isEmpty() || ids.contains(mapping.id))
            mapping.id = MappingConfig::createId();
        ids.insert(mapping.id);
        if (mapping.name.isEmpty() && !items[i].toObject().contains(kName))
            mapping.name = project.uniqueMappingName(Project::defaultMappingName());
        auto added = project.addMapping(std::move(mapping));
        if (!added)
            return errorAt(json::elementPath(kSubscriptions, i), added.error().message);
    }
    return Ok{};
}

Result<Ok> readEvents(const json::Object &root, const QString &fileName, Project &project)
{
    const json::Value *v = root.find(kEvents);
    if (!v || v->isNull())
        return Ok{};
    if (!v->isArray())
        return expected(kEvents, QStringLiteral("an array of Segment events"), *v);
    std::vector<events::SampleEvent> sampleEvents;
    sampleEvents.reserve(v->toArray().size());
    size_t index = 0;
    for (const json::Value &event : v->toArray()) {
        if (!event.isObject())
            return expected(json::elementPath(kEvents, index), QStringLiteral("a Segment event (an object)"), event);
        sampleEvents.push_back(events::SampleEvent{event, fileName, 0});
        ++index;
    }
    project.setEvents(std::move(sampleEvents));
    return Ok{};
}

using MigrationStep = Result<json::Value> (*)(json::Value document);

/** migrationSteps[n - 1] turns a version-n document into version n + 1. Append a step with each new version. */
constexpr std::array<MigrationStep, ProjectFile::CurrentVersion - 1> migrationSteps{};

} // namespace

QString ProjectFile::formatName()
{
    return QStringLiteral("inkmapper-project");
}

Result<json::Value> ProjectFile::migrate(json::Value document, int fromVersion)
{
    Q_ASSERT(fromVersion >= 1 && fromVersion <= CurrentVersion);
    for (int version = fromVersion; version < CurrentVersion; ++version) {
        auto next = migrationSteps[size_t(version - 1)](std::move(document));
        if (!next)
            return next.error();
        document = std::move(next).value();
    }
    return document;
}

Result<Project> ProjectFile::read(QByteArrayView utf8, const QString &fileName)
{
    // Editors on Windows like to start UTF-8 files with a byte order mark, which JSON.parse would refuse.
    if (utf8.startsWith(QByteArrayView("\xEF\xBB\xBF")))
        utf8 = utf8.sliced(3);
    if (utf8.trimmed().isEmpty())
        return Error{QStringLiteral("the file is empty; a project file is a JSON object"), Location{1, 1, {}}};

    auto parsed = json::parse(utf8);
    if (!parsed) {
        Error error = parsed.error();
        error.message = QStringLiteral("not valid JSON: %1").arg(error.message);
        return error;
    }
    json::Value document = std::move(parsed).value();
    if (!document.isObject())
        return Error{QStringLiteral("a project file is a JSON object, found %1").arg(describeFound(document)), Location{1, 1, {}}};

    const json::Object &envelope = document.toObject();
    auto format = requireIfPresent(envelope, kFormat, {}, formatName(), QStringLiteral("this file's format is"));
    if (!format)
        return format.error();
    auto version = readVersion(envelope);
    if (!version)
        return version.error();
    auto migrated = migrate(std::move(document), version.value());
    if (!migrated)
        return migrated.error();
    const json::Value current = std::move(migrated).value();
    const json::Object &root = current.toObject();

    auto destination = requireIfPresent(root, kDestination, {}, definition().catalogName(), QStringLiteral("this project is for"));
    if (!destination)
        return destination.error();
    auto action = requireIfPresent(root, kAction, {}, definition().defaultPreset().partnerAction(),
                                   QStringLiteral("this project runs the action"));
    if (!action)
        return action.error();

    Project project;
    auto settings = readSettings(root);
    if (!settings)
        return settings.error();
    project.setSettings(settings.value());
    if (auto mappings = readMappings(root, project); !mappings)
        return mappings.error();
    if (auto loaded = readEvents(root, fileName, project); !loaded)
        return loaded.error();
    return project;
}

QByteArray ProjectFile::write(const Project &project)
{
    json::Object settings;
    settings.set(kUrl, project.settings().movableInkUrl);
    settings.set(kUsername, project.settings().username);

    json::Array subscriptions;
    subscriptions.reserve(project.mappings().size());
    for (const MappingConfig &mapping : project.mappings()) {
        json::Object item;
        item.set(kId, mapping.id);
        item.set(kName, mapping.name);
        item.set(kEnabled, mapping.enabled);
        item.set(kSubscribe, mapping.subscribe);
        // A mapping that is not an object could not be read back; an empty one can, and sends nothing odd.
        item.set(kMapping, mapping.mapping.isObject() ? mapping.mapping : json::Value(json::Object()));
        subscriptions.push_back(json::Value(std::move(item)));
    }

    json::Array events;
    events.reserve(project.events().size());
    for (const events::SampleEvent &event : project.events())
        events.push_back(event.event);

    json::Object root;
    root.set(kFormat, formatName());
    root.set(kVersion, CurrentVersion);
    root.set(kDestination, definition().catalogName());
    root.set(kAction, definition().defaultPreset().partnerAction());
    root.set(kSettings, json::Value(std::move(settings)));
    root.set(kSubscriptions, json::Value(std::move(subscriptions)));
    root.set(kEvents, json::Value(std::move(events)));

    QByteArray text = json::stringify(json::Value(std::move(root)), json::WriteOptions{2}).value_or(QByteArray());
    text.append('\n');
    return text;
}

} // namespace inkmapper::project
