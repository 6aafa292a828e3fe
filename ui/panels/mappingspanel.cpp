#include "mappingspanel.h"

#include "elidemodedelegate.h"

#include "document/projectdocument.h"
#include "models/mappinglistmodel.h"
#include "widgets/icons.h"
#include "widgets/messagebar.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QToolBar>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace inkmapper::ui {

MappingsPanel::MappingsPanel(ProjectDocument *document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_model(new MappingListModel(document, this))
    , m_toolBar(new QToolBar(this))
    , m_messages(new MessageBar(this))
    , m_list(new QTreeView(this))
    , m_count(new QLabel(this))
{
    m_list->setModel(m_model);
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setAllColumnsShowFocus(true);
    m_list->setAlternatingRowColors(true);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed);
    m_list->setAccessibleName(tr("Mappings"));
    // The name is what tells mappings apart: it takes the room the column has; the trigger summary
    // (its FQL is the tooltip) gets a fixed share the user can drag. Names that still do not fit lose
    // their middle, where "Order Completed to …" style names differ least; a summary reads from its start.
    m_list->setTextElideMode(Qt::ElideMiddle);
    m_list->setItemDelegateForColumn(MappingListModel::TriggerColumn, new ElideModeDelegate(Qt::ElideRight, m_list));
    m_list->header()->setStretchLastSection(false);
    m_list->header()->setMinimumSectionSize(48);
    m_list->header()->setSectionResizeMode(MappingListModel::NameColumn, QHeaderView::Stretch);
    m_list->header()->setSectionResizeMode(MappingListModel::MatchesColumn, QHeaderView::ResizeToContents);
    m_list->header()->setSectionResizeMode(MappingListModel::TriggerColumn, QHeaderView::Interactive);
    m_list->header()->resizeSection(MappingListModel::TriggerColumn, 110);

    m_count->setForegroundRole(QPalette::PlaceholderText);
    createActions();

    auto *top = new QHBoxLayout;
    top->setContentsMargins(0, 0, 0, 0);
    top->addWidget(m_toolBar, 1);
    top->addWidget(m_count);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addLayout(top);
    layout->addWidget(m_messages);
    layout->addWidget(m_list, 1);

    connect(document, &ProjectDocument::changed, this, [this](const ChangeEvent &change) {
        if (change.concernsMappings()) {
            updateCount();
            updateActions();
        }
    });
    connect(document, &ProjectDocument::currentMappingChanged, this, &MappingsPanel::onCurrentMappingChanged);
    connect(m_list->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                if (!m_syncingSelection && current.isValid())
                    m_document->setCurrentMappingIndex(current.row());
            });
    connect(m_model, &MappingListModel::editRefused, this,
            [this](const QString &message) { m_messages->showMessage(message, MessageBar::Level::Warning); });
    updateCount();
    onCurrentMappingChanged(document->currentMappingIndex());
}

QString MappingsPanel::countText() const
{
    return m_count->text();
}

