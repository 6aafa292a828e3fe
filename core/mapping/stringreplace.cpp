#include "stringreplace.h"

#include "casemapping.h"

namespace inkmapper::mapping {

namespace {

/** The first match of `pattern` at or after `from`, or -1. */
qsizetype findMatch(QStringView subject, QStringView pattern, qsizetype from, bool ignoreCase)
{
    if (!ignoreCase)
        return subject.indexOf(pattern, from);
    const qsizetype last = subject.size() - pattern.size();
    for (qsizetype at = from; at <= last; ++at) {
        qsizetype i = 0;
        while (i < pattern.size()
               && jsRegExpCanonicalize(subject[at + i].unicode()) == jsRegExpCanonicalize(pattern[i].unicode()))
            ++i;
        if (i == pattern.size())
            return at;
    }
    return -1;
}

/** GetSubstitution for a RegExp without capture groups. */
void appendSubstitution(QString &out, QStringView subject, qsizetype matchAt, qsizetype matchLength,
                        QStringView replacement)
{
    const qsizetype n = replacement.size();
    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = replacement[i];
        if (c != u'$' || i + 1 == n) {
            out += c;
            continue;
        }
        const QChar next = replacement[i + 1];
        if (next == u'$') {
            out += u'$';
        } else if (next == u'&') {
            out += subject.sliced(matchAt, matchLength);
        } else if (next == u'`') {
            out += subject.first(matchAt);
        } else if (next == u'\'') {
            out += subject.sliced(matchAt + matchLength);
        } else {
            out += c; // `$1`, `$<name>` and the like refer to groups that do not exist
            continue;
        }
        ++i;
    }
}

} // namespace

QString replaceLiteral(const QString &subject, QStringView pattern, QStringView replacement, bool global,
                       bool ignoreCase)
{
    QString out;
    qsizetype copiedUpTo = 0;
    qsizetype searchFrom = 0;
    bool replaced = false;
    while (searchFrom <= subject.size()) {
        const qsizetype at = findMatch(subject, pattern, searchFrom, ignoreCase);
        if (at < 0)
            break;
        replaced = true;
        out += QStringView(subject).sliced(copiedUpTo, at - copiedUpTo);
        appendSubstitution(out, subject, at, pattern.size(), replacement);
        copiedUpTo = at + pattern.size();
        if (!global)
            break;
        // An empty pattern matches everywhere; the RegExp then steps one code unit ahead.
        searchFrom = pattern.isEmpty() ? at + 1 : copiedUpTo;
    }
    if (!replaced)
        return subject;
    out += QStringView(subject).sliced(copiedUpTo);
    return out;
}

} // namespace inkmapper::mapping
