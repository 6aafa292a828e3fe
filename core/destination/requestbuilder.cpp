#include "requestbuilder.h"

#include "basicauth.h"
#include "headermap.h"
#include "legacyurl.h"
#include "requestclient.h"
#include "schemavalidator.h"

#include "json/object.h"
#include "mapping/transform.h"

#include <QHostAddress>

#include <algorithm>
#include <vector>

namespace inkmapper::destination {

namespace {

// `{...value}`: own enumerable properties — object members, string characters, array elements.
json::Object spreadObject(const json::Value &value)
{
    if (value.isObject())
        return value.toObject();
    json::Object out;
    if (value.isString()) {
        const QString &s = value.toString();
        for (qsizetype i = 0; i < s.size(); ++i)
            out.set(QString::number(i), json::Value(QString(s[i])));
    } else if (value.isArray()) {
        const json::Array &a = value.toArray();
        for (size_t i = 0; i < a.size(); ++i)
            out.set(QString::number(i), a[i]);
    }
    return out;
}

QString stringSetting(const json::Object &settings, QStringView key)
{
    const json::Value v = settings.value(key);
    return v.isString() ? v.toString() : QString();
}

bool isLoopbackHost(const QString &hostname)
{
    if (hostname == QLatin1String("localhost") || hostname.endsWith(QLatin1String(".localhost")))
        return true;
    const QHostAddress address(hostname);
    return !address.isNull() && address.isLoopback();
}

} // namespace

RequestBuilder::RequestBuilder(const DestinationDefinition &definition)
    : m_definition(&definition)
{
}

json::Value RequestBuilder::settingsObject(const QString &url, const QString &username, const QString &password)
{
    json::Object settings;
    settings.set(QStringLiteral("username"), json::Value(username));
    settings.set(QStringLiteral("password"), json::Value(password));
    settings.set(QStringLiteral("movable_ink_url"), json::Value(url));
    return json::Value(std::move(settings));
}

Result<RequestOutcome> RequestBuilder::build(const json::Value &settings, const json::Value &mapping,
                                             const json::Value &event) const
{
    static const Subscription preset;
    return build(settings, mapping, event, preset);
}

Result<RequestOutcome> RequestBuilder::build(const json::Value &settings, const json::Value &mapping,
                                             const json::Value &event, const Subscription &subscription,
                                             MatchedRequestCache *sameEvent) const
{
    // onSubscriptions: the settings are validated before any subscription is looked at.
    const Result<json::Object> validSettings =
        Internal::SchemaValidator::validateSettings(spreadObject(settings), m_definition->settings());
    if (!validSettings)
        return validSettings.error();

    // onSubscription: a bad trigger is reported as the result, not thrown.
    if (!subscription.isUsable())
        return RequestOutcome::notSent(subscription.problem());

    if (event.isArray()) {
        // An array is a batch: every event is tested, and a single match reaches executeBatch, which
        // this action (no performBatch) refuses.
        bool anyMatch = false;
        for (const json::Value &e : event.toArray()) {
            const Result<bool> matched = subscription.matches(e);
            if (!matched)
                return matched.error();
            anyMatch = anyMatch || matched.value();
        }
        if (!anyMatch)
            return RequestOutcome::notSent(QStringLiteral("not subscribed"));
        return Error{QStringLiteral("This action does not support batched requests."), {}};
    }

    const Result<bool> matched = subscription.matches(event);
    if (!matched)
        return matched.error();
    if (!matched.value())
        return RequestOutcome::notSent(QStringLiteral("not subscribed"));

    // executeAction reads event.context?.personas before anything else.
    if (event.isNullish()) {
        return Error{QStringLiteral("Cannot read properties of %1 (reading 'context')")
                         .arg(event.isNull() ? QStringLiteral("null") : QStringLiteral("undefined")),
                     {}};
    }

    if (!sameEvent)
        return buildMatched(validSettings.value(), mapping, event);
    if (const Result<RequestOutcome> *known = sameEvent->find(settings, mapping))
        return *known;
    Result<RequestOutcome> outcome = buildMatched(validSettings.value(), mapping, event);
    sameEvent->insert(settings, mapping, outcome);
    return outcome;
}

Result<RequestOutcome> RequestBuilder::buildMatched(const json::Object &validSettings, const json::Value &mapping,
                                                    const json::Value &event) const
{
    // `subscription.mapping || {}`
    const json::Value effectiveMapping = mapping.isTruthy() ? mapping : json::Value(json::Object());
    const Result<json::Value> transformed = mapping::transform(effectiveMapping, event);
    if (!transformed)
        return transformed.error();

    const ActionDefinition *action = m_definition->action(m_definition->defaultPreset().partnerAction());
    Q_ASSERT(action);
    const Result<json::Object> payload = Internal::SchemaValidator::validatePayload(transformed.value(), action->fields());
    if (!payload)
        return payload.error();

    // sendEntireEvent's perform.
    const QString url = stringSetting(validSettings, u"movable_ink_url");
    if (url.isEmpty())
        return Error{QStringLiteral("\"Movable Ink URL\" setting or \"Movable Ink URL\" field must be populated"), {}};

    Internal::RequestClient::Call call;
    call.url = url;
    call.headers = payload->value(u"headers");
    call.json = payload->value(u"data");
    call.username = stringSetting(validSettings, u"username");
    call.password = stringSetting(validSettings, u"password");
    Result<HttpRequest> request = Internal::RequestClient::execute(call);
    if (!request)
        return request.error();

    QList<RequestWarning> warnings = warningsFor(request.value(), call.headers, url,
                                                 BasicAuth::applies(call.username, call.password));
    return RequestOutcome::sent(std::move(request).value(), json::Value(payload.value()), std::move(warnings));
}

QList<RequestWarning> RequestBuilder::warningsFor(const HttpRequest &request, const json::Value &mappedHeaders,
                                                  const QString &url, bool basicAuth) const
{
    using Kind = RequestWarning::Kind;
    QList<RequestWarning> warnings;

    for (const HttpHeader &h : request.headers()) {
        if (h.origin != HttpHeader::Origin::Mapping)
            continue;
        const bool nonAscii = std::any_of(h.value.cbegin(), h.value.cend(), [](char c) { return uchar(c) >= 0x80; });
        if (nonAscii) {
            const QString name = QString::fromLatin1(h.name).toLower();
            warnings.append({Kind::NonAsciiHeaderValue,
                             QStringLiteral("Header \"%1\" has non-ASCII characters: Movable Ink accepts ASCII only, "
                                            "and Segment sends each one as a single latin-1 byte.")
                                 .arg(name),
                             name});
        }
    }

    // What the mapping asked for, as the request client saw it (sorted, names in lower case).
    if (mappedHeaders.isObject()) {
        const Result<Internal::HeaderMap> mapped = Internal::HeaderMap::fromInit(mappedHeaders);
        std::vector<std::pair<QString, QString>> entries;
        if (mapped)
            entries = mapped->sortedEntries();
        const bool hasBody = !request.body().isEmpty() || request.hasHeader("content-type");
        for (const auto &[name, value] : entries) {
            if (value == QLatin1String("undefined")) {
                warnings.append({Kind::HeaderRemoved,
                                 QStringLiteral("Header \"%1\" is mapped to the text \"undefined\", which makes Segment "
                                                "delete the header instead of sending it.")
                                     .arg(name),
                                 name});
                continue;
            }
            const bool overwritten = (name == QLatin1String("content-type") && hasBody)
                                     || (name == QLatin1String("authorization") && basicAuth)
                                     || name == QLatin1String("content-length");
            if (overwritten) {
                warnings.append({Kind::HeaderOverwritten,
                                 QStringLiteral("Header \"%1\" is replaced by Segment's own value; the mapped value "
                                                "is never sent.")
                                     .arg(name),
                                 name});
            }
            static const QStringList framing{QStringLiteral("host"), QStringLiteral("connection"),
                                             QStringLiteral("transfer-encoding"), QStringLiteral("expect"),
                                             QStringLiteral("keep-alive"), QStringLiteral("te"),
                                             QStringLiteral("upgrade"), QStringLiteral("trailer"),
                                             QStringLiteral("proxy-connection")};
            if (framing.contains(name)) {
                warnings.append({Kind::TransportHeaderMapped,
                                 QStringLiteral("Header \"%1\" controls how the request travels; mapping it can "
                                                "make Movable Ink's server misread the request.")
                                     .arg(name),
                                 name});
            }
        }
    }

    if (request.scheme() == QLatin1String("http") && !isLoopbackHost(request.hostname())) {
        warnings.append({Kind::InsecureUrl,
                         QStringLiteral("The Movable Ink URL uses http://: the Access Secret and every event travel "
                                        "unencrypted. Use https://."),
                         QString()});
    }

    const Result<Internal::LegacyUrl> parsed = Internal::LegacyUrl::parse(url);
    if (parsed && parsed->auth && !parsed->auth->isEmpty()) {
        const bool sent = std::any_of(request.headers().cbegin(), request.headers().cend(), [](const HttpHeader &h) {
            return h.origin == HttpHeader::Origin::UrlCredentials;
        });
        if (sent) {
            warnings.append({Kind::UrlCredentialsSent,
                             QStringLiteral("Username and Access Secret are empty, so the user name and password in "
                                            "the URL are sent as the Authorization header."),
                             QStringLiteral("authorization")});
        } else {
            warnings.append({Kind::UrlCredentialsIgnored,
                             QStringLiteral("The user name and password in the URL are ignored: the request already "
                                            "has an Authorization header."),
                             QStringLiteral("authorization")});
        }
    }
    return warnings;
}

} // namespace inkmapper::destination
