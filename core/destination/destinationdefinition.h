#pragma once

#include "actiondefinition.h"
#include "preset.h"
#include "settingfield.h"

#include <QList>
#include <QString>

namespace inkmapper::destination {

/**
 * The Movable Ink (Actions) destination as Segment defines it (action-destinations,
 * packages/destination-actions/src/destinations/movable-ink): basic-auth settings, the one action
 * "Send Entire Event", its preset, and the mapping limit — as data the UI renders and the engine obeys.
 */
class DestinationDefinition
{
public:
    /** Segment's limit on mappings (subscriptions) per destination instance. */
    static constexpr int MaxMappings = 50;

    /** The definition; built once, shared, immutable. */
    static const DestinationDefinition &movableInk();

    /** The definition's name ("Movable Ink"). */
    const QString &name() const { return m_name; }
    /** The name the Segment catalog shows ("Movable Ink (Actions)"). */
    const QString &catalogName() const { return m_catalogName; }
    const QString &slug() const { return m_slug; }
    const QString &description() const { return m_description; }
    /** Segment's authentication scheme ("basic": username and password become an Authorization header). */
    const QString &authenticationScheme() const { return m_authenticationScheme; }

    /** The settings in Segment's order (the order settings errors are reported in). */
    const QList<SettingField> &settings() const { return m_settings; }
    /** The setting with this key, or nullptr. */
    const SettingField *setting(QStringView key) const;

    const QList<ActionDefinition> &actions() const { return m_actions; }
    /** The action with this slug, or nullptr. */
    const ActionDefinition *action(QStringView key) const;

    const QList<Preset> &presets() const { return m_presets; }
    /** The first preset: the subscription a new mapping starts from. */
    const Preset &defaultPreset() const { return m_presets.front(); }

    int maxMappings() const { return MaxMappings; }

private:
    DestinationDefinition() = default;

    QString m_name;
    QString m_catalogName;
    QString m_slug;
    QString m_description;
    QString m_authenticationScheme;
    QList<SettingField> m_settings;
    QList<ActionDefinition> m_actions;
    QList<Preset> m_presets;
};

} // namespace inkmapper::destination
