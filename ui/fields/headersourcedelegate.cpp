#include "headersourcedelegate.h"

#include "headertablemodel.h"

#include <QComboBox>

namespace inkmapper::ui {

HeaderSourceDelegate::HeaderSourceDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{
}

QWidget *HeaderSourceDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                                            const QModelIndex &index) const
{
    if (index.column() != HeaderTableModel::SourceColumn)
        return QStyledItemDelegate::createEditor(parent, option, index);
    auto *combo = new QComboBox(parent);
    combo->setAccessibleName(tr("Header value source"));
    using Source = HeaderTableModel::Source;
    for (Source source : {Source::Text, Source::Path, Source::Template, Source::Json})
        combo->addItem(HeaderTableModel::sourceName(source), int(source));
    // Commit as soon as a source is chosen, so the Value cell follows without leaving the editor.
    // commitData is a signal of the (logically const) delegate, hence the cast.
    auto *self = const_cast<HeaderSourceDelegate *>(this);
    connect(combo, &QComboBox::activated, self, [self, combo] { Q_EMIT self->commitData(combo); });
    return combo;
}

void HeaderSourceDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const
{
    auto *combo = qobject_cast<QComboBox *>(editor);
    if (!combo)
        return QStyledItemDelegate::setEditorData(editor, index);
    combo->setCurrentIndex(combo->findData(index.data(Qt::EditRole)));
}

void HeaderSourceDelegate::setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const
{
    auto *combo = qobject_cast<QComboBox *>(editor);
    if (!combo)
        return QStyledItemDelegate::setModelData(editor, model, index);
    model->setData(index, combo->currentData(), Qt::EditRole);
}

} // namespace inkmapper::ui
