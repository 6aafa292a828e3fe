#pragma once

#include <QStringList>

#include <cstdio>

namespace inkmapper::cli {

/** `inkmapper-cli inspector`: the local receiver standing in for Movable Ink, until interrupted. */
int inspectorCommand(const QStringList &arguments, std::FILE *out, std::FILE *err);
/** `inkmapper-cli send PROJECT --mapping NAME --event FILE`: one live test request and its full answer. */
int sendCommand(const QStringList &arguments, std::FILE *out, std::FILE *err);
/** `inkmapper-cli run PROJECT EVENTS... [--dry-run]`: every event through every enabled mapping, sent or listed. */
int runCommand(const QStringList &arguments, std::FILE *out, std::FILE *err);

} // namespace inkmapper::cli
