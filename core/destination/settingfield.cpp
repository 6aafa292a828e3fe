#include "settingfield.h"

#include <utility>

namespace inkmapper::destination {

SettingField::SettingField(QString key, QString label, QString description, Type type, bool required, QString hint)
    : m_key(std::move(key))
    , m_label(std::move(label))
    , m_description(std::move(description))
    , m_type(type)
    , m_required(required)
    , m_hint(std::move(hint))
{
}

} // namespace inkmapper::destination
