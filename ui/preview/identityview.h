#pragma once

#include <QWidget>

class QLabel;
class QListView;

namespace inkmapper::ui {

class IdentityTimelineModel;
class ProjectDocument;

/**
 * The "Identity" tab: whom Movable Ink attributes each sample event to, in the order they were sent, with a
 * line counting the profiles. Activating an event selects it in the project.
 */
class IdentityView : public QWidget
{
    Q_OBJECT

public:
    explicit IdentityView(ProjectDocument *document, QWidget *parent = nullptr);

    IdentityTimelineModel *model() const { return m_model; }
    QListView *view() const { return m_view; }
    /** The line above the list: how many profiles, and how many events each ends up with. */
    QString summary() const;

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

Q_SIGNALS:
    /** The user activated (double-clicked, Enter) the row of event `eventIndex`. */
    void eventActivated(int eventIndex);

private:
    IdentityTimelineModel *m_model;
    QLabel *m_summary;
    QListView *m_view;
};

} // namespace inkmapper::ui
