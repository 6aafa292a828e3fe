#pragma once

#include "previewresult.h"

#include "destination/matchedrequestcache.h"
#include "destination/requestbuilder.h"
#include "destination/subscription.h"
#include "fql/trigger.h"
#include "json/value.h"
#include "mapping/mapper.h"
#include "project/destinationsettings.h"
#include "project/mappingconfig.h"
#include "util/result.h"

#include <QString>

#include <optional>

namespace inkmapper::preview {

/**
 * One mapping with its settings, compiled once (trigger parsed and compiled, mapping prepared, settings
 * object built) and previewed against any number of events. This is where a preview's work happens;
 * Preview::compute is the one-shot form. compute() is const and keeps no state, so one Previewer may
 * be used from several threads at once.
 */
class Previewer
{
public:
    /** How much of the story compute() tells. */
    enum class Detail {
        Full,    ///< everything, including the payload a non-matching event would get
        Outcome, ///< enough for a match / no match / error verdict: no payload for non-matching events
    };

    Previewer(const project::DestinationSettings &settings, const QString &secret,
              const project::MappingConfig &mapping);

    /** True when this Previewer was compiled from exactly these inputs (it can be reused for them). */
    bool isFor(const project::DestinationSettings &settings, const QString &secret,
               const project::MappingConfig &mapping) const;

    /**
     * The preview for one event. With `sameEvent`, previews of the same event by several Previewers share
     * the request an identical mapping makes once its trigger matched (a matrix row: each distinct mapping
     * transformed once).
     */
    PreviewResult compute(const json::Value &event, Detail detail = Detail::Full,
                          destination::MatchedRequestCache *sameEvent = nullptr) const;

    /** The mapping this Previewer was compiled from. */
    const project::MappingConfig &mapping() const { return m_mapping; }

    /** The trigger's parse error (with its column), if the trigger does not parse or is empty. */
    const std::optional<Error> &triggerError() const { return m_triggerError; }

private:
    project::DestinationSettings m_settings;
    QString m_secret;
    project::MappingConfig m_mapping;

    json::Value m_settingsObject;
    std::optional<Error> m_triggerError;
    fql::Trigger m_trigger;
    destination::Subscription m_subscription;
    json::Value m_effectiveMapping;
    mapping::Mapper m_mapper;
    destination::RequestBuilder m_builder;
};

} // namespace inkmapper::preview
