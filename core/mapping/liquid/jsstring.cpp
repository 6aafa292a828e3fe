#include "jsstring.h"

#include "liquiderror.h"

#include "json/jsnumber.h"

#include <array>
#include <cmath>

namespace inkmapper::mapping::liquid::Internal {

namespace {

/** JavaScript's \s: white space and line terminators. */
bool isSpace(QChar c)
{
    return json::isJsWhitespace(c.unicode());
}

/** JavaScript's relative index clamping of slice(): negatives count from the end. */
qsizetype relativeIndex(double index, qsizetype length)
{
    if (std::isnan(index))
        return 0;
    index = std::trunc(index);
    if (index < 0)
        return qsizetype(std::max(0.0, double(length) + index));
    return qsizetype(std::min(index, double(length)));
}

void throwUriError()
{
    throw LiquidError(QStringLiteral("URIError: URI malformed"));
}

/** The value of a hex digit, or -1. */
int hexDigit(QChar c)
{
    const char16_t u = c.unicode();
    if (u >= '0' && u <= '9')
        return u - '0';
    if (u >= 'a' && u <= 'f')
        return u - 'a' + 10;
    if (u >= 'A' && u <= 'F')
        return u - 'A' + 10;
    return -1;
}

/** Appends a code point as one or two UTF-16 code units. */
void appendCodePoint(QString &out, char32_t cp)
{
    if (cp > 0xFFFF) {
        out += QChar(char16_t(0xD800 + ((cp - 0x10000) >> 10)));
        out += QChar(char16_t(0xDC00 + ((cp - 0x10000) & 0x3FF)));
    } else {
        out += QChar(char16_t(cp));
    }
}

} // namespace

QString jsTrimStart(const QString &s)
{
    qsizetype i = 0;
    while (i < s.size() && isSpace(s.at(i)))
        ++i;
    return s.mid(i);
}

QString jsTrimEnd(const QString &s)
{
    qsizetype n = s.size();
    while (n > 0 && isSpace(s.at(n - 1)))
        --n;
    return s.left(n);
}

QString jsTrim(const QString &s)
{
    return jsTrimEnd(jsTrimStart(s));
}

QStringList splitOnWhitespace(const QString &s)
{
    // The regular expression cannot match the empty string, so splitting "" gives [""].
    QStringList parts;
    qsizetype start = 0;
    qsizetype i = 0;
    while (i < s.size()) {
        if (!isSpace(s.at(i))) {
            ++i;
            continue;
        }
        qsizetype e = i;
        while (e < s.size() && isSpace(s.at(e)))
            ++e;
        parts.append(s.mid(start, i - start));
        start = e;
        i = e;
    }
    parts.append(s.mid(start));
    return parts;
}

QString replaceWhitespaceRuns(const QString &s, QStringView replacement)
{
    QString out;
    out.reserve(s.size());
    qsizetype i = 0;
    while (i < s.size()) {
        if (!isSpace(s.at(i))) {
            out += s.at(i++);
            continue;
        }
        while (i < s.size() && isSpace(s.at(i)))
            ++i;
        out += replacement;
    }
    return out;
}

QStringList jsSplit(const QString &s, const QString &separator)
{
    // Occurrences are found left to right without overlapping, like String.prototype.split.
    QStringList parts;
    if (separator.isEmpty()) {
        for (const QChar c : s)
            parts.append(QString(c));
        return parts;
    }
    qsizetype start = 0;
    while (true) {
        const qsizetype at = s.indexOf(separator, start);
        if (at < 0)
            break;
        parts.append(s.mid(start, at - start));
        start = at + separator.size();
    }
    parts.append(s.mid(start));
    return parts;
}

QString jsSlice(const QString &s, double start, double end)
{
    const qsizetype from = relativeIndex(start, s.size());
    const qsizetype to = relativeIndex(end, s.size());
    return from < to ? s.mid(from, to - from) : QString();
}

// substring() differs from slice(): negative positions clamp to 0 instead of counting from the end.
QString jsSubstring(const QString &s, double start, double end)
{
    const auto clamp = [&](double v) {
        if (std::isnan(v) || v < 0)
            return qsizetype(0);
        return qsizetype(std::min(std::trunc(v), double(s.size())));
    };
    qsizetype a = clamp(start);
    qsizetype b = clamp(end);
    if (a > b)
        std::swap(a, b);
    return s.mid(a, b - a);
}

QString encodeUri(const QString &s, bool keepReserved)
{
    // The unescaped set of ECMAScript's Encode: letters, digits and -_.!~*'(), plus the reserved
    // characters and '#' for encodeURI.
    static const QString marks = QStringLiteral("-_.!~*'()");
    static const QString reserved = QStringLiteral(";/?:@&=+$,#");
    static const char hex[] = "0123456789ABCDEF";
    QString out;
    out.reserve(s.size());
    for (qsizetype i = 0; i < s.size(); ++i) {
        const char16_t c = s.at(i).unicode();
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || marks.contains(QChar(c))
            || (keepReserved && reserved.contains(QChar(c)))) {
            out += QChar(c);
            continue;
        }
        char32_t cp = c;
        if (QChar::isLowSurrogate(c))
            throwUriError();
        if (QChar::isHighSurrogate(c)) {
            if (i + 1 >= s.size() || !QChar::isLowSurrogate(s.at(i + 1).unicode()))
                throwUriError();
            cp = QChar::surrogateToUcs4(c, s.at(++i).unicode());
        }
        const QByteArray bytes = QString::fromUcs4(&cp, 1).toUtf8();
        for (const char b : bytes) {
            out += u'%';
            out += QLatin1Char(hex[(uchar(b) >> 4) & 0xF]);
            out += QLatin1Char(hex[uchar(b) & 0xF]);
        }
    }
    return out;
}

