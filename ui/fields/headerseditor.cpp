#include "headerseditor.h"

#include "headersourcedelegate.h"
#include "headertablemodel.h"
#include "valuepreview.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace inkmapper::ui {

HeadersEditor::HeadersEditor(QWidget *parent)
    : QWidget(parent)
    , m_model(new HeaderTableModel(this))
    , m_view(new QTableView(this))
    , m_addButton(new QPushButton(tr("&Add Header"), this))
    , m_removeButton(new QPushButton(tr("Remove"), this))
    , m_notice(new QLabel(this))
    , m_messages(new QLabel(this))
{
    m_view->setObjectName(QStringLiteral("headersTable"));
    m_view->setModel(m_model);
    m_view->setItemDelegateForColumn(HeaderTableModel::SourceColumn, new HeaderSourceDelegate(m_view));
    m_view->setAccessibleName(tr("Headers"));
    m_view->setToolTip(tr("HTTP headers sent with each request. Movable Ink accepts ASCII characters only."));
    m_view->verticalHeader()->hide();
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
                            | QAbstractItemView::AnyKeyPressed | QAbstractItemView::SelectedClicked);
    m_view->setTabKeyNavigation(false);
    m_view->setWordWrap(false);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->setHighlightSections(false);
    m_view->setColumnWidth(HeaderTableModel::NameColumn, 190);
    m_view->setColumnWidth(HeaderTableModel::SourceColumn, 130);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 10);
    // Room for a header row and three rows before the table scrolls.
    m_view->setMinimumHeight(m_view->horizontalHeader()->sizeHint().height()
                             + 3 * m_view->verticalHeader()->defaultSectionSize() + 2 * m_view->frameWidth());

    m_addButton->setObjectName(QStringLiteral("addHeaderButton"));
    m_addButton->setIcon(QIcon::fromTheme(QStringLiteral("list-add")));
    m_addButton->setToolTip(tr("Add a header row and type its name"));
    m_removeButton->setObjectName(QStringLiteral("removeHeaderButton"));
    m_removeButton->setIcon(QIcon::fromTheme(QStringLiteral("list-remove")));
    m_removeButton->setToolTip(tr("Remove the selected headers (Delete)"));

    m_notice->setObjectName(QStringLiteral("headersNotice"));
    m_notice->setWordWrap(true);
    m_notice->setTextFormat(Qt::RichText);
    m_notice->hide();
    m_messages->setObjectName(QStringLiteral("headersMessages"));
    m_messages->setWordWrap(true);
    m_messages->setTextFormat(Qt::RichText);
    m_messages->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_messages->hide();

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_addButton);
    buttons->addWidget(m_removeButton);
    buttons->addStretch();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_notice);
    layout->addWidget(m_view, 1);
    layout->addLayout(buttons);
    layout->addWidget(m_messages);

    auto *removeAction = new QAction(tr("Remove Header"), m_view);
    removeAction->setShortcut(QKeySequence::Delete);
    removeAction->setShortcutContext(Qt::WidgetShortcut);
    m_view->addAction(removeAction);

    connect(m_addButton, &QPushButton::clicked, this, &HeadersEditor::addHeader);
    connect(m_removeButton, &QPushButton::clicked, this, &HeadersEditor::removeSelected);
    connect(removeAction, &QAction::triggered, this, &HeadersEditor::removeSelected);
    connect(m_notice, &QLabel::linkActivated, this, &HeadersEditor::editAsJsonRequested);
    connect(m_model, &HeaderTableModel::headersEdited, this, &HeadersEditor::headersEdited);
    connect(m_model, &HeaderTableModel::dataChanged, this, &HeadersEditor::updateMessages);
    connect(m_model, &HeaderTableModel::modelReset, this, &HeadersEditor::updateMessages);
    connect(m_model, &HeaderTableModel::rowsRemoved, this, &HeadersEditor::updateMessages);
    connect(m_model, &HeaderTableModel::rowsInserted, this, &HeadersEditor::updateMessages);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &HeadersEditor::updateButtons);
    updateButtons();
}

void HeadersEditor::setHeaders(const json::Value &headers)
{
    m_editable = headers.isUndefined() || headers.isObject();
    m_unrepresentable = m_editable ? json::Value() : headers;
    m_model->setHeaders(m_editable ? headers : json::Value());
    m_view->setEnabled(m_editable);
    m_notice->setVisible(!m_editable);
    if (!m_editable) {
        m_notice->setText(tr("Headers are mapped as one value, <code>%1</code>, which the table cannot show. "
                             "<a href=\"json\">Edit as JSON</a>")
                              .arg(ValuePreview::oneLine(headers, 80).toHtmlEscaped()));
    }
    updateButtons();
}

json::Value HeadersEditor::headers() const
{
    return m_editable ? m_model->headers() : m_unrepresentable;
}

std::vector<Error> HeadersEditor::setValidationErrors(const std::vector<Error> &errors)
{
    return m_model->setValidationErrors(errors);
}

void HeadersEditor::addHeader()
{
    const int row = m_model->addHeader(QString(), QString());
    const QModelIndex name = m_model->index(row, HeaderTableModel::NameColumn);
    m_view->setCurrentIndex(name);
    m_view->setFocus();
    m_view->edit(name);
}

void HeadersEditor::removeSelected()
{
    QList<int> rows;
    for (const QModelIndex &index : m_view->selectionModel()->selectedRows())
        rows.append(index.row());
    if (rows.isEmpty() && m_view->currentIndex().isValid())
        rows.append(m_view->currentIndex().row());
    std::sort(rows.begin(), rows.end(), std::greater<>());
    for (int row : rows)
        m_model->removeRow(row);
    updateButtons();
}

void HeadersEditor::updateMessages()
{
    const QStringList issues = m_model->issueSummary();
    if (issues.isEmpty()) {
        m_messages->clear();
        m_messages->hide();
        return;
    }
    QStringList lines;
    for (int i = 0; i < m_model->rowCount(); ++i) {
        const QString label = m_model->name(i).isEmpty() ? tr("Row %1").arg(i + 1) : m_model->name(i);
        for (const HeaderTableModel::Issue &issue : m_model->issues(i)) {
            const bool error = issue.severity == HeaderTableModel::Severity::Error;
            lines.append(QStringLiteral("<span style=\"color:%1\">%2</span> <b>%3</b>: %4")
                             .arg(error ? QStringLiteral("#c62828") : QStringLiteral("#a86400"),
                                  error ? QStringLiteral("\u2716") : QStringLiteral("\u26a0"), label.toHtmlEscaped(),
                                  issue.message.toHtmlEscaped()));
        }
    }
    m_messages->setText(lines.join(QStringLiteral("<br>")));
    m_messages->show();
}

void HeadersEditor::updateButtons()
{
    m_addButton->setEnabled(m_editable);
    m_removeButton->setEnabled(m_editable && m_view->selectionModel()->hasSelection());
}

HeadersEditor::~HeadersEditor()
{
    // Children still report edits while they are deleted (an open item editor commits); this object is
    // already half gone by then, so it stops listening first.
    disconnect(m_model, nullptr, this, nullptr);
    disconnect(m_view->selectionModel(), nullptr, this, nullptr);
}

} // namespace inkmapper::ui
