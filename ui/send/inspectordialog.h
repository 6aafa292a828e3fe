#pragma once

#include <QDialog>

class QPlainTextEdit;
class QTreeView;

namespace inkmapper::inspector {
class Inspector;
}

namespace inkmapper::ui {

class ReceivedRequestsModel;

/**
 * What the local inspector received, as it arrives: one row per request (time, method and path, whether the
 * basic auth matched, the answer given) and the selected request in full — headers, with the Authorization
 * value redacted, and the body.
 */
class InspectorDialog : public QDialog
{
    Q_OBJECT

public:
    explicit InspectorDialog(inspector::Inspector *inspector, QWidget *parent = nullptr);

    QTreeView *requestList() const { return m_list; }
    QPlainTextEdit *detailView() const { return m_detail; }

private:
    ReceivedRequestsModel *m_model;
    QTreeView *m_list;
    QPlainTextEdit *m_detail;
};

} // namespace inkmapper::ui
