#include "jsnumber.h"

#include <charconv>
#include <cmath>
#include <cstring>
#include <limits>

#include <clocale>
#include <cstdlib>
#include <locale.h>

namespace inkmapper::json {

void appendNumber(std::string &out, double d)
{
    if (std::isnan(d)) {
        out += "NaN";
        return;
    }
    if (std::isinf(d)) {
        out += d < 0 ? "-Infinity" : "Infinity";
        return;
    }
    if (d == 0) {
        out += '0'; // also for -0
        return;
    }
    // Small integers are by far the most common numbers in events: print them directly.
    if (d >= -9007199254740991.0 && d <= 9007199254740991.0 && d == std::floor(d)) {
        char buf[24];
        const auto r = std::to_chars(buf, buf + sizeof buf, static_cast<long long>(d));
        out.append(buf, r.ptr);
        return;
    }
    // The shortest round-trip digits in scientific form ("d.ddde±x"), then laid out the way
    // ECMAScript's Number::toString lays out digits s, count k and decimal exponent n.
    char buf[40];
    const auto r = std::to_chars(buf, buf + sizeof buf, d, std::chars_format::scientific);
    const char *p = buf;
    if (*p == '-') {
        out += '-';
        ++p;
    }
    char digits[24];
    int k = 0;
    const char *e = static_cast<const char *>(std::memchr(p, 'e', size_t(r.ptr - p)));
    for (const char *q = p; q < e; ++q) {
        if (*q != '.')
            digits[k++] = *q;
    }
    int exponent = 0;
    std::from_chars(e[1] == '+' ? e + 2 : e + 1, r.ptr, exponent);
    const int n = exponent + 1; // position of the decimal point relative to the digits
    if (k <= n && n <= 21) {
        out.append(digits, size_t(k));
        out.append(size_t(n - k), '0');
    } else if (0 < n && n <= 21) {
        out.append(digits, size_t(n));
        out += '.';
        out.append(digits + n, size_t(k - n));
    } else if (-6 < n && n <= 0) {
        out += "0.";
        out.append(size_t(-n), '0');
        out.append(digits, size_t(k));
    } else {
        out += digits[0];
        if (k > 1) {
            out += '.';
            out.append(digits + 1, size_t(k - 1));
        }
        out += 'e';
        out += n - 1 >= 0 ? '+' : '-';
        out += std::to_string(std::abs(n - 1));
    }
}

QString numberToString(double d)
{
    std::string s;
    appendNumber(s, d);
    return QString::fromLatin1(s.data(), qsizetype(s.size()));
}

bool isJsWhitespace(char16_t c)
{
    switch (c) {
    case 0x09: case 0x0A: case 0x0B: case 0x0C: case 0x0D: case 0x20: case 0xA0: case 0x1680:
    case 0x2028: case 0x2029: case 0x202F: case 0x205F: case 0x3000: case 0xFEFF:
        return true;
    default:
        return c >= 0x2000 && c <= 0x200A;
    }
}

double parseDecimal(std::string_view literal)
{
    double value = 0;
    const auto r = std::from_chars(literal.data(), literal.data() + literal.size(), value);
    if (r.ec == std::errc())
        return value;
    // Out of range: let the C library decide between Infinity and (signed) zero, in the "C" locale
    // because the application's locale may use a decimal comma.
    static const locale_t cLocale = newlocale(LC_ALL_MASK, "C", nullptr);
    const std::string copy(literal);
    return strtod_l(copy.c_str(), nullptr, cLocale);
}

namespace {

double parseRadix(QStringView digits, int radix)
{
    if (digits.isEmpty())
        return std::numeric_limits<double>::quiet_NaN();
    double v = 0;
    for (QChar ch : digits) {
        const char16_t c = ch.unicode();
        int d = -1;
        if (c >= u'0' && c <= u'9')
            d = c - u'0';
        else if (c >= u'a' && c <= u'z')
            d = c - u'a' + 10;
        else if (c >= u'A' && c <= u'Z')
            d = c - u'A' + 10;
        if (d < 0 || d >= radix)
            return std::numeric_limits<double>::quiet_NaN();
        v = v * radix + d;
    }
    return v;
}

} // namespace

double stringToNumber(QStringView text)
{
    qsizetype b = 0;
    qsizetype e = text.size();
    while (b < e && isJsWhitespace(text[b].unicode()))
        ++b;
    while (e > b && isJsWhitespace(text[e - 1].unicode()))
        --e;
    const QStringView s = text.mid(b, e - b);
    if (s.isEmpty())
        return 0;
    const double nan = std::numeric_limits<double>::quiet_NaN();
    if (s.size() > 2 && s[0] == u'0') {
        const char16_t p = s[1].unicode();
        if (p == u'x' || p == u'X')
            return parseRadix(s.mid(2), 16);
        if (p == u'o' || p == u'O')
            return parseRadix(s.mid(2), 8);
        if (p == u'b' || p == u'B')
            return parseRadix(s.mid(2), 2);
    }
    // StrDecimalLiteral: [+-] (Infinity | digits [. digits] | . digits) [e [+-] digits]
    std::string ascii;
    ascii.reserve(size_t(s.size()));
    for (QChar c : s) {
        if (c.unicode() > 0x7f)
            return nan;
        ascii += char(c.unicode());
    }
    const char *p = ascii.data();
    const char *end = p + ascii.size();
    bool negative = false;
    if (*p == '+' || *p == '-') {
        negative = *p == '-';
        ++p;
    }
    if (std::string_view(p, size_t(end - p)) == "Infinity")
        return negative ? -std::numeric_limits<double>::infinity() : std::numeric_limits<double>::infinity();
    const char *q = p;
    bool anyDigit = false;
    while (q < end && *q >= '0' && *q <= '9') {
        ++q;
        anyDigit = true;
    }
    if (q < end && *q == '.') {
        ++q;
        while (q < end && *q >= '0' && *q <= '9') {
            ++q;
            anyDigit = true;
        }
    }
    if (!anyDigit)
        return nan;
    if (q < end && (*q == 'e' || *q == 'E')) {
        const char *x = q + 1;
        if (x < end && (*x == '+' || *x == '-'))
            ++x;
        const char *digitsStart = x;
        while (x < end && *x >= '0' && *x <= '9')
            ++x;
        if (x == digitsStart)
            return nan;
        q = x;
    }
    if (q != end)
        return nan;
    return negative ? -parseDecimal(std::string_view(p, size_t(end - p))) : parseDecimal(std::string_view(p, size_t(end - p)));
}

} // namespace inkmapper::json
