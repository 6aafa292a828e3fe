#pragma once

#include "project.h"

#include "json/value.h"
#include "util/result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

namespace inkmapper::project {

/**
 * The project file format: pretty-printed JSON (2-space indent, JSON.stringify's layout), e.g.
 *
 *     {"format":"inkmapper-project","version":1,"destination":"Movable Ink (Actions)","action":"sendEntireEvent",
 *      "settings":{"movable_ink_url":"…","username":"…"},
 *      "subscriptions":[{"id":"…","name":"…","enabled":true,"subscribe":"FQL","mapping":{"data":{…}}}],
 *      "events":[{…Segment event…}]}
 *
 * `subscriptions` has the shape of Segment's own subscription list, so a bare
 * {"subscriptions":[{name, enabled, subscribe, mapping}]} (the benchmark's project) reads as well: every key
 * but `subscriptions[i].subscribe` and `subscriptions[i].mapping` is optional, unknown keys are ignored.
 * The Access Secret never enters a project: a `password` found in `settings` is dropped on reading.
 */
class ProjectFile
{
public:
    /** The version write() produces; files with a higher version are refused. */
    static constexpr int CurrentVersion = 1;
    /** The value of the `format` key that marks an InkMapper project. */
    static QString formatName();

    /**
     * Reads a project from UTF-8 JSON. Errors are located: JSON syntax errors by line and column, structural
     * errors by the JSON path of the offending value (`subscriptions[3].enabled`). `fileName` becomes the
     * source of the project's events.
     */
    static Result<Project> read(QByteArrayView utf8, const QString &fileName);

    /** The project as a file (UTF-8, ending with a newline). write(read(write(p))) == write(p). */
    static QByteArray write(const Project &project);

    /**
     * Upgrades a parsed document from `fromVersion` to CurrentVersion, one version step at a time, so that
     * old files keep opening after the format changes. Version 1 is the only version so far: nothing to do.
     */
    static Result<json::Value> migrate(json::Value document, int fromVersion);
};

} // namespace inkmapper::project
