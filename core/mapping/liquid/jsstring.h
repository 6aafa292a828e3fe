#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace inkmapper::mapping::liquid::Internal {

/** String.prototype.trim / trimStart / trimEnd (JavaScript white space and line terminators). */
QString jsTrim(const QString &s);
QString jsTrimStart(const QString &s);
QString jsTrimEnd(const QString &s);

/** `s.split(/\s+/)`: the pieces between runs of white space (a leading or trailing run gives ""). */
QStringList splitOnWhitespace(const QString &s);
/** `s.replace(/\s+/g, replacement)`. */
QString replaceWhitespaceRuns(const QString &s, QStringView replacement);

/** `s.split(separator)` with a string separator ("" splits into UTF-16 code units). */
QStringList jsSplit(const QString &s, const QString &separator);

/** `s.slice(start, end)` on UTF-16 code units, with JavaScript's negative and out-of-range handling. */
QString jsSlice(const QString &s, double start, double end);
/** `s.substring(start, end)` (NaN and negatives clamp to 0, arguments swap when reversed). */
QString jsSubstring(const QString &s, double start, double end);

/** encodeURIComponent (or encodeURI when `keepReserved`); a lone surrogate throws URIError. */
QString encodeUri(const QString &s, bool keepReserved);
/** decodeURIComponent; malformed escapes or UTF-8 throw URIError. */
QString decodeUriComponent(const QString &s);

/** The UTF-8 bytes Node writes for a string: lone surrogates become U+FFFD. */
QByteArray toUtf8(QStringView s);
/** Node's buffer.toString('utf8'): invalid sequences become U+FFFD (WHATWG decoding). */
QString fromUtf8(const QByteArray &bytes);

/** Buffer.from(s, 'base64') of Node 20: skips characters outside both alphabets, stops at '='. */
QByteArray base64DecodeLikeNode(QStringView s);

/** The code points of `s` as `[...s]` iterates them (paired surrogates joined, lone ones kept). */
std::vector<char32_t> codePoints(QStringView s);

} // namespace inkmapper::mapping::liquid::Internal
