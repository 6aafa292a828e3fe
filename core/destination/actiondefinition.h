#pragma once

#include "actionfield.h"

#include "json/value.h"

#include <QList>
#include <QString>

namespace inkmapper::destination {

/** An action of the destination (Segment's ActionDefinition): its title, description and fields. */
class ActionDefinition
{
public:
    ActionDefinition(QString key, QString title, QString description, QList<ActionField> fields);

    /** The partnerAction slug, e.g. "sendEntireEvent". */
    const QString &key() const { return m_key; }
    const QString &title() const { return m_title; }
    const QString &description() const { return m_description; }
    /** The fields in Segment's order, which is also the order payload errors are reported in. */
    const QList<ActionField> &fields() const { return m_fields; }
    /** The field with this key, or nullptr. */
    const ActionField *field(QStringView key) const;

    /** actions-core's defaultValues(fields): an object of every field's default, e.g. {"data":{"@path":"$."}}. */
    json::Value defaultMapping() const;

private:
    QString m_key;
    QString m_title;
    QString m_description;
    QList<ActionField> m_fields;
};

} // namespace inkmapper::destination
