#pragma once

#include "json/value.h"

#include <QString>

namespace inkmapper::destination {

/** One field of an action (what a mapping fills in), as Segment's action definition declares it. */
class ActionField
{
public:
    /** The Segment field types this destination uses. */
    enum class Type { String, Object };

    ActionField(QString key, QString label, QString description, Type type, bool required,
                json::Value defaultValue = {}, QString defaultObjectUi = {});

    /** The mapping key, e.g. "headers". */
    const QString &key() const { return m_key; }
    /** Segment's label, which also names the field in payload validation messages. */
    const QString &label() const { return m_label; }
    const QString &description() const { return m_description; }
    Type type() const { return m_type; }
    bool isRequired() const { return m_required; }
    /** The mapping a new subscription starts with (undefined when the field has none). */
    const json::Value &defaultValue() const { return m_defaultValue; }
    /** Segment's `defaultObjectUI` hint for object fields ("keyvalue:only": a plain key/value editor). */
    const QString &defaultObjectUi() const { return m_defaultObjectUi; }

private:
    QString m_key;
    QString m_label;
    QString m_description;
    Type m_type;
    bool m_required;
    json::Value m_defaultValue;
    QString m_defaultObjectUi;
};

} // namespace inkmapper::destination
