// The URL filters of liquidjs (src/filters/url.ts): url_encode, url_decode, cgi_escape, uri_escape, slugify.
#include "filterregistry.h"
#include "jsstring.h"

#include "mapping/casemapping.h"

#include <QChar>

namespace inkmapper::mapping::liquid::Internal {

namespace {

/** `url_decode`: decodeURIComponent, then '+' as space (so an encoded %2B becomes a space too). */
LiquidValue urlDecode(const FilterCall &call)
{
    return json::Value(decodeUriComponent(stringify(call.input())).replace(u'+', u' '));
}

/** `url_encode`: encodeURIComponent with spaces as '+'. */
LiquidValue urlEncode(const FilterCall &call)
{
    return json::Value(encodeUri(stringify(call.input()), false).replace(QStringLiteral("%20"), QStringLiteral("+")));
}

/** `cgi_escape`: url_encode that also escapes ! ' ( ) *. */
LiquidValue cgiEscape(const FilterCall &call)
{
    QString s = encodeUri(stringify(call.input()), false).replace(QStringLiteral("%20"), QStringLiteral("+"));
    QString out;
    out.reserve(s.size());
    for (const QChar c : s) {
        switch (c.unicode()) {
        case u'!':
            out += u"%21";
            break;
        case u'\'':
            out += u"%27";
            break;
        case u'(':
            out += u"%28";
            break;
        case u')':
            out += u"%29";
            break;
        case u'*':
            out += u"%2A";
            break;
        default:
            out += c;
        }
    }
    return json::Value(out);
}

/** `uri_escape`: encodeURI, keeping [ and ]. */
LiquidValue uriEscape(const FilterCall &call)
{
    return json::Value(encodeUri(stringify(call.input()), true)
                           .replace(QStringLiteral("%5B"), QStringLiteral("["))
                           .replace(QStringLiteral("%5D"), QStringLiteral("]")));
}

/** \p{M}, \p{L} or \p{Nd}: what the default slug keeps. */
bool isSlugCharacter(char32_t cp)
{
    switch (QChar::category(cp)) {
    case QChar::Mark_NonSpacing:
    case QChar::Mark_SpacingCombining:
    case QChar::Mark_Enclosing:
    case QChar::Letter_Uppercase:
    case QChar::Letter_Lowercase:
    case QChar::Letter_Titlecase:
    case QChar::Letter_Modifier:
    case QChar::Letter_Other:
    case QChar::Number_DecimalDigit:
        return true;
    default:
        return false;
    }
}

QString removeAccents(const QString &s)
{
    static const std::vector<std::pair<QString, QString>> table = {
        {QStringLiteral("àáâãäå"), QStringLiteral("a")}, {QStringLiteral("æ"), QStringLiteral("ae")},
        {QStringLiteral("ç"), QStringLiteral("c")},      {QStringLiteral("èéêë"), QStringLiteral("e")},
        {QStringLiteral("ìíîï"), QStringLiteral("i")},   {QStringLiteral("ð"), QStringLiteral("d")},
        {QStringLiteral("ñ"), QStringLiteral("n")},      {QStringLiteral("òóôõöø"), QStringLiteral("o")},
        {QStringLiteral("ùúûü"), QStringLiteral("u")},   {QStringLiteral("ýÿ"), QStringLiteral("y")},
        {QStringLiteral("ß"), QStringLiteral("ss")},     {QStringLiteral("œ"), QStringLiteral("oe")},
        {QStringLiteral("þ"), QStringLiteral("th")},     {QStringLiteral("ẞ"), QStringLiteral("SS")},
        {QStringLiteral("Œ"), QStringLiteral("OE")},     {QStringLiteral("Þ"), QStringLiteral("TH")}};
    QString out;
    out.reserve(s.size());
    for (const QChar c : s) {
        bool replaced = false;
        for (const auto &[from, to] : table) {
            if (from.contains(c)) {
                out += to;
                replaced = true;
                break;
            }
        }
        if (!replaced)
            out += c;
    }
    return out;
}

/** Replaces every run of characters that `keep` rejects with one "-", by code point or code unit. */
template<typename Keep>
QString replaceRuns(const QString &s, bool byCodePoint, Keep keep)
{
    QString out;
    out.reserve(s.size());
    bool inRun = false;
    for (qsizetype i = 0; i < s.size(); ++i) {
        char32_t cp = s.at(i).unicode();
        qsizetype width = 1;
        if (byCodePoint && QChar::isHighSurrogate(cp) && i + 1 < s.size()
            && QChar::isLowSurrogate(s.at(i + 1).unicode())) {
            cp = QChar::surrogateToUcs4(char16_t(cp), s.at(i + 1).unicode());
            width = 2;
        }
        if (keep(cp)) {
            out += QStringView(s).mid(i, width);
            inRun = false;
        } else if (!inRun) {
            out += u'-';
            inRun = true;
        }
        i += width - 1;
    }
    return out;
}

QString stripEdgeDashes(QString s)
{
    // `.replace(/^-|-$/g, '')` removes at most one dash at each end.
    if (s.startsWith(u'-'))
        s.remove(0, 1);
    if (s.endsWith(u'-'))
        s.chop(1);
    return s;
}

LiquidValue slugify(const FilterCall &call)
{
    // Modes: default/latin keep letters, marks and decimal digits (latin first folds accents), pretty
    // also keeps URL punctuation, ascii keeps [A-Za-z0-9], raw only replaces white space, none and
    // unknown modes only lower-case. One leading and one trailing dash are removed.
    QString str = stringify(call.input());
    const LiquidValue modeValue = call.argOr(0, json::Value(QStringLiteral("default")));
    const QString mode = toJsString(modeValue);
    const bool cased = isJsTruthy(call.arg(1));
    static const QString pretty = QStringLiteral("._~!$&'()+,;=@");
    if (mode == u"default" || mode == u"latin") {
        if (mode == u"latin")
            str = removeAccents(str);
        str = stripEdgeDashes(replaceRuns(str, true, isSlugCharacter));
    } else if (mode == u"pretty") {
        str = stripEdgeDashes(replaceRuns(str, true, [](char32_t cp) {
            return isSlugCharacter(cp) || (cp < 0x80 && pretty.contains(QChar(char16_t(cp))));
        }));
    } else if (mode == u"ascii") {
        str = stripEdgeDashes(replaceRuns(str, false, [](char32_t cp) {
            return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
        }));
    } else if (mode == u"raw") {
        str = stripEdgeDashes(replaceWhitespaceRuns(str, u"-"));
    } else if (mode == u"constructor" || mode == u"toString" || mode == u"valueOf" || mode == u"hasOwnProperty"
               || mode == u"isPrototypeOf" || mode == u"propertyIsEnumerable" || mode == u"toLocaleString"
               || mode == u"__defineGetter__" || mode == u"__defineSetter__" || mode == u"__lookupGetter__"
               || mode == u"__lookupSetter__" || mode == u"__proto__") {
        // The mode table is a plain object, so these names reach Object.prototype members; replacing the
        // source text of a built-in function never matches, but the edge dashes still go.
        const qsizetype at = str.indexOf(QStringLiteral("[object Object]"));
        if (mode == u"__proto__" && at >= 0)
            str.replace(at, 15, QStringLiteral("-"));
        str = stripEdgeDashes(str);
    }
    return json::Value(cased ? str : jsToLowerCase(str));
}

} // namespace

void registerUrlFilters(FilterRegistry &registry)
{
    registry.add("url_decode", &urlDecode);
    registry.add("url_encode", &urlEncode);
    registry.add("cgi_escape", &cgiEscape);
    registry.add("uri_escape", &uriEscape);
    registry.add("slugify", &slugify);
}

} // namespace inkmapper::mapping::liquid::Internal
