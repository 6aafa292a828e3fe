#include "jsonsyntaxhighlighter.h"

#include <QGuiApplication>
#include <QPalette>

namespace inkmapper::ui {

JsonSyntaxHighlighter::JsonSyntaxHighlighter(QTextDocument *document)
    : QSyntaxHighlighter(document)
{
    const bool dark = QGuiApplication::palette().color(QPalette::Base).lightnessF() < 0.5;
    m_key.setForeground(dark ? QColor(0x8c, 0xb8, 0xff) : QColor(0x1a, 0x5f, 0xb4));
    m_string.setForeground(dark ? QColor(0x8f, 0xd1, 0x8f) : QColor(0x26, 0x80, 0x3a));
    m_number.setForeground(dark ? QColor(0xff, 0xb0, 0x70) : QColor(0xb5, 0x40, 0x00));
    m_keyword.setForeground(dark ? QColor(0xd7, 0xa0, 0xf0) : QColor(0x81, 0x3d, 0x9c));
    m_keyword.setFontWeight(QFont::DemiBold);
}

QTextCharFormat JsonSyntaxHighlighter::format(Token token) const
{
    switch (token) {
    case Token::Key:
        return m_key;
    case Token::String:
        return m_string;
    case Token::Number:
        return m_number;
    case Token::Keyword:
        break;
    }
    return m_keyword;
}

void JsonSyntaxHighlighter::highlightBlock(const QString &text)
{
    const qsizetype n = text.size();
    qsizetype i = 0;
    while (i < n) {
        const QChar c = text[i];
        if (c == u'"') {
            qsizetype end = i + 1;
            while (end < n && text[end] != u'"')
                end += text[end] == u'\\' ? 2 : 1;
            end = std::min(end + 1, n);
            // A string followed by a colon is a key.
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
            if (word == u"true" || word == u"false" || word == u"null")
                setFormat(int(i), int(end - i), m_keyword);
            i = end;
        } else {
            ++i;
        }
    }
}

} // namespace inkmapper::ui
