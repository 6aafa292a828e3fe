#pragma once

#include "events/sampleevent.h"
#include "project/project.h"
#include "util/result.h"

#include <QByteArray>
#include <QStringList>

#include <vector>

namespace inkmapper::cli {

/** The bytes of the file at `path`, or why it cannot be read ("PATH: …"). */
Result<QByteArray> readInputFile(const QString &path);

/** The project file at `path`, or why it cannot be used ("PATH: …"). */
Result<project::Project> readProjectFile(const QString &path);

/**
 * The events of the files at `paths` (one JSON event, an array, or JSON Lines each), in order, each with its
 * path as given and the line it starts on. The first unreadable file or malformed event stops it, named with
 * its file, line and column.
 */
Result<std::vector<events::SampleEvent>> readEventFiles(const QStringList &paths);

} // namespace inkmapper::cli
