#include "mappingjsonview.h"

#include "jsontextedit.h"

#include "json/object.h"
#include "json/parser.h"
#include "json/writer.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace inkmapper::ui {

MappingJsonView::MappingJsonView(QWidget *parent)
    : QWidget(parent)
    , m_editor(new JsonTextEdit(this))
    , m_status(new QLabel(this))
    , m_notice(new QWidget(this))
    , m_replaceButton(new QPushButton(tr("Show Current Mapping"), m_notice))
{
    m_editor->setObjectName(QStringLiteral("mappingJsonEdit"));
    m_editor->setAccessibleName(tr("Mapping as JSON"));
    m_editor->setToolTip(QString());
    m_status->setObjectName(QStringLiteral("mappingJsonStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *intro = new QLabel(tr("The mapping's fields as JSON, exactly as Segment stores them. Valid JSON is "
                                "applied as you type."),
                             this);
    intro->setWordWrap(true);
    intro->setForegroundRole(QPalette::PlaceholderText);

    m_notice->setObjectName(QStringLiteral("mappingJsonNotice"));
    auto *noticeText = new QLabel(tr("The mapping was changed elsewhere while this text has an error. Your text is "
                                     "kept; replace it to see the current mapping."),
                                  m_notice);
    noticeText->setWordWrap(true);
    m_replaceButton->setObjectName(QStringLiteral("replaceJsonButton"));
    m_replaceButton->setToolTip(tr("Discard the text above and show the mapping as it is now"));
    auto *noticeLayout = new QHBoxLayout(m_notice);
    noticeLayout->setContentsMargins(0, 0, 0, 0);
    noticeLayout->addWidget(noticeText, 1);
    noticeLayout->addWidget(m_replaceButton);
    m_notice->hide();

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_notice);
    layout->addWidget(m_editor, 1);
    layout->addWidget(m_status);

    connect(m_editor, &JsonTextEdit::textChanged, this, &MappingJsonView::textEdited);
    connect(m_replaceButton, &QPushButton::clicked, this, &MappingJsonView::replaceWithCurrent);
    showText(json::Value(json::Object()));
}

void MappingJsonView::setMapping(const json::Value &mapping)
{
    m_mapping = mapping;
    if (m_unapplied) {
        // The user's unfinished text wins; the newer mapping is one click away.
        m_notice->show();
        return;
    }
    const Result<json::Value> shown = json::parse(QStringView(m_editor->toPlainText()));
    if (shown && *shown == mapping)
        return;
    showText(mapping);
}

void MappingJsonView::showText(const json::Value &mapping)
{
    m_updating = true;
    const QString text = mapping.isUndefined() ? QStringLiteral("{}") : json::toJsonString(mapping, {2});
    if (m_editor->document()->isEmpty())
        m_editor->setPlainText(text);
    else
        m_editor->replaceText(text);
    m_updating = false;
    m_unapplied = false;
    m_editor->clearError();
    m_notice->hide();
    m_status->setStyleSheet(QString());
    m_status->setText(tr("\u2714 Valid JSON"));
}

void MappingJsonView::replaceWithCurrent()
{
    m_unapplied = false;
    showText(m_mapping);
    m_editor->setFocus();
}

void MappingJsonView::textEdited()
{
    if (m_updating)
        return;
    const QString text = m_editor->toPlainText();
    Result<json::Value> parsed = json::parse(QStringView(text));
    if (parsed && !parsed->isObject()) {
        // A mapping is an object of fields; anything else is refused where it starts.
        int line = 1;
        int column = 1;
        for (const QChar c : text) {
            if (!c.isSpace())
                break;
            if (c == u'\n') {
                ++line;
                column = 1;
            } else {
                ++column;
            }
        }
        parsed = Error{tr("the mapping must be a JSON object such as {\"headers\": {}, \"data\": {\"@path\": \"$.\"}}"),
                       {line, column, QString()}};
    }
    if (!parsed) {
        const Location &where = parsed.error().location;
        m_unapplied = true;
        m_editor->setError(where.line, where.column, parsed.error().message);
        m_status->setStyleSheet(QStringLiteral("color: #c62828"));
        m_status->setText(tr("\u2716 Line %1, column %2: %3. Not applied; your text is kept.")
                              .arg(where.line)
                              .arg(where.column)
                              .arg(parsed.error().message));
        return;
    }
    m_unapplied = false;
    m_notice->hide();
    m_editor->clearError();
    m_status->setStyleSheet(QString());
    m_status->setText(tr("\u2714 Valid JSON, applied"));
    if (*parsed == m_mapping)
        return;
    m_mapping = *parsed;
    Q_EMIT mappingEdited(m_mapping);
}

} // namespace inkmapper::ui
