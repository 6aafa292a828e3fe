#pragma once

#include <QStringList>

#include <cstdio>

namespace inkmapper::cli {

/** Runs `inkmapper-cli` with its arguments (without the program name); returns the exit code. */
int runCli(const QStringList &arguments, std::FILE *in = stdin, std::FILE *out = stdout, std::FILE *err = stderr);

} // namespace inkmapper::cli
