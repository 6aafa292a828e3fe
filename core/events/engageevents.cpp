#include "engageevents.h"

#include "json/object.h"

#include <QUuid>

namespace inkmapper::events {

namespace {

using Computation = EngageEvents::Computation;

QString computationId(const Computation &computation)
{
    if (!computation.id.isEmpty())
        return computation.id;
    // Engage's ids are opaque; one made from the key keeps generated events reproducible.
    const QString prefix = computation.kind == Computation::Kind::Audience ? QStringLiteral("aud_") : QStringLiteral("tra_");
    return prefix + computation.effectiveKey();
}

/** context: the library Engage names ("unknown") and the computation, as Engage's events carry them. */
json::Object context(const Computation &computation)
{
    json::Object library;
    library.set(QStringLiteral("name"), json::Value(QStringLiteral("unknown")));
    library.set(QStringLiteral("version"), json::Value(QStringLiteral("unknown")));
    const QString space = computation.spaceId.isEmpty() ? QStringLiteral("spa_inkmapper") : computation.spaceId;
    json::Object personas;
    personas.set(QStringLiteral("computation_class"),
                 json::Value(computation.kind == Computation::Kind::Audience ? QStringLiteral("audience")
                                                                             : QStringLiteral("trait")));
    personas.set(QStringLiteral("computation_id"), json::Value(computationId(computation)));
    personas.set(QStringLiteral("computation_key"), json::Value(computation.effectiveKey()));
    personas.set(QStringLiteral("namespace"), json::Value(space));
    personas.set(QStringLiteral("space_id"), json::Value(space));
    json::Object context;
    context.set(QStringLiteral("library"), json::Value(std::move(library)));
    context.set(QStringLiteral("personas"), json::Value(std::move(personas)));
    return context;
}

void setIds(json::Object &event, const EngageEvents::Recipient &recipient)
{
    if (!recipient.userId.isEmpty())
        event.set(QStringLiteral("userId"), json::Value(recipient.userId));
    if (!recipient.anonymousId.isEmpty())
        event.set(QStringLiteral("anonymousId"), json::Value(recipient.anonymousId));
}

/** integrations, messageId and timestamp, the tail every Engage event has. */
void finish(json::Object &event, const EngageEvents::Stamp &stamp)
{
    // Engage sends to the destinations connected to the computation only.
    json::Object integrations;
    integrations.set(QStringLiteral("All"), json::Value(false));
    integrations.set(QStringLiteral("Movable Ink (Actions)"), json::Value(true));
    event.set(QStringLiteral("integrations"), json::Value(std::move(integrations)));
    const QString messageId = stamp.messageId.isEmpty()
        ? QStringLiteral("personas_") + QUuid::createUuid().toString(QUuid::Id128)
        : stamp.messageId;
    event.set(QStringLiteral("messageId"), json::Value(messageId));
    const QDateTime at = stamp.at.isValid() ? stamp.at : QDateTime::currentDateTimeUtc();
    event.set(QStringLiteral("timestamp"), json::Value(at.toUTC().toString(Qt::ISODateWithMs)));
}

} // namespace

QString EngageEvents::Computation::effectiveKey() const
{
    return key.isEmpty() ? EngageEvents::traitKey(name) : key;
}

QString EngageEvents::traitKey(const QString &name)
{
    QString key;
    bool separate = false;
    for (qsizetype i = 0; i < name.size(); ++i) {
        const QChar c = name[i];
        if (!c.isLetterOrNumber()) {
            separate = true;
            continue;
        }
        // "highValue": a capital after a small letter or digit starts a word.
        if (c.isUpper() && i > 0 && (name[i - 1].isLower() || name[i - 1].isDigit()))
            separate = true;
        if (separate && !key.isEmpty())
            key += u'_';
        separate = false;
        key += c.toLower();
    }
    return key;
}

json::Value EngageEvents::identify(const Computation &computation, const Recipient &recipient, const json::Value &value,
                                   const Stamp &stamp)
{
    json::Object event;
    event.set(QStringLiteral("type"), json::Value(QStringLiteral("identify")));
    setIds(event, recipient);
    json::Object traits;
    traits.set(computation.effectiveKey(), value);
    if (!recipient.email.isEmpty())
        traits.set(QStringLiteral("email"), json::Value(recipient.email));
    event.set(QStringLiteral("traits"), json::Value(std::move(traits)));
    event.set(QStringLiteral("context"), json::Value(context(computation)));
    finish(event, stamp);
    return json::Value(std::move(event));
}

json::Value EngageEvents::track(const Computation &computation, const Recipient &recipient, const json::Value &value,
                                const Stamp &stamp)
{
    const bool audience = computation.kind == Computation::Kind::Audience;
    json::Object event;
    event.set(QStringLiteral("type"), json::Value(QStringLiteral("track")));
    const QString name = !audience                     ? QStringLiteral("Trait Computed")
                         : value.isBool() && !value.toBool() ? QStringLiteral("Audience Exited")
                                                             : QStringLiteral("Audience Entered");
    event.set(QStringLiteral("event"), json::Value(name));
    setIds(event, recipient);
    json::Object properties;
    properties.set(audience ? QStringLiteral("audience_key") : QStringLiteral("trait_key"),
                   json::Value(computation.effectiveKey()));
    properties.set(computation.effectiveKey(), value);
    event.set(QStringLiteral("properties"), json::Value(std::move(properties)));
    json::Object ctx = context(computation);
    if (!recipient.email.isEmpty()) {
        json::Object traits;
        traits.set(QStringLiteral("email"), json::Value(recipient.email));
        ctx.set(QStringLiteral("traits"), json::Value(std::move(traits)));
    }
    event.set(QStringLiteral("context"), json::Value(std::move(ctx)));
    finish(event, stamp);
    return json::Value(std::move(event));
}

} // namespace inkmapper::events
