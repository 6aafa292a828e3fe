#pragma once

#include "project.h"

#include "util/result.h"

#include <QString>

namespace inkmapper::project {

/**
 * The project the app opens on first start and `scripts/run-app` shows: the preset mapping, an "Order
 * Completed to Movable Ink" mapping that sends only what a conversion needs (and keeps who and what, as
 * Movable Ink's readiness rules ask) and a short e-commerce story of sample events, anonymous until an
 * identify. The search event names no results page, so a newcomer sees one readiness hint. Compiled in as
 * the resource ":/inkmapper/demo/demo.inkmapper.json".
 */
class DemoProject
{
public:
    /** The resource path of the demo project file. */
    static QString resourcePath();
    /**
     * Where the demo sends: InkMapper's local inspector, so that trying the demo never reaches the internet.
     * Change it here; the demo file carries the same URL (a test checks that they agree).
     */
    static QString url();
    /** The demo's username (Access Key ID); the inspector accepts any secret. */
    static QString username();

    /** The demo project, read through ProjectFile::read; settings are url() and username(). */
    static Result<Project> load();
};

} // namespace inkmapper::project
