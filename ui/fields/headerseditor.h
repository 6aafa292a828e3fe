#pragma once

#include "json/value.h"

#include "util/result.h"

#include <QWidget>

#include <vector>

class QLabel;
class QPushButton;
class QTableView;

namespace inkmapper::ui {

class HeaderTableModel;

/**
 * The `headers` field as a table of name / source / value with Add and Remove buttons and, below it, every
 * problem of the table in words. Headers mapped as one directive (not an object) cannot be shown as rows:
 * the table is then read-only and a notice points to the JSON view.
 */
class HeadersEditor : public QWidget
{
    Q_OBJECT

public:
    explicit HeadersEditor(QWidget *parent = nullptr);
    ~HeadersEditor() override;

    /** Shows `headers` (undefined: no headers). Does not emit headersEdited. */
    void setHeaders(const json::Value &headers);
    /** The headers as the table holds them (an object), or the value given when it is not an object. */
    json::Value headers() const;
    /** True when the table can edit the headers (they are absent or an object). */
    bool isEditable() const { return m_editable; }

    /** Attaches validator errors about headers to their rows; returns the errors it could not place. */
    std::vector<Error> setValidationErrors(const std::vector<Error> &errors);

    /** The table's model. */
    HeaderTableModel *model() const { return m_model; }

Q_SIGNALS:
    /** The user changed the headers. */
    void headersEdited();
    /** The user asked to edit headers the table cannot show in the JSON view. */
    void editAsJsonRequested();

private:
    void addHeader();
    void removeSelected();
    void updateMessages();
    void updateButtons();

    HeaderTableModel *m_model;
    QTableView *m_view;
    QPushButton *m_addButton;
    QPushButton *m_removeButton;
    QLabel *m_notice;
    QLabel *m_messages;
    json::Value m_unrepresentable; ///< headers that are not an object, kept as they are
    bool m_editable = true;
};

} // namespace inkmapper::ui
