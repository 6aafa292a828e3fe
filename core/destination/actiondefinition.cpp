#include "actiondefinition.h"

#include "json/object.h"

#include <utility>

namespace inkmapper::destination {

ActionDefinition::ActionDefinition(QString key, QString title, QString description, QList<ActionField> fields)
    : m_key(std::move(key))
    , m_title(std::move(title))
    , m_description(std::move(description))
    , m_fields(std::move(fields))
{
}

const ActionField *ActionDefinition::field(QStringView key) const
{
    for (const ActionField &f : m_fields) {
        if (f.key() == key)
            return &f;
    }
    return nullptr;
}

json::Value ActionDefinition::defaultMapping() const
{
    json::Object mapping;
    for (const ActionField &f : m_fields) {
        if (!f.defaultValue().isUndefined())
            mapping.set(f.key(), f.defaultValue());
    }
    return json::Value(std::move(mapping));
}

} // namespace inkmapper::destination
