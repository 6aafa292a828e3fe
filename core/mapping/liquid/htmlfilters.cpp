// The HTML filters of liquidjs (src/filters/html.ts): escape, xml_escape, escape_once, strip_html.
#include "context.h"
#include "filterregistry.h"

#include <array>
#include <utility>

namespace inkmapper::mapping::liquid::Internal {

namespace {

QString escapeText(const QString &s, Context &context)
{
    context.memoryLimit().use(double(s.size()));
    QString out;
    out.reserve(s.size());
    for (const QChar c : s) {
        switch (c.unicode()) {
        case u'&':
            out += u"&amp;";
            break;
        case u'<':
            out += u"&lt;";
            break;
        case u'>':
            out += u"&gt;";
            break;
        case u'"':
            out += u"&#34;";
            break;
        case u'\'':
            out += u"&#39;";
            break;
        default:
            out += c;
        }
    }
    return out;
}

/** liquidjs unescape(): only the five entities that escape produces. */
QString unescapeText(const QString &s, Context &context)
{
    context.memoryLimit().use(double(s.size()));
    static const std::array<std::pair<QStringView, QChar>, 5> entities = {
        {{u"&amp;", u'&'}, {u"&lt;", u'<'}, {u"&gt;", u'>'}, {u"&#34;", u'"'}, {u"&#39;", u'\''}}};
    QString out;
    out.reserve(s.size());
    qsizetype i = 0;
    while (i < s.size()) {
        bool replaced = false;
        if (s.at(i) == u'&') {
            for (const auto &[entity, c] : entities) {
                if (QStringView(s).mid(i).startsWith(entity)) {
                    out += c;
                    i += entity.size();
                    replaced = true;
                    break;
                }
            }
        }
        if (!replaced)
            out += s.at(i++);
    }
    return out;
}

/** `escape` and `xml_escape`: & < > " ' as entities (quotes numerically, &#34; and &#39;). */
LiquidValue escape(const FilterCall &call)
{
    return json::Value(escapeText(stringify(call.input()), call.context()));
}

/** `escape_once`: unescapes the five entities first, so existing ones are not doubled. */
LiquidValue escapeOnce(const FilterCall &call)
{
    return json::Value(escapeText(unescapeText(stringify(call.input()), call.context()), call.context()));
}

LiquidValue stripHtml(const FilterCall &call)
{
    // A linear scan instead of a regular expression, as liquidjs does: raw-text blocks first, then tags.
    const QString str = stringify(call.input());
    call.context().memoryLimit().use(double(str.size()));
    std::vector<std::pair<QString, QString>> blocks = {{QStringLiteral("<script"), QStringLiteral("</script>")},
                                                       {QStringLiteral("<style"), QStringLiteral("</style>")},
                                                       {QStringLiteral("<!--"), QStringLiteral("-->")},
                                                       {QStringLiteral("<"), QStringLiteral(">")}};
    QString out;
    qsizetype i = 0;
    while (i < str.size()) {
        const qsizetype lt = str.indexOf(u'<', i);
        if (lt < 0)
            return json::Value(out + str.mid(i));
        out += str.mid(i, lt - i);
        for (auto it = blocks.begin(); it != blocks.end();) {
            if (!QStringView(str).mid(lt).startsWith(it->first)) {
                ++it;
                continue;
            }
            const qsizetype e = str.indexOf(it->second, lt + it->first.size());
            if (e >= 0) {
                i = e + it->second.size();
                break;
            }
            // An unclosed opener can never close later in the string: forget it.
            it = blocks.erase(it);
        }
        if (i <= lt)
            return json::Value(out + str.mid(lt));
    }
    return json::Value(out);
}

} // namespace

void registerHtmlFilters(FilterRegistry &registry)
{
    registry.add("escape", &escape);
    registry.add("xml_escape", &escape);
    registry.add("escape_once", &escapeOnce);
    registry.add("strip_html", &stripHtml);
}

} // namespace inkmapper::mapping::liquid::Internal
