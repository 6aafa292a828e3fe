#include "dataeditor.h"

#include "datafieldmodel.h"
#include "sourceeditor.h"
#include "valuepreview.h"

#include "util/plural.h"

#include "json/object.h"

#include <QAction>
#include <QFrame>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QTreeView>
#include <QVBoxLayout>

#include <algorithm>

namespace inkmapper::ui {

using Source = DataFieldModel::Source;

json::Value DataEditor::entireEvent()
{
    json::Object directive;
    directive.set(QStringLiteral("@path"), QStringLiteral("$."));
    return json::Value(std::move(directive));
}

DataEditor::DataEditor(QWidget *parent)
    : QWidget(parent)
    , m_model(new DataFieldModel(this))
    , m_summary(new QLabel(this))
    , m_summaryDetail(new QLabel(this))
    , m_resetButton(new QPushButton(tr("&Reset to Entire Event"), this))
    , m_tree(new QTreeView(this))
    , m_addButton(new QPushButton(tr("Add &Key"), this))
    , m_addNestedButton(new QPushButton(tr("Add &Nested Key"), this))
    , m_removeButton(new QPushButton(tr("Remove"), this))
    , m_sourceEditor(new SourceEditor(m_model, this))
    , m_splitter(new QSplitter(Qt::Horizontal, this))
{
    // The banner: what Movable Ink receives, in words, and the way back to Segment's default.
    auto *banner = new QFrame(this);
    banner->setObjectName(QStringLiteral("dataBanner"));
    banner->setFrameShape(QFrame::StyledPanel);
    banner->setAutoFillBackground(true);
    banner->setBackgroundRole(QPalette::AlternateBase);
    m_summary->setObjectName(QStringLiteral("dataSummary"));
    QFont bold = m_summary->font();
    bold.setBold(true);
    m_summary->setFont(bold);
    m_summaryDetail->setObjectName(QStringLiteral("dataSummaryDetail"));
    m_summaryDetail->setWordWrap(true);
    m_summaryDetail->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_resetButton->setObjectName(QStringLiteral("resetDataButton"));
    m_resetButton->setToolTip(tr("Make the data field Segment's default again: the entire event ({\"@path\": \"$.\"})"));
    auto *bannerText = new QVBoxLayout;
    bannerText->setSpacing(2);
    bannerText->addWidget(m_summary);
    bannerText->addWidget(m_summaryDetail);
    auto *bannerLayout = new QHBoxLayout(banner);
    bannerLayout->setContentsMargins(10, 6, 10, 6);
    bannerLayout->addLayout(bannerText, 1);
    bannerLayout->addWidget(m_resetButton, 0, Qt::AlignVCenter);

    m_tree->setObjectName(QStringLiteral("dataTree"));
    m_tree->setModel(m_model);
    m_tree->setAccessibleName(tr("Data keys"));
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->setSelectionMode(QAbstractItemView::SingleSelection);
    m_tree->setEditTriggers(QAbstractItemView::EditKeyPressed | QAbstractItemView::SelectedClicked);
    m_tree->setExpandsOnDoubleClick(true);
    m_tree->header()->setStretchLastSection(true);
    m_tree->setColumnWidth(DataFieldModel::KeyColumn, 150);
    m_tree->setColumnWidth(DataFieldModel::SourceColumn, 135);
    m_tree->setColumnWidth(DataFieldModel::ValueColumn, 200);
    // Room for the header and a few keys: in a short window the fields page then scrolls instead of
    // squeezing the list (and the data field's form beside it) to a sliver.
    m_tree->setMinimumHeight(m_tree->fontMetrics().height() * 9);

    m_addButton->setObjectName(QStringLiteral("addKeyButton"));
    m_addButton->setIcon(QIcon::fromTheme(QStringLiteral("list-add")));
    m_addButton->setToolTip(tr("Add a key next to the selected one (Insert)"));
    m_addNestedButton->setObjectName(QStringLiteral("addNestedKeyButton"));
    m_addNestedButton->setToolTip(tr("Add a key inside the selected key, which becomes an object"));
    m_removeButton->setObjectName(QStringLiteral("removeKeyButton"));
    m_removeButton->setIcon(QIcon::fromTheme(QStringLiteral("list-remove")));
    m_removeButton->setToolTip(tr("Remove the selected key (Delete)"));

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_addButton);
    buttons->addWidget(m_addNestedButton);
    buttons->addWidget(m_removeButton);
    buttons->addStretch();
    auto *left = new QWidget(m_splitter);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_tree, 1);
    leftLayout->addLayout(buttons);

    m_sourceScroll = new QScrollArea(m_splitter);
    m_sourceScroll->setObjectName(QStringLiteral("sourceScroll"));
    m_sourceScroll->setWidget(m_sourceEditor);
    m_sourceScroll->setWidgetResizable(true);
    m_sourceScroll->setFrameShape(QFrame::NoFrame);
    m_sourceScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_splitter->addWidget(left);
    m_splitter->addWidget(m_sourceScroll);
    m_splitter->setStretchFactor(0, 1);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(banner);
    layout->addWidget(m_splitter, 1);

    auto *addAction = new QAction(tr("Add Key"), m_tree);
    addAction->setShortcut(Qt::Key_Insert);
    addAction->setShortcutContext(Qt::WidgetShortcut);
    auto *removeAction = new QAction(tr("Remove Key"), m_tree);
    removeAction->setShortcut(QKeySequence::Delete);
    removeAction->setShortcutContext(Qt::WidgetShortcut);
    m_tree->addActions({addAction, removeAction});

    setTabOrder(m_resetButton, m_tree);
    setTabOrder(m_tree, m_addButton);
    setTabOrder(m_addButton, m_addNestedButton);
    setTabOrder(m_addNestedButton, m_removeButton);

    connect(m_resetButton, &QPushButton::clicked, this, &DataEditor::resetToEntireEvent);
    connect(m_addButton, &QPushButton::clicked, this, &DataEditor::addKey);
    connect(addAction, &QAction::triggered, this, &DataEditor::addKey);
    connect(m_addNestedButton, &QPushButton::clicked, this, &DataEditor::addNestedKey);
    connect(m_removeButton, &QPushButton::clicked, this, &DataEditor::removeKey);
    connect(removeAction, &QAction::triggered, this, &DataEditor::removeKey);
    connect(m_sourceEditor, &SourceEditor::addKeyRequested, this,
            [this] { addKeyTo(m_sourceEditor->currentIndex()); });
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this, [this](const QModelIndex &current) {
        m_sourceEditor->setCurrentIndex(current);
        updateButtons();
        updateArrangement();
    });
    connect(m_model, &DataFieldModel::fieldEdited, this, [this] {
        updateBanner();
        updateButtons();
        Q_EMIT dataEdited();
    });
    setData(entireEvent());
}

