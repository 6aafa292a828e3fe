#pragma once

#include "project/destinationsettings.h"
#include "project/mappingconfig.h"

#include "json/value.h"

#include <QString>

namespace inkmapper::preview {

/**
 * Everything a preview depends on: the destination's settings, the Access Secret (kept apart from the
 * settings as the SecretStore keeps it), one mapping and one event.
 */
struct PreviewInputs
{
    project::DestinationSettings settings;
    QString secret;
    project::MappingConfig mapping;
    json::Value event;
};

} // namespace inkmapper::preview
