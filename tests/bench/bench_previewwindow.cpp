// Preview latency in the real window: a MainWindow holding the 50 mappings of previewworkload.h and the
// 1 MB event, with each mapping selected in turn, and the event edited in one of two ways (--edit):
//   typing    - a key typed into the event editor (a digit added to the order's total, then erased), which
//               the editor has parsed on a worker thread (the event is over 128K characters) and then
//               commits as the user's edit;
//   replace   - ProjectDocument::changeEvent() with another version of the event, as undo, redo or
//               another view does: the event editor then shows the new text.
// For each edit it measures, on the GUI thread that a user waits on:
//   edit      - the key press (or the changeEvent call) with what it does synchronously (for a key: the
//               editor's own update; for changeEvent: every panel's update — mapping list, trigger marks,
//               field editor's event tree, …);
//   preview   - from the edit until the preview panel shows the new preview, computed off the GUI thread
//               and then displayed (the preview's 60 ms typing pause is set to 0);
//   matrix    - from the edit until the matrix has all 50 verdicts for the event;
//   stall     - the longest single event the GUI thread handled meanwhile (a frame is 16 ms).
// The platform is the environment's (QT_QPA_PLATFORM=offscreen, or a DISPLAY).
//
//   inkmapper-bench-preview-window [--edit typing|replace] [--runs 6] [--products 2400] [--mappings 50] [--only N]
// (--only N: select mapping N alone, 1-based, e.g. to profile one mapping)

#include "previewworkload.h"

#include "document/projectdocument.h"
#include "mainwindow/mainwindow.h"
#include "panels/eventspanel.h"
#include "preview/matrixmodel.h"
#include "preview/matrixview.h"
#include "preview/previewpanel.h"
#include "widgets/codeedit.h"
#include "widgets/jsoneditor.h"

#include "json/writer.h"
#include "project/project.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QKeyEvent>
#include <QTextCursor>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <optional>
#include <utility>
#include <vector>

using namespace inkmapper;

namespace {

/** QApplication that remembers the longest time it spent delivering one event: a GUI-thread stall. */
class StallTimingApplication : public QApplication
{
public:
    using QApplication::QApplication;

    bool notify(QObject *receiver, QEvent *event) override
    {
        QElapsedTimer timer;
        timer.start();
        const bool handled = QApplication::notify(receiver, event);
        m_longestNs = std::max(m_longestNs, timer.nsecsElapsed());
        return handled;
    }
    double takeLongestMs()
    {
        const double ms = double(m_longestNs) / 1e6;
        m_longestNs = 0;
        return ms;
    }

private:
    qint64 m_longestNs = 0;
};

/**
 * Runs the event loop until the preview panel has shown a preview and the matrix has finished, each
 * counted from now (their signals, not their state: the matrix starts on a zero timer after an edit).
 * Returns the milliseconds from `since` to each, or nothing after 60 s.
 */
std::optional<std::pair<double, double>> waitForPreviewAndMatrix(ui::PreviewPanel *preview, ui::MatrixModel *matrix,
                                                                  const QElapsedTimer &since)
{
    double previewMs = -1, matrixMs = -1;
    QEventLoop loop;
    const auto quitWhenBoth = [&] {
        if (previewMs >= 0 && matrixMs >= 0)
            loop.quit();
    };
    QObject::connect(preview, &ui::PreviewPanel::previewUpdated, &loop, [&] {
        if (previewMs < 0)
            previewMs = double(since.nsecsElapsed()) / 1e6;
        quitWhenBoth();
    });
    QObject::connect(matrix, &ui::MatrixModel::finished, &loop, [&] {
        if (matrixMs < 0)
            matrixMs = double(since.nsecsElapsed()) / 1e6;
        quitWhenBoth();
    });
    QTimer::singleShot(60000, &loop, [&] { loop.exit(1); });
    if (loop.exec() != 0)
        return std::nullopt;
    return std::make_pair(previewMs, matrixMs);
}

struct Edit
{
    double editMs, previewMs, matrixMs, stallMs;
};

/** Types one key into `edit` as a person would: a key press and its release, delivered by the application. */
void typeKey(QWidget *edit, Qt::Key key, const QString &text)
{
    QKeyEvent press(QEvent::KeyPress, key, Qt::NoModifier, text);
    QApplication::sendEvent(edit, &press);
    QKeyEvent release(QEvent::KeyRelease, key, Qt::NoModifier, text);
    QApplication::sendEvent(edit, &release);
}

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

} // namespace

