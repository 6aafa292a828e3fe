#include "demoproject.h"

#include "projectfile.h"

#include <QFile>

namespace inkmapper::project {

QString DemoProject::resourcePath()
{
    return QStringLiteral(":/inkmapper/demo/demo.inkmapper.json");
}

QString DemoProject::url()
{
    return QStringLiteral("http://127.0.0.1:8787/v1/segment/events");
}

QString DemoProject::username()
{
    return QStringLiteral("demo-access-key-id");
}

Result<Project> DemoProject::load()
{
    QFile file(resourcePath());
    if (!file.open(QIODevice::ReadOnly))
        return Error{QStringLiteral("the demo project is missing from this build (%1)").arg(resourcePath()), {}};
    auto project = ProjectFile::read(file.readAll(), QStringLiteral("demo"));
    if (!project)
        return project.error();
    // The constants win over the file, so the lead changes the demo's target in one obvious place.
    project.value().setSettings(DestinationSettings{url(), username()});
    return project;
}

} // namespace inkmapper::project
