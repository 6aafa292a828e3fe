#pragma once

#include "delivery/senttest.h"
#include "util/result.h"

#include <QByteArray>
#include <QString>

#include <vector>

namespace inkmapper::project {

/**
 * What InkMapper keeps of a project between sessions besides the project itself: the tests sent from it, oldest
 * first, their secrets redacted. The file lives in the user's application data, one per project file (named by
 * a hash of its path), not beside the project: a project file is what people share, and a history of
 * requests and answers is not theirs to share with it.
 *
 *     {"format":"inkmapper-workspace","version":1,"project":"/path/of/the/project.inkmapper.json",
 *      "history":[{"mapping":"…","exchange":{…delivery::ExchangeCodec…}}, …]}
 */
class WorkspaceFile
{
public:
    static constexpr int CurrentVersion = 1;
    /** At most this many tests are kept: the newest. */
    static constexpr int MaxTests = 200;
    /** And at most about this many bytes of them (a test may carry a 1 MB body both ways). */
    static constexpr qsizetype MaxBytes = 32 * 1024 * 1024;

    /** Where the workspace of the project file at `projectPath` is kept. */
    static QString locationFor(const QString &projectPath);

    /** The history in a workspace file; an Error naming where it is damaged otherwise. */
    static Result<std::vector<delivery::SentTest>> read(QByteArrayView utf8);
    /** The workspace file for `history`, keeping the newest tests within MaxTests and MaxBytes. */
    static QByteArray write(const std::vector<delivery::SentTest> &history, const QString &projectPath);

    /** The history kept for the project at `projectPath`: empty when none was kept yet. */
    static Result<std::vector<delivery::SentTest>> load(const QString &projectPath);
    /** Keeps `history` for the project at `projectPath` (atomically: a crash leaves the previous file). */
    static Result<Ok> save(const QString &projectPath, const std::vector<delivery::SentTest> &history);
};

} // namespace inkmapper::project
