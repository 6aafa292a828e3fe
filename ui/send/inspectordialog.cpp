#include "inspectordialog.h"

#include "models/receivedrequestsmodel.h"

#include "inspector/inspector.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTreeView>
#include <QVBoxLayout>

namespace inkmapper::ui {

InspectorDialog::InspectorDialog(inspector::Inspector *inspector, QWidget *parent)
    : QDialog(parent)
    , m_model(new ReceivedRequestsModel(inspector, this))
    , m_list(new QTreeView(this))
    , m_detail(new QPlainTextEdit(this))
{
    setWindowTitle(tr("Local Inspector — Requests Received"));
    resize(760, 560);
    m_list->setObjectName(QStringLiteral("inspectorRequests"));
    m_list->setModel(m_model);
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->header()->setStretchLastSection(false);
    m_list->header()->setSectionResizeMode(ReceivedRequestsModel::RequestColumn, QHeaderView::Stretch);
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
    connect(clear, &QPushButton::clicked, inspector, &inspector::Inspector::clearReceived);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter, 1);
    layout->addWidget(buttons);

    connect(m_list->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) { m_detail->setPlainText(m_model->detail(current.row())); });
    // The first request arriving is shown at once; later ones wait for the user to pick them.
    connect(m_model, &QAbstractItemModel::rowsInserted, this, [this] {
        if (!m_list->currentIndex().isValid())
            m_list->setCurrentIndex(m_model->index(0, 0));
    });
    if (m_model->rowCount() > 0)
        m_list->setCurrentIndex(m_model->index(0, 0));
}

} // namespace inkmapper::ui
