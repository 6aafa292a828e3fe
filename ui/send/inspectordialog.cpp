#include "inspectordialog.h"

#include "inspector/inspector.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QHeaderView>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace inkmapper::ui {

namespace {

enum Column { TimeColumn, RequestColumn, AuthColumn, AnswerColumn };

} // namespace

InspectorDialog::InspectorDialog(inspector::Inspector *inspector, QWidget *parent)
    : QDialog(parent)
    , m_inspector(inspector)
    , m_list(new QTreeWidget(this))
    , m_detail(new QPlainTextEdit(this))
{
    setWindowTitle(tr("Local Inspector — Requests Received"));
    resize(760, 560);
    m_list->setObjectName(QStringLiteral("inspectorRequests"));
    m_list->setHeaderLabels({tr("Received"), tr("Request"), tr("Basic auth"), tr("Answer")});
    m_list->setRootIsDecorated(false);
    m_list->header()->setSectionResizeMode(RequestColumn, QHeaderView::Stretch);
    m_detail->setObjectName(QStringLiteral("inspectorRequestDetail"));
    m_detail->setReadOnly(true);
    m_detail->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_detail->setPlaceholderText(tr("Select a request to see its headers and body."));

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_list);
    splitter->addWidget(m_detail);
    splitter->setSizes({180, 380});
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton *clear = buttons->addButton(tr("C&lear"), QDialogButtonBox::ResetRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(clear, &QPushButton::clicked, this, [this] {
        m_inspector->clearReceived();
        m_list->clear();
        m_detail->clear();
    });
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter, 1);
    layout->addWidget(buttons);

    connect(m_list, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *item) {
        if (item)
            showRequest(item->data(TimeColumn, Qt::UserRole).toInt());
    });
    for (int i = 0; i < int(m_inspector->received().size()); ++i)
        addRow(i);
    connect(m_inspector, &inspector::Inspector::requestReceived, this, &InspectorDialog::addRow);
    connect(m_inspector, &inspector::Inspector::answered, this, &InspectorDialog::updateRow);
}

void InspectorDialog::addRow(int index)
{
    const inspector::ReceivedRequest &request = m_inspector->received()[size_t(index)];
    auto *item = new QTreeWidgetItem({request.at.toLocalTime().toString(QStringLiteral("HH:mm:ss.zzz")),
                                      QString::fromLatin1(request.method) + u' ' + request.target,
                                      request.authorized ? tr("matches") : tr("wrong"), tr("(waiting)")});
    item->setData(TimeColumn, Qt::UserRole, index);
    m_list->addTopLevelItem(item);
    updateRow(index);
    if (!m_list->currentItem())
        m_list->setCurrentItem(item);
}

void InspectorDialog::updateRow(int index)
{
    if (index >= m_list->topLevelItemCount() || size_t(index) >= m_inspector->received().size())
        return;
    const int status = m_inspector->received()[size_t(index)].answeredStatus;
    if (status > 0)
        m_list->topLevelItem(index)->setText(AnswerColumn, QString::number(status));
}

void InspectorDialog::showRequest(int index)
{
    if (index < 0 || index >= int(m_inspector->received().size()))
        return;
    const inspector::ReceivedRequest &request = m_inspector->received()[size_t(index)];
    // The scheme stays ("Basic"), the credentials never show.
    const QString text = QString::fromLatin1(request.method) + u' ' + request.target + u'\n' + request.redactedHeaderLines()
        + u'\n' + QString::fromUtf8(request.body);
    m_detail->setPlainText(text);
}

} // namespace inkmapper::ui
