#include "preview.h"

#include "previewer.h"

#include "destination/readinesschecker.h"

#include "fql/condition.h"
#include "fql/generator.h"
#include "json/object.h"
#include "json/writer.h"

#include <QUtf8StringView>

namespace inkmapper::preview {

namespace {

bool isGroup(const json::Value &condition)
{
    return condition.isObject() && condition.toObject().value(u"type") == json::Value(QStringLiteral("group"));
}

// Single quotes keep every byte but the quote itself; control characters and bytes that are not UTF-8
// text (a clipboard holds text) need bash's $'…' with escapes instead.
bool needsAnsiQuoting(const QByteArray &bytes)
{
    for (const char c : bytes) {
        const uchar u = uchar(c);
        if (u < 0x20 || u == 0x7f)
            return true;
    }
    return !QUtf8StringView(bytes).isValidUtf8();
}

QString ansiQuote(const QByteArray &bytes)
{
    QString out = QStringLiteral("$'");
    for (const char c : bytes) {
        const uchar u = uchar(c);
        switch (u) {
        case '\n': out += QStringLiteral("\\n"); break;
        case '\r': out += QStringLiteral("\\r"); break;
        case '\t': out += QStringLiteral("\\t"); break;
        case '\\': out += QStringLiteral("\\\\"); break;
        case '\'': out += QStringLiteral("\\'"); break;
        default:
            if (u < 0x20 || u >= 0x7f)
                out += QStringLiteral("\\x%1").arg(uint(u), 2, 16, QLatin1Char('0'));
            else
                out += QLatin1Char(c);
        }
    }
    out += u'\'';
    return out;
}

QByteArray redactedAuthorization(const QByteArray &value)
{
    // Keep the scheme ("Basic"), so the command still says what kind of credential goes there.
    const qsizetype space = value.indexOf(' ');
    return space > 0 ? value.left(space) + " <redacted>" : QByteArray("<redacted>");
}

} // namespace

PreviewResult Preview::compute(const PreviewInputs &inputs)
{
    return Previewer(inputs.settings, inputs.secret, inputs.mapping).compute(inputs.event);
}

QString Preview::conditionText(const json::Value &condition)
{
    // generateFql prints a whole tree; a single condition is printed as the only child of a group.
    const json::Value tree = isGroup(condition) ? condition : fql::makeGroup(false, json::Array{condition});
    const Result<QString> text = fql::generate(tree);
    if (text)
        return isGroup(condition) ? u'(' + text.value() + u')' : text.value();
    return json::toJsonString(condition);
}

QString Preview::valueText(const json::Value &value, int maxLength)
{
    if (value.isUndefined())
        return QStringLiteral("missing");
    QString text = json::toJsonString(value);
    if (maxLength > 1 && text.size() > maxLength)
        text = text.left(maxLength - 1) + QChar(0x2026);
    return text;
}

QString Preview::whyNothingIsSent(const PreviewResult &result)
{
    if (result.payloadError)
        return result.payloadError->describe();
    if (result.requestError)
        return result.requestError->describe();
    if (result.match == PreviewResult::Match::TriggerError)
        return QStringLiteral("the trigger does not parse: ") + result.triggerError.describe();
    return result.notSentReason;
}

std::vector<destination::ReadinessFinding> Preview::readiness(const PreviewResult &result, const json::Value &event)
{
    if (result.match != PreviewResult::Match::Matches || !result.payloadComputed || result.payloadError)
        return {};
    // Send Entire Event's body is `data` as JSON: its size is the body's.
    return destination::ReadinessChecker::check(result.payload, event,
                                                result.request ? result.request->body().size() : qsizetype(-1));
}

QList<destination::RequestWarning> Preview::warningsBeyond(const PreviewResult &result,
                                                          const std::vector<destination::ReadinessFinding> &readiness)
{
    using Kind = destination::RequestWarning::Kind;
    QList<destination::RequestWarning> kept;
    for (const destination::RequestWarning &warning : result.warnings) {
        const bool aboutAMappedHeader = warning.kind == Kind::NonAsciiHeaderValue || warning.kind == Kind::HeaderOverwritten;
        const bool stated = aboutAMappedHeader
            && std::any_of(readiness.begin(), readiness.end(), [&](const destination::ReadinessFinding &f) {
                   return f.field == destination::ReadinessFinding::Field::Headers
                       && f.path.compare(warning.headerName, Qt::CaseInsensitive) == 0;
               });
        if (!stated)
            kept.append(warning);
    }
    return kept;
}

QString Preview::summary(const PreviewResult &result)
{
    const std::vector<fql::ConditionResult> &conditions = result.explanation.conditions;
    const fql::ConditionResult *decider =
        result.decidingCondition >= 0 ? &conditions[size_t(result.decidingCondition)] : nullptr;
    const QString dash = QStringLiteral(" \u2014 ");

    switch (result.match) {
    case PreviewResult::Match::TriggerError:
        if (result.triggerError.location.column > 0)
            return QStringLiteral("Trigger error at column %1: %2")
                .arg(result.triggerError.location.column)
                .arg(result.triggerError.message);
        return QStringLiteral("Trigger error: %1").arg(result.triggerError.message);
    case PreviewResult::Match::EvaluationError:
        return QStringLiteral("Trigger fails on this event") + dash
            + QStringLiteral("Segment's evaluator stops with: %1").arg(result.triggerError.message);
    case PreviewResult::Match::Matches: {
        QString text = QStringLiteral("Matches");
        if (decider && decider != &conditions.front())
            text += dash + QStringLiteral("decided by: %1").arg(conditionText(decider->condition));
        if (result.delivery == PreviewResult::Delivery::Failed && result.requestError)
            text += QStringLiteral(", but Segment fails: %1").arg(result.requestError->describe());
        return text;
    }
    case PreviewResult::Match::NoMatch:
        if (decider && decider != &conditions.front())
            return QStringLiteral("Does not match") + dash
                + QStringLiteral("%1 was false for this event").arg(conditionText(decider->condition));
        return QStringLiteral("Does not match") + dash + QStringLiteral("the trigger has no condition that can match");
    }
    return {};
}

QString Preview::shellQuote(const QByteArray &bytes)
{
    if (needsAnsiQuoting(bytes))
        return ansiQuote(bytes);
    QString out = QString::fromUtf8(bytes);
    out.replace(u'\'', QStringLiteral("'\\''"));
    return u'\'' + out + u'\'';
}

QString Preview::toCurl(const destination::HttpRequest &request, bool revealSecret)
{
    const QByteArray method = request.method();
    // node writes a request with a Content-Length (even 0) whenever it has a body; curl needs --data-raw
    // to send one, which also makes it a POST.
    const bool hasData = !request.body().isEmpty() || request.hasHeader("content-length");
    // url(): the host as Host names it and the target decoded as latin-1, so latin-1 gives the bytes back.
    const QByteArray url = request.url().toLatin1();

    QStringList args{QStringLiteral("curl")};
    if (method != "POST" || !hasData)
        args << QStringLiteral("-X ") + shellQuote(method);
    // curl would expand [] and {} in the URL and resolve ./ and ../ segments; node sends them as they are.
    if (url.contains('[') || url.contains(']') || url.contains('{') || url.contains('}'))
        args << QStringLiteral("--globoff");
    if (request.target().contains("/./") || request.target().contains("/../") || request.target().endsWith("/.")
        || request.target().endsWith("/.."))
        args << QStringLiteral("--path-as-is");
    args << shellQuote(url);

    for (const destination::HttpHeader &header : request.headers()) {
        QByteArray value = header.value;
        if (!revealSecret && header.name.compare("authorization", Qt::CaseInsensitive) == 0)
            value = redactedAuthorization(value);
        args << QStringLiteral("-H ") + shellQuote(header.name + ": " + value);
    }
    // Headers curl adds by itself when the request has none: an empty value tells curl to leave them out.
    QList<QByteArray> curlDefaults{QByteArrayLiteral("User-Agent"), QByteArrayLiteral("Accept")};
    if (hasData)
        curlDefaults << QByteArrayLiteral("Content-Type");
    for (const QByteArray &name : curlDefaults) {
        if (!request.hasHeader(name))
            args << QStringLiteral("-H ") + shellQuote(name + ":");
    }
    if (hasData)
        args << QStringLiteral("--data-raw ") + shellQuote(request.body());
    return args.join(QStringLiteral(" \\\n  "));
}

} // namespace inkmapper::preview
