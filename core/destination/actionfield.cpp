#include "actionfield.h"

#include <utility>

namespace inkmapper::destination {

ActionField::ActionField(QString key, QString label, QString description, Type type, bool required,
                         json::Value defaultValue, QString defaultObjectUi)
    : m_key(std::move(key))
    , m_label(std::move(label))
    , m_description(std::move(description))
    , m_type(type)
    , m_required(required)
    , m_defaultValue(std::move(defaultValue))
    , m_defaultObjectUi(std::move(defaultObjectUi))
{
}

} // namespace inkmapper::destination
