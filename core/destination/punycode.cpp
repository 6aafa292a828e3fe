#include "punycode.h"

#include <vector>

namespace inkmapper::destination::Internal {

namespace {

constexpr char32_t base = 36;
constexpr char32_t tMin = 1;
constexpr char32_t tMax = 26;
constexpr char32_t skew = 38;
constexpr char32_t damp = 700;
constexpr char32_t initialBias = 72;
constexpr char32_t initialN = 128;

char32_t adapt(char32_t delta, char32_t numPoints, bool firstTime)
{
    delta = firstTime ? delta / damp : delta / 2;
    delta += delta / numPoints;
    char32_t k = 0;
    while (delta > ((base - tMin) * tMax) / 2) {
        delta /= base - tMin;
        k += base;
    }
    return k + (((base - tMin + 1) * delta) / (delta + skew));
}

int digitValue(char16_t c)
{
    if (c >= u'0' && c <= u'9')
        return c - u'0' + 26;
    if (c >= u'a' && c <= u'z')
        return c - u'a';
    if (c >= u'A' && c <= u'Z')
        return c - u'A';
    return -1;
}

} // namespace

std::optional<QString> Punycode::decode(QStringView input)
{
    std::vector<char32_t> output;
    const qsizetype lastDelimiter = input.lastIndexOf(u'-');
    if (lastDelimiter > 0) {
        for (qsizetype i = 0; i < lastDelimiter; ++i) {
            if (input[i].unicode() >= 0x80)
                return std::nullopt;
            output.push_back(input[i].unicode());
        }
    }
    char32_t n = initialN;
    char32_t bias = initialBias;
    quint64 i = 0;
    for (qsizetype in = lastDelimiter > 0 ? lastDelimiter + 1 : 0; in < input.size();) {
        const quint64 oldi = i;
        quint64 w = 1;
        for (char32_t k = base;; k += base) {
            if (in >= input.size())
                return std::nullopt;
            const int digit = digitValue(input[in++].unicode());
            if (digit < 0)
                return std::nullopt;
            i += quint64(digit) * w;
            if (i > 0x10FFFF * quint64(output.size() + 1))
                return std::nullopt;
            const char32_t t = k <= bias ? tMin : (k >= bias + tMax ? tMax : k - bias);
            if (char32_t(digit) < t)
                break;
            w *= base - t;
        }
        const quint64 count = output.size() + 1;
        bias = adapt(char32_t(i - oldi), char32_t(count), oldi == 0);
        n += char32_t(i / count);
        i %= count;
        if (n > 0x10FFFF || (n >= 0xD800 && n <= 0xDFFF))
            return std::nullopt;
        output.insert(output.begin() + qsizetype(i), n);
        ++i;
    }
    QString out;
    for (char32_t c : output) {
        if (c >= 0x10000) {
            out += QChar(QChar::highSurrogate(c));
            out += QChar(QChar::lowSurrogate(c));
        } else {
            out += QChar(char16_t(c));
        }
    }
    return out;
}

std::optional<QString> Punycode::encode(QStringView input)
{
    std::vector<char32_t> codePoints;
    for (qsizetype i = 0; i < input.size(); ++i) {
        const char16_t c = input[i].unicode();
        if (QChar::isHighSurrogate(c) && i + 1 < input.size() && input[i + 1].isLowSurrogate()) {
            codePoints.push_back(QChar::surrogateToUcs4(c, input[i + 1].unicode()));
            ++i;
        } else if (QChar::isSurrogate(c)) {
            return std::nullopt;
        } else {
            codePoints.push_back(c);
        }
    }
    auto encodeDigit = [](char32_t d) { return QChar(char16_t(d < 26 ? u'a' + d : u'0' + (d - 26))); };

    QString out;
    for (char32_t c : codePoints) {
        if (c < 0x80)
            out += QChar(char16_t(c));
    }
    const char32_t basicCount = char32_t(out.size());
    char32_t handled = basicCount;
    if (basicCount > 0)
        out += u'-';
    char32_t n = initialN;
    quint64 delta = 0;
    char32_t bias = initialBias;
    while (handled < codePoints.size()) {
        char32_t m = 0x10FFFF + 1;
        for (char32_t c : codePoints) {
            if (c >= n && c < m)
                m = c;
        }
        delta += quint64(m - n) * (handled + 1);
        n = m;
        for (char32_t c : codePoints) {
            if (c < n)
                ++delta;
            if (c != n)
                continue;
            quint64 q = delta;
            for (char32_t k = base;; k += base) {
                const char32_t t = k <= bias ? tMin : (k >= bias + tMax ? tMax : k - bias);
                if (q < t)
                    break;
                out += encodeDigit(char32_t(t + (q - t) % (base - t)));
                q = (q - t) / (base - t);
            }
            out += encodeDigit(char32_t(q));
            bias = adapt(char32_t(delta), handled + 1, handled == basicCount);
            delta = 0;
            ++handled;
        }
        ++delta;
        ++n;
    }
    return out;
}

} // namespace inkmapper::destination::Internal