QString decodeUriComponent(const QString &s)
{
    // ECMAScript's Decode with an empty reserved set: every escape is decoded, and a malformed escape
    // or UTF-8 sequence is an URIError rather than a replacement character.
    QString out;
    const qsizetype n = s.size();
    const auto byteAt = [&](qsizetype k) {
        if (s.at(k) != u'%')
            throwUriError();
        const int hi = hexDigit(s.at(k + 1));
        const int lo = hexDigit(s.at(k + 2));
        if (hi < 0 || lo < 0)
            throwUriError();
        return hi * 16 + lo;
    };
    for (qsizetype k = 0; k < n; ++k) {
        if (s.at(k) != u'%') {
            out += s.at(k);
            continue;
        }
        if (k + 2 >= n)
            throwUriError();
        const int b = byteAt(k);
        k += 2;
        if (!(b & 0x80)) {
            out += QChar(char16_t(b));
            continue;
        }
        int count = 0;
        while (count < 8 && (b & (0x80 >> count)))
            ++count;
        if (count == 1 || count > 4)
            throwUriError();
        if (k + 3 * (count - 1) >= n)
            throwUriError();
        char32_t cp = char32_t(b & (0xFF >> (count + 1)));
        for (int j = 1; j < count; ++j) {
            ++k;
            const int cont = byteAt(k);
            k += 2;
            if ((cont & 0xC0) != 0x80)
                throwUriError();
            cp = (cp << 6) | char32_t(cont & 0x3F);
        }
        // Overlong forms, surrogates and values past U+10FFFF are not valid UTF-8.
        static const char32_t minimum[] = {0, 0, 0x80, 0x800, 0x10000};
        if (cp < minimum[count] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            throwUriError();
        appendCodePoint(out, cp);
    }
    return out;
}

QByteArray toUtf8(QStringView s)
{
    // Qt would write '?' for a lone surrogate; Node's UTF-8 encoder writes U+FFFD (EF BF BD).
    QByteArray out;
    out.reserve(s.size());
    for (qsizetype i = 0; i < s.size(); ++i) {
        char32_t cp = s.at(i).unicode();
        if (QChar::isHighSurrogate(cp) && i + 1 < s.size() && QChar::isLowSurrogate(s.at(i + 1).unicode()))
            cp = QChar::surrogateToUcs4(char16_t(cp), s.at(++i).unicode());
        else if (QChar::isSurrogate(cp))
            cp = 0xFFFD;
        if (cp < 0x80) {
            out += char(cp);
        } else if (cp < 0x800) {
            out += char(0xC0 | (cp >> 6));
            out += char(0x80 | (cp & 0x3F));
        } else if (cp < 0x10000) {
            out += char(0xE0 | (cp >> 12));
            out += char(0x80 | ((cp >> 6) & 0x3F));
            out += char(0x80 | (cp & 0x3F));
        } else {
            out += char(0xF0 | (cp >> 18));
            out += char(0x80 | ((cp >> 12) & 0x3F));
            out += char(0x80 | ((cp >> 6) & 0x3F));
            out += char(0x80 | (cp & 0x3F));
        }
    }
    return out;
}

QString fromUtf8(const QByteArray &bytes)
{
    // The WHATWG decoder: each maximal invalid subpart becomes one U+FFFD.
    QString out;
    const qsizetype n = bytes.size();
    qsizetype i = 0;
    while (i < n) {
        const uchar b = uchar(bytes[i]);
        if (b < 0x80) {
            out += QChar(char16_t(b));
            ++i;
            continue;
        }
        int needed = 0;
        char32_t cp = 0;
        uchar lower = 0x80;
        uchar upper = 0xBF;
        if (b >= 0xC2 && b <= 0xDF) {
            needed = 1;
            cp = b & 0x1F;
        } else if (b >= 0xE0 && b <= 0xEF) {
            if (b == 0xE0)
                lower = 0xA0;
            if (b == 0xED)
                upper = 0x9F;
            needed = 2;
            cp = b & 0xF;
        } else if (b >= 0xF0 && b <= 0xF4) {
            if (b == 0xF0)
                lower = 0x90;
            if (b == 0xF4)
                upper = 0x8F;
            needed = 3;
            cp = b & 0x7;
        } else {
            out += QChar(char16_t(0xFFFD));
            ++i;
            continue;
        }
        qsizetype j = i + 1;
        bool ok = true;
        for (int k = 0; k < needed; ++k, ++j) {
            if (j >= n) {
                ok = false;
                break;
            }
            const uchar c = uchar(bytes[j]);
            if (c < lower || c > upper) {
                ok = false;
                break;
            }
            lower = 0x80;
            upper = 0xBF;
            cp = (cp << 6) | (c & 0x3F);
        }
        if (!ok) {
            out += QChar(char16_t(0xFFFD));
            i = j;
            continue;
        }
        appendCodePoint(out, cp);
        i = j;
    }
    return out;
}

QByteArray base64DecodeLikeNode(QStringView src)
{
    // A port of Node 20's base64_decode (src/base64-inl.h) with the buffer size Buffer.from allocates.
    const auto unbase64 = [](char16_t unit) -> uchar {
        const uchar c = uchar(unit); // Node reads two-byte strings through a uint8_t cast
        if (c >= 'A' && c <= 'Z')
            return c - 'A';
        if (c >= 'a' && c <= 'z')
            return c - 'a' + 26;
        if (c >= '0' && c <= '9')
            return c - '0' + 52;
        if (c == '+' || c == '-')
            return 62;
        if (c == '/' || c == '_')
            return 63;
        return 255;
    };
    const size_t srclen = size_t(src.size());
    size_t padded = srclen;
    if (padded > 0 && src.at(qsizetype(padded) - 1) == u'=')
        --padded;
    if (padded > 1 && src.at(qsizetype(padded) - 1) == u'=')
        --padded;
    const size_t dstlen = (padded * 3) >> 2;
    size_t size = srclen;
    if (size >= 2 && src.at(qsizetype(size) - 1) == u'=') {
        --size;
        if (src.at(qsizetype(size) - 1) == u'=')
            --size;
    }
    const size_t decodedSize = srclen < 2 ? 0 : (size > 1 ? (size / 4) * 3 + (size % 4 + 1) / 2 : 0);
    QByteArray dst(qsizetype(dstlen), '\0');
    size_t i = 0;
    size_t k = 0;
    // One group of four characters, skipping invalid ones; false means "stop decoding".
    const auto slowGroup = [&]() -> bool {
        uchar hi = 0;
        uchar lo = 0;
        for (int step = 0; step < 4; ++step) {
            for (;;) {
                const char16_t c = src.at(qsizetype(i)).unicode();
                lo = unbase64(c);
                ++i;
                if (lo < 64)
                    break;
                if (uchar(c) == '=' || i >= srclen)
                    return false;
            }
            if (step == 1)
                dst[qsizetype(k++)] = char(((hi & 0x3F) << 2) | ((lo & 0x30) >> 4));
            else if (step == 2)
                dst[qsizetype(k++)] = char(((hi & 0x0F) << 4) | ((lo & 0x3C) >> 2));
            else if (step == 3)
                dst[qsizetype(k++)] = char(((hi & 0x03) << 6) | (lo & 0x3F));
            if (i >= srclen)
                return false;
            if (k >= dstlen)
                return false;
            hi = lo;
        }
        return true;
    };
    const size_t available = std::min(dstlen, decodedSize);
    const size_t maxK = available / 3 * 3;
    size_t maxI = srclen / 4 * 4;
    bool stopped = false;
    while (i < maxI && k < maxK) {
        const uchar a = unbase64(src.at(qsizetype(i)).unicode());
        const uchar b = unbase64(src.at(qsizetype(i + 1)).unicode());
        const uchar c = unbase64(src.at(qsizetype(i + 2)).unicode());
        const uchar d = unbase64(src.at(qsizetype(i + 3)).unicode());
        if ((a | b | c | d) & 0x80) {
            if (!slowGroup()) {
                stopped = true;
                break;
            }
            maxI = i + (srclen - i) / 4 * 4;
        } else {
            dst[qsizetype(k)] = char((a << 2) | (b >> 4));
            dst[qsizetype(k + 1)] = char(((b & 0x0F) << 4) | (c >> 2));
            dst[qsizetype(k + 2)] = char(((c & 0x03) << 6) | d);
            i += 4;
            k += 3;
        }
    }
    if (!stopped && i < srclen && k < dstlen)
        slowGroup();
    dst.truncate(qsizetype(k));
    return dst;
}

// String iteration joins surrogate pairs; a lone surrogate is its own element.
std::vector<char32_t> codePoints(QStringView s)
{
    std::vector<char32_t> out;
    out.reserve(size_t(s.size()));
    for (qsizetype i = 0; i < s.size(); ++i) {
        const char16_t c = s.at(i).unicode();
        if (QChar::isHighSurrogate(c) && i + 1 < s.size() && QChar::isLowSurrogate(s.at(i + 1).unicode()))
            out.push_back(QChar::surrogateToUcs4(c, s.at(++i).unicode()));
        else
            out.push_back(c);
    }
    return out;
}

} // namespace inkmapper::mapping::liquid::Internal
