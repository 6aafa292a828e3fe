#include "legacyurl.h"

#include "idna.h"

#include "mapping/casemapping.h"

#include <QStringList>

#include <string_view>

namespace inkmapper::destination::Internal {

namespace {

using namespace std::string_view_literals;

const Error invalidUrl{QStringLiteral("Invalid URL"), {}};
const Error uriMalformed{QStringLiteral("URI malformed"), {}};

bool isAsciiAlnum(char16_t c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9');
}

// JavaScript's \s class.
bool isJsRegexSpace(char16_t c)
{
    switch (c) {
    case 0x09: case 0x0a: case 0x0b: case 0x0c: case 0x0d: case 0x20: case 0xa0: case 0x1680:
    case 0x2028: case 0x2029: case 0x202f: case 0x205f: case 0x3000: case 0xfeff:
        return true;
    default:
        return c >= 0x2000 && c <= 0x200a;
    }
}

bool isSlashedProtocol(const QString &p)
{
    static const QStringList protocols{QStringLiteral("http"), QStringLiteral("http:"), QStringLiteral("https"),
                                       QStringLiteral("https:"), QStringLiteral("ftp"), QStringLiteral("ftp:"),
                                       QStringLiteral("gopher"), QStringLiteral("gopher:"), QStringLiteral("file"),
                                       QStringLiteral("file:"), QStringLiteral("ws"), QStringLiteral("ws:"),
                                       QStringLiteral("wss"), QStringLiteral("wss:")};
    return protocols.contains(p);
}

// hostlessProtocol and unsafeProtocol are the same set in Node 20.
bool isJavascriptProtocol(const std::optional<QString> &p)
{
    return p && (*p == QLatin1String("javascript") || *p == QLatin1String("javascript:"));
}

// /^(\/\/?(?!\/)[^?\s]*)(\?[^\s]*)?$/ — the fast path for plain paths (which have no host).
bool matchSimplePath(const QString &rest, QString *pathname, std::optional<QString> *search)
{
    const qsizetype n = rest.size();
    if (n == 0 || rest[0] != u'/')
        return false;
    qsizetype i = 1;
    if (i < n && rest[i] == u'/')
        ++i;
    if (i < n && rest[i] == u'/')
        return false;
    while (i < n && rest[i] != u'?' && !isJsRegexSpace(rest[i].unicode()))
        ++i;
    *pathname = rest.left(i);
    if (i == n) {
        *search = std::nullopt;
        return true;
    }
    if (rest[i] != u'?')
        return false;
    for (qsizetype j = i; j < n; ++j) {
        if (isJsRegexSpace(rest[j].unicode()))
            return false;
    }
    *search = rest.mid(i);
    return true;
}

// /^[a-z0-9.+-]+:/i
qsizetype matchProtocol(const QString &rest)
{
    qsizetype i = 0;
    while (i < rest.size() && (isAsciiAlnum(rest[i].unicode()) || rest[i] == u'.' || rest[i] == u'+' || rest[i] == u'-'))
        ++i;
    return (i > 0 && i < rest.size() && rest[i] == u':') ? i + 1 : 0;
}

// /^\/\/[^@/]+@[^@/]+/
bool matchHostPattern(const QString &rest)
{
    if (!rest.startsWith(QLatin1String("//")))
        return false;
    qsizetype i = 2;
    const qsizetype userStart = i;
    while (i < rest.size() && rest[i] != u'@' && rest[i] != u'/')
        ++i;
    if (i == userStart || i >= rest.size() || rest[i] != u'@')
        return false;
    ++i;
    return i < rest.size() && rest[i] != u'@' && rest[i] != u'/';
}

bool containsAny(const QString &s, QStringView chars)
{
    for (QChar c : s) {
        if (chars.contains(c))
            return true;
    }
    return false;
}

QString autoEscape(const QString &rest)
{
    QString out;
    out.reserve(rest.size());
    for (QChar qc : rest) {
        switch (qc.unicode()) {
        case u'\t': out += QLatin1String("%09"); break;
        case u'\n': out += QLatin1String("%0A"); break;
        case u'\r': out += QLatin1String("%0D"); break;
        case u' ': out += QLatin1String("%20"); break;
        case u'"': out += QLatin1String("%22"); break;
        case u'\'': out += QLatin1String("%27"); break;
        case u'<': out += QLatin1String("%3C"); break;
        case u'>': out += QLatin1String("%3E"); break;
        case u'\\': out += QLatin1String("%5C"); break;
        case u'^': out += QLatin1String("%5E"); break;
        case u'`': out += QLatin1String("%60"); break;
        case u'{': out += QLatin1String("%7B"); break;
        case u'|': out += QLatin1String("%7C"); break;
        case u'}': out += QLatin1String("%7D"); break;
        default: out += qc;
        }
    }
    return out;
}

void appendHex(QString &out, unsigned byte)
{
    static const char digits[] = "0123456789ABCDEF";
    out += u'%';
    out += QLatin1Char(digits[(byte >> 4) & 0xf]);
    out += QLatin1Char(digits[byte & 0xf]);
}

// Node's internal/querystring encodeStr with the noEscapeAuth table.
std::optional<QString> encodeAuth(const QString &s)
{
    auto keep = [](char16_t c) {
        return isAsciiAlnum(c) || QStringView(u"!'()*-.:_~").contains(QChar(c));
    };
    QString out;
    const qsizetype n = s.size();
    for (qsizetype i = 0; i < n; ++i) {
        unsigned c = s[i].unicode();
        if (c < 0x80) {
            if (keep(char16_t(c)))
                out += QChar(c);
            else
                appendHex(out, c);
        } else if (c < 0x800) {
            appendHex(out, 0xC0 | (c >> 6));
            appendHex(out, 0x80 | (c & 0x3F));
        } else if (c < 0xD800 || c >= 0xE000) {
            appendHex(out, 0xE0 | (c >> 12));
            appendHex(out, 0x80 | ((c >> 6) & 0x3F));
            appendHex(out, 0x80 | (c & 0x3F));
        } else {
            // Any surrogate takes the next unit as its partner, whatever it is (Node's quirk).
            ++i;
            if (i >= n)
                return std::nullopt;
            const unsigned c2 = s[i].unicode() & 0x3FF;
            c = 0x10000 + (((c & 0x3FF) << 10) | c2);
            appendHex(out, 0xF0 | (c >> 18));
            appendHex(out, 0x80 | ((c >> 12) & 0x3F));
            appendHex(out, 0x80 | ((c >> 6) & 0x3F));
            appendHex(out, 0x80 | (c & 0x3F));
        }
    }
    return out;
}

bool isIpv6Hostname(const QString &h)
{
    return !h.isEmpty() && h.front() == u'[' && h.back() == u']';
}

QString lowerAscii(QString s)
{
    for (QChar &c : s) {
        if (c >= u'A' && c <= u'Z')
            c = QChar(c.unicode() + 32);
    }
    return s;
}

} // namespace

std::optional<QString> LegacyUrl::decodeUriComponent(const QString &s)
{
    auto hexValue = [](QChar c) -> int {
        const char16_t u = c.unicode();
        if (u >= u'0' && u <= u'9')
            return u - u'0';
        if (u >= u'a' && u <= u'f')
            return u - u'a' + 10;
        if (u >= u'A' && u <= u'F')
            return u - u'A' + 10;
        return -1;
    };
    auto byteAt = [&](qsizetype i) -> int {
        if (i + 2 >= s.size() || s[i] != u'%')
            return -1;
        const int hi = hexValue(s[i + 1]);
        const int lo = hexValue(s[i + 2]);
        return (hi < 0 || lo < 0) ? -1 : hi * 16 + lo;
    };
    QString out;
    out.reserve(s.size());
    const qsizetype n = s.size();
    for (qsizetype i = 0; i < n; ++i) {
        if (s[i] != u'%') {
            out += s[i];
            continue;
        }
        const int b = byteAt(i);
        if (b < 0)
            return std::nullopt;
        i += 2;
        if (b < 0x80) {
            out += QChar(char16_t(b));
            continue;
        }
        int count = 0;
        char32_t cp = 0;
        if ((b & 0xE0) == 0xC0) {
            count = 1;
            cp = b & 0x1F;
        } else if ((b & 0xF0) == 0xE0) {
            count = 2;
            cp = b & 0x0F;
        } else if ((b & 0xF8) == 0xF0) {
            count = 3;
            cp = b & 0x07;
        } else {
            return std::nullopt;
        }
        for (int k = 0; k < count; ++k) {
            if (i + 1 >= n)
                return std::nullopt;
            const int cont = byteAt(i + 1);
            if (cont < 0 || (cont & 0xC0) != 0x80)
                return std::nullopt;
            cp = (cp << 6) | char32_t(cont & 0x3F);
            i += 3;
        }
        // Overlong forms, surrogates and values beyond U+10FFFF are malformed for decodeURIComponent.
        static constexpr char32_t minimum[] = {0, 0x80, 0x800, 0x10000};
        if (cp < minimum[count] || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
            return std::nullopt;
        if (cp >= 0x10000) {
            out += QChar(QChar::highSurrogate(cp));
            out += QChar(QChar::lowSurrogate(cp));
        } else {
            out += QChar(char16_t(cp));
        }
    }
    return out;
}

Result<LegacyUrl> LegacyUrl::parse(const QString &url)
{
    LegacyUrl u;

    // Trim whitespace and turn backslashes before the first '?' or '#' into slashes.
    bool hasHash = false;
    bool hasAt = false;
    qsizetype start = -1;
    qsizetype end = -1;
    QString rest;
    qsizetype lastPos = 0;
    {
        bool inWs = false;
        bool split = false;
        for (qsizetype i = 0; i < url.size(); ++i) {
            const char16_t code = url[i].unicode();
            const bool isWs = code < 33 || code == 0xA0 || code == 0xFEFF;
            if (start == -1) {
                if (isWs)
                    continue;
                lastPos = start = i;
            } else if (inWs) {
                if (!isWs) {
                    end = -1;
                    inWs = false;
                }
            } else if (isWs) {
                end = i;
                inWs = true;
            }
            if (!split) {
                switch (code) {
                case u'@':
                    hasAt = true;
                    break;
                case u'#':
                    hasHash = true;
                    split = true;
                    break;
                case u'?':
                    split = true;
                    break;
                case u'\\':
                    if (i - lastPos > 0)
                        rest += url.mid(lastPos, i - lastPos);
                    rest += u'/';
                    lastPos = i + 1;
                    break;
                default:
                    break;
                }
            } else if (!hasHash && code == u'#') {
                hasHash = true;
            }
        }
    }
    if (start != -1) {
        if (lastPos == start) {
            rest = end == -1 ? url.mid(start) : url.mid(start, end - start);
        } else if (end == -1 && lastPos < url.size()) {
            rest += url.mid(lastPos);
        } else if (end != -1 && lastPos < end) {
            rest += url.mid(lastPos, end - lastPos);
        }
    }

    if (!hasHash && !hasAt) {
        QString pathname;
        std::optional<QString> search;
        if (matchSimplePath(rest, &pathname, &search)) {
            u.path = rest;
            u.href = rest;
            u.pathname = pathname;
            if (search) {
                u.search = search;
                u.query = search->mid(1);
            }
            return u;
        }
    }

    std::optional<QString> proto;
    std::optional<QString> lowerProto;
    if (const qsizetype len = matchProtocol(rest)) {
        proto = rest.left(len);
        lowerProto = lowerAscii(*proto);
        u.protocol = lowerProto;
        rest = rest.mid(len);
    }

    // "user@server" is always a host, as is anything after a protocol and "//".
    bool slashes = false;
    if (proto || matchHostPattern(rest)) {
        slashes = rest.startsWith(QLatin1String("//"));
        if (slashes && !(proto && isJavascriptProtocol(lowerProto))) {
            rest = rest.mid(2);
            u.slashes = true;
        }
    }

    // Node looks the original-case protocol up here, so "HTTP:" without slashes still has a host.
    if (!isJavascriptProtocol(lowerProto) && (slashes || (proto && !isSlashedProtocol(*proto)))) {
        qsizetype hostEnd = -1;
        qsizetype atSign = -1;
        qsizetype nonHost = -1;
        for (qsizetype i = 0; i < rest.size(); ++i) {
            switch (rest[i].unicode()) {
            case u'\t':
            case u'\n':
            case u'\r':
                rest.remove(i, 1);
                i -= 1;
                break;
            case u' ': case u'"': case u'%': case u'\'': case u';': case u'<': case u'>': case u'\\':
            case u'^': case u'`': case u'{': case u'|': case u'}':
                if (nonHost == -1)
                    nonHost = i;
                break;
            case u'#':
            case u'/':
            case u'?':
                if (nonHost == -1)
                    nonHost = i;
                hostEnd = i;
                break;
            case u'@':
                atSign = i;
                nonHost = -1;
                break;
            default:
                break;
            }
            if (hostEnd != -1)
                break;
        }
        qsizetype hostStart = 0;
        if (atSign != -1) {
            u.auth = decodeUriComponent(rest.left(atSign));
            if (!u.auth)
                return uriMalformed;
            hostStart = atSign + 1;
        }
        QString host;
        if (nonHost == -1) {
            host = rest.mid(hostStart);
            rest.clear();
        } else {
            host = rest.mid(hostStart, nonHost - hostStart);
            rest = rest.mid(nonHost);
        }

        // parseHost(): a trailing /:[0-9]*$/ is the port.
        {
            qsizetype colon = host.size();
            while (colon > 0 && host[colon - 1] >= u'0' && host[colon - 1] <= u'9')
                --colon;
            if (colon > 0 && host[colon - 1] == u':') {
                --colon;
                if (colon + 1 < host.size())
                    u.port = host.mid(colon + 1);
                host = host.left(colon);
            }
            if (!host.isEmpty())
                u.hostname = host;
        }
        if (!u.hostname)
            u.hostname = QString();

        const bool ipv6 = isIpv6Hostname(*u.hostname);
        if (!ipv6) {
            // getHostname(): an invalid host character moves the rest of the host into the path.
            const QString hn = *u.hostname;
            for (qsizetype i = 0; i < hn.size(); ++i) {
                const char16_t c = hn[i].unicode();
                if (c == u'/' || c == u'\\' || c == u'#' || c == u'?' || c == u':') {
                    u.hostname = hn.left(i);
                    rest = u'/' + hn.mid(i) + rest;
                    break;
                }
            }
        }

        if (u.hostname->size() > 255)
            u.hostname = QString();
        else
            u.hostname = mapping::jsToLowerCase(*u.hostname); // JS toLowerCase: İ → i̇, final sigma

        if (!u.hostname->isEmpty()) {
            if (ipv6) {
                if (containsAny(*u.hostname, QStringView(u"\0\t\n\r #%/<>?@\\^|"sv)))
                    return invalidUrl;
            } else {
                u.hostname = Idna::toAscii(*u.hostname);
                if (u.hostname->isEmpty() || containsAny(*u.hostname, QStringView(u"\0\t\n\r #%/:<>?@[\\]^|"sv)))
                    return invalidUrl;
            }
        }

        const QString p = (u.port && !u.port->isEmpty()) ? u':' + *u.port : QString();
        u.host = *u.hostname + p;

        if (ipv6) {
            u.hostname = u.hostname->mid(1, u.hostname->size() - 2);
            if (rest.isEmpty() || rest[0] != u'/')
                rest = u'/' + rest;
        }
    }

    if (!isJavascriptProtocol(lowerProto))
        rest = autoEscape(rest);

    qsizetype questionIdx = -1;
    qsizetype hashIdx = -1;
    for (qsizetype i = 0; i < rest.size(); ++i) {
        if (rest[i] == u'#') {
            u.hash = rest.mid(i);
            hashIdx = i;
            break;
        }
        if (rest[i] == u'?' && questionIdx == -1)
            questionIdx = i;
    }
    if (questionIdx != -1) {
        if (hashIdx == -1) {
            u.search = rest.mid(questionIdx);
            u.query = rest.mid(questionIdx + 1);
        } else {
            u.search = rest.mid(questionIdx, hashIdx - questionIdx);
            u.query = rest.mid(questionIdx + 1, hashIdx - questionIdx - 1);
        }
    }
    const qsizetype firstIdx = questionIdx != -1 ? questionIdx : hashIdx;
    if (firstIdx == -1) {
        if (!rest.isEmpty())
            u.pathname = rest;
    } else if (firstIdx > 0) {
        u.pathname = rest.left(firstIdx);
    }
    if (lowerProto && isSlashedProtocol(*lowerProto) && u.hostname && !u.hostname->isEmpty()
        && (!u.pathname || u.pathname->isEmpty()))
        u.pathname = QStringLiteral("/");

    const bool hasPathname = u.pathname && !u.pathname->isEmpty();
    const bool hasSearch = u.search && !u.search->isEmpty();
    if (hasPathname || hasSearch)
        u.path = u.pathname.value_or(QString()) + u.search.value_or(QString());

    const Result<QString> href = u.format();
    if (!href)
        return href.error();
    u.href = href.value();
    return u;
}

Result<QString> LegacyUrl::format() const
{
    QString authPart;
    if (auth && !auth->isEmpty()) {
        const std::optional<QString> encoded = encodeAuth(*auth);
        if (!encoded)
            return uriMalformed;
        authPart = *encoded + u'@';
    }

    QString proto = protocol.value_or(QString());
    QString pathnameOut = pathname.value_or(QString());
    QString hashOut = hash.value_or(QString());
    QString hostOut;

    if (host && !host->isEmpty()) {
        hostOut = authPart + *host;
    } else if (hostname && !hostname->isEmpty()) {
        const bool bracket = hostname->contains(u':') && !isIpv6Hostname(*hostname);
        hostOut = authPart + (bracket ? u'[' + *hostname + u']' : *hostname);
        if (port && !port->isEmpty())
            hostOut += u':' + *port;
    }

    QString searchOut = search.value_or(QString());

    if (!proto.isEmpty() && proto.back() != u':')
        proto += u':';

    pathnameOut.replace(u'#', QLatin1String("%23"));
    pathnameOut.replace(u'?', QLatin1String("%3F"));

    if (slashes || isSlashedProtocol(proto)) {
        if (slashes || !hostOut.isEmpty()) {
            if (!pathnameOut.isEmpty() && pathnameOut[0] != u'/')
                pathnameOut.prepend(u'/');
            hostOut.prepend(QLatin1String("//"));
        } else if (proto.startsWith(QLatin1String("file"))) {
            hostOut = QStringLiteral("//");
        }
    }

    searchOut.replace(u'#', QLatin1String("%23"));
    if (!hashOut.isEmpty() && hashOut[0] != u'#')
        hashOut.prepend(u'#');
    if (!searchOut.isEmpty() && searchOut[0] != u'?')
        searchOut.prepend(u'?');

    return proto + hostOut + pathnameOut + searchOut + hashOut;
}

} // namespace inkmapper::destination::Internal
