#pragma once

#include <QStyledItemDelegate>

namespace inkmapper::ui {

/**
 * An item delegate that elides its column's text in its own way, whatever the view's elide mode:
 * a list can shorten names in the middle (where similar names differ least) and summaries at the end.
 */
class ElideModeDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    /** A delegate eliding with `mode`. */
    explicit ElideModeDelegate(Qt::TextElideMode mode, QObject *parent = nullptr);

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;

private:
    Qt::TextElideMode m_mode;
};

} // namespace inkmapper::ui
