#pragma once

#include <QDialog>

class QPlainTextEdit;
class QTreeWidget;

namespace inkmapper::inspector {
class Inspector;
}

namespace inkmapper::ui {

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

    QTreeWidget *requestList() const { return m_list; }
    QPlainTextEdit *detailView() const { return m_detail; }

private:
    void addRow(int index);
    void updateRow(int index);
    void showRequest(int index);

    inspector::Inspector *m_inspector;
    QTreeWidget *m_list;
    QPlainTextEdit *m_detail;
};

} // namespace inkmapper::ui
