#include "samplelibrary.h"

#include "json/object.h"
#include "json/parser.h"

#include <QDateTime>
#include <QFile>
#include <QUuid>

#include <algorithm>

namespace inkmapper::events {

namespace {

Result<json::Value> readJsonFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{QStringLiteral("cannot open %1: %2").arg(path, file.errorString()), {}};
    auto parsed = json::parse(QByteArrayView(file.readAll()));
    if (!parsed) {
        Error error = parsed.error();
        error.message = QStringLiteral("%1: %2").arg(path, error.message);
        return error;
    }
    return parsed;
}

/** A string member of an index entry, or an error naming where it is missing. */
Result<QString> stringMember(const json::Value &object, QStringView key, const QString &path)
{
    const json::Value v = object.isObject() ? object.toObject().value(key) : json::Value();
    if (!v.isString() || v.toString().isEmpty())
        return Error{QStringLiteral("expected a non-empty string"), Location{0, 0, QStringLiteral("%1.%2").arg(path, key)}};
    return v.toString();
}

const json::Array &arrayMember(const json::Value &object, QStringView key)
{
    static const json::Array empty;
    const json::Value *v = object.isObject() ? object.toObject().find(key) : nullptr;
    return v && v->isArray() ? v->toArray() : empty;
}

} // namespace

QString SampleLibrary::resourceDirectory()
{
    return QStringLiteral(":/inkmapper/samples");
}

const SampleLibrary &SampleLibrary::builtIn()
{
    static const SampleLibrary library = [] {
        auto loaded = load(resourceDirectory());
        if (!loaded) {
            // Only a broken build gets here (tst_samplelibrary loads the same resources); degrade to no samples.
            qWarning("built-in sample events unavailable: %s", qUtf8Printable(loaded.error().describe()));
            return SampleLibrary();
        }
        return std::move(loaded).value();
    }();
    return library;
}

Result<SampleLibrary> SampleLibrary::load(const QString &directory)
{
    const QString indexPath = directory + QStringLiteral("/index.json");
    auto index = readJsonFile(indexPath);
    if (!index)
        return index.error();

    SampleLibrary library;
    const json::Array &categories = arrayMember(index.value(), u"categories");
    if (categories.empty())
        return Error{QStringLiteral("%1 lists no categories").arg(indexPath), {}};
    for (size_t c = 0; c < categories.size(); ++c) {
        const QString categoryPath = QStringLiteral("categories[%1]").arg(c);
        auto categoryId = stringMember(categories[c], u"id", categoryPath);
        auto categoryTitle = stringMember(categories[c], u"title", categoryPath);
        if (!categoryId || !categoryTitle)
            return !categoryId ? categoryId.error() : categoryTitle.error();
        SampleCategory category{categoryId.value(), categoryTitle.value(), {}};

        const json::Array &samples = arrayMember(categories[c], u"samples");
        for (size_t s = 0; s < samples.size(); ++s) {
            const QString samplePath = QStringLiteral("%1.samples[%2]").arg(categoryPath).arg(s);
            auto id = stringMember(samples[s], u"id", samplePath);
            auto title = stringMember(samples[s], u"title", samplePath);
            auto description = stringMember(samples[s], u"description", samplePath);
            auto file = stringMember(samples[s], u"file", samplePath);
            for (const Result<QString> *r : {&id, &title, &description, &file}) {
                if (!r->ok())
                    return r->error();
            }
            const bool taken = std::any_of(library.m_events.begin(), library.m_events.end(),
                                           [&](const Entry &e) { return e.id == id.value(); });
            if (taken)
                return Error{QStringLiteral("the sample id \"%1\" is used twice").arg(id.value()), Location{0, 0, samplePath}};
            auto event = readJsonFile(directory + u'/' + file.value());
            if (!event)
                return event.error();
            if (!event.value().isObject())
                return Error{QStringLiteral("%1 is not a JSON object").arg(file.value()), Location{0, 0, samplePath}};
            category.samples.push_back(SampleInfo{id.value(), title.value(), description.value()});
            library.m_events.push_back(Entry{id.value(), title.value(), std::move(event).value()});
        }
        library.m_categories.push_back(std::move(category));
    }
    return library;
}

std::vector<SampleInfo> SampleLibrary::samples() const
{
    std::vector<SampleInfo> all;
    for (const SampleCategory &category : m_categories)
        all.insert(all.end(), category.samples.begin(), category.samples.end());
    return all;
}

const SampleInfo *SampleLibrary::find(QStringView id) const
{
    for (const SampleCategory &category : m_categories) {
        for (const SampleInfo &sample : category.samples) {
            if (sample.id == id)
                return &sample;
        }
    }
    return nullptr;
}

Result<SampleEvent> SampleLibrary::event(QStringView id, Stamping stamping) const
{
    const auto entry = std::find_if(m_events.begin(), m_events.end(), [&](const Entry &e) { return e.id == id; });
    if (entry == m_events.end())
        return Error{QStringLiteral("there is no sample event \"%1\"").arg(id), {}};
    const QString source = QStringLiteral("sample: %1").arg(entry->title);
    if (stamping == Stamping::AsStored)
        return SampleEvent{entry->event, source, 0};

    // Containers are immutable once wrapped: copy the top-level object and set the fields that date it.
    json::Object event = entry->event.toObject();
    const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    for (const char16_t *key : {u"timestamp", u"originalTimestamp", u"sentAt", u"receivedAt"}) {
        const QString k = QString::fromUtf16(key);
        if (event.contains(k))
            event.set(k, now);
    }
    event.set(QStringLiteral("messageId"), QStringLiteral("inkmapper-%1").arg(QUuid::createUuid().toString(QUuid::WithoutBraces)));
    return SampleEvent{json::Value(std::move(event)), source, 0};
}

} // namespace inkmapper::events
