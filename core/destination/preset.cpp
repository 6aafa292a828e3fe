#include "preset.h"

#include <utility>

namespace inkmapper::destination {

Preset::Preset(QString name, QString partnerAction, QString subscribe, json::Value mapping)
    : m_name(std::move(name))
    , m_partnerAction(std::move(partnerAction))
    , m_subscribe(std::move(subscribe))
    , m_mapping(std::move(mapping))
{
}

} // namespace inkmapper::destination
