#pragma once

#include "events/sampleevent.h"
#include "project/project.h"
#include "util/result.h"

#include <QStringList>

#include <vector>

namespace inkmapper::cli {

/** The project file at `path`, or why it cannot be used ("PATH: …"). */
Result<project::Project> readProjectFile(const QString &path);

/**
 * The events of the files at `paths` (one JSON event, an array, or JSON Lines each), in order. The first
 * unreadable file or malformed event stops it, named with its file, line and column.
 */
Result<std::vector<events::SampleEvent>> readEventFiles(const QStringList &paths);

} // namespace inkmapper::cli
