#include "messagebar.h"

#include "icons.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QStyle>
#include <QToolButton>

namespace inkmapper::ui {

MessageBar::MessageBar(QWidget *parent)
    : QFrame(parent)
    , m_icon(new QLabel(this))
    , m_text(new QLabel(this))
    , m_close(new QToolButton(this))
{
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_text->setTextFormat(Qt::PlainText);
    m_close->setAutoRaise(true);
    m_close->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));
    m_close->setToolTip(tr("Close this message"));
    m_close->setAccessibleName(tr("Close message"));

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(6, 4, 2, 4);
    layout->addWidget(m_icon, 0, Qt::AlignTop);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_close, 0, Qt::AlignTop);
    connect(m_close, &QToolButton::clicked, this, [this] {
        m_text->clear();
        hide();
    });
    hide();
}

void MessageBar::showMessage(const QString &text, Level level)
{
    m_level = level;
    Icons::Id icon = Icons::Id::Info;
    QColor tint = palette().color(QPalette::Highlight);
    if (level == Level::Warning) {
        icon = Icons::Id::Warning;
        tint = QColor(0xf0, 0xa0, 0x20);
    } else if (level == Level::Error) {
        icon = Icons::Id::Error;
        tint = QColor(0xd0, 0x30, 0x30);
    }
    // A light wash of the level's colour over the window background works in light and dark themes.
    QPalette pal = palette();
    const QColor base = QPalette().color(QPalette::Window);
    QColor wash;
    wash.setRgbF(base.redF() * 0.85f + tint.redF() * 0.15f, base.greenF() * 0.85f + tint.greenF() * 0.15f,
                 base.blueF() * 0.85f + tint.blueF() * 0.15f);
    pal.setColor(QPalette::Window, wash);
    setPalette(pal);
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize);
    m_icon->setPixmap(Icons::icon(icon).pixmap(size, size));
    m_text->setText(text);
    setAccessibleDescription(text);
    show();
}

QString MessageBar::text() const
{
    return isHidden() ? QString() : m_text->text();
}

} // namespace inkmapper::ui
