#include "identitytimeline.h"

#include "json/object.h"
#include "json/writer.h"

#include <QHash>

namespace inkmapper::destination {

namespace {

using Profile = IdentityTimeline::Profile;

/** An id as text: strings as they are (blank ones are no id), numbers as JavaScript writes them. */
QString idText(const json::Value &v)
{
    if (v.isString())
        return v.toString().trimmed().isEmpty() ? QString() : v.toString();
    if (v.isNumber())
        return json::toJsonString(v);
    return {};
}

/** What one event says about itself. */
struct Ids
{
    bool isIdentify = false;
    QString userId;
    QString email; ///< traits.email of an identify
    QString anonymousId;
};

Ids idsOf(const json::Value &event)
{
    Ids ids;
    if (!event.isObject())
        return ids;
    const json::Object &e = event.toObject();
    const json::Value type = e.value(u"type");
    ids.isIdentify = type.isString() && type.toString() == u"identify";
    ids.userId = idText(e.value(u"userId"));
    ids.anonymousId = idText(e.value(u"anonymousId"));
    if (ids.isIdentify) {
        const json::Value traits = e.value(u"traits");
        if (traits.isObject())
            ids.email = idText(traits.toObject().value(u"email"));
    }
    return ids;
}

/** The identify's user: its userId, else its traits.email. */
Profile userOf(const Ids &ids)
{
    if (!ids.userId.isEmpty())
        return {Profile::Kind::User, ids.userId};
    if (!ids.email.isEmpty())
        return {Profile::Kind::Email, ids.email};
    return {};
}

} // namespace

namespace {

/** How a profile kind is named: in a key, and for people. */
struct KindNames
{
    const char16_t *key;
    const char16_t *word;
};

KindNames namesOf(Profile::Kind kind)
{
    switch (kind) {
    case Profile::Kind::None:
        break;
    case Profile::Kind::Anonymous:
        return {u"anonymousId", u"anonymous"};
    case Profile::Kind::User:
        return {u"userId", u"user"};
    case Profile::Kind::Email:
        return {u"email", u"email"};
    }
    return {nullptr, nullptr};
}

} // namespace

QString IdentityTimeline::Profile::key() const
{
    const KindNames names = namesOf(kind);
    return names.key ? QString::fromUtf16(names.key) + u':' + id : QString();
}

QString IdentityTimeline::Profile::describe() const
{
    const KindNames names = namesOf(kind);
    return names.word ? QString::fromUtf16(names.word) + u' ' + id : QStringLiteral("nobody");
}

IdentityTimeline::Profile IdentityTimeline::ownProfile(const json::Value &event)
{
    const Ids ids = idsOf(event);
    if (!ids.userId.isEmpty() || (ids.isIdentify && !ids.email.isEmpty()))
        return userOf(ids);
    if (!ids.anonymousId.isEmpty())
        return {Profile::Kind::Anonymous, ids.anonymousId};
    return {};
}

IdentityTimeline IdentityTimeline::build(const std::vector<json::Value> &events)
{
    // One device per anonymousId: the user its latest identify named, and its events still waiting for one.
    struct Device
    {
        Profile user;
        int identifiedBy = -1;
        std::vector<int> waiting;
    };
    QHash<QString, Device> devices;
    QHash<QString, int> latestIdentify; // by user key

    IdentityTimeline timeline;
    timeline.m_entries.reserve(events.size());
    for (size_t i = 0; i < events.size(); ++i) {
        const int index = int(i);
        const Ids ids = idsOf(events[i]);
        Entry entry;
        entry.event = index;
        const Profile user = ids.isIdentify ? userOf(ids) : Profile();
        if (user.kind != Profile::Kind::None) {
            entry.profile = user;
            entry.basis = Basis::Identify;
            entry.identifiedBy = index;
            latestIdentify.insert(user.key(), index);
            if (!ids.anonymousId.isEmpty()) {
                Device &device = devices[ids.anonymousId];
                device.user = user;
                device.identifiedBy = index;
                for (const int earlier : device.waiting) {
                    Entry &joined = timeline.m_entries[size_t(earlier)];
                    joined.joinedTo = user;
                    joined.joinedBy = index;
                    entry.joins.push_back(earlier);
                }
                device.waiting.clear();
            }
        } else if (!ids.userId.isEmpty()) {
            entry.profile = {Profile::Kind::User, ids.userId};
            entry.basis = Basis::UserId;
            entry.identifiedBy = latestIdentify.value(entry.profile.key(), -1);
        } else if (!ids.anonymousId.isEmpty()) {
            Device &device = devices[ids.anonymousId];
            if (device.user.kind != Profile::Kind::None) {
                entry.profile = device.user;
                entry.basis = Basis::Device;
                entry.identifiedBy = device.identifiedBy;
            } else {
                entry.profile = {Profile::Kind::Anonymous, ids.anonymousId};
                entry.basis = Basis::AnonymousId;
                device.waiting.push_back(index);
            }
        }
        timeline.m_entries.push_back(std::move(entry));
    }
    return timeline;
}

} // namespace inkmapper::destination
