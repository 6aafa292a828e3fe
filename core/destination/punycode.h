#pragma once

#include <QString>

#include <optional>

namespace inkmapper::destination::Internal {

/** RFC 3492 Punycode, as IDNA uses it for "xn--" labels. */
class Punycode
{
public:
    /** Decodes the part of a label after "xn--"; nullopt for invalid input (bad digit, overflow, a
     *  non-basic character before the last delimiter). */
    static std::optional<QString> decode(QStringView input);
    /** Encodes a label (without the "xn--" prefix); nullopt for a lone surrogate. */
    static std::optional<QString> encode(QStringView input);
};

} // namespace inkmapper::destination::Internal
