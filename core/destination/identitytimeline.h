#pragma once

#include "json/value.h"

#include <QString>

#include <vector>

namespace inkmapper::destination {

/**
 * Which Movable Ink profile each of a sequence of events is attributed to, as Segment's page for the Movable
 * Ink destination describes it: an event is anonymous, by its anonymousId, until an identify with that
 * anonymousId sets a `userId` (or, without one, `traits.email`); that identify joins the anonymousId's earlier
 * events to the user, and later events of the anonymousId go to the user too. An event that carries its own
 * userId belongs to that user. Another identify on the same anonymousId (a second user on a shared device)
 * takes the device's later events; the events already joined stay where they are.
 *
 * Built from the events in the order they were sent; each event is read as given (the raw event, or what a
 * mapping sends, as the caller chooses).
 */
class IdentityTimeline
{
public:
    /** A Movable Ink profile. */
    struct Profile
    {
        enum class Kind {
            None,      ///< no profile: the event carries no id at all
            Anonymous, ///< an anonymous visitor, by anonymousId
            User,      ///< a known user, by userId
            Email,     ///< a known user, by traits.email (an identify without userId)
        };
        Kind kind = Kind::None;
        QString id; ///< the anonymousId, userId or email

        /** A stable key, e.g. "userId:user_8472", "email:maria@example.com", "anonymousId:3f9c…"; empty for None. */
        QString key() const;
        /** How people read it: "user user_8472", "email maria@example.com", "anonymous 3f9c…", "nobody". */
        QString describe() const;

        friend bool operator==(const Profile &, const Profile &) = default;
    };

    /** Why an event went to its profile. */
    enum class Basis {
        NoIdentity,  ///< neither userId nor anonymousId: Movable Ink cannot attribute it
        AnonymousId, ///< anonymous: no identify has named the visitor of this anonymousId yet
        UserId,      ///< the event's own userId
        Identify,    ///< this identify names the user (userId, or traits.email without one)
        Device,      ///< an earlier identify with the same anonymousId named the user
    };

    /** One event of the timeline. */
    struct Entry
    {
        int event = 0;   ///< the event's index in the sequence
        Profile profile; ///< the profile the event is attributed to when it arrives
        Basis basis = Basis::NoIdentity;
        /** The identify that named `profile` (Identify: the event itself; Device: the earlier identify; UserId:
         *  the latest identify of that user before it, if any), or -1. */
        int identifiedBy = -1;
        /** For anonymous events: the user a later identify joined them to (Kind::None while never joined). */
        Profile joinedTo;
        /** The identify that joined the event to `joinedTo`, or -1. */
        int joinedBy = -1;
        /** For an identify: the earlier events it joined to its user. */
        std::vector<int> joins;

        /** Where the event ends up: `joinedTo` when it was joined, otherwise `profile`. */
        const Profile &finalProfile() const { return joinedTo.kind == Profile::Kind::None ? profile : joinedTo; }
    };

    /** The timeline of `events`, in their order; entries()[i] is events[i]'s. */
    static IdentityTimeline build(const std::vector<json::Value> &events);

    const std::vector<Entry> &entries() const { return m_entries; }

    /** The profile of an event as it names itself: its userId, else (identify only) traits.email, else its
     *  anonymousId, else none. Ids may be strings or numbers; blank strings count as absent. */
    static Profile ownProfile(const json::Value &event);

private:
    std::vector<Entry> m_entries;
};

} // namespace inkmapper::destination
