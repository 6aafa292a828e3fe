// Preview latency, the engine's part: the 50 mappings of a full project previewed against one realistic
// 1 MB event (previewworkload.h). When that event is edited, the app's matrix computes all 50 verdicts
// ("outcome only") and the preview panel the selected mapping in full; inkmapper-bench-preview-window
// measures that panel as the window shows it. "shared": the previews of one event share a
// destination::MatchedRequestCache, so identical mappings under different triggers are transformed once
// (as the matrix does). Prints mean, median and p95 over the runs; the target is 16 ms.
//
//   inkmapper-bench-preview [--runs 200] [--products 2400] [--per-mapping]

#include "previewworkload.h"

#include "preview/preview.h"
#include "preview/previewer.h"

#include "fql/parser.h"
#include "fql/trigger.h"
#include "json/writer.h"

#include <QCoreApplication>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <numeric>
#include <vector>

using namespace inkmapper;

namespace {

struct Figures
{
    double mean, median, p95, min, max;
};

Figures measure(int runs, const std::function<void()> &work)
{
    work(); // warm-up: first-touch allocations and lazily built tables
    std::vector<double> ms;
    ms.reserve(size_t(runs));
    for (int r = 0; r < runs; ++r) {
        const auto t = std::chrono::steady_clock::now();
        work();
        ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t).count());
    }
    std::sort(ms.begin(), ms.end());
    const double mean = std::accumulate(ms.begin(), ms.end(), 0.0) / double(ms.size());
    return {mean, ms[ms.size() / 2], ms[std::min(ms.size() - 1, size_t(double(ms.size()) * 0.95))], ms.front(), ms.back()};
}

void print(const char *what, const Figures &f)
{
    std::printf("%-46s mean %7.2f ms  median %7.2f ms  p95 %7.2f ms  (min %.2f, max %.2f)\n", what, f.mean, f.median,
                f.p95, f.min, f.max);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    int runs = 200;
    int products = 2400;
    bool perMapping = false;
    const QStringList args = app.arguments();
    for (qsizetype i = 1; i < args.size(); ++i) {
        if (args[i] == u"--runs" && i + 1 < args.size())
            runs = args[++i].toInt();
        else if (args[i] == u"--products" && i + 1 < args.size())
            products = args[++i].toInt();
        else if (args[i] == u"--per-mapping")
            perMapping = true;
    }

    const json::Value event = bench::largeOrderCompleted(products);
    const qsizetype eventBytes = json::stringify(event)->size();
    const project::DestinationSettings settings = bench::workloadSettings();
    const QString secret = bench::workloadSecret();
    const std::vector<project::MappingConfig> configs = bench::fiftyMappings();

    std::vector<preview::Previewer> previewers;
    for (const project::MappingConfig &m : configs)
        previewers.emplace_back(settings, secret, m);
    std::vector<fql::Trigger> triggers;
    for (const project::MappingConfig &m : configs)
        triggers.push_back(fql::Trigger::compile(fql::parse(m.subscribe).value()));

    int matches = 0, errors = 0;
    qint64 bodyBytes = 0;
    for (const preview::Previewer &p : previewers) {
        const preview::PreviewResult r = p.compute(event);
        matches += r.match == preview::PreviewResult::Match::Matches;
        errors += r.hasError();
        bodyBytes += r.request ? r.request->body().size() : 0;
    }
    std::printf("event: %.2f MB (%d products); 50 mappings: %d match, %d errors; request bodies: %.2f MB in all\n",
                double(eventBytes) / 1e6, products, matches, errors, double(bodyBytes) / 1e6);
    std::printf("%d runs each; target: all 50 under 16 ms\n\n", runs);

    print("Preview::compute x50 (compiles each time)", measure(runs, [&] {
              for (const project::MappingConfig &m : configs)
                  (void)preview::Preview::compute({settings, secret, m, event});
          }));
    print("Previewer x50, full detail", measure(runs, [&] {
              for (const preview::Previewer &p : previewers)
                  (void)p.compute(event);
          }));
    print("Previewer x50, full detail, shared", measure(runs, [&] {
              destination::MatchedRequestCache sameEvent;
              for (const preview::Previewer &p : previewers)
                  (void)p.compute(event, preview::Previewer::Detail::Full, &sameEvent);
          }));
    print("Previewer x50, outcome only", measure(runs, [&] {
              for (const preview::Previewer &p : previewers)
                  (void)p.compute(event, preview::Previewer::Detail::Outcome);
          }));
    print("Previewer x50, outcome only, shared", measure(runs, [&] {
              destination::MatchedRequestCache sameEvent;
              for (const preview::Previewer &p : previewers)
                  (void)p.compute(event, preview::Previewer::Detail::Outcome, &sameEvent);
          }));
    // What the matrix does per event since the readiness issue: each matched cell is judged too.
    print("Previewer x50, outcome only, shared, + readiness (matrix row)", measure(runs, [&] {
              destination::MatchedRequestCache sameEvent;
              for (const preview::Previewer &p : previewers)
                  (void)preview::Preview::readiness(p.compute(event, preview::Previewer::Detail::Outcome, &sameEvent), event);
          }));
    std::printf("\nwhere the time goes:\n");
    print("  50 triggers explained (fql::Trigger)", measure(runs, [&] {
              for (const fql::Trigger &t : triggers)
                  (void)t.explain(event);
          }));
    print("  JSON.stringify of the event, once", measure(runs, [&] { (void)json::stringify(event); }));

    std::vector<double> single;
    for (const preview::Previewer &p : previewers)
        single.push_back(measure(std::max(1, runs / 20), [&] { (void)p.compute(event); }).median);
    std::sort(single.begin(), single.end());
    std::printf("\none mapping, full detail (the selected mapping): median %.2f ms, p95 %.2f ms, max %.2f ms\n",
                single[single.size() / 2], single[size_t(double(single.size()) * 0.95)], single.back());

    if (perMapping) {
        std::printf("\nper mapping (full detail, median of %d):\n", std::max(1, runs / 20));
        for (size_t i = 0; i < previewers.size(); ++i) {
            const Figures f = measure(std::max(1, runs / 20), [&] { (void)previewers[i].compute(event); });
            const preview::PreviewResult r = previewers[i].compute(event);
            std::printf("%2zu %8.2f ms  body %8lld B  %s\n", i + 1, f.median,
                        r.request ? qint64(r.request->body().size()) : 0LL,
                        qPrintable(preview::Preview::summary(r).left(90)));
        }
    }
    return 0;
}
