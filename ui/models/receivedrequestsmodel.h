#pragma once

#include <QAbstractTableModel>

namespace inkmapper::inspector {
class Inspector;
}

namespace inkmapper::ui {

/**
 * What the local inspector received, a row a request as it arrives: when, the method and path, whether the
 * basic auth matched the project's credentials, and the status it answered (once answered).
 */
class ReceivedRequestsModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { ReceivedColumn, RequestColumn, AuthColumn, AnswerColumn, ColumnCount };

    explicit ReceivedRequestsModel(inspector::Inspector *inspector, QObject *parent = nullptr);

    /** The request as a person checks it: request line, header fields (Authorization redacted), body. */
    QString detail(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    inspector::Inspector *m_inspector;
    int m_rows = 0; ///< the rows announced to views (the inspector's list grows before it signals)
};

} // namespace inkmapper::ui
