#include "destinationdefinition.h"

#include "json/object.h"

namespace inkmapper::destination {

const DestinationDefinition &DestinationDefinition::movableInk()
{
    static const DestinationDefinition definition = [] {
        DestinationDefinition d;
        // Texts are Segment's own (movable-ink/index.ts and sendEntireEvent/index.ts); the hints come from
        // Segment's documentation page for the destination, which says what to paste where.
        d.m_name = QStringLiteral("Movable Ink");
        d.m_catalogName = QStringLiteral("Movable Ink (Actions)");
        d.m_slug = QStringLiteral("actions-movable-ink");
        d.m_description = QStringLiteral("Send Segment analytics events to Movable Ink");
        d.m_authenticationScheme = QStringLiteral("basic");
        d.m_settings = {
            SettingField(QStringLiteral("username"), QStringLiteral("Username"),
                         QStringLiteral("Your Movable Ink username"), SettingField::Type::String, true,
                         QStringLiteral("Paste your Movable Ink Access Key ID.")),
            SettingField(QStringLiteral("password"), QStringLiteral("Access Secret"),
                         QStringLiteral("Your Movable Ink Access Secret."), SettingField::Type::Password, true,
                         QStringLiteral("Paste your Movable Ink Access Secret.")),
            SettingField(QStringLiteral("movable_ink_url"), QStringLiteral("Movable Ink URL"),
                         QStringLiteral("The Movable Ink URL to send data to."), SettingField::Type::String, true,
                         QStringLiteral("Paste your Movable Ink Endpoint URL.")),
        };

        json::Object pathToEvent;
        pathToEvent.set(QStringLiteral("@path"), json::Value(QStringLiteral("$.")));
        const ActionDefinition sendEntireEvent(
            QStringLiteral("sendEntireEvent"), QStringLiteral("Send Entire Event"),
            QStringLiteral("Send an entire Segment event to Movable Ink"),
            {
                ActionField(QStringLiteral("headers"), QStringLiteral("Headers"),
                            QStringLiteral("HTTP headers to send with each request. Only ASCII characters are supported."),
                            ActionField::Type::Object, false, json::Value(), QStringLiteral("keyvalue:only")),
                ActionField(QStringLiteral("data"), QStringLiteral("Data"),
                            QStringLiteral("Payload to deliver to webhook URL (JSON-encoded)."),
                            ActionField::Type::Object, false, json::Value(std::move(pathToEvent))),
            });
        d.m_actions = {sendEntireEvent};
        d.m_presets = {Preset(QStringLiteral("Send Entire Event"), sendEntireEvent.key(),
                              QStringLiteral("type = \"identify\" or type = \"track\" or type = \"page\" or "
                                             "type = \"screen\" or type = \"group\""),
                              sendEntireEvent.defaultMapping())};
        return d;
    }();
    return definition;
}

const SettingField *DestinationDefinition::setting(QStringView key) const
{
    for (const SettingField &f : m_settings) {
        if (f.key() == key)
            return &f;
    }
    return nullptr;
}

const ActionDefinition *DestinationDefinition::action(QStringView key) const
{
    for (const ActionDefinition &a : m_actions) {
        if (a.key() == key)
            return &a;
    }
    return nullptr;
}

} // namespace inkmapper::destination
