#pragma once

#include "json/value.h"

#include <QWidget>

class QLabel;
class QPushButton;

namespace inkmapper::ui {

class JsonTextEdit;

/**
 * "Edit as JSON": the whole mapping (`{"headers": …, "data": …}`) as text. Text that parses to an object is
 * applied as it is typed; text that does not parse shows its error at the line and column and is kept —
 * a change made elsewhere never overwrites it, it only offers to.
 */
class MappingJsonView : public QWidget
{
    Q_OBJECT

public:
    explicit MappingJsonView(QWidget *parent = nullptr);

    /** Shows `mapping` unless the editor holds text that does not apply; then offers to replace it. Does not emit. */
    void setMapping(const json::Value &mapping);
    /** The mapping last applied or shown. */
    json::Value mapping() const { return m_mapping; }
    /** True while the editor holds text that does not parse to an object (and so is not applied). */
    bool hasUnappliedText() const { return m_unapplied; }

    /** The text editor. */
    JsonTextEdit *editor() const { return m_editor; }

Q_SIGNALS:
    /** The user's text parsed to a new mapping. */
    void mappingEdited(const json::Value &mapping);

private:
    void textEdited();
    void showText(const json::Value &mapping);
    void replaceWithCurrent();

    JsonTextEdit *m_editor;
    QLabel *m_status;
    QWidget *m_notice;
    QPushButton *m_replaceButton;
    json::Value m_mapping;
    bool m_unapplied = false;
    bool m_updating = false;
};

} // namespace inkmapper::ui
