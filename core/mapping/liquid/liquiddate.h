#pragma once

#include "limiter.h"

#include <QString>

namespace inkmapper::mapping::liquid::Internal {

/**
 * liquidjs's LiquidDate for a process whose time zone is UTC (as Segment's reference run was): a time
 * value shifted by a time-zone offset, formatted by liquidjs's strftime with the en-US names and
 * locale formats of Node's Intl. It also parses date strings the way V8's `new Date(string)` does
 * (the ISO format first, then V8's legacy parser).
 */
class LiquidDate
{
public:
    /** A date for the time value `time` (ms since the epoch) shown with an offset in minutes west of UTC
     *  (JavaScript's getTimezoneOffset sign); `zoneName` is what %Z prints when the offset was fixed. */
    LiquidDate(double time, double offsetMinutes, QString zoneName, bool zoneFixed);

    /** V8's Date.parse(text) in a UTC process: the time value, or NaN. */
    static double parse(QStringView text);
    /** ECMAScript TimeClip: NaN beyond ±8.64e15 ms, integral otherwise. */
    static double timeClip(double time);
    /** The offset (minutes west of UTC) of an IANA time zone at `time`; throws for an unknown zone. */
    static double zoneOffset(const QString &zone, double time);

    bool isValid() const;
    /** The day of the month of the displayed date. */
    int day() const;
    /** liquidjs strftime(): `%Y-%m-%d`, flags `-_0^#:`, widths; unknown conversions stay as written. */
    QString format(const QString &pattern, Limiter &memory) const;

private:
    QString convert(QChar conversion, const QString &flags, const QString &width, Limiter &memory) const;
    QString offsetText(bool colon) const;
    int year() const;
    int month() const; ///< 0-based
    int hours() const;
    int minutes() const;
    int seconds() const;
    int milliseconds() const;
    int weekday() const; ///< 0 = Sunday
    int dayOfYear() const;
    QString weekOfYear(int startDay) const;

    double m_display; ///< the time value whose UTC fields are the displayed wall-clock fields
    double m_offset;
    QString m_zoneName;
    bool m_zoneFixed;
};

} // namespace inkmapper::mapping::liquid::Internal
