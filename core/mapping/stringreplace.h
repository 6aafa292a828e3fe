#pragma once

#include <QString>
#include <QStringView>

namespace inkmapper::mapping {

/**
 * What @replace computes: `subject.replace(new RegExp(escaped(pattern), flags), replacement)` with a
 * pattern whose special characters are all escaped, so it matches literally. `global` replaces every
 * non-overlapping occurrence left to right; `ignoreCase` compares code units through JavaScript's
 * non-Unicode Canonicalize. In the replacement `$$`, `$&`, `` $` `` and `$'` are expanded; `$1`, `$<`
 * and any other `$` stay literal because the pattern has no groups.
 */
QString replaceLiteral(const QString &subject, QStringView pattern, QStringView replacement, bool global,
                       bool ignoreCase);

} // namespace inkmapper::mapping
