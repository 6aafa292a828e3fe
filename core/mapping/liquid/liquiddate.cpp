#include "liquiddate.h"

#include "liquiderror.h"

#include "json/jsnumber.h"
#include "mapping/casemapping.h"

#include <QTimeZone>
#include <QDateTime>
#include <QHash>

#include <cmath>
#include <limits>

namespace inkmapper::mapping::liquid::Internal {

namespace {

constexpr double kMsPerDay = 86400000.0;
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

const char *const kMonthNames[] = {"January", "February", "March",     "April",   "May",      "June",
                                   "July",    "August",   "September", "October", "November", "December"};
const char *const kDayNames[] = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};

// JavaScript dates use the proleptic Gregorian calendar throughout; ICU (%c, %x and the month names)
// switches to the Julian calendar before 1582-10-15, hence the two conversions below.

/** Days since 1970-01-01 of a proleptic Gregorian date (month 1-12), Howard Hinnant's algorithm. */
qint64 daysFromCivil(qint64 y, qint64 m, qint64 d)
{
    y -= m <= 2;
    const qint64 era = (y >= 0 ? y : y - 399) / 400;
    const qint64 yoe = y - era * 400;
    const qint64 doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const qint64 doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

struct Civil
{
    qint64 year;
    int month; ///< 1-12
    int day;
};

Civil civilFromDays(qint64 z)
{
    z += 719468;
    const qint64 era = (z >= 0 ? z : z - 146096) / 146097;
    const qint64 doe = z - era * 146097;
    const qint64 yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const qint64 doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const qint64 mp = (5 * doy + 2) / 153;
    const int d = int(doy - (153 * mp + 2) / 5 + 1);
    const int m = int(mp < 10 ? mp + 3 : mp - 9);
    return {yoe + era * 400 + (m <= 2), m, d};
}

/** The calendar date ICU shows: Julian before the Gregorian reform of 1582-10-15. */
Civil icuCivil(qint64 days)
{
    if (days >= -141427)
        return civilFromDays(days);
    const qint64 c = days + 2440588 + 32082;
    const qint64 d = (4 * c + 3) / 1461;
    const qint64 e = c - 1461 * d / 4;
    const qint64 m = (5 * e + 2) / 153;
    return {d - 4800 + m / 10, int(m + 3 - 12 * (m / 10)), int(e - (153 * m + 2) / 5 + 1)};
}

/** The day (since the epoch) a time value falls on; floor, so times before 1970 work. */
qint64 dayNumber(double t)
{
    return qint64(std::floor(t / kMsPerDay));
}

/** Milliseconds since midnight of a time value. */
double msInDay(double t)
{
    return t - double(dayNumber(t)) * kMsPerDay;
}

/** liquidjs padStart/padEnd. */
QString pad(const QString &s, int width, QChar c, bool atStart)
{
    if (s.size() >= width)
        return s;
    const QString fill(width - s.size(), c);
    return atStart ? fill + s : s + fill;
}

/** String(n) as strftime's String(convert(...)) writes it. */
QString number(double n)
{
    return json::numberToString(n);
}

/** ECMAScript MakeDay: months outside 0-11 carry into the year, days past the month's end roll over. */
double makeDay(double year, double month, double date)
{
    const double y = year + std::floor(month / 12);
    const double m = std::fmod(month, 12) < 0 ? std::fmod(month, 12) + 12 : std::fmod(month, 12);
    return double(daysFromCivil(qint64(y), qint64(m) + 1, 1)) + date - 1;
}

// ---- V8's date parser (src/date/dateparser*.{h,cc}), for strings ------------------------------------

constexpr int kNone = std::numeric_limits<int>::max();

enum KeywordType { Invalid, MonthName, TimeZoneName, TimeSeparator, AmPm };

/** A token of V8's date string scanner: a number (with its digit count), a symbol, white space, a word
 *  (classified through the keyword table), the end, or invalid. */
struct DateToken
{
    enum Tag { InvalidToken = -6, UnknownToken, WhiteSpace, NumberToken, SymbolToken, EndOfInput, Keyword = 0 };
    int tag = EndOfInput; ///< a Tag, or the KeywordType (>= 0) of a keyword
    int length = 0;
    int value = 0;

    bool isInvalid() const { return tag == InvalidToken; }
    bool isNumber() const { return tag == NumberToken; }
    bool isSymbol(char c) const { return tag == SymbolToken && value == c; }
    bool isWhiteSpace() const { return tag == WhiteSpace; }
    bool isEnd() const { return tag == EndOfInput; }
    bool isKeyword() const { return tag >= Keyword; }
    bool isFixedLengthNumber(int n) const { return isNumber() && length == n; }
    bool isAsciiSign() const { return tag == SymbolToken && (value == '-' || value == '+'); }
    int asciiSign() const { return 44 - value; }
    bool isKeywordType(KeywordType type) const { return tag == type; }
    bool isKeywordZ() const { return tag == TimeZoneName && length == 1 && value == 0; }
};

/** V8's DateStringTokenizer over its InputReader: one token of look-ahead. */
class DateScanner
{
public:
    explicit DateScanner(QStringView s) : m_s(s)
    {
        nextChar();
        m_next = scan();
    }

    DateToken next()
    {
        const DateToken result = m_next;
        m_next = scan();
        return result;
    }
    const DateToken &peek() const { return m_next; }
    bool skipSymbol(char c)
    {
        if (m_next.isSymbol(c)) {
            m_next = scan();
            return true;
        }
        return false;
    }

private:
    void nextChar()
    {
        m_ch = m_index < m_s.size() ? m_s.at(m_index).unicode() : 0;
        ++m_index;
    }
    bool isWhiteSpaceChar() const { return m_ch != 0 && json::isJsWhitespace(char16_t(m_ch)); }
    bool isDigit() const { return m_ch >= '0' && m_ch <= '9'; }

    DateToken scan()
    {
        const qsizetype pre = m_index;
        if (m_ch == 0)
            return {};
        if (isDigit()) {
            // Leading zeros are skipped and at most nine significant digits are kept.
            int n = 0;
            int i = 0;
            while (m_ch == '0')
                nextChar();
            while (isDigit()) {
                if (i < 9)
                    n = n * 10 + int(m_ch - '0');
                ++i;
                nextChar();
            }
            return {DateToken::NumberToken, int(m_index - pre), n};
        }
        for (const char c : {':', '-', '+', '.', ')'}) {
            if (m_ch == char32_t(c)) {
                nextChar();
                return {DateToken::SymbolToken, 1, c};
            }
        }
        if (m_ch >= 'A' && !isWhiteSpaceChar()) {
            char32_t prefix[3] = {0, 0, 0};
            int length = 0;
            for (; m_ch >= 'A' && !isWhiteSpaceChar(); nextChar(), ++length) {
                if (length < 3)
                    prefix[length] = m_ch | 0x20;
            }
            return keyword(prefix, length);
        }
        if (isWhiteSpaceChar()) {
            nextChar();
            return {DateToken::WhiteSpace, int(m_index - pre), 0};
        }
        if (m_ch == '(') {
            int balance = 0;
            do {
                if (m_ch == ')')
                    --balance;
                else if (m_ch == '(')
                    ++balance;
                nextChar();
            } while (balance > 0 && m_ch);
            return {DateToken::UnknownToken, 0, 0};
        }
        nextChar();
        return {DateToken::UnknownToken, 0, 0};
    }

    /** V8's KeywordTable: words are recognised by their first three (lower-cased) letters. */
    static DateToken keyword(const char32_t *prefix, int length)
    {
        struct Entry
        {
            char text[4];
            KeywordType type;
            int value;
        };
        static const Entry table[] = {
            {"jan", MonthName, 1},     {"feb", MonthName, 2},     {"mar", MonthName, 3},
            {"apr", MonthName, 4},     {"may", MonthName, 5},     {"jun", MonthName, 6},
            {"jul", MonthName, 7},     {"aug", MonthName, 8},     {"sep", MonthName, 9},
            {"oct", MonthName, 10},    {"nov", MonthName, 11},    {"dec", MonthName, 12},
            {"am", AmPm, 0},           {"pm", AmPm, 12},          {"ut", TimeZoneName, 0},
            {"utc", TimeZoneName, 0},  {"z", TimeZoneName, 0},    {"gmt", TimeZoneName, 0},
            {"cdt", TimeZoneName, -5}, {"cst", TimeZoneName, -6}, {"edt", TimeZoneName, -4},
            {"est", TimeZoneName, -5}, {"mdt", TimeZoneName, -6}, {"mst", TimeZoneName, -7},
            {"pdt", TimeZoneName, -7}, {"pst", TimeZoneName, -8}, {"t", TimeSeparator, 0}};
        for (const Entry &e : table) {
            int j = 0;
            while (j < 3 && prefix[j] == char32_t(uchar(e.text[j])))
                ++j;
            // Words longer than three letters only match month names ("February").
            if (j == 3 && (length <= 3 || e.type == MonthName))
                return {e.type, length, e.value};
        }
        return {Invalid, length, 0};
    }

    QStringView m_s;
    qsizetype m_index = 0;
    char32_t m_ch = 0;
    DateToken m_next;
};

bool between(int x, int lo, int hi)
{
    return x >= lo && x <= hi;
}

/** V8's DayComposer: up to three numbers and a month name, interpreted as YMD, MDY or DMY. */
class DayComposer
{
public:
    bool add(int n)
    {
        if (m_index < 3) {
            m_comp[m_index++] = n;
            return true;
        }
        return false;
    }
    void setNamedMonth(int n) { m_namedMonth = n; }
    void setIsoDate() { m_isoDate = true; }
    bool isEmpty() const { return m_index == 0; }
    static bool isMonth(int x) { return between(x, 1, 12); }
    static bool isDay(int x) { return between(x, 1, 31); }

    bool write(double *year, double *month, double *day)
    {
        if (m_index < 1)
            return false;
        // Missing parts default to 1, so a missing year is 1 and becomes 2001 below ("2/3" is 2001-02-03).
        while (m_index < 3)
            m_comp[m_index++] = 1;
        int y = 0;
        int m = kNone;
        int d = kNone;
        if (m_namedMonth == kNone) {
            if (m_isoDate || (m_index == 3 && !isDay(m_comp[0]))) {
                y = m_comp[0];
                m = m_comp[1];
                d = m_comp[2];
            } else {
                m = m_comp[0];
                d = m_comp[1];
                if (m_index == 3)
                    y = m_comp[2];
            }
        } else {
            m = m_namedMonth;
            if (m_index == 1) {
                d = m_comp[0];
            } else if (!isDay(m_comp[0])) {
                y = m_comp[0];
                d = m_comp[1];
            } else {
                d = m_comp[0];
                y = m_comp[1];
            }
        }
        if (!m_isoDate) {
            if (between(y, 0, 49))
                y += 2000;
            else if (between(y, 50, 99))
                y += 1900;
        }
        if (!isMonth(m) || !isDay(d))
            return false;
        *year = y;
        *month = m - 1;
        *day = d;
        return true;
    }

private:
    int m_comp[3] = {0, 0, 0};
    int m_index = 0;
    int m_namedMonth = kNone;
    bool m_isoDate = false;
};

/** V8's TimeComposer: hours, minutes, seconds, milliseconds, and an AM/PM offset. */
class TimeComposer
{
public:
    bool isEmpty() const { return m_index == 0; }
    bool isExpecting(int n) const
    {
        return (m_index == 1 && isMinute(n)) || (m_index == 2 && isSecond(n)) || (m_index == 3 && isMillisecond(n));
    }
    bool add(int n)
    {
        if (m_index < 4) {
            m_comp[m_index++] = n;
            return true;
        }
        return false;
    }
    bool addFinal(int n)
    {
        if (!add(n))
            return false;
        while (m_index < 4)
            m_comp[m_index++] = 0;
        return true;
    }
    void setHourOffset(int n) { m_hourOffset = n; }
    static bool isMinute(int x) { return between(x, 0, 59); }
    static bool isHour(int x) { return between(x, 0, 23); }
    static bool isSecond(int x) { return between(x, 0, 59); }
    static bool isMillisecond(int x) { return between(x, 0, 999); }

    bool write(double *out)
    {
        while (m_index < 4)
            m_comp[m_index++] = 0;
        int &hour = m_comp[0];
        if (m_hourOffset != kNone) {
            if (!between(hour, 0, 12))
                return false;
            hour %= 12;
            hour += m_hourOffset;
        }
        if (!isHour(hour) || !isMinute(m_comp[1]) || !isSecond(m_comp[2]) || !isMillisecond(m_comp[3])) {
            // 24:00:00.000 is allowed.
            if (hour != 24 || m_comp[1] != 0 || m_comp[2] != 0 || m_comp[3] != 0)
                return false;
        }
        for (int i = 0; i < 4; ++i)
            out[i] = m_comp[i];
        return true;
    }

private:
    int m_comp[4] = {0, 0, 0, 0};
    int m_index = 0;
    int m_hourOffset = kNone;
};

/** V8's TimeZoneComposer: a sign, hours and minutes of a UTC offset, or nothing (local time). */
class TimeZoneComposer
{
public:
    void set(int hours)
    {
        m_sign = hours < 0 ? -1 : 1;
        m_hour = hours * m_sign;
        m_minute = 0;
    }
    void setSign(int sign) { m_sign = sign < 0 ? -1 : 1; }
    void setAbsoluteHour(int hour) { m_hour = hour; }
    void setAbsoluteMinute(int minute) { m_minute = minute; }
    bool isExpecting(int n) const { return m_hour != kNone && m_minute == kNone && TimeComposer::isMinute(n); }
    bool isUtc() const { return m_hour == 0 && m_minute == 0; }
    bool isEmpty() const { return m_hour == kNone; }

    /** The offset in seconds, NaN for local time. */
    bool write(double *offset)
    {
        if (m_sign != kNone) {
            if (m_hour == kNone)
                m_hour = 0;
            if (m_minute == kNone)
                m_minute = 0;
            const double total = double(m_hour) * 3600 + double(m_minute) * 60;
            if (total > 1073741823.0)
                return false;
            *offset = m_sign < 0 ? -total : total;
        } else {
            *offset = kNaN;
        }
        return true;
    }

private:
    int m_sign = kNone;
    int m_hour = kNone;
    int m_minute = kNone;
};

/** The first three significant digits of a fraction of a second, from its value and digit count. */
int readMilliseconds(const DateToken &token)
{
    int number = token.value;
    int length = token.length;
    if (length == 1) {
        number *= 100;
    } else if (length == 2) {
        number *= 10;
    } else if (length > 3) {
        if (length > 9)
            length = 9;
        int factor = 1;
        do {
            factor *= 10;
            --length;
        } while (length > 3);
        number /= factor;
    }
    return number;
}

/** V8's ParseES5DateTime: the ISO format; returns the first token it did not handle. */
DateToken parseIsoDateTime(DateScanner &scanner, DayComposer &day, TimeComposer &time, TimeZoneComposer &tz)
{
    const DateToken invalid{DateToken::InvalidToken, 0, 0};
    if (scanner.peek().isAsciiSign()) {
        const DateToken signToken = scanner.next();
        if (!scanner.peek().isFixedLengthNumber(6))
            return signToken;
        const int sign = signToken.asciiSign();
        const int year = scanner.next().value;
        if (sign < 0 && year == 0)
            return signToken;
        day.add(sign * year);
    } else if (scanner.peek().isFixedLengthNumber(4)) {
        day.add(scanner.next().value);
    } else {
        return scanner.next();
    }
    if (scanner.skipSymbol('-')) {
        if (!scanner.peek().isFixedLengthNumber(2) || !DayComposer::isMonth(scanner.peek().value))
            return scanner.next();
        day.add(scanner.next().value);
        if (scanner.skipSymbol('-')) {
            if (!scanner.peek().isFixedLengthNumber(2) || !DayComposer::isDay(scanner.peek().value))
                return scanner.next();
            day.add(scanner.next().value);
        }
    }
    if (!scanner.peek().isKeywordType(TimeSeparator)) {
        if (!scanner.peek().isEnd())
            return scanner.next();
    } else {
        scanner.next();
        if (!scanner.peek().isFixedLengthNumber(2) || !between(scanner.peek().value, 0, 24))
            return invalid;
        const bool hourIs24 = scanner.peek().value == 24;
        time.add(scanner.next().value);
        if (!scanner.skipSymbol(':'))
            return invalid;
        if (!scanner.peek().isFixedLengthNumber(2) || !TimeComposer::isMinute(scanner.peek().value)
            || (hourIs24 && scanner.peek().value > 0))
            return invalid;
        time.add(scanner.next().value);
        if (scanner.skipSymbol(':')) {
            if (!scanner.peek().isFixedLengthNumber(2) || !TimeComposer::isSecond(scanner.peek().value)
                || (hourIs24 && scanner.peek().value > 0))
                return invalid;
            time.add(scanner.next().value);
            if (scanner.skipSymbol('.')) {
                if (!scanner.peek().isNumber() || (hourIs24 && scanner.peek().value > 0))
                    return invalid;
                time.add(readMilliseconds(scanner.next()));
            }
        }
        if (scanner.peek().isKeywordZ()) {
            scanner.next();
            tz.set(0);
        } else if (scanner.peek().isSymbol('+') || scanner.peek().isSymbol('-')) {
            tz.setSign(scanner.next().value == '+' ? 1 : -1);
            if (scanner.peek().isFixedLengthNumber(4)) {
                const int hourmin = scanner.next().value;
                const int hour = hourmin / 100;
                const int min = hourmin % 100;
                if (!TimeComposer::isHour(hour) || !TimeComposer::isMinute(min))
                    return invalid;
                tz.setAbsoluteHour(hour);
                tz.setAbsoluteMinute(min);
            } else {
                if (!scanner.peek().isFixedLengthNumber(2) || !TimeComposer::isHour(scanner.peek().value))
                    return invalid;
                tz.setAbsoluteHour(scanner.next().value);
                if (!scanner.skipSymbol(':'))
                    return invalid;
                if (!scanner.peek().isFixedLengthNumber(2) || !TimeComposer::isMinute(scanner.peek().value))
                    return invalid;
                tz.setAbsoluteMinute(scanner.next().value);
            }
        }
        if (!scanner.peek().isEnd())
            return invalid;
    }
    // Date-only forms are UTC; date-time forms are local time, which is UTC here as well.
    if (tz.isEmpty() && time.isEmpty())
        tz.set(0);
    day.setIsoDate();
    return {};
}

/** V8's DateParser::Parse: the ISO format first, then the legacy rules for whatever is left.
 *  out receives year, month (0-based), day, hour, minute, second, millisecond, UTC offset (s). */
bool parseDateFields(QStringView text, double *out)
{
    DateScanner scanner(text);
    TimeZoneComposer tz;
    TimeComposer time;
    DayComposer day;
    DateToken token = parseIsoDateTime(scanner, day, time, tz);
    if (token.isInvalid())
        return false;
    bool hasReadNumber = !day.isEmpty();
    for (; !token.isEnd(); token = scanner.next()) {
        if (token.isNumber()) {
            hasReadNumber = true;
            const int n = token.value;
            if (scanner.skipSymbol(':')) {
                if (scanner.skipSymbol(':')) {
                    if (!time.isEmpty())
                        return false;
                    time.add(n);
                    time.add(0);
                } else {
                    if (!time.add(n))
                        return false;
                    if (scanner.peek().isSymbol('.'))
                        scanner.next();
                }
            } else if (scanner.peek().isSymbol('.') && time.isExpecting(n)) {
                scanner.next();
                time.add(n);
                if (!scanner.peek().isNumber())
                    return false;
                const int ms = readMilliseconds(scanner.next());
                if (ms < 0)
                    return false;
                time.addFinal(ms);
            } else if (tz.isExpecting(n)) {
                tz.setAbsoluteMinute(n);
            } else if (time.isExpecting(n)) {
                time.addFinal(n);
                const DateToken &peek = scanner.peek();
                if (!peek.isEnd() && !peek.isWhiteSpace() && !peek.isKeywordZ() && !peek.isAsciiSign())
                    return false;
            } else {
                if (!day.add(n))
                    return false;
                scanner.skipSymbol('-');
            }
        } else if (token.isKeyword()) {
            if (token.tag == AmPm && !time.isEmpty()) {
                time.setHourOffset(token.value);
            } else if (token.tag == MonthName) {
                day.setNamedMonth(token.value);
                scanner.skipSymbol('-');
            } else if (token.tag == TimeZoneName && hasReadNumber) {
                tz.set(token.value);
            } else {
                // Words other than the keywords may only come before the first number.
                if (hasReadNumber)
                    return false;
                if (scanner.peek().isNumber())
                    return false;
            }
        } else if (token.isAsciiSign() && (tz.isUtc() || !time.isEmpty())) {
            tz.setSign(token.asciiSign());
            int n = 0;
            int length = 0;
            if (scanner.peek().isNumber()) {
                const DateToken numberToken = scanner.next();
                length = numberToken.length;
                n = numberToken.value;
            }
            hasReadNumber = true;
            if (scanner.peek().isSymbol(':')) {
                tz.setAbsoluteHour(n);
                tz.setAbsoluteMinute(kNone);
            } else if (length == 2 || length == 1) {
                tz.setAbsoluteHour(n);
                tz.setAbsoluteMinute(0);
            } else if (length == 4 || length == 3) {
                tz.setAbsoluteHour(n / 100);
                tz.setAbsoluteMinute(n % 100);
            } else {
                return false;
            }
        } else if ((token.isAsciiSign() || token.isSymbol(')')) && hasReadNumber) {
            return false;
        }
    }
    return day.write(&out[0], &out[1], &out[2]) && time.write(&out[3]) && tz.write(&out[7]);
}

} // namespace

LiquidDate::LiquidDate(double time, double offsetMinutes, QString zoneName, bool zoneFixed)
    : m_display(time - offsetMinutes * 60000.0), m_offset(offsetMinutes), m_zoneName(std::move(zoneName)),
      m_zoneFixed(zoneFixed)
{
    m_display = timeClip(m_display);
}

double LiquidDate::timeClip(double time)
{
    if (!std::isfinite(time) || std::fabs(time) > 8.64e15)
        return kNaN;
    return std::trunc(time) + 0.0;
}

double LiquidDate::parse(QStringView text)
{
    double fields[8] = {0, 0, 0, 0, 0, 0, 0, 0};
    if (!parseDateFields(text, fields))
        return kNaN;
    const double day = makeDay(fields[0], fields[1], fields[2]);
    const double time = fields[3] * 3600000 + fields[4] * 60000 + fields[5] * 1000 + fields[6];
    double date = day * kMsPerDay + time;
    if (std::isnan(fields[7])) {
        if (std::fabs(date) > 8.64e15 + 864000000)
            return kNaN;
    } else {
        date -= fields[7] * 1000;
    }
    return timeClip(date);
}

double LiquidDate::zoneOffset(const QString &zone, double time)
{
    // Date.prototype.toLocaleString answers "Invalid Date" before it looks at the time zone.
    if (std::isnan(time))
        return kNaN;
    // Intl knows the IANA names, in any letter case; offsets such as "+08:00" are refused by Node 20.
    // QTimeZone would also read unknown names as POSIX rules, so names are checked against the list.
    static const QHash<QString, QByteArray> zones = [] {
        QHash<QString, QByteArray> ids;
        for (const QByteArray &id : QTimeZone::availableTimeZoneIds())
            ids.insert(QString::fromUtf8(id).toLower(), id);
        ids.insert(QStringLiteral("utc"), QByteArrayLiteral("UTC"));
        return ids;
    }();
    const auto id = zones.constFind(zone.toLower());
    if (id == zones.constEnd())
        throw LiquidError(QStringLiteral("Invalid time zone specified: %1").arg(zone));
    const QTimeZone tz = *id == "UTC" ? QTimeZone::utc() : QTimeZone(*id);
    const QDateTime at = QDateTime::fromMSecsSinceEpoch(qint64(time), QTimeZone::utc());
    return -double(tz.offsetFromUtc(at)) / 60.0;
}

bool LiquidDate::isValid() const
{
    return !std::isnan(m_display);
}

int LiquidDate::year() const
{
    return int(civilFromDays(dayNumber(m_display)).year);
}

int LiquidDate::month() const
{
    return civilFromDays(dayNumber(m_display)).month - 1;
}

int LiquidDate::day() const
{
    return civilFromDays(dayNumber(m_display)).day;
}

int LiquidDate::hours() const
{
    return int(msInDay(m_display) / 3600000);
}

int LiquidDate::minutes() const
{
    return int(std::fmod(msInDay(m_display) / 60000, 60));
}

int LiquidDate::seconds() const
{
    return int(std::fmod(msInDay(m_display) / 1000, 60));
}

int LiquidDate::milliseconds() const
{
    return int(std::fmod(msInDay(m_display), 1000));
}

int LiquidDate::weekday() const
{
    const qint64 d = (dayNumber(m_display) + 4) % 7;
    return int(d < 0 ? d + 7 : d);
}

int LiquidDate::dayOfYear() const
{
    const Civil c = civilFromDays(dayNumber(m_display));
    return int(dayNumber(m_display) - daysFromCivil(c.year, 1, 1)) + 1;
}

/** liquidjs getWeekOfYear(): %U counts weeks from Sunday, %W from Monday. */
QString LiquidDate::weekOfYear(int startDay) const
{
    const int now = dayOfYear() + (startDay - weekday());
    // `new Date(year, 0, 1)` maps the years 0-99 to 1900-1999.
    int y = year();
    if (y >= 0 && y <= 99)
        y += 1900;
    const qint64 jan1 = daysFromCivil(y, 1, 1);
    const int jan1Day = int(((jan1 + 4) % 7 + 7) % 7);
    const int then = 7 - jan1Day + startDay;
    return number(std::floor(double(now - then) / 7) + 1);
}

/** %z: the sign is "-" for zones west of UTC (positive getTimezoneOffset). */
QString LiquidDate::offsetText(bool colon) const
{
    const double n = std::fabs(m_offset);
    const double h = std::floor(n / 60);
    const double m = std::fmod(n, 60);
    return (m_offset > 0 ? QStringLiteral("-") : QStringLiteral("+")) + pad(number(h), 2, u'0', true)
           + (colon ? QStringLiteral(":") : QString()) + pad(number(m), 2, u'0', true);
}

/** One strftime conversion before padding (liquidjs formatCodes); names and locale formats are en-US. */
QString LiquidDate::convert(QChar conversion, const QString &flags, const QString &width, Limiter &memory) const
{
    const Civil icu = icuCivil(dayNumber(m_display));
    const auto icuYear = [&] { return number(double(icu.year > 0 ? icu.year : 1 - icu.year)); };
    const auto hour12 = [&] { return number(double(hours() % 12 == 0 ? 12 : hours() % 12)); };
    const auto ampm = [&] { return hours() < 12 ? QStringLiteral("AM") : QStringLiteral("PM"); };
    const auto timeString = [&] {
        return hour12() + u':' + pad(number(minutes()), 2, u'0', true) + u':' + pad(number(seconds()), 2, u'0', true)
               + u' ' + ampm();
    };
    const auto dateString = [&] { return number(icu.month) + u'/' + number(icu.day) + u'/' + icuYear(); };
    switch (conversion.unicode()) {
    case u'a':
        return QString::fromLatin1(kDayNames[weekday()]).left(3);
    case u'A':
        return QString::fromLatin1(kDayNames[weekday()]);
    case u'b':
    case u'h':
        return QString::fromLatin1(kMonthNames[icu.month - 1]).left(3);
    case u'B':
        return QString::fromLatin1(kMonthNames[icu.month - 1]);
    case u'c':
        return dateString() + QStringLiteral(", ") + timeString();
    case u'C':
        return number(double(QString::number(year()).left(2).toInt()));
    case u'd':
    case u'e':
        return number(day());
    case u'H':
    case u'k':
        return number(hours());
    case u'I':
    case u'l':
        return hour12();
    case u'j':
        return number(dayOfYear());
    case u'L':
        return number(milliseconds());
    case u'm':
        return number(month() + 1);
    case u'M':
        return number(minutes());
    case u'N': {
        const int digits = width.toInt() > 0 ? width.toInt() : 9;
        const QString str = pad(number(milliseconds()), 3, u'0', true).left(digits);
        memory.use(double(digits - str.size()));
        return pad(str, digits, u'0', false);
    }
    case u'p':
        return ampm();
    case u'P':
        return hours() < 12 ? QStringLiteral("am") : QStringLiteral("pm");
    case u'q': {
        const int d = day();
        if (d == 11 || d == 12 || d == 13)
            return QStringLiteral("th");
        switch (d % 10) {
        case 1:
            return QStringLiteral("st");
        case 2:
            return QStringLiteral("nd");
        case 3:
            return QStringLiteral("rd");
        default:
            return QStringLiteral("th");
        }
    }
    case u's': {
        // Math.round(getTime() / 1000)
        const double x = m_display / 1000;
        double r = std::floor(x);
        if (x - r >= 0.5)
            r += 1;
        return number(r);
    }
    case u'S':
        return number(seconds());
    case u'u':
        return number(weekday() == 0 ? 7 : weekday());
    case u'U':
        return weekOfYear(0);
    case u'w':
        return number(weekday());
    case u'W':
        return weekOfYear(1);
    case u'x':
        return dateString();
    case u'X':
        return timeString();
    case u'y':
        return QString::number(year()).mid(2, 2);
    case u'Y':
        return number(year());
    case u'z':
        return offsetText(flags.contains(u':'));
    case u'Z': {
        const QString name = m_zoneFixed ? m_zoneName : QStringLiteral("UTC");
        return name.isEmpty() ? offsetText(flags.contains(u':')) : name;
    }
    case u't':
        return QStringLiteral("\t");
    case u'n':
        return QStringLiteral("\n");
    case u'%':
        return QStringLiteral("%");
    default:
        return {};
    }
}

/** liquidjs strftime(): each match of /%([-_0^#:]+)?(\d+)?([EO])?(.)/ is converted in turn. */
QString LiquidDate::format(const QString &pattern, Limiter &memory) const
{
    static const QString knownConversions = QStringLiteral("aAbBcCdeHIjklLmMNpPqsSuUwWxXyYzZtn%h");
    static const QString padWithSpace = QStringLiteral("aAbBceklpP");
    QString output;
    qsizetype i = 0;
    const qsizetype n = pattern.size();
    while (i < n) {
        const qsizetype percent = pattern.indexOf(u'%', i);
        if (percent < 0)
            break;
        // /%([-_0^#:]+)?(\d+)?([EO])?(.)/ at this '%'; when the final "." cannot match, backtracking
        // only ever yields an unknown conversion, which is copied as written, so it is left as text.
        qsizetype j = percent + 1;
        const qsizetype flagsBegin = j;
        while (j < n && QStringLiteral("-_0^#:").contains(pattern.at(j)))
            ++j;
        const QString flags = pattern.mid(flagsBegin, j - flagsBegin);
        const qsizetype widthBegin = j;
        while (j < n && pattern.at(j).unicode() >= '0' && pattern.at(j).unicode() <= '9')
            ++j;
        const QString width = pattern.mid(widthBegin, j - widthBegin);
        if (j < n && (pattern.at(j) == u'E' || pattern.at(j) == u'O'))
            ++j;
        const char16_t last = j < n ? pattern.at(j).unicode() : 0;
        if (j >= n || last == u'\n' || last == u'\r' || last == 0x2028 || last == 0x2029) {
            output += pattern.mid(i, (j >= n ? n : j) - i);
            i = j >= n ? n : j;
            continue;
        }
        output += pattern.mid(i, percent - i);
        const QChar conversion = pattern.at(j);
        i = j + 1;
        if (!knownConversions.contains(conversion)) {
            output += pattern.mid(percent, i - percent);
            continue;
        }
        // Padding: an explicit width, else the conversion's natural width; `-` removes it, `_` and `0`
        // choose the fill; `^` upper-cases and `#` swaps the case.
        QString ret = convert(conversion, flags, width, memory);
        static const QString padTwo = QStringLiteral("deHIklmMSUW");
        int padWidth = width.toInt();
        if (padWidth == 0)
            padWidth = conversion == u'j' ? 3 : conversion == u'L' ? 3 : padTwo.contains(conversion) ? 2 : 0;
        QChar padChar = padWithSpace.contains(conversion) ? u' ' : u'0';
        if (flags.contains(u'^'))
            ret = jsToUpperCase(ret);
        else if (flags.contains(u'#')) {
            bool hasLower = false;
            for (const QChar c : ret)
                hasLower = hasLower || (c.unicode() >= 'a' && c.unicode() <= 'z');
            ret = hasLower ? jsToUpperCase(ret) : jsToLowerCase(ret);
        }
        if (flags.contains(u'_'))
            padChar = u' ';
        else if (flags.contains(u'0'))
            padChar = u'0';
        if (flags.contains(u'-'))
            padWidth = 0;
        memory.use(double(padWidth - ret.size()));
        output += pad(ret, padWidth, padChar, true);
    }
    output += pattern.mid(i);
    return output;
}

} // namespace inkmapper::mapping::liquid::Internal
