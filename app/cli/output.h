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

} // namespace inkmapper::cli
