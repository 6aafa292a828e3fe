// Engine throughput on the file that shared/bench/bench-gen.js writes, measured the way bench-node.js
// measures Segment's engine: for every line, parse the event, evaluate the 50 triggers, transform each
// matching mapping and serialize its `data`. Prints the same figures and the same SHA-256 checksum over
// every output followed by "\n" (an undefined `data` contributes just "\n", an error "error: MESSAGE").
//
//   inkmapper-bench-engine --events bench-data/events.jsonl --project bench-data/project.json [--until STAGE]
//
// --until parse|match|transform|serialize stops each event after that stage (no checksum then): the
// differences between the runs show where the time goes.
//
// By default identical triggers and identical mappings are computed once per event (preview::SubscriptionSet,
// as the app and the CLI run them); --no-sharing evaluates every subscription on its own, as bench-node.js does.

#include "fql/parser.h"
#include "fql/trigger.h"
#include "json/object.h"
#include "json/parser.h"
#include "json/writer.h"
#include "mapping/mapper.h"
#include "preview/subscriptionset.h"

#include <QCoreApplication>
#include <QFile>

#include <openssl/evp.h>

#include <chrono>
#include <cstdio>
#include <optional>
#include <string>
#include <vector>

using namespace inkmapper;
using namespace Qt::StringLiterals;

namespace {

QByteArray readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "cannot read %s\n", qPrintable(path));
        std::exit(2);
    }
    return file.readAll();
}

