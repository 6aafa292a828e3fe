#pragma once

#include "json/value.h"

#include <QString>

namespace inkmapper::destination {

/** A preset subscription Segment offers when the destination is added: a trigger plus a mapping. */
class Preset
{
public:
    Preset(QString name, QString partnerAction, QString subscribe, json::Value mapping);

    const QString &name() const { return m_name; }
    /** The action it runs, e.g. "sendEntireEvent". */
    const QString &partnerAction() const { return m_partnerAction; }
    /** The trigger as FQL text. */
    const QString &subscribe() const { return m_subscribe; }
    /** The mapping (the action's field defaults). */
    const json::Value &mapping() const { return m_mapping; }

private:
    QString m_name;
    QString m_partnerAction;
    QString m_subscribe;
    json::Value m_mapping;
};

} // namespace inkmapper::destination
