#pragma once

#include "fql/condition.h"
#include "json/value.h"

#include <QObject>
#include <QStringList>

class QAbstractItemModel;
class QStringListModel;

namespace inkmapper::ui {

/**
 * What the condition builder offers to complete: the property, trait and context paths found in the
 * sample event, and event names (from the sample and from every loaded event). One instance is shared
 * by all rows, so their completers update together when the sample changes.
 */
class SampleCompletions : public QObject
{
    Q_OBJECT

public:
    /** Empty lists until an event or names arrive. */
    explicit SampleCompletions(QObject *parent = nullptr);

    /** Reads the paths and names of this event (undefined clears them). */
    void setEvent(const json::Value &event);
    /** Event names to offer besides the sample's own, e.g. those of every loaded event. */
    void setEventNames(const QStringList &names);

    /** The paths offered for a property, trait or context condition (without the prefix); nullptr for other fields. */
    QAbstractItemModel *pathModel(fql::ConditionType type) const;
    /** The values offered for a text condition on this field (event names, page names); nullptr when none. */
    QAbstractItemModel *valueModel(fql::ConditionType type) const;

private:
    void updateEventNames();

    QStringListModel *m_properties;
    QStringListModel *m_traits;
    QStringListModel *m_context;
    QStringListModel *m_eventNames;
    QStringListModel *m_names;
    QStringList m_knownEventNames;
    QString m_sampleEventName;
};

} // namespace inkmapper::ui
