#pragma once

#include <QString>

namespace inkmapper::ui {

/**
 * The English singular or plural form of a counted phrase, with the count in place of `%n`:
 * `plural(2, tr("%n mapping"), tr("%n mappings"))` is "2 mappings", and 1 picks `one`.
 *
 * The app ships no translations, and tr()'s own numerus forms ("%n mapping(s)") are only resolved by a
 * loaded translation: without one Qt shows "(s)" as is. Both forms go through tr() at the call site, so
 * they stay visible to lupdate should the app ever be translated.
 */
QString plural(qsizetype count, const QString &one, const QString &many);

} // namespace inkmapper::ui