int main(int argc, char *argv[])
{
    StallTimingApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("InkMapperBench")); // never the user's settings
    int runs = 6;
    int products = 2400;
    int mappingCount = 50;
    bool typing = true;
    int only = 0;
    const QStringList args = app.arguments();
    for (qsizetype i = 1; i < args.size(); ++i) {
        if (args[i] == u"--edit" && i + 1 < args.size())
            typing = args[++i] != u"replace";
        else if (args[i] == u"--only" && i + 1 < args.size())
            only = std::clamp(args[++i].toInt(), 1, 50);
        else if (args[i] == u"--runs" && i + 1 < args.size())
            runs = std::max(1, args[++i].toInt());
        else if (args[i] == u"--products" && i + 1 < args.size())
            products = args[++i].toInt();
        else if (args[i] == u"--mappings" && i + 1 < args.size())
            mappingCount = std::clamp(args[++i].toInt(), 1, 50);
    }

    // Two versions of the event that differ in one product, so that every edit changes every text shown.
    const json::Value versions[] = {bench::largeOrderCompleted(products), bench::largeOrderCompleted(products + 1)};
    project::Project project;
    project.setSettings(bench::workloadSettings());
    for (project::MappingConfig &mapping : bench::fiftyMappings())
        (void)project.addMapping(std::move(mapping));
    project.addEvent({versions[0], QStringLiteral("bench"), 0});

    ui::MainWindow window;
    ui::ProjectDocument *document = window.document();
    document->resetProject(project, {});
    document->setSecret(bench::workloadSecret());
    window.show();
    ui::PreviewPanel *preview = window.previewPanel();
    preview->setTypingPause(0); // the pause a person's typing gets is not the preview's cost
    ui::MatrixModel *matrix = window.matrixView()->model();
    {
        // The project is new: the first preview and the whole matrix.
        QElapsedTimer sinceShown;
        sinceShown.start();
        window.refreshPreview();
        if (!waitForPreviewAndMatrix(preview, matrix, sinceShown))
            return 1;
    }

    // Typing: the caret goes inside the order's total, where a digit keeps the event valid JSON.
    ui::CodeEdit *eventEdit = window.eventsPanel()->findChild<ui::JsonEditor *>()->textEdit();
    if (typing) {
        const QString shown = eventEdit->toPlainText();
        const qsizetype total = shown.indexOf(QStringLiteral("\"total\": "));
        if (total < 0) {
            std::fprintf(stderr, "the event editor does not show the order's total\n");
            return 1;
        }
        QTextCursor cursor = eventEdit->textCursor();
        cursor.setPosition(int(total + 10));
        eventEdit->setTextCursor(cursor);
        eventEdit->setFocus();
    }

    std::printf("platform %s; event %.2f MB; %d mappings selected in turn, %d edits each (%s); target: 16 ms\n",
                qPrintable(QGuiApplication::platformName()), double(json::stringify(versions[0])->size()) / 1e6,
                mappingCount, runs, typing ? "a key typed in the event editor" : "the event replaced");
    std::printf("%-3s %9s %9s %9s %9s   (medians, ms)\n", "#", "edit", "preview", "matrix", "stall");

    std::vector<double> allEdit, allPreview, allMatrix, allStall;
    int version = 0;
    for (int m = only > 0 ? only - 1 : 0; m < (only > 0 ? only : mappingCount); ++m) {
        document->setCurrentMappingIndex(m);
        QEventLoop selected;
        QObject::connect(preview, &ui::PreviewPanel::previewUpdated, &selected, &QEventLoop::quit);
        window.refreshPreview();
        selected.exec();
        std::vector<Edit> edits;
        for (int r = 0; r <= runs; ++r) { // the first edit of each mapping warms up and is not counted
            version = 1 - version;
            (void)app.takeLongestMs();
            QElapsedTimer sinceEdit;
            sinceEdit.start();
            if (typing && version == 1)
                typeKey(eventEdit, Qt::Key_7, QStringLiteral("7"));
            else if (typing)
                typeKey(eventEdit, Qt::Key_Backspace, {});
            else
                document->changeEvent(0, versions[version]);
            const double editMs = double(sinceEdit.nsecsElapsed()) / 1e6;
            const std::optional<std::pair<double, double>> done = waitForPreviewAndMatrix(preview, matrix, sinceEdit);
            if (!done)
                return 1;
            const double stallMs = std::max(editMs, app.takeLongestMs());
            if (r > 0)
                edits.push_back({editMs, done->first, done->second, stallMs});
        }
        std::vector<double> e, p, x, s;
        for (const Edit &edit : edits) {
            e.push_back(edit.editMs);
            p.push_back(edit.previewMs);
            x.push_back(edit.matrixMs);
            s.push_back(edit.stallMs);
        }
        std::printf("%-3d %9.1f %9.1f %9.1f %9.1f\n", m + 1, median(e), median(p), median(x), median(s));
        allEdit.insert(allEdit.end(), e.begin(), e.end());
        allPreview.insert(allPreview.end(), p.begin(), p.end());
        allMatrix.insert(allMatrix.end(), x.begin(), x.end());
        allStall.insert(allStall.end(), s.begin(), s.end());
    }
    const auto summary = [](const char *what, std::vector<double> values) {
        std::sort(values.begin(), values.end());
        std::printf("%-8s median %7.1f ms  p95 %7.1f ms  max %7.1f ms\n", what, values[values.size() / 2],
                    values[std::min(values.size() - 1, size_t(double(values.size()) * 0.95))], values.back());
    };
    std::printf("\nover all %zu edits:\n", allEdit.size());
    summary("edit", allEdit);
    summary("preview", allPreview);
    summary("matrix", allMatrix);
    summary("stall", allStall);
    return 0;
}
