#pragma once

#include <cstddef>
#include <string>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace inkmapper::json::ascii {

// JSON text is mostly runs of plain ASCII between quotes; finding where such a run ends 16 bytes (or 8
// UTF-16 units) at a time is most of what parsing and writing strings costs. "Plain" means no '"',
// no '\\', no control character and nothing outside ASCII: the characters a string copies verbatim.

/** The first byte in [p, end) that is not plain ASCII, or end. */
inline const char *skipPlain(const char *p, const char *end)
{
#if defined(__SSE2__)
    const __m128i quote = _mm_set1_epi8('"');
    const __m128i backslash = _mm_set1_epi8('\\');
    const __m128i space = _mm_set1_epi8(0x20);
    while (end - p >= 16) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p));
        // Signed bytes: >= 0x80 are negative, so one "< 0x20" also catches non-ASCII.
        const __m128i special = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, backslash)),
                                             _mm_cmplt_epi8(v, space));
        if (const int mask = _mm_movemask_epi8(special))
            return p + __builtin_ctz(unsigned(mask));
        p += 16;
    }
#endif
    while (p < end) {
        const unsigned char c = static_cast<unsigned char>(*p);
        if (c == '"' || c == '\\' || c < 0x20 || c >= 0x80)
            break;
        ++p;
    }
    return p;
}

/** Whether a UTF-16 unit is plain ASCII. */
inline bool isPlain(char16_t u)
{
    return u >= 0x20 && u < 0x80 && u != u'"' && u != u'\\';
}

#if defined(__SSE2__)
/** For the 8 UTF-16 units in `v`, a pair of bits (as _mm_movemask_epi8 sets them) for each that is not plain. */
inline int notPlainMask(__m128i v)
{
    // Signed units: >= 0x8000 are negative and caught by "< 0x20"; 0x80..0x7FFF by "> 0x7F".
    const __m128i special =
        _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi16(v, _mm_set1_epi16(u'"')), _mm_cmpeq_epi16(v, _mm_set1_epi16(u'\\'))),
                     _mm_or_si128(_mm_cmplt_epi16(v, _mm_set1_epi16(0x20)), _mm_cmpgt_epi16(v, _mm_set1_epi16(0x7F))));
    return _mm_movemask_epi8(special);
}
#endif

/** The first UTF-16 unit in [p, end) that is not plain ASCII, or end. */
inline const char16_t *skipPlain(const char16_t *p, const char16_t *end)
{
#if defined(__SSE2__)
    while (end - p >= 8) {
        if (const int mask = notPlainMask(_mm_loadu_si128(reinterpret_cast<const __m128i *>(p))))
            return p + __builtin_ctz(unsigned(mask)) / 2;
        p += 8;
    }
#endif
    while (p < end && isPlain(*p))
        ++p;
    return p;
}

/**
 * Copies the plain ASCII units at the start of [p, end) to `dst` as bytes (room for end - p bytes),
 * stopping at the first unit that is not plain; returns that unit's position, or end.
 */
inline const char16_t *narrowPlain(const char16_t *p, const char16_t *end, char *dst)
{
    const char16_t *start = p;
#if defined(__SSE2__)
    while (end - p >= 8) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p));
        // Narrowed before looking: bytes past a special unit are simply overwritten later.
        _mm_storel_epi64(reinterpret_cast<__m128i *>(dst + (p - start)), _mm_packus_epi16(v, v));
        if (const int mask = notPlainMask(v))
            return p + __builtin_ctz(unsigned(mask)) / 2;
        p += 8;
    }
#endif
    while (p < end && isPlain(*p)) {
        dst[p - start] = char(*p);
        ++p;
    }
    return p;
}

/** Appends the ASCII units [p, end) to `out` as bytes. */
inline void appendNarrowed(std::string &out, const char16_t *p, const char16_t *end)
{
    const size_t at = out.size();
    out.resize(at + size_t(end - p));
    char *dst = out.data() + at;
#if defined(__SSE2__)
    while (end - p >= 8) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p));
        _mm_storel_epi64(reinterpret_cast<__m128i *>(dst), _mm_packus_epi16(v, v));
        p += 8;
        dst += 8;
    }
#endif
    while (p < end)
        *dst++ = char(*p++);
}

} // namespace inkmapper::json::ascii
