#pragma once

#include "json/value.h"

#include <QWidget>

class QLabel;
class QSplitter;
class QTabWidget;

namespace inkmapper::ui {

class DataEditor;
class HeadersEditor;
class MappingJsonView;

/**
 * The editor of a mapping's action fields for Movable Ink's "Send Entire Event": `headers` as a key/value
 * table, `data` as an object editor (event variables picked from the sample event, static values,
 * functions with forms) and, in a second tab, the whole mapping as JSON. The mapping validator runs on
 * every change and each error is shown next to the key it names. A reusable editor: the owner feeds it
 * with setMapping()/setSampleEvent() and stores what mappingEdited() reports.
 */
class FieldEditor : public QWidget
{
    Q_OBJECT

public:
    explicit FieldEditor(QWidget *parent = nullptr);
    ~FieldEditor() override;

    /** Shows the action's field values, an object {"headers": {…}?, "data": …}. Does not emit mappingEdited. */
    void setMapping(const json::Value &mapping);
    /** The field values as edited. */
    json::Value mapping() const { return m_mapping; }
    /** The selected sample event, browsed by the path picker and used for value previews. */
    void setSampleEvent(const json::Value &event);

Q_SIGNALS:
    /** The user changed the mapping (any edit in any view); `mapping` is the new whole value. */
    void mappingEdited(const json::Value &mapping);

private:
    void headersEdited();
    void dataEdited();
    void jsonEdited(const json::Value &mapping);
    json::Value withField(const QString &key, const json::Value &value) const;
    void showInViews(bool headers, bool data, bool json);
    void revalidate();

    QTabWidget *m_tabs;
    HeadersEditor *m_headers;
    DataEditor *m_data;
    MappingJsonView *m_json;
    QSplitter *m_splitter;
    QLabel *m_problems;
    json::Value m_mapping;
};

} // namespace inkmapper::ui
