// The date filters of liquidjs (src/filters/date.ts): date, date_to_xmlschema, date_to_rfc822,
// date_to_string, date_to_long_string.
#include "context.h"
#include "filterregistry.h"
#include "liquiddate.h"

#include "json/jsnumber.h"
#include "json/object.h"

#include <QDateTime>

#include <cmath>
#include <optional>

namespace inkmapper::mapping::liquid::Internal {

namespace {

const QString &defaultDateFormat()
{
    static const QString format = QStringLiteral("%A, %B %-e, %Y at %-l:%M %P %z");
    return format;
}

/** liquidjs parseDate(): nil is no date, numbers and digit strings are seconds, other strings are parsed. */
std::optional<LiquidDate> parseDate(const LiquidValue &input, const LiquidValue &timezone)
{
    const LiquidValue v = input.toValue();
    if (v.isNil())
        return std::nullopt;
    double time = 0;
    if (v.isString() && (v.json().toString() == u"now" || v.json().toString() == u"today")) {
        time = double(QDateTime::currentMSecsSinceEpoch());
    } else if (v.isNumber()) {
        time = v.json().toNumber() * 1000;
    } else if (v.isString()) {
        const QString &s = v.json().toString();
        bool digitsOnly = !s.isEmpty();
        for (const QChar c : s)
            digitsOnly = digitsOnly && c.unicode() >= '0' && c.unicode() <= '9';
        time = digitsOnly ? json::stringToNumber(s) * 1000 : LiquidDate::parse(s);
    } else {
        // new Date(value): a value whose primitive is a string is parsed, anything else is a number.
        const LiquidValue primitive = toPrimitive(v, false);
        time = primitive.isString() ? LiquidDate::parse(primitive.json().toString()) : toJsNumber(primitive);
    }
    time = LiquidDate::timeClip(time);
    // `timezoneOffset ?? opts.timezoneOffset`: null and undefined both mean "the process zone" (UTC).
    std::optional<LiquidDate> date;
    if (timezone.isNil())
        date.emplace(time, std::isnan(time) ? time : 0.0, QString(), false);
    else if (timezone.isString())
        date.emplace(time, LiquidDate::zoneOffset(timezone.json().toString(), time), timezone.json().toString(), true);
    else
        date.emplace(time, toJsNumber(timezone), QString(), true);
    if (!date->isValid())
        return std::nullopt;
    return date;
}

/** `v?.length ?? 0` as the date filter charges it to the memory budget. */
double lengthOf(const LiquidValue &v)
{
    if (v.isString())
        return double(v.json().toString().size());
    if (v.isArray())
        return double(v.json().toArray().size());
    if (v.isObject()) {
        const json::Value length = v.json().toObject().value(u"length");
        return length.isNumber() ? length.toNumber() : 0;
    }
    return 0;
}

/** liquidjs date(): what is not a valid date comes back unchanged; a nil format is the default one. */
LiquidValue formatDate(const FilterCall &call, const LiquidValue &format, const LiquidValue &timezone)
{
    call.context().memoryLimit().use(lengthOf(call.input()) + lengthOf(timezone));
    const std::optional<LiquidDate> date = parseDate(call.input(), timezone);
    if (!date)
        return call.input();
    const LiquidValue f = format.toValue();
    const QString pattern = f.isNil() ? defaultDateFormat() : stringify(f);
    call.context().memoryLimit().use(double(pattern.size()));
    return json::Value(date->format(pattern, call.context().memoryLimit()));
}

/** `date: format[, zone]`: strftime on a date, number of seconds, digit string or date string. */
LiquidValue date(const FilterCall &call)
{
    return formatDate(call, call.arg(0), call.arg(1));
}

/** `date_to_xmlschema`: ISO 8601 with a colon in the offset. */
LiquidValue dateToXmlschema(const FilterCall &call)
{
    return formatDate(call, json::Value(QStringLiteral("%Y-%m-%dT%H:%M:%S%:z")), LiquidValue());
}

/** `date_to_rfc822`: the RFC 822 form used in mail and feeds. */
LiquidValue dateToRfc822(const FilterCall &call)
{
    return formatDate(call, json::Value(QStringLiteral("%a, %d %b %Y %H:%M:%S %z")), LiquidValue());
}

LiquidValue stringifyDate(const FilterCall &call, const QString &monthType)
{
    // `ordinal` adds the day's suffix (29th); `US` puts the month first.
    const std::optional<LiquidDate> date = parseDate(call.input(), LiquidValue());
    if (!date)
        return call.input();
    const LiquidValue type = call.arg(0);
    const LiquidValue style = call.arg(1);
    QString pattern;
    if (type.isString() && type.json().toString() == u"ordinal") {
        const QString d = QString::number(date->day());
        pattern = style.isString() && style.json().toString() == u"US"
                      ? monthType + u' ' + d + QStringLiteral("%q, %Y")
                      : d + QStringLiteral("%q ") + monthType + QStringLiteral(" %Y");
    } else {
        pattern = QStringLiteral("%d ") + monthType + QStringLiteral(" %Y");
    }
    return json::Value(date->format(pattern, call.context().memoryLimit()));
}

/** `date_to_string[: 'ordinal'[, 'US']]`: "29 Feb 2024". */
LiquidValue dateToString(const FilterCall &call)
{
    return stringifyDate(call, QStringLiteral("%b"));
}

/** `date_to_long_string[: 'ordinal'[, 'US']]`: "29 February 2024". */
LiquidValue dateToLongString(const FilterCall &call)
{
    return stringifyDate(call, QStringLiteral("%B"));
}

} // namespace

void registerDateFilters(FilterRegistry &registry)
{
    registry.add("date", &date);
    registry.add("date_to_xmlschema", &dateToXmlschema);
    registry.add("date_to_rfc822", &dateToRfc822);
    registry.add("date_to_string", &dateToString);
    registry.add("date_to_long_string", &dateToLongString);
}

} // namespace inkmapper::mapping::liquid::Internal
