#pragma once

#include <QString>
#include <QStringList>

#include <vector>

namespace inkmapper::util {

/** One line of a comparison: in both texts, only in the first (removed) or only in the second (added). */
struct DiffLine
{
    enum class Kind { Same, Removed, Added };
    Kind kind;
    QString text;

    friend bool operator==(const DiffLine &, const DiffLine &) = default;
};

/**
 * A line-by-line comparison of two texts: the shortest edit script (Myers' O(ND) algorithm) after the common
 * start and end are set aside, as `diff` shows it. Past `maxEdits` differing lines the middle is shown as
 * removed, then added: still a true account of both texts, only not the shortest.
 */
class LineDiff
{
public:
    static std::vector<DiffLine> compare(const QStringList &before, const QStringList &after, int maxEdits = 2000);
};

} // namespace inkmapper::util
