#include "identityview.h"

#include "models/identitytimelinemodel.h"

#include <QLabel>
#include <QListView>
#include <QVBoxLayout>

namespace inkmapper::ui {

IdentityView::IdentityView(ProjectDocument *document, QWidget *parent)
    : QWidget(parent)
    , m_model(new IdentityTimelineModel(document, this))
    , m_summary(new QLabel(this))
    , m_view(new QListView(this))
{
    auto *explanation = new QLabel(
        tr("Movable Ink attributes an event to its userId; without one, to its anonymousId, until an identify "
           "with that anonymousId names the user (by userId, or traits.email), which joins the visitor's earlier "
           "events to the user. Events in the order they were sent:"),
        this);
    explanation->setWordWrap(true);
    m_summary->setObjectName(QStringLiteral("identitySummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont bold = m_summary->font();
    bold.setBold(true);
    m_summary->setFont(bold);

    m_view->setObjectName(QStringLiteral("identityTimeline"));
    m_view->setModel(m_model);
    m_view->setAccessibleName(tr("Identity timeline"));
    // Two lines an event, the reason wrapped to the panel's width.
    m_view->setWordWrap(true);
    m_view->setUniformItemSizes(false);
    m_view->setSpacing(1);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    connect(m_view, &QListView::activated, this, [this](const QModelIndex &index) { Q_EMIT eventActivated(index.row()); });
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] { m_summary->setText(m_model->summary()); });

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(explanation);
    layout->addWidget(m_summary);
    layout->addWidget(m_view, 1);
    m_summary->setText(m_model->summary());
    m_model->setPaused(true); // until shown
}

void IdentityView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    m_model->setPaused(false);
}

void IdentityView::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    m_model->setPaused(true); // a hidden tab need not follow every keystroke
}

QString IdentityView::summary() const
{
    return m_summary->text();
}

} // namespace inkmapper::ui
