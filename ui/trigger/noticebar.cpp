#include "noticebar.h"

#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QPushButton>
#include <QStyle>

namespace inkmapper::ui {

NoticeBar::NoticeBar(QWidget *parent)
    : QFrame(parent)
    , m_icon(new QLabel(this))
    , m_text(new QLabel(this))
    , m_action(new QPushButton(this))
{
    setObjectName(QStringLiteral("noticeBar"));
    m_text->setObjectName(QStringLiteral("noticeText"));
    m_text->setWordWrap(true);
    m_text->setTextFormat(Qt::PlainText);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_text->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    m_action->setObjectName(QStringLiteral("noticeAction"));
    m_icon->setAlignment(Qt::AlignTop);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 6, 8, 6);
    layout->addWidget(m_icon);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_action);
    connect(m_action, &QPushButton::clicked, this, &NoticeBar::actionTriggered);
    hide();
}

void NoticeBar::showMessage(Kind kind, const QString &text, const QString &actionText)
{
    QStyle::StandardPixmap icon = QStyle::SP_MessageBoxInformation;
    // Soft tints that stay readable on light and dark palettes alike: the text keeps the palette's colour.
    QString tint = QStringLiteral("rgba(52, 120, 200, 40)");
    QString border = QStringLiteral("rgba(52, 120, 200, 140)");
    if (kind == Kind::Warning) {
        icon = QStyle::SP_MessageBoxWarning;
        tint = QStringLiteral("rgba(230, 170, 30, 50)");
        border = QStringLiteral("rgba(200, 140, 0, 160)");
    } else if (kind == Kind::Error) {
        icon = QStyle::SP_MessageBoxCritical;
        tint = QStringLiteral("rgba(210, 50, 40, 40)");
        border = QStringLiteral("rgba(190, 40, 30, 160)");
    }
    setStyleSheet(QStringLiteral("QFrame#noticeBar { background: %1; border: 1px solid %2; border-radius: 4px; }")
                      .arg(tint, border));
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    m_icon->setPixmap(style()->standardIcon(icon, nullptr, this).pixmap(size));
    m_text->setText(text);
    m_action->setText(actionText);
    m_action->setVisible(!actionText.isEmpty());
    setAccessibleName(text);
    show();
}

QString NoticeBar::text() const
{
    return isHidden() ? QString() : m_text->text();
}

} // namespace inkmapper::ui
