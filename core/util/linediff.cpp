#include "linediff.h"

#include <algorithm>

namespace inkmapper::util {

namespace {

using Kind = DiffLine::Kind;

/**
 * Myers' greedy forward search over a[0..n) and b[0..m), keeping the frontier of every step to walk back
 * (step d needs only diagonals -d..d: about maxEdits² entries in all). Returns false when more than
 * `maxEdits` edits are needed.
 */
bool shortestEdits(const QStringList &a, qsizetype aStart, qsizetype n, const QStringList &b, qsizetype bStart,
                   qsizetype m, int maxEdits, std::vector<DiffLine> &out)
{
    const qsizetype offset = n + m + 1;
    std::vector<qsizetype> v(size_t(2 * offset + 1), 0);
    std::vector<std::vector<int>> trace; // trace[d][d + k]: the frontier on diagonal k before step d
    const qsizetype limit = std::min<qsizetype>(n + m, maxEdits);
    for (qsizetype d = 0; d <= limit; ++d) {
        trace.emplace_back(v.begin() + offset - d, v.begin() + offset + d + 1);
        for (qsizetype k = -d; k <= d; k += 2) {
            qsizetype x = (k == -d || (k != d && v[size_t(offset + k - 1)] < v[size_t(offset + k + 1)]))
                ? v[size_t(offset + k + 1)]     // down: a line of b added
                : v[size_t(offset + k - 1)] + 1; // right: a line of a removed
            qsizetype y = x - k;
            while (x < n && y < m && a[aStart + x] == b[bStart + y]) {
                ++x;
                ++y;
            }
            v[size_t(offset + k)] = x;
            if (x >= n && y >= m) {
                // Walk back through the frontiers, collecting the script from its end.
                std::vector<DiffLine> reversed;
                qsizetype cx = n, cy = m;
                for (qsizetype back = d; back > 0; --back) {
                    const std::vector<int> &pv = trace[size_t(back)];
                    const qsizetype ck = cx - cy;
                    const bool down = ck == -back || (ck != back && pv[size_t(back + ck - 1)] < pv[size_t(back + ck + 1)]);
                    const qsizetype pk = down ? ck + 1 : ck - 1;
                    const qsizetype px = pv[size_t(back + pk)];
                    const qsizetype py = px - pk;
                    while (cx > (down ? px : px + 1) && cy > (down ? py + 1 : py)) {
                        reversed.push_back({Kind::Same, a[aStart + cx - 1]});
                        --cx;
                        --cy;
                    }
                    if (down)
                        reversed.push_back({Kind::Added, b[bStart + --cy]});
                    else
                        reversed.push_back({Kind::Removed, a[aStart + --cx]});
                }
                while (cx > 0 && cy > 0) {
                    reversed.push_back({Kind::Same, a[aStart + cx - 1]});
                    --cx;
                    --cy;
                }
                out.insert(out.end(), reversed.rbegin(), reversed.rend());
                return true;
            }
        }
    }
    return false;
}

} // namespace

std::vector<DiffLine> LineDiff::compare(const QStringList &before, const QStringList &after, int maxEdits)
{
    qsizetype start = 0;
    while (start < before.size() && start < after.size() && before[start] == after[start])
        ++start;
    qsizetype endA = before.size(), endB = after.size();
    while (endA > start && endB > start && before[endA - 1] == after[endB - 1]) {
        --endA;
        --endB;
    }
    std::vector<DiffLine> out;
    out.reserve(size_t(std::max(before.size(), after.size())));
    for (qsizetype i = 0; i < start; ++i)
        out.push_back({Kind::Same, before[i]});
    if (!shortestEdits(before, start, endA - start, after, start, endB - start, maxEdits, out)) {
        for (qsizetype i = start; i < endA; ++i)
            out.push_back({Kind::Removed, before[i]});
        for (qsizetype i = start; i < endB; ++i)
            out.push_back({Kind::Added, after[i]});
    }
    for (qsizetype i = endA; i < before.size(); ++i)
        out.push_back({Kind::Same, before[i]});
    return out;
}

} // namespace inkmapper::util
