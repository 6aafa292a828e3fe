#include "inputfiles.h"

#include "events/eventreader.h"
#include "project/projectfile.h"

#include <QFile>
#include <QFileInfo>

namespace inkmapper::cli {

Result<project::Project> readProjectFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{QStringLiteral("%1: %2").arg(path, file.errorString()), {}};
    Result<project::Project> read = project::ProjectFile::read(file.readAll(), QFileInfo(path).fileName());
    if (!read)
        return Error{QStringLiteral("%1: %2").arg(path, read.error().describe()), {}};
    return read;
}

Result<std::vector<events::SampleEvent>> readEventFiles(const QStringList &paths)
{
    std::vector<events::SampleEvent> all;
    for (const QString &path : paths) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return Error{QStringLiteral("%1: %2").arg(path, file.errorString()), {}};
        events::EventReadResult read = events::EventReader::read(file.readAll(), QFileInfo(path).fileName());
        if (!read.errors.empty())
            return Error{QStringLiteral("%1: %2").arg(path, read.errors.front().describe()), {}};
        if (read.events.empty())
            return Error{QStringLiteral("%1: no event in it").arg(path), {}};
        std::move(read.events.begin(), read.events.end(), std::back_inserter(all));
    }
    return all;
}

} // namespace inkmapper::cli
