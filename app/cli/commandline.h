#pragma once

#include <QCommandLineParser>
#include <QString>
#include <QStringList>

#include <cstdio>

namespace inkmapper::cli {

/** Adds --help and parses `arguments` (without the command's name); on a usage error prints it and returns false. */
bool parseCommandLine(QCommandLineParser &parser, const QString &command, const QStringList &arguments, std::FILE *err);

/** A subcommand's --help: our usage line (QCommandLineParser would name the program from the application),
 *  what the command does, then the options. */
QString commandHelp(const QCommandLineParser &parser, const QString &command, const QString &synopsis, const QString &about);

} // namespace inkmapper::cli
