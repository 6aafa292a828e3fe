#pragma once

#include <QString>

namespace inkmapper::destination {

/**
 * One thing the readiness rules noticed about what a mapping sends: whether Movable Ink can use it, not
 * whether Segment accepts it (Segment accepts almost anything). Made by ReadinessChecker.
 */
struct ReadinessFinding
{
    enum class Level {
        Error,   ///< Movable Ink cannot use the event for what it is meant for (profiles, conversions), or nothing is sent
        Warning, ///< sent and probably usable, but something Movable Ink relies on is lost or overridden
        Hint,    ///< a property Movable Ink's event schemas read is missing
    };

    /** The action field the finding is about. */
    enum class Field {
        Data,    ///< the request body (the mapping's `data`)
        Headers, ///< the mapping's `headers`
    };

    Level level;
    Field field;
    /** Where in the field: a path in `data` such as "properties.products[2].price", or a header's name;
     *  empty for the field as a whole. */
    QString path;
    /** Plain language, for people who do not know Movable Ink's or Segment's specs. */
    QString message;

    /** "error", "warning" or "hint", as the CLI prints it. */
    static QString levelName(Level level);
    /** The path with its field in front, as the mapping editor names it: "data.properties.sku",
     *  "headers.Authorization", or just "data". */
    QString fieldPath() const;

    friend bool operator==(const ReadinessFinding &, const ReadinessFinding &) = default;
};

} // namespace inkmapper::destination
