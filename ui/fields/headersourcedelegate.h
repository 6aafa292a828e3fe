#pragma once

#include <QStyledItemDelegate>

namespace inkmapper::ui {

/** Edits the Source column of the headers table with a combo box of HeaderTableModel::Source values. */
class HeaderSourceDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    explicit HeaderSourceDelegate(QObject *parent = nullptr);

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    void setEditorData(QWidget *editor, const QModelIndex &index) const override;
    void setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const override;
};

} // namespace inkmapper::ui
