#pragma once

#include "json/value.h"

#include <cstdio>
#include <functional>

namespace inkmapper::cli {

/** Turns one parsed input line into the output object for that line. */
using LineHandler = std::function<json::Value(const json::Object &line)>;

/** The result line `{"ok":false,"error":message}`. */
json::Value errorLine(const QString &message);

/**
 * The JSON Lines loop shared by the engine subcommands (docs/CLI.md): one compact output line per
 * non-blank input line, in order; a line that is not a JSON object gets an error line and the loop
 * goes on. Returns the process exit code.
 */
int runJsonLines(std::FILE *in, std::FILE *out, const LineHandler &handler);

} // namespace inkmapper::cli