double secondsSince(std::chrono::steady_clock::time_point t)
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QString eventsPath = QStringLiteral("bench-data/events.jsonl");
    QString projectPath = QStringLiteral("bench-data/project.json");
    enum class Stage { Parse, Match, Transform, Serialize, Hash } until = Stage::Hash;
    bool sharing = true;
    const QStringList args = app.arguments();
    for (qsizetype i = 1; i < args.size(); ++i) {
        if (args[i] == u"--no-sharing") {
            sharing = false;
            continue;
        }
        if (i + 1 >= args.size()) {
            std::fprintf(stderr, "%s expects a value\n", qPrintable(args[i]));
            return 2;
        }
        if (args[i] == u"--events")
            eventsPath = args[i + 1];
        else if (args[i] == u"--project")
            projectPath = args[i + 1];
        else if (args[i] == u"--until") {
            const QStringList stages{u"parse"_s, u"match"_s, u"transform"_s, u"serialize"_s, u"hash"_s};
            if (!stages.contains(args[i + 1])) {
                std::fprintf(stderr, "--until expects one of %s\n", qPrintable(stages.join(u", ")));
                return 2;
            }
            until = Stage(stages.indexOf(args[i + 1]));
        } else {
            std::fprintf(stderr, "unknown option %s\n", qPrintable(args[i]));
            return 2;
        }
        ++i;
    }

    const auto t0 = std::chrono::steady_clock::now();
    const auto project = json::parse(QByteArrayView(readFile(projectPath)));
    if (!project.ok() || !project->isObject()) {
        std::fprintf(stderr, "project does not parse\n");
        return 2;
    }
    struct Subscription
    {
        fql::Trigger trigger;
        mapping::Mapper mapper;
    };
    preview::SubscriptionSet shared;
    std::vector<Subscription> separate; // with --no-sharing
    for (const json::Value &s : project->toObject().value(u"subscriptions").toArray()) {
        const json::Object &sub = s.toObject();
        if (!sub.value(u"enabled").isTruthy())
            continue;
        const auto ast = fql::parse(sub.value(u"subscribe").toString());
        if (!ast.ok()) {
            std::fprintf(stderr, "trigger of %s does not parse: %s\n", qPrintable(sub.value(u"name").toString()),
                         qPrintable(ast.error().message));
            return 2;
        }
        if (sharing) {
            shared.add(ast.value(), sub.value(u"mapping"));
        } else {
            separate.push_back({fql::Trigger::compile(ast.value()), mapping::Mapper(sub.value(u"mapping"))});
        }
    }
    const qsizetype subscriptionCount = sharing ? shared.size() : qsizetype(separate.size());
    std::printf("subscriptions: %lld (%s)\n", qlonglong(subscriptionCount),
                sharing ? qPrintable(QStringLiteral("%1 distinct triggers, %2 distinct mappings")
                                         .arg(shared.distinctTriggers())
                                         .arg(shared.distinctMappings()))
                        : "no sharing");
    const QByteArray text = readFile(eventsPath);
    // Node's readFileSync(…, 'utf8') decodes, and so touches, the whole file before its clock starts;
    // touch every page of ours too, so that neither run pays first-touch page faults inside the timing.
    volatile char touched = 0;
    for (qsizetype i = 0; i < text.size(); i += 4096)
        touched = char(touched + text[i]);

    const auto t1 = std::chrono::steady_clock::now();
    // OpenSSL's SHA-256, as Node's crypto uses: QCryptographicHash's portable code would dominate the run.
    EVP_MD_CTX *hash = EVP_MD_CTX_new();
    EVP_DigestInit_ex(hash, EVP_sha256(), nullptr);
    qint64 events = 0, matched = 0, errors = 0, outBytes = 0;
    std::string out;
    const char *data = text.constData();
    json::ParseOptions parseOptions;
    parseOptions.keepCanonicalText = true; // events are written again, mostly unchanged
    qsizetype start = 0;
    while (start < text.size()) {
        qsizetype end = text.indexOf('\n', start);
        if (end < 0)
            end = text.size();
        if (end > start) {
            const auto event = json::parse(QByteArrayView(data + start, end - start), parseOptions);
            if (!event.ok()) {
                std::fprintf(stderr, "event line does not parse: %s\n", qPrintable(event.error().describe()));
                return 2;
            }
            ++events;
            std::optional<preview::SubscriptionSet::EventRun> sharedRun;
            if (sharing)
                sharedRun.emplace(shared, event.value());
            for (qsizetype i = 0; i < subscriptionCount; ++i) {
                if (until == Stage::Parse)
                    break;
                std::optional<Result<bool>> ownMatch;
                const Result<bool> &match = sharing ? sharedRun->matches(i)
                                                    : ownMatch.emplace(separate[size_t(i)].trigger.matches(event.value()));
                if (!match.ok() || !match.value())
                    continue;
                ++matched;
                if (until == Stage::Match)
                    continue;
                out.clear();
                std::optional<Result<json::Value>> ownPayload;
                const Result<json::Value> &payload =
                    sharing ? sharedRun->transform(i)
                            : ownPayload.emplace(separate[size_t(i)].mapper.transform(event.value()));
                if (until == Stage::Transform)
                    continue;
                if (payload.ok()) {
                    const json::Value &p = payload.value();
                    json::appendJson(out, p.isObject() ? p.toObject().value(u"data") : json::Value());
                } else {
                    ++errors;
                    out = "error: " + payload.error().message.toStdString();
                }
                out += '\n';
                outBytes += qint64(out.size());
                if (until == Stage::Serialize)
                    continue;
                EVP_DigestUpdate(hash, out.data(), out.size());
            }
        }
        start = end + 1;
    }
    const double processing = secondsSince(t1);
    const double total = secondsSince(t0);
    std::printf("events: %lld\nmatched mappings: %lld\ntransform errors: %lld\noutput bytes: %lld\n", events, matched,
                errors, outBytes);
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int digestSize = 0;
    EVP_DigestFinal_ex(hash, digest, &digestSize);
    EVP_MD_CTX_free(hash);
    const QByteArray checksum = QByteArray(reinterpret_cast<const char *>(digest), digestSize).toHex();
    std::printf("checksum (sha256): %s\n", checksum.constData());
    std::printf("processing time: %.3f s (%.0f events/s)\n", processing, events / processing);
    std::printf("total time incl. loading: %.3f s (%.0f events/s)\n", total, events / total);
    return 0;
}
