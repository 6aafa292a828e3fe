#include "idna.h"

#include "punycode.h"

#include <QUrl>

#include <algorithm>
#include <optional>
#include <vector>

namespace inkmapper::destination::Internal {

namespace {

bool isAscii(QStringView s)
{
    for (QChar c : s) {
        if (c.unicode() >= 0x80)
            return false;
    }
    return true;
}

QString lowerAscii(QString s)
{
    for (QChar &c : s) {
        if (c >= u'A' && c <= u'Z')
            c = QChar(c.unicode() + 32);
    }
    return s;
}

// The UTS #46 mapping step, one code point at a time: ASCII is kept (lower-cased; the STD3 rules are
// off), anything else is mapped with Qt's IDNA tables. A code point Qt maps to nothing inside a label
// is an ignored one (soft hyphen, zero-width no-break space); one Qt refuses is disallowed.
std::optional<QString> mapDomain(const QString &domain)
{
    QString out;
    for (qsizetype i = 0; i < domain.size(); ++i) {
        const char16_t c = domain[i].unicode();
        if (c < 0x80) {
            out += (c >= u'A' && c <= u'Z') ? QChar(char16_t(c + 32)) : QChar(c);
            continue;
        }
        QString cp(domain[i]);
        if (QChar::isHighSurrogate(c) && i + 1 < domain.size() && domain[i + 1].isLowSurrogate())
            cp += domain[++i];
        else if (QChar::isSurrogate(c))
            return std::nullopt;
        // Digits as the probe's frame: unlike letters they compose with no combining mark.
        const QString probe = QString::fromLatin1(QUrl::toAce(QLatin1Char('0') + cp + QLatin1Char('0')));
        if (probe.isEmpty())
            return std::nullopt;
        QString mapped;
        if (probe.startsWith(QLatin1String("xn--"))) {
            const std::optional<QString> decoded = Punycode::decode(QStringView(probe).mid(4));
            if (!decoded)
                return std::nullopt;
            mapped = *decoded;
        } else {
            mapped = probe;
        }
        // Strip the probe's own letters back off; what is left is the mapping (a dot for U+3002 etc.).
        if (mapped.size() < 2 || mapped.front() != u'0' || mapped.back() != u'0')
            return std::nullopt;
        out += mapped.mid(1, mapped.size() - 2);
    }
    return out;
}

std::vector<char32_t> codePoints(QStringView s)
{
    std::vector<char32_t> out;
    for (qsizetype i = 0; i < s.size(); ++i) {
        const char16_t c = s[i].unicode();
        if (QChar::isHighSurrogate(c) && i + 1 < s.size() && s[i + 1].isLowSurrogate()) {
            out.push_back(QChar::surrogateToUcs4(c, s[i + 1].unicode()));
            ++i;
        } else {
            out.push_back(c);
        }
    }
    return out;
}

bool isMark(char32_t c)
{
    const QChar::Category cat = QChar::category(c);
    return cat == QChar::Mark_NonSpacing || cat == QChar::Mark_SpacingCombining || cat == QChar::Mark_Enclosing;
}

// RFC 5892 CONTEXTJ: ZWJ only after a virama; ZWNJ after a virama or between joining letters,
// (L|D) T* ZWNJ T* (R|D).
bool joinersValid(const std::vector<char32_t> &cps)
{
    for (size_t i = 0; i < cps.size(); ++i) {
        if (cps[i] != 0x200C && cps[i] != 0x200D)
            continue;
        if (i > 0 && QChar::combiningClass(cps[i - 1]) == 9)
            continue;
        if (cps[i] == 0x200D)
            return false;
        size_t before = i;
        while (before > 0 && QChar::joiningType(cps[before - 1]) == QChar::Joining_Transparent)
            --before;
        size_t after = i + 1;
        while (after < cps.size() && QChar::joiningType(cps[after]) == QChar::Joining_Transparent)
            ++after;
        const bool leftOk = before > 0 && (QChar::joiningType(cps[before - 1]) == QChar::Joining_Left
                                           || QChar::joiningType(cps[before - 1]) == QChar::Joining_Dual);
        const bool rightOk = after < cps.size() && (QChar::joiningType(cps[after]) == QChar::Joining_Right
                                                    || QChar::joiningType(cps[after]) == QChar::Joining_Dual);
        if (!leftOk || !rightOk)
            return false;
    }
    return true;
}

// The Bidi Rule (RFC 5893) as Node 20's IDNA code behaves, which is laxer than the RFC: a label that
// begins with an R, AL or AN character must hold only RTL-compatible characters, end (before any NSM)
// in R, AL, EN or AN, and not mix EN with AN; any other label only has the characters between its
// first and last checked against the LTR set.
bool bidiValid(const std::vector<char32_t> &cps)
{
    const bool bidi = std::any_of(cps.begin(), cps.end(), [](char32_t c) {
        const QChar::Direction d = QChar::direction(c);
        return d == QChar::DirR || d == QChar::DirAL || d == QChar::DirAN;
    });
    if (!bidi || cps.empty())
        return true;
    const QChar::Direction first = QChar::direction(cps.front());
    if (first == QChar::DirR || first == QChar::DirAL || first == QChar::DirAN) {
        bool hasEn = false;
        bool hasAn = first == QChar::DirAN;
        for (size_t i = 1; i < cps.size(); ++i) {
            switch (QChar::direction(cps[i])) {
            case QChar::DirEN: hasEn = true; break;
            case QChar::DirAN: hasAn = true; break;
            case QChar::DirR: case QChar::DirAL: case QChar::DirES: case QChar::DirCS: case QChar::DirET:
            case QChar::DirON: case QChar::DirBN: case QChar::DirNSM:
                break;
            default:
                return false;
            }
        }
        if (hasEn && hasAn)
            return false;
        size_t last = cps.size();
        while (last > 1 && QChar::direction(cps[last - 1]) == QChar::DirNSM)
            --last;
        const QChar::Direction end = QChar::direction(cps[last - 1]);
        return end == QChar::DirR || end == QChar::DirAL || end == QChar::DirEN || end == QChar::DirAN;
    }
    for (size_t i = 1; i + 1 < cps.size(); ++i) {
        switch (QChar::direction(cps[i])) {
        case QChar::DirL: case QChar::DirEN: case QChar::DirES: case QChar::DirCS: case QChar::DirET:
        case QChar::DirON: case QChar::DirBN: case QChar::DirNSM:
            break;
        default:
            return false;
        }
    }
    return true;
}

// UTS #46 label validity as ada checks it: no leading combining mark, joiners in context, the Bidi Rule.
bool isValidUnicodeLabel(QStringView label)
{
    const std::vector<char32_t> cps = codePoints(label);
    if (!cps.empty() && isMark(cps.front()))
        return false;
    return joinersValid(cps) && bidiValid(cps);
}

// An "xn--" label must decode to a non-empty, valid label that mapping and NFC leave unchanged (Node
// 20's ada accepts labels that decode to plain ASCII, such as "xn--a-").
bool isValidAceLabel(const QString &label)
{
    const std::optional<QString> decoded = Punycode::decode(QStringView(label).mid(4));
    if (!decoded || decoded->isEmpty())
        return false;
    const std::optional<QString> mapped = mapDomain(*decoded);
    if (!mapped || *mapped != *decoded || decoded->normalized(QString::NormalizationForm_C) != *decoded)
        return false;
    return isValidUnicodeLabel(*decoded);
}

} // namespace

QString Idna::toAscii(const QString &domain)
{
    // ada's to_ascii, as Node 20's url.parse calls it: UTS #46 non-transitional processing without the
    // STD3 rules and without hyphen checks. An all-ASCII domain is only lower-cased and its "xn--"
    // labels verified.
    if (isAscii(domain)) {
        QStringList labels = lowerAscii(domain).split(u'.');
        for (const QString &label : labels) {
            if (label.startsWith(QLatin1String("xn--")) && !isValidAceLabel(label))
                return {};
        }
        return labels.join(u'.');
    }
    std::optional<QString> mapped = mapDomain(domain);
    if (!mapped)
        return {};
    const QString normalized = mapped->normalized(QString::NormalizationForm_C);
    QStringList out;
    for (const QString &label : normalized.split(u'.')) {
        if (label.isEmpty() || isAscii(label)) {
            if (label.startsWith(QLatin1String("xn--")) && !isValidAceLabel(label))
                return {};
            out.append(label);
            continue;
        }
        // An "xn--" label must be ASCII.
        if (label.startsWith(QLatin1String("xn--")) || !isValidUnicodeLabel(label))
            return {};
        const std::optional<QString> encoded = Punycode::encode(label);
        if (!encoded)
            return {};
        out.append(QStringLiteral("xn--") + *encoded);
    }
    return out.join(u'.');
}

} // namespace inkmapper::destination::Internal
