#include "mappingconfig.h"

#include "destination/destinationdefinition.h"

#include <QUuid>

namespace inkmapper::project {

// The preset lives in the destination definition, so a new mapping always matches what Segment creates.
QString MappingConfig::defaultSubscribe()
{
    return destination::DestinationDefinition::movableInk().defaultPreset().subscribe();
}

json::Value MappingConfig::defaultMapping()
{
    return destination::DestinationDefinition::movableInk().defaultPreset().mapping();
}

QString MappingConfig::createId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

MappingConfig MappingConfig::fromPreset(const QString &name)
{
    MappingConfig config;
    config.id = createId();
    config.name = name;
    return config;
}

} // namespace inkmapper::project
