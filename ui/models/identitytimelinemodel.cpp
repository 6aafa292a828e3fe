#include "identitytimelinemodel.h"

#include "document/projectdocument.h"
#include "util/eventlabel.h"
#include "util/plural.h"

#include <QColor>
#include <QFont>
#include <QHash>

namespace inkmapper::ui {

namespace {

using Entry = destination::IdentityTimeline::Entry;
using Basis = destination::IdentityTimeline::Basis;
using Kind = destination::IdentityTimeline::Profile::Kind;

/** Light tints to tell profiles apart; a profile keeps its tint for as long as its key is the same. */
/** A profile as the narrow list shows it: an anonymous id (a 36-character UUID, mostly) by its first characters. */
QString shortName(const destination::IdentityTimeline::Profile &profile)
{
    constexpr qsizetype Shown = 8;
    if (profile.kind == Kind::Anonymous && profile.id.size() > Shown + 4)
        return IdentityTimelineModel::tr("anonymous %1…").arg(profile.id.left(Shown));
    return profile.describe();
}

QColor tintFor(const QString &key)
{
    static const QColor tints[] = {QColor(0xe8, 0xf0, 0xfe), QColor(0xe6, 0xf4, 0xea), QColor(0xfe, 0xf7, 0xe0),
                                   QColor(0xfc, 0xe8, 0xf3), QColor(0xf1, 0xe8, 0xfd), QColor(0xe0, 0xf7, 0xfa)};
    return tints[qHash(key) % std::size(tints)];
}

} // namespace

IdentityTimelineModel::IdentityTimelineModel(ProjectDocument *document, QObject *parent)
    : QAbstractListModel(parent)
    , m_document(document)
{
    connect(document, &ProjectDocument::changed, this, [this](const ChangeEvent &change) {
        using K = ChangeEvent::Kind;
        if (change.kind == K::Reset || change.kind == K::EventsInserted || change.kind == K::EventsRemoved
            || change.kind == K::EventChanged) {
            if (m_paused)
                m_stale = true;
            else
                rebuild();
        }
    });
    rebuild();
}

void IdentityTimelineModel::setPaused(bool paused)
{
    m_paused = paused;
    if (!paused && m_stale)
        rebuild();
}

void IdentityTimelineModel::rebuild()
{
    m_stale = false;
    const std::vector<events::SampleEvent> &events = m_document->project().events();
    std::vector<json::Value> values;
    values.reserve(events.size());
    m_labels.clear();
    for (const events::SampleEvent &e : events) {
        values.push_back(e.event);
        m_labels << eventLabel(e.event);
    }
    beginResetModel();
    m_timeline = destination::IdentityTimeline::build(values);
    endResetModel();
}

QString IdentityTimelineModel::summary() const
{
    // The profiles the events end up with, in order of first appearance.
    QStringList order;
    QHash<QString, int> counts;
    QHash<QString, QString> names;
    int unattributed = 0;
    for (const Entry &entry : m_timeline.entries()) {
        const auto &profile = entry.finalProfile();
        if (profile.kind == Kind::None) {
            ++unattributed;
            continue;
        }
        if (!counts.contains(profile.key())) {
            order << profile.key();
            names.insert(profile.key(), profile.describe());
        }
        ++counts[profile.key()];
    }
    if (m_timeline.entries().empty())
        return tr("No sample events: load or paste some to see whom Movable Ink attributes them to.");
    QStringList parts;
    for (const QString &key : order)
        parts << plural(counts.value(key), tr("%1 (%n event)"), tr("%1 (%n events)")).arg(names.value(key));
    QString text = plural(order.size(), tr("%n profile: %1"), tr("%n profiles: %1")).arg(parts.join(QStringLiteral(", ")));
    if (unattributed > 0)
        text += u' ' + plural(unattributed, tr("%n event cannot be attributed (no userId or anonymousId)."),
                              tr("%n events cannot be attributed (no userId or anonymousId)."));
    return text;
}

QString IdentityTimelineModel::why(const Entry &entry) const
{
    const auto named = [this](int event) { return tr("event %1 (%2)").arg(event + 1).arg(m_labels.value(event)); };
    switch (entry.basis) {
    case Basis::NoIdentity:
        return tr("It has neither userId nor anonymousId");
    case Basis::AnonymousId:
        return entry.joinedBy >= 0 ? tr("Anonymous until %1 names the visitor").arg(named(entry.joinedBy))
                                   : tr("Anonymous: no identify names this visitor");
    case Basis::UserId:
        return tr("Its own userId");
    case Basis::Identify:
        return entry.joins.empty() ? tr("This identify names the user")
                                   : plural(qsizetype(entry.joins.size()),
                                            tr("This identify names the user and joins %n earlier anonymous event"),
                                            tr("This identify names the user and joins %n earlier anonymous events"));
    case Basis::Device:
        return tr("Its anonymousId was identified by %1").arg(named(entry.identifiedBy));
    }
    return {};
}

int IdentityTimelineModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_timeline.entries().size());
}

QVariant IdentityTimelineModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    Q_ASSERT(checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid));
    const Entry &entry = m_timeline.entries()[size_t(index.row())];
    const bool joinedLater = entry.joinedBy >= 0;
    switch (role) {
    case Qt::DisplayRole:
        return tr("%1\n%2 — %3").arg(data(index, EventRole).toString(), data(index, ProfileRole).toString(),
                                      data(index, WhyRole).toString());
    case EventRole:
        return tr("%1  %2").arg(entry.event + 1).arg(m_labels.value(entry.event));
    case ProfileRole:
        return joinedLater ? tr("%1 → %2").arg(shortName(entry.profile), shortName(entry.joinedTo)) : shortName(entry.profile);
    case WhyRole:
        return why(entry);
    case Qt::ToolTipRole:
        // The ids whole, which the list shortens.
        if (joinedLater)
            return tr("Arrives as %1; joined to %2 by the identify of event %3")
                .arg(entry.profile.describe(), entry.joinedTo.describe())
                .arg(entry.joinedBy + 1);
        return tr("Attributed to %1").arg(entry.finalProfile().describe());
    case Qt::BackgroundRole:
        if (entry.finalProfile().kind == Kind::None)
            return QColor(0xfd, 0xec, 0xea);
        return tintFor(entry.finalProfile().key());
    case Qt::FontRole:
        if (entry.basis == Basis::Identify) { // the events that change who is who
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    case FinalProfileRole:
        return entry.finalProfile().key();
    default:
        return {};
    }
}

} // namespace inkmapper::ui