void MappingsPanel::createActions()
{
    const auto make = [this](Icons::Id icon, const QString &text, const QString &tip, const QKeySequence &key) {
        auto *action = new QAction(Icons::icon(icon), text, this);
        action->setToolTip(key.isEmpty() ? tip : tr("%1 (%2)").arg(tip, key.toString(QKeySequence::NativeText)));
        action->setShortcut(key);
        // Shortcuts act on the list only, so that the same keys keep working in editors elsewhere.
        action->setShortcutContext(Qt::WidgetShortcut);
        m_list->addAction(action);
        return action;
    };
    m_addPreset = make(Icons::Id::Add, tr("Send Entire Event (preset)"),
                       tr("Add a mapping from Segment's preset: every event but alias, the whole event as data"),
                       QKeySequence(Qt::Key_Insert));
    m_addBlank = make(Icons::Id::Add, tr("Blank Mapping"), tr("Add a mapping with no trigger and no fields"), {});
    m_duplicate = make(Icons::Id::Duplicate, tr("Duplicate"), tr("Duplicate the selected mapping"),
                       QKeySequence(Qt::CTRL | Qt::Key_D));
    m_delete = make(Icons::Id::Remove, tr("Delete"), tr("Delete the selected mapping"), QKeySequence::Delete);
    m_moveUp = make(Icons::Id::MoveUp, tr("Move Up"), tr("Move the selected mapping up"),
                    QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Up));
    m_moveDown = make(Icons::Id::MoveDown, tr("Move Down"), tr("Move the selected mapping down"),
                      QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Down));
    m_rename = make(Icons::Id::Rename, tr("Rename"), tr("Rename the selected mapping"), QKeySequence(Qt::Key_F2));

    connect(m_addPreset, &QAction::triggered, this,
            [this] { showAddResult(m_document->addPresetMapping(), tr("Added a mapping from the preset.")); });
    connect(m_addBlank, &QAction::triggered, this,
            [this] { showAddResult(m_document->addBlankMapping(), tr("Added a blank mapping.")); });
    connect(m_duplicate, &QAction::triggered, this, [this] {
        const int current = m_document->currentMappingIndex();
        if (current >= 0)
            showAddResult(m_document->duplicateMapping(current), tr("Duplicated the mapping."));
    });
    connect(m_delete, &QAction::triggered, this, [this] {
        const int current = m_document->currentMappingIndex();
        if (current < 0)
            return;
        const QString name = m_document->project().mapping(current).name;
        m_document->removeMapping(current);
        m_messages->hide();
        Q_EMIT statusMessage(tr("Deleted \"%1\" (Undo brings it back).").arg(name));
    });
    connect(m_moveUp, &QAction::triggered, this, [this] { moveCurrent(-1); });
    connect(m_moveDown, &QAction::triggered, this, [this] { moveCurrent(+1); });
    connect(m_rename, &QAction::triggered, this, [this] {
        const int current = m_document->currentMappingIndex();
        if (current >= 0)
            m_list->edit(m_model->index(current, MappingListModel::NameColumn));
    });

    auto *addMenu = new QMenu(this);
    addMenu->addAction(m_addPreset);
    addMenu->addAction(m_addBlank);
    m_addButton = new QToolButton(m_toolBar);
    m_addButton->setText(tr("Add"));
    m_addButton->setIcon(Icons::icon(Icons::Id::Add));
    m_addButton->setToolTip(tr("Add a mapping (Insert adds one from the preset)"));
    m_addButton->setAccessibleName(tr("Add mapping"));
    m_addButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_addButton->setMenu(addMenu);
    m_addButton->setPopupMode(QToolButton::InstantPopup);

    m_toolBar->setIconSize(QSize(16, 16));
    m_toolBar->addWidget(m_addButton);
    m_toolBar->addAction(m_duplicate);
    m_toolBar->addAction(m_delete);
    m_toolBar->addSeparator();
    m_toolBar->addAction(m_moveUp);
    m_toolBar->addAction(m_moveDown);
    m_toolBar->addAction(m_rename);
}

void MappingsPanel::updateActions()
{
    const int current = m_document->currentMappingIndex();
    const int count = m_document->project().mappingCount();
    m_duplicate->setEnabled(current >= 0);
    m_delete->setEnabled(current >= 0);
    m_rename->setEnabled(current >= 0);
    m_moveUp->setEnabled(current > 0);
    m_moveDown->setEnabled(current >= 0 && current < count - 1);
}

void MappingsPanel::updateCount()
{
    const int count = m_document->project().mappingCount();
    m_count->setText(tr("%1 of %2").arg(count).arg(project::Project::maxMappings()));
    m_count->setToolTip(tr("A destination holds at most %1 mappings").arg(project::Project::maxMappings()));
}

void MappingsPanel::onCurrentMappingChanged(int index)
{
    m_syncingSelection = true;
    if (index >= 0) {
        const QModelIndex modelIndex = m_model->index(index, MappingListModel::NameColumn);
        if (m_list->currentIndex().row() != index)
            m_list->selectionModel()->setCurrentIndex(modelIndex, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        m_list->scrollTo(modelIndex);
    } else {
        m_list->selectionModel()->clear();
    }
    m_syncingSelection = false;
    updateActions();
}

void MappingsPanel::showAddResult(const Result<int> &added, const QString &what)
{
    if (!added) {
        m_messages->showMessage(tr("Cannot add another mapping: %1.").arg(added.error().message), MessageBar::Level::Warning);
        Q_EMIT statusMessage(tr("Mapping refused: the limit is %1.").arg(project::Project::maxMappings()));
        return;
    }
    m_messages->hide();
    Q_EMIT statusMessage(what);
}

void MappingsPanel::moveCurrent(int delta)
{
    const int current = m_document->currentMappingIndex();
    const int target = current + delta;
    if (current < 0 || target < 0 || target >= m_document->project().mappingCount())
        return;
    m_document->moveMapping(current, target);
    m_list->setFocus();
}

} // namespace inkmapper::ui
