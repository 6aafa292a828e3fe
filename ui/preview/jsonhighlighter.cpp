#include "jsonhighlighter.h"

namespace inkmapper::ui {

JsonHighlighter::JsonHighlighter(QTextDocument *document)
    : QSyntaxHighlighter(document)
{
    // Colours that read on light and dark palettes alike.
    m_key.setForeground(QColor(0x7a, 0x3e, 0x9d));
    m_string.setForeground(QColor(0x22, 0x86, 0x3a));
    m_number.setForeground(QColor(0x1c, 0x5f, 0xb8));
    m_literal.setForeground(QColor(0xb3, 0x5c, 0x00));
    m_literal.setFontWeight(QFont::DemiBold);
}

void JsonHighlighter::highlightBlock(const QString &text)
{
    const qsizetype n = text.size();
    qsizetype i = 0;
    while (i < n) {
        const QChar c = text[i];
        if (c == u'"') {
            // A string runs to the next unescaped quote (JSON.stringify never breaks one across lines).
            qsizetype end = i + 1;
            while (end < n && text[end] != u'"')
                end += text[end] == u'\\' ? 2 : 1;
            end = qMin(end + 1, n);
            qsizetype next = end;
            while (next < n && text[next].isSpace())
                ++next;
            const bool isKey = next < n && text[next] == u':';
            setFormat(int(i), int(end - i), isKey ? m_key : m_string);
            i = end;
        } else if (c == u'-' || c.isDigit()) {
            qsizetype end = i + 1;
            while (end < n && (text[end].isDigit() || text[end] == u'.' || text[end] == u'e' || text[end] == u'E'
                               || text[end] == u'+' || text[end] == u'-'))
                ++end;
            setFormat(int(i), int(end - i), m_number);
            i = end;
        } else if (c.isLetter()) {
            qsizetype end = i + 1;
            while (end < n && text[end].isLetter())
                ++end;
            const QStringView word = QStringView(text).mid(i, end - i);
            if (word == u"true" || word == u"false" || word == u"null" || word == u"undefined")
                setFormat(int(i), int(end - i), m_literal);
            i = end;
        } else {
            ++i;
        }
    }
}

} // namespace inkmapper::ui
