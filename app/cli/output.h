#pragma once

#include <QString>

#include <cstdio>

namespace inkmapper::cli {

/** Writes `text` to `f` as UTF-8 and flushes it (progress and the inspector's log must show at once). */
inline void print(std::FILE *f, const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    std::fwrite(utf8.constData(), 1, size_t(utf8.size()), f);
    std::fflush(f);
}

/** "1 event", "2 events": a count with its noun in the right number. */
inline QString counted(qsizetype n, const char *one, const char *many)
{
    return QStringLiteral("%1 %2").arg(n).arg(QLatin1StringView(n == 1 ? one : many));
}

} // namespace inkmapper::cli
