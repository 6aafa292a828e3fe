#pragma once

#include <QString>
#include <QStringView>

#include <string>
#include <string_view>

namespace inkmapper::json {

/** Appends JavaScript's Number::toString(d) (shortest round-trip digits, exponent form from 1e21 up and
 *  below 1e-6, "-0" printed as "0", "NaN", "Infinity"). */
void appendNumber(std::string &out, double d);
/** JavaScript's String(d) for a number. */
QString numberToString(double d);
/** A decimal literal without sign ("12", "1.5e-3", ".5") as the nearest double; overflow gives
 *  Infinity and underflow 0, as JavaScript reads `1e400` and `1e-400`. */
double parseDecimal(std::string_view literal);
/** JavaScript's Number(text): whitespace trimmed, "" is 0, hex/octal/binary prefixes, Infinity, else NaN. */
double stringToNumber(QStringView text);
/** JavaScript's white space and line terminators, as String.prototype.trim removes them. */
bool isJsWhitespace(char16_t c);

} // namespace inkmapper::json
