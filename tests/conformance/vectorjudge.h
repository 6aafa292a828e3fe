#pragma once

#include <QByteArray>
#include <QString>

namespace inkmapper::conformance {

/** The engine subcommands whose vectors the judge understands. */
enum class Subcommand { Transform, Fql, GenerateFql, Request };

/**
 * Decides whether one output line of an engine subcommand agrees with one conformance vector, by the rules
 * of shared/conformance/README.md ("What counts as agreement"), as shared/tools/conform.py applies them.
 * Returns an empty string on agreement, else what differs.
 */
QString judge(Subcommand subcommand, const QByteArray &vectorLine, const QByteArray &outputLine);

} // namespace inkmapper::conformance
