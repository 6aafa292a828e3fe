#pragma once

#include <QAbstractTableModel>
#include <QByteArray>
#include <QList>
#include <QPair>

namespace inkmapper::ui {

/** The header fields of a response, in the order they came: name and value, as the server wrote them. */
class ResponseHeadersModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { NameColumn, ValueColumn, ColumnCount };

    explicit ResponseHeadersModel(QObject *parent = nullptr);

    void setHeaders(QList<QPair<QByteArray, QByteArray>> headers);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<QPair<QByteArray, QByteArray>> m_headers;
};

} // namespace inkmapper::ui
