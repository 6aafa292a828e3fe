#pragma once

#include "destination/httprequest.h"
#include "destination/requestwarning.h"

#include <QAbstractTableModel>
#include <QList>

#include <optional>

namespace inkmapper::ui {

/**
 * The header fields of a previewed request in wire order: name, value (the Authorization value redacted
 * unless the secret is revealed) and who set it. Fields a warning is about carry a warning icon.
 */
class RequestHeadersModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { NameColumn, ValueColumn, OriginColumn, ColumnCount };

    explicit RequestHeadersModel(QObject *parent = nullptr);

    /** Shows the headers of `request` (none when empty), marking those `warnings` name. */
    void setRequest(const std::optional<destination::HttpRequest> &request,
                    const QList<destination::RequestWarning> &warnings);
    /** Shows the real Authorization value (true) or its redacted form (false, the default). */
    void setRevealSecret(bool reveal);
    bool revealsSecret() const { return m_reveal; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QString warningFor(const destination::HttpHeader &header) const;

    QList<destination::HttpHeader> m_headers;
    QList<destination::HttpHeader> m_redacted;
    QList<destination::RequestWarning> m_warnings;
    bool m_reveal = false;
};

} // namespace inkmapper::ui
