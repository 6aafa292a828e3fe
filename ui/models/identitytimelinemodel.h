#pragma once

#include "destination/identitytimeline.h"

#include <QAbstractListModel>

namespace inkmapper::ui {

class ProjectDocument;

/**
 * The identity timeline of the project's sample events (destination::IdentityTimeline), a row an event in the
 * order they were sent, on two lines (the side panel is narrow): the event, then the profile Movable Ink
 * attributes it to on arrival and, when a later identify joins the anonymous visitor to a user, that user
 * ("anonymous 3f9c2d4e… → user u1"), and why. Rows of one final profile share a colour. Follows the document:
 * any change to the events rebuilds it (a linear pass).
 */
class IdentityTimelineModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role {
        EventRole = Qt::UserRole + 1, ///< QString: "4  identify · user_8472"
        ProfileRole,                  ///< QString: the profile on arrival, "→" the one it is joined to
        WhyRole,                      ///< QString: why the event goes there
        FinalProfileRole,             ///< QString: the key of the profile the event ends up with
    };

    explicit IdentityTimelineModel(ProjectDocument *document, QObject *parent = nullptr);

    const destination::IdentityTimeline &timeline() const { return m_timeline; }
    /**
     * While paused (no view shows the timeline) a change to the events only marks it stale; it is rebuilt when
     * resumed. A keystroke in a large project's event then costs nothing here.
     */
    void setPaused(bool paused);
    /** "3 profiles: user user_8472 (5 events), …", for a line above the list. */
    QString summary() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    void rebuild();
    QString why(const destination::IdentityTimeline::Entry &entry) const;

    ProjectDocument *m_document;
    destination::IdentityTimeline m_timeline;
    QStringList m_labels; ///< each event as the list names it
    bool m_paused = false;
    bool m_stale = false;
};

} // namespace inkmapper::ui
