#include "pathpicker.h"

#include "eventtreemodel.h"

#include <QCompleter>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QStringListModel>
#include <QTreeView>
#include <QVBoxLayout>

namespace inkmapper::ui {

PathPicker::PathPicker(QWidget *parent)
    : QWidget(parent)
    , m_model(new EventTreeModel(this))
    , m_pathEdit(new QLineEdit(this))
    , m_tree(new QTreeView(this))
    , m_hint(new QLabel(this))
    , m_completer(new QCompleter(this))
    , m_completions(new QStringListModel(this))
{
    setFocusProxy(m_pathEdit);
    m_pathEdit->setObjectName(QStringLiteral("pathEdit"));
    m_pathEdit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_pathEdit->setPlaceholderText(QStringLiteral("$.properties.sku"));
    m_pathEdit->setAccessibleName(tr("Event variable path"));
    m_pathEdit->setToolTip(tr("A path into the event: $. is the whole event, $.properties.sku a property, "
                              "$.products[0].name the first product's name"));
    m_pathEdit->setClearButtonEnabled(true);

    m_completer->setModel(m_completions);
    m_completer->setCaseSensitivity(Qt::CaseInsensitive);
    m_completer->setFilterMode(Qt::MatchContains);
    m_completer->setMaxVisibleItems(12);
    m_pathEdit->setCompleter(m_completer);

    m_tree->setObjectName(QStringLiteral("eventTree"));
    m_tree->setModel(m_model);
    m_tree->setAccessibleName(tr("Sample event"));
    m_tree->setToolTip(tr("Double-click a value or press Enter to use its path"));
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->setSelectionMode(QAbstractItemView::SingleSelection);
    m_tree->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_tree->setExpandsOnDoubleClick(false);
    m_tree->header()->setStretchLastSection(true);
    m_tree->setColumnWidth(EventTreeModel::KeyColumn, 200);
    m_tree->setMinimumHeight(140);

    m_hint->setObjectName(QStringLiteral("pathHint"));
    m_hint->setWordWrap(true);
    m_hint->setForegroundRole(QPalette::PlaceholderText);

    auto *pathLabel = new QLabel(tr("&Path:"), this);
    pathLabel->setBuddy(m_pathEdit);
    auto *pathRow = new QHBoxLayout;
    pathRow->addWidget(pathLabel);
    pathRow->addWidget(m_pathEdit, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(pathRow);
    layout->addWidget(m_tree, 1);
    layout->addWidget(m_hint);

    connect(m_pathEdit, &QLineEdit::textEdited, this, [this](const QString &text) {
        selectRowFor(text);
        Q_EMIT pathEdited(text);
    });
    connect(m_completer, qOverload<const QString &>(&QCompleter::activated), this, [this](const QString &text) {
        selectRowFor(text);
        Q_EMIT pathEdited(text);
    });
    connect(m_tree, &QTreeView::activated, this, &PathPicker::pick);
    updateHint();
}

bool PathPicker::setSampleEvent(const json::Value &event)
{
    if (!m_model->setEvent(event))
        return false; // the same keys: the tree stays as the user expanded it, and the completions hold
    m_completions->setStringList(m_model->paths());
    m_tree->expandToDepth(0);
    selectRowFor(m_pathEdit->text());
    updateHint();
    return true;
}

void PathPicker::setPath(const QString &path)
{
    if (m_pathEdit->text() != path)
        m_pathEdit->setText(path);
    selectRowFor(path);
}

QString PathPicker::path() const
{
    return m_pathEdit->text();
}

void PathPicker::pick(const QModelIndex &index)
{
    const QString path = m_model->path(index);
    if (path.isEmpty())
        return;
    m_pathEdit->setText(path);
    Q_EMIT pathEdited(path);
}

void PathPicker::selectRowFor(const QString &path)
{
    const QModelIndex row = m_model->indexForPath(path);
    if (!row.isValid()) {
        m_tree->selectionModel()->clearSelection();
        return;
    }
    m_tree->setCurrentIndex(row);
    m_tree->scrollTo(row);
}

void PathPicker::updateHint()
{
    if (m_model->rowCount() == 0)
        m_hint->setText(tr("Select a sample event to browse its keys here; you can still type a path."));
    else
        m_hint->setText(tr("Double-click a key or press Enter on it to use its path."));
}

} // namespace inkmapper::ui