void DataEditor::setData(const json::Value &data)
{
    if (data == m_model->fieldValue() && DataFieldModel::sourceOf(data) == m_model->source(m_model->fieldIndex()))
        return;
    const QString selected = m_model->keyPath(m_tree->currentIndex());
    m_model->setFieldValue(data);
    m_tree->expandAll();
    QModelIndex current = m_model->indexForKeyPath(selected);
    if (!current.isValid())
        current = m_model->fieldIndex();
    m_tree->setCurrentIndex(current);
    m_sourceEditor->setCurrentIndex(current);
    updateBanner();
    updateButtons();
    updateArrangement();
}

void DataEditor::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    updateArrangement();
}

void DataEditor::updateArrangement()
{
    // Side by side, the key list and the source's form each need about 320 px; in a narrower editor the
    // form would be cut off at the right (it cannot scroll sideways), so it goes below the list.
    const int sideBySideWidth = fontMetrics().averageCharWidth() * 90;
    const bool narrow = width() < sideBySideWidth;
    m_splitter->setOrientation(narrow ? Qt::Vertical : Qt::Horizontal);
    // Below the list the form gets the height it asks for (up to about 20 lines): the fields page around
    // it scrolls, where a splitter share would squeeze the form to a sliver.
    const int wanted = std::min(m_sourceEditor->sizeHint().height(), fontMetrics().height() * 20);
    m_sourceScroll->setMinimumHeight(narrow ? wanted : 0);
}

json::Value DataEditor::data() const
{
    return m_model->fieldValue();
}

void DataEditor::setSampleEvent(const json::Value &event)
{
    m_model->setSampleEvent(event);
    m_sourceEditor->setSampleEvent(event);
}

