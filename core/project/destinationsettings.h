#pragma once

#include <QString>

namespace inkmapper::project {

/**
 * The destination settings a project keeps: where Movable Ink receives events and the Access Key ID.
 * The Access Secret is deliberately absent: it lives in the keychain-backed SecretStore, so a project file
 * can be shared or committed without leaking it.
 */
struct DestinationSettings
{
    QString movableInkUrl; ///< Segment's `movable_ink_url` setting
    QString username;      ///< Segment's `username` setting (the Access Key ID)

    friend bool operator==(const DestinationSettings &, const DestinationSettings &) = default;
};

} // namespace inkmapper::project
