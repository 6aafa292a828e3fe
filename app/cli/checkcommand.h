#pragma once

#include <QStringList>

#include <cstdio>

namespace inkmapper::cli {

/**
 * `inkmapper-cli check PROJECT [EVENTS...] [--identity]`: the project's settings, every mapping (trigger,
 * mapping, headers, the destination's mapping limit) and the Movable Ink readiness of what each enabled mapping
 * whose trigger matches would send for each event (of the event files, else the project's own). One problem a
 * line on standard output, `PATH:LINE: level: message` or `mapping "NAME": level: message`; `--identity` adds
 * the identity timeline.
 * Exit 0 without errors, 1 with any, 2 on bad usage or unreadable input.
 */
int checkCommand(const QStringList &arguments, std::FILE *out, std::FILE *err);

} // namespace inkmapper::cli
