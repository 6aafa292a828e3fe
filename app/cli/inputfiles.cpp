#include "inputfiles.h"

#include "events/eventreader.h"
#include "project/projectfile.h"

#include <QFile>
#include <QFileInfo>

namespace inkmapper::cli {

Result<QByteArray> readInputFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{QStringLiteral("%1: %2").arg(path, file.errorString()), {}};
    return file.readAll();
}

Result<project::Project> readProjectFile(const QString &path)
{
    const Result<QByteArray> bytes = readInputFile(path);
    if (!bytes)
        return bytes.error();
    Result<project::Project> read = project::ProjectFile::read(*bytes, QFileInfo(path).fileName());
    if (!read)
        return Error{QStringLiteral("%1: %2").arg(path, read.error().describe()), {}};
    return read;
}

Result<std::vector<events::SampleEvent>> readEventFiles(const QStringList &paths)
{
    std::vector<events::SampleEvent> all;
    for (const QString &path : paths) {
        const Result<QByteArray> bytes = readInputFile(path);
        if (!bytes)
            return bytes.error();
        // The path as given names the events, so that messages point at the file the way the user wrote it.
        events::EventReadResult read = events::EventReader::read(*bytes, path);
        if (!read.errors.empty())
            return Error{QStringLiteral("%1: %2").arg(path, read.errors.front().describe()), {}};
        if (read.events.empty())
            return Error{QStringLiteral("%1: no event in it").arg(path), {}};
        std::move(read.events.begin(), read.events.end(), std::back_inserter(all));
    }
    return all;
}

} // namespace inkmapper::cli