std::vector<Error> DataEditor::setValidationErrors(const std::vector<Error> &errors)
{
    std::vector<Error> others = m_model->setValidationErrors(errors);
    m_sourceEditor->refreshStatus();
    return others;
}

void DataEditor::resetToEntireEvent()
{
    const QModelIndex field = m_model->fieldIndex();
    m_model->setValue(field, entireEvent());
    m_tree->setCurrentIndex(field);
}

void DataEditor::addKey()
{
    QModelIndex current = m_tree->currentIndex().siblingAtColumn(DataFieldModel::KeyColumn);
    if (!current.isValid())
        current = m_model->fieldIndex();
    // Into the selected object, else next to the selected key; a field that is not an object becomes one.
    QModelIndex object = current;
    if (m_model->source(current) != Source::Object)
        object = current.parent().isValid() ? current.parent() : current;
    addKeyTo(object);
}

void DataEditor::addNestedKey()
{
    const QModelIndex current = m_tree->currentIndex().siblingAtColumn(DataFieldModel::KeyColumn);
    if (current.isValid())
        addKeyTo(current);
}

void DataEditor::addKeyTo(const QModelIndex &target)
{
    const QPersistentModelIndex object(target.isValid() ? target : m_model->fieldIndex());
    if (m_model->source(object) != Source::Object)
        m_model->setValue(object, json::Object());
    const QString key = m_model->uniqueKey(object, QStringLiteral("key"));
    const QModelIndex added = m_model->addKey(object, key, QString());
    if (!added.isValid())
        return;
    m_tree->expand(object);
    m_tree->setCurrentIndex(added);
    m_tree->setFocus();
    // The new key's name is selected for typing straight away.
    m_tree->edit(added);
}

void DataEditor::removeKey()
{
    const QModelIndex current = m_tree->currentIndex().siblingAtColumn(DataFieldModel::KeyColumn);
    if (!current.isValid() || !current.parent().isValid())
        return;
    const QModelIndex parent = current.parent();
    const int row = current.row();
    m_model->removeRow(row, parent);
    const int rows = m_model->rowCount(parent);
    m_tree->setCurrentIndex(rows > 0 ? m_model->index(qMin(row, rows - 1), 0, parent) : parent);
}

void DataEditor::updateBanner()
{
    const json::Value data = m_model->fieldValue();
    const Source source = DataFieldModel::sourceOf(data);
    m_resetButton->setEnabled(!(data == entireEvent()));
    if (data == entireEvent()) {
        m_summary->setText(tr("Data: the entire event"));
        m_summaryDetail->setText(tr("Movable Ink receives the whole Segment event as the request body (Segment's "
                                    "default). Add keys to send an object of your own instead."));
        return;
    }
    switch (source) {
    case Source::Unset:
        m_summary->setText(tr("Data: not set"));
        m_summaryDetail->setText(tr("The mapping has no data field. Reset it to send the entire event."));
        break;
    case Source::Object: {
        const int keys = int(data.toObject().size());
        m_summary->setText(plural(keys, tr("Data: an object with %n key"), tr("Data: an object with %n keys")));
        m_summaryDetail->setText(tr("Movable Ink receives the keys below, each computed from the event."));
        break;
    }
    case Source::Path:
        m_summary->setText(tr("Data: the event variable %1").arg(data.toObject().at(0).second.toString()));
        m_summaryDetail->setText(tr("Movable Ink receives this part of the event as the request body."));
        break;
    case Source::Function:
    case Source::Static:
        m_summary->setText(tr("Data: a single value"));
        m_summaryDetail->setText(ValuePreview::oneLine(data, 160));
        break;
    }
}

void DataEditor::updateButtons()
{
    const QModelIndex current = m_tree->currentIndex();
    const bool isKey = current.isValid() && current.parent().isValid();
    m_removeButton->setEnabled(isKey);
    m_addNestedButton->setEnabled(isKey);
}

DataEditor::~DataEditor()
{
    // Children still report edits while they are deleted (an open item editor commits); this object is
    // already half gone by then, so it stops listening first.
    disconnect(m_model, nullptr, this, nullptr);
    disconnect(m_sourceEditor, nullptr, this, nullptr);
    disconnect(m_tree->selectionModel(), nullptr, this, nullptr);
}

} // namespace inkmapper::ui
