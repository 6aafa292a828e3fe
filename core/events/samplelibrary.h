#pragma once

#include "sampleevent.h"

#include "util/result.h"

#include <QString>

#include <vector>

namespace inkmapper::events {

/** What the sample list shows about one built-in sample event. */
struct SampleInfo
{
    QString id;          ///< stable, e.g. "order-completed"
    QString title;       ///< e.g. "Order Completed"
    QString description; ///< one sentence: when a site sends this event
};

/** A group of samples, e.g. the six call types or the e-commerce events. */
struct SampleCategory
{
    QString id;    ///< e.g. "ecommerce"
    QString title; ///< e.g. "E-commerce"
    std::vector<SampleInfo> samples;
};

/**
 * Built-in sample events: one for each Segment call type and the events of Segment's e-commerce spec, with
 * realistic properties. Each is a JSON file in resources/samples/ (listed by its index.json), compiled into the
 * library as the resource ":/inkmapper/samples", so users can also open the files themselves.
 */
class SampleLibrary
{
public:
    /** How event() dates the copy it returns. */
    enum class Stamping {
        Fresh,    ///< timestamps set to now and a new messageId, as if the event had just happened
        AsStored, ///< exactly as in the file, for tests and reproducible examples
    };

    /** The built-in library, loaded once (empty, with a warning on the console, if the resources are broken). */
    static const SampleLibrary &builtIn();
    /** Loads a library from a directory (or resource directory) holding an index.json and the sample files. */
    static Result<SampleLibrary> load(const QString &directory);
    /** The resource directory of the built-in samples. */
    static QString resourceDirectory();

    const std::vector<SampleCategory> &categories() const { return m_categories; }
    /** Every sample, category by category. */
    std::vector<SampleInfo> samples() const;
    /** The sample with this id, or nullptr. */
    const SampleInfo *find(QStringView id) const;

    /** A copy of the sample event `id`, its source "sample: <title>"; an error for an unknown id. */
    Result<SampleEvent> event(QStringView id, Stamping stamping = Stamping::Fresh) const;

private:
    struct Entry
    {
        QString id;
        QString title;
        json::Value event;
    };

    std::vector<SampleCategory> m_categories;
    std::vector<Entry> m_events;
};

} // namespace inkmapper::events
