#include "casemapping.h"

#include <algorithm>
#include <cstdint>

namespace inkmapper::mapping {

namespace {

/** Code points first…last (every `stride`-th) that map to code point + delta. */
struct CaseRun
{
    char32_t first;
    char32_t last;
    int stride;
    int delta;
};

/** A code point whose mapping is more than one code point, as UTF-16. */
struct CaseSpecial
{
    char32_t codePoint;
    int length;
    char16_t units[3];
};

struct CodePointRange
{
    char32_t first;
    char32_t last;
};

// The tables come from the JavaScript engine itself (see generate-unicode-case-data.js), so that the
// mappings match Node's ICU rather than whichever Unicode version QChar happens to carry.
#include "unicodecasedata.inc"

template<typename T, size_t N>
const T *findByFirst(const T (&table)[N], char32_t cp)
{
    // The last entry whose first code point is <= cp is the only candidate.
    const T *it = std::upper_bound(std::begin(table), std::end(table), cp,
                                   [](char32_t c, const T &e) { return c < e.first; });
    return it == std::begin(table) ? nullptr : it - 1;
}

template<size_t N>
char32_t mapByRuns(const CaseRun (&runs)[N], char32_t cp)
{
    const CaseRun *run = findByFirst(runs, cp);
    if (run && cp <= run->last && (cp - run->first) % char32_t(run->stride) == 0)
        return char32_t(int(cp) + run->delta);
    return cp;
}

template<size_t N>
const CaseSpecial *findSpecial(const CaseSpecial (&specials)[N], char32_t cp)
{
    const CaseSpecial *it = std::lower_bound(std::begin(specials), std::end(specials), cp,
                                             [](const CaseSpecial &e, char32_t c) { return e.codePoint < c; });
    return it != std::end(specials) && it->codePoint == cp ? it : nullptr;
}

template<size_t N>
bool inRanges(const CodePointRange (&ranges)[N], char32_t cp)
{
    const CodePointRange *range = findByFirst(ranges, cp);
    return range && cp <= range->last;
}

void appendCodePoint(QString &out, char32_t cp)
{
    if (cp > 0xFFFF) {
        out += QChar(QChar::highSurrogate(cp));
        out += QChar(QChar::lowSurrogate(cp));
    } else {
        out += QChar(char16_t(cp));
    }
}

/** The code point at `i` (a lone surrogate stands for itself) and its length in code units. */
char32_t codePointAt(const QString &s, qsizetype i, qsizetype *length)
{
    const char16_t u = s[i].unicode();
    if (QChar::isHighSurrogate(u) && i + 1 < s.size() && QChar::isLowSurrogate(s[i + 1].unicode())) {
        *length = 2;
        return QChar::surrogateToUcs4(u, s[i + 1].unicode());
    }
    *length = 1;
    return u;
}

char32_t codePointBefore(const QString &s, qsizetype end, qsizetype *length)
{
    const char16_t u = s[end - 1].unicode();
    if (QChar::isLowSurrogate(u) && end >= 2 && QChar::isHighSurrogate(s[end - 2].unicode())) {
        *length = 2;
        return QChar::surrogateToUcs4(s[end - 2].unicode(), u);
    }
    *length = 1;
    return u;
}

bool isCased(char32_t cp)
{
    return inRanges(kCased, cp);
}

bool isCaseIgnorable(char32_t cp)
{
    return inRanges(kCaseIgnorable, cp);
}

/**
 * Unicode's Final_Sigma condition for the Σ at `at`: a cased letter before it and none after it, both
 * looking past case-ignorable characters (which win when a character is both, as in ICU).
 */
bool isFinalSigma(const QString &s, qsizetype at)
{
    bool casedBefore = false;
    for (qsizetype end = at; end > 0;) {
        qsizetype length = 0;
        const char32_t cp = codePointBefore(s, end, &length);
        end -= length;
        if (isCaseIgnorable(cp))
            continue;
        casedBefore = isCased(cp);
        break;
    }
    if (!casedBefore)
        return false;
    for (qsizetype i = at + 1; i < s.size();) {
        qsizetype length = 0;
        const char32_t cp = codePointAt(s, i, &length);
        i += length;
        if (isCaseIgnorable(cp))
            continue;
        return !isCased(cp);
    }
    return true;
}

enum class Direction { Upper, Lower };

QString mapCase(const QString &text, Direction direction)
{
    // ASCII-only text needs no table: find the first character that changes, or return the original.
    qsizetype i = 0;
    const qsizetype n = text.size();
    for (; i < n; ++i) {
        const char16_t u = text[i].unicode();
        if (u >= 0x80)
            break;
        if (direction == Direction::Upper ? (u >= u'a' && u <= u'z') : (u >= u'A' && u <= u'Z'))
            break;
    }
    if (i == n)
        return text;

    QString out;
    out.reserve(n + 8);
    out += QStringView(text).first(i);
    while (i < n) {
        const char16_t u = text[i].unicode();
        if (u < 0x80) {
            if (direction == Direction::Upper && u >= u'a' && u <= u'z')
                out += QChar(char16_t(u - 32));
            else if (direction == Direction::Lower && u >= u'A' && u <= u'Z')
                out += QChar(char16_t(u + 32));
            else
                out += QChar(u);
            ++i;
            continue;
        }
        qsizetype length = 0;
        const char32_t cp = codePointAt(text, i, &length);
        if (direction == Direction::Lower && cp == 0x03A3) {
            out += QChar(char16_t(isFinalSigma(text, i) ? 0x03C2 : 0x03C3));
        } else if (const CaseSpecial *special = direction == Direction::Upper ? findSpecial(kUpperSpecials, cp)
                                                                               : findSpecial(kLowerSpecials, cp)) {
            out += QStringView(special->units, special->length);
        } else {
            appendCodePoint(out, direction == Direction::Upper ? mapByRuns(kUpperRuns, cp) : mapByRuns(kLowerRuns, cp));
        }
        i += length;
    }
    return out;
}

} // namespace

QString jsToUpperCase(const QString &text)
{
    return mapCase(text, Direction::Upper);
}

QString jsToLowerCase(const QString &text)
{
    return mapCase(text, Direction::Lower);
}

char16_t jsRegExpCanonicalize(char16_t unit)
{
    if (unit < 0x80)
        return unit >= u'a' && unit <= u'z' ? char16_t(unit - 32) : unit;
    if (QChar::isSurrogate(unit) || findSpecial(kUpperSpecials, unit))
        return unit; // toUpperCase gives more than one code unit
    const char32_t upper = mapByRuns(kUpperRuns, unit);
    if (upper > 0xFFFF || upper < 0x80)
        return unit;
    return char16_t(upper);
}

} // namespace inkmapper::mapping
