#pragma once

#include "json/value.h"

#include <QString>
#include <QStringList>
#include <QStringView>

namespace inkmapper::mapping {

/**
 * The keys Segment's get() walks for a path: split on `.`, on `[` before a quote or digit and on a run
 * of `]` after a quote or digit; empty parts dropped, then every `'` and `"` deleted.
 */
QStringList splitPath(QStringView path);

/**
 * Segment's get(obj, path): "" and "." give `root` itself; otherwise each key is looked up with
 * JavaScript's `value && value[key]`, so a falsy intermediate value is the result.
 */
json::Value getPath(const json::Value &root, QStringView path);

/** get() with keys split beforehand by splitPath(), for paths used over and over. */
json::Value getPathKeys(const json::Value &root, const QStringList &keys);

/** JavaScript's `path.replace('$.', '')`: the first `$.` anywhere in the path is removed. */
QString removeRootPrefix(const QString &path);

/** `get(root, path.replace('$.', ''))`, as @path and @arrayPath look values up. */
json::Value getPathAfterRootPrefix(const json::Value &root, const QString &path);

} // namespace inkmapper::mapping
