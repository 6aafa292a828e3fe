#pragma once

#include <QDialog>

class QDialogButtonBox;
class QLabel;

namespace inkmapper::ui {

class JsonEditor;

/**
 * A dialog to paste one or many events: one JSON event (also the raw view copied from Segment's
 * debugger), a JSON array or JSON Lines. It tells as you type how many events it recognises and marks
 * the first error where it is.
 */
class PasteEventsDialog : public QDialog
{
    Q_OBJECT

public:
    explicit PasteEventsDialog(QWidget *parent = nullptr);

    QString text() const;
    void setText(const QString &text);
    JsonEditor *editor() const { return m_editor; }
    /** What the dialog says about the text ("3 events (JSON Lines)"). */
    QString summary() const;

private:
    void recheck();

    JsonEditor *m_editor;
    QLabel *m_summary;
    QDialogButtonBox *m_buttons;
};

} // namespace inkmapper::ui
