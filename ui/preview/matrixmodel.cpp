#include "matrixmodel.h"

#include "util/eventlabel.h"

#include "widgets/icons.h"

#include "preview/preview.h"
#include "preview/previewer.h"

#include "json/object.h"

#include <QApplication>
#include <QColor>
#include <QElapsedTimer>
#include <QPalette>
#include <QPromise>
#include <QStyle>
#include <QThreadPool>

#include <map>

namespace inkmapper::ui {

namespace {

using CellState = MatrixModel::CellState;

// How often the worker hands finished cells to the GUI: often enough to look live, rarely enough to be cheap.
constexpr qint64 BatchIntervalMs = 40;

bool sameMapping(const project::MappingConfig &a, const project::MappingConfig &b)
{
    return a.id == b.id && a.subscribe == b.subscribe && a.mapping == b.mapping && a.enabled == b.enabled;
}

CellState stateOf(const preview::PreviewResult &result)
{
    if (result.hasError())
        return CellState::Error;
    return result.match == preview::PreviewResult::Match::Matches ? CellState::Match : CellState::NoMatch;
}

struct Job
{
    project::DestinationSettings settings;
    std::map<int, project::MappingConfig> mappings; ///< by column
    std::map<int, json::Value> events;              ///< by row
    std::vector<std::pair<int, int>> cells;         ///< (row, column), row by row
};

} // namespace

MatrixModel::MatrixModel(QObject *parent)
    : QAbstractTableModel(parent)
{
    // One thread: a new batch waits for the cancelled one to stop at its next cell instead of competing with
    // it (and with the preview of the selected mapping) for the cores. Not an idle-priority thread: the
    // matrix would then wait for as long as any other program keeps the cores busy.
    m_pool.setMaxThreadCount(1);
}

MatrixModel::~MatrixModel()
{
    cancel();
    m_pool.waitForDone();
}

void MatrixModel::setProject(const project::Project &project)
{
    const project::Project old = std::move(m_project);
    const std::vector<Cell> oldCells = std::move(m_cells);
    m_project = project;

    const int rows = int(m_project.events().size());
    const int columns = m_project.mappingCount();
    const int oldRows = int(old.events().size());
    const int oldColumns = old.mappingCount();
    const bool sameSettings = old.settings() == m_project.settings();

    // Where each column's verdicts can come from: the old column of the same, unchanged mapping (it
    // may have moved).
    std::vector<int> sourceColumn(size_t(columns), -1);
    for (int c = 0; c < columns; ++c) {
        const project::MappingConfig &m = m_project.mapping(c);
        const int k = m.id.isEmpty() ? -1 : old.indexOfMapping(m.id);
        if (sameSettings && k >= 0 && sameMapping(old.mapping(k), m))
            sourceColumn[size_t(c)] = k;
    }
    std::vector<bool> sameEvent(size_t(rows), false);
    for (int r = 0; r < rows && r < oldRows; ++r)
        sameEvent[size_t(r)] = old.events()[size_t(r)].event == m_project.events()[size_t(r)].event;

    m_cells.assign(size_t(rows) * size_t(columns), Cell());
    for (int r = 0; r < rows; ++r) {
        for (int c = 0; c < columns; ++c) {
            Cell &now = m_cells[size_t(r) * size_t(columns) + size_t(c)];
            const int k = sourceColumn[size_t(c)];
            if (sameEvent[size_t(r)] && k >= 0) {
                now = oldCells[size_t(r) * size_t(oldColumns) + size_t(k)];
            } else if (rows == oldRows && columns == oldColumns) {
                // Keep showing the old verdict in place until the new one arrives, so nothing blinks.
                now = oldCells[size_t(r) * size_t(oldColumns) + size_t(c)];
                now.stale = true;
            }
        }
    }

    cancel();
    if (rows != oldRows || columns != oldColumns) {
        // The table changed shape: views must re-read everything. (begin/end bracket a change already made
        // to the data, which is fine for a reset: nothing is read in between.)
        beginResetModel();
        endResetModel();
    } else {
        if (rows > 0 && columns > 0)
            Q_EMIT dataChanged(index(0, 0), index(rows - 1, columns - 1));
        if (columns > 0)
            Q_EMIT headerDataChanged(Qt::Horizontal, 0, columns - 1);
        if (rows > 0)
            Q_EMIT headerDataChanged(Qt::Vertical, 0, rows - 1);
    }
    // Mappings added, removed or moved: the badges follow their columns.
    Q_EMIT readinessChanged();
    start();
}

void MatrixModel::setCompact(bool compact)
{
    if (compact == m_compact)
        return;
    m_compact = compact;
    if (columnCount() > 0) {
        Q_EMIT headerDataChanged(Qt::Horizontal, 0, columnCount() - 1);
        if (rowCount() > 0)
            Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1), {Qt::DisplayRole});
    }
}

MatrixModel::CellState MatrixModel::state(int eventIndex, int mappingIndex) const
{
    Q_ASSERT(eventIndex >= 0 && eventIndex < rowCount() && mappingIndex >= 0 && mappingIndex < columnCount());
    const Cell &c = cell(eventIndex, mappingIndex);
    return c.stale ? CellState::Pending : c.state;
}

QString MatrixModel::reason(int eventIndex, int mappingIndex) const
{
    Q_ASSERT(eventIndex >= 0 && eventIndex < rowCount() && mappingIndex >= 0 && mappingIndex < columnCount());
    return cell(eventIndex, mappingIndex).reason;
}

const std::vector<destination::ReadinessFinding> &MatrixModel::readiness(int eventIndex, int mappingIndex) const
{
    Q_ASSERT(eventIndex >= 0 && eventIndex < rowCount() && mappingIndex >= 0 && mappingIndex < columnCount());
    return cell(eventIndex, mappingIndex).readiness;
}

ReadinessBadge MatrixModel::readinessBadge(int mappingIndex) const
{
    constexpr int MaxExamples = 5;
    using Level = destination::ReadinessFinding::Level;
    ReadinessBadge badge;
    for (int row = 0; row < rowCount(); ++row) {
        const Cell &c = cell(row, mappingIndex);
        if (c.state != CellState::Match)
            continue;
        ++badge.judged;
        for (const destination::ReadinessFinding &f : c.readiness) {
            (f.level == Level::Error ? badge.errors : f.level == Level::Warning ? badge.warnings : badge.hints) += 1;
            if (badge.examples.size() < MaxExamples) {
                badge.examples << tr("event %1 (%2): %3 %4: %5")
                                      .arg(row + 1)
                                      .arg(eventLabel(m_project.events()[size_t(row)].event),
                                           destination::ReadinessFinding::levelName(f.level), f.fieldPath(), f.message);
            }
        }
    }
    return badge;
}

void MatrixModel::cancel()
{
    if (!m_watcher)
        return;
    // The worker stops at its next cell; nothing it still reports reaches this model.
    disconnect(m_watcher, nullptr, this, nullptr);
    m_watcher->cancel();
    m_watcher->deleteLater();
    m_watcher = nullptr;
}

void MatrixModel::start()
{
    auto job = std::make_shared<Job>();
    job->settings = m_project.settings();
    const int columns = columnCount();
    for (int r = 0; r < rowCount(); ++r) {
        for (int c = 0; c < columns; ++c) {
            if (!cell(r, c).stale)
                continue;
            job->cells.emplace_back(r, c);
            job->mappings.try_emplace(c, m_project.mapping(c));
            job->events.try_emplace(r, m_project.events()[size_t(r)].event);
        }
    }
    m_done = 0;
    m_total = int(job->cells.size());
    if (job->cells.empty()) {
        Q_EMIT progressChanged(0, 0);
        Q_EMIT finished();
        return;
    }

    auto promise = std::make_shared<QPromise<Batch>>();
    m_watcher = new QFutureWatcher<Batch>(this);
    QFutureWatcher<Batch> *watcher = m_watcher;
    connect(watcher, &QFutureWatcherBase::resultReadyAt, this, [this, watcher](int i) {
        if (watcher == m_watcher)
            apply(watcher->resultAt(i));
    });
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
        if (watcher != m_watcher)
            return;
        m_watcher = nullptr;
        watcher->deleteLater();
        Q_EMIT finished();
    });
    watcher->setFuture(promise->future());
    Q_EMIT progressChanged(0, m_total);

    m_pool.start([promise, job] {
        promise->start();
        // The events are shared with the window, not copied: json values are immutable, and a large
        // object's key index, made on first lookup, is safe to make from several threads at once.
        const std::map<int, json::Value> &events = job->events;
        // Each mapping is compiled once for all its events.
        std::map<int, preview::Previewer> previewers;
        for (const auto &[column, mapping] : job->mappings) {
            previewers.emplace(std::piecewise_construct, std::forward_as_tuple(column),
                               std::forward_as_tuple(job->settings, QString(), mapping));
        }
        Batch batch;
        QElapsedTimer sinceFlush;
        sinceFlush.start();
        // The cells come row by row: the mappings of one event share what identical mappings compute.
        destination::MatchedRequestCache sameEvent;
        int cachedRow = -1;
        for (const auto &[row, column] : job->cells) {
            if (promise->isCanceled())
                break;
            if (row != cachedRow) {
                sameEvent.clear();
                cachedRow = row;
            }
            const preview::PreviewResult result =
                previewers.at(column).compute(events.at(row), preview::Previewer::Detail::Outcome, &sameEvent);
            batch.push_back({row, column, stateOf(result), preview::Preview::summary(result),
                             preview::Preview::readiness(result, events.at(row))});
            if (sinceFlush.elapsed() >= BatchIntervalMs) {
                promise->addResult(std::move(batch));
                batch = Batch();
                sinceFlush.restart();
            }
        }
        if (!batch.empty() && !promise->isCanceled())
            promise->addResult(std::move(batch));
        promise->finish();
    });
}

void MatrixModel::apply(const Batch &batch)
{
    if (batch.empty())
        return;
    int top = rowCount(), left = columnCount(), bottom = -1, right = -1;
    bool readinessChanged = false;
    for (const CellResult &r : batch) {
        Cell &c = cell(r.row, r.column);
        c.state = r.state;
        c.reason = r.reason;
        readinessChanged = readinessChanged || c.readiness != r.readiness;
        c.readiness = r.readiness;
        c.stale = false;
        top = std::min(top, r.row);
        bottom = std::max(bottom, r.row);
        left = std::min(left, r.column);
        right = std::max(right, r.column);
    }
    m_done += int(batch.size());
    Q_EMIT dataChanged(index(top, left), index(bottom, right));
    Q_EMIT progressChanged(m_done, m_total);
    if (readinessChanged)
        Q_EMIT this->readinessChanged();
}

int MatrixModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_project.events().size());
}

int MatrixModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_project.mappingCount();
}

QVariant MatrixModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Cell &c = cell(index.row(), index.column());
    // A stale cell keeps its old look, dimmed, until its new verdict arrives.
    const CellState shown = c.state;

    switch (role) {
    case Qt::DisplayRole:
        if (m_compact && shown != CellState::Pending)
            return {}; // the icon and the colour say it; the tooltip says why
        switch (shown) {
        case CellState::Pending: return QStringLiteral("\u2026");
        case CellState::Match: return tr("Match");
        case CellState::NoMatch: return tr("No match");
        case CellState::Error: return tr("Error");
        }
        return {};
    case Qt::DecorationRole:
        switch (shown) {
        case CellState::Match: return QApplication::style()->standardIcon(QStyle::SP_DialogApplyButton);
        case CellState::Error: return Icons::icon(Icons::Id::Error);
        default: return {};
        }
    case Qt::BackgroundRole:
        switch (shown) {
        case CellState::Match: return QColor(0xe6, 0xf4, 0xea);
        case CellState::Error: return QColor(0xfd, 0xec, 0xea);
        default: return {};
        }
    case Qt::ForegroundRole:
        if (c.stale || shown == CellState::NoMatch)
            return QApplication::palette().color(QPalette::Disabled, QPalette::Text);
        if (shown == CellState::Match)
            return QColor(0x14, 0x53, 0x2d);
        if (shown == CellState::Error)
            return QColor(0x7f, 0x1d, 0x1d);
        return {};
    case Qt::TextAlignmentRole:
        return int(Qt::AlignLeft | Qt::AlignVCenter);
    case Qt::ToolTipRole:
    case Qt::AccessibleDescriptionRole: {
        const QString where = tr("Event %1 \u00d7 %2").arg(index.row() + 1).arg(m_project.mapping(index.column()).name);
        if (c.stale)
            return tr("%1\nComputing\u2026").arg(where);
        QString tip = tr("%1\n%2").arg(where, c.reason);
        for (const destination::ReadinessFinding &f : c.readiness)
            tip += tr("\nMovable Ink %1: %2: %3").arg(destination::ReadinessFinding::levelName(f.level), f.fieldPath(), f.message);
        return tip;
    }
    case StateRole:
        return int(c.stale ? CellState::Pending : c.state);
    case ReasonRole:
        return c.reason;
    }
    return {};
}

QVariant MatrixModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && section >= 0 && section < columnCount()) {
        const project::MappingConfig &m = m_project.mapping(section);
        switch (role) {
        case Qt::DisplayRole:
            if (m_compact)
                return tr("#%1").arg(section + 1); // greyed when off, as the full name is
            return m.enabled ? m.name : tr("%1 (off)").arg(m.name);
        case Qt::ToolTipRole:
            if (m_compact)
                return m.enabled ? tr("#%1 %2\nTrigger: %3").arg(section + 1).arg(m.name, m.subscribe)
                                 : tr("#%1 %2 (disabled: Segment sends nothing)\nTrigger: %3").arg(section + 1).arg(m.name, m.subscribe);
            return m.enabled ? tr("%1\nTrigger: %2").arg(m.name, m.subscribe)
                             : tr("%1 (disabled: Segment sends nothing)\nTrigger: %2").arg(m.name, m.subscribe);
        case Qt::ForegroundRole:
            if (!m.enabled)
                return QApplication::palette().color(QPalette::Disabled, QPalette::Text);
            return {};
        }
    } else if (orientation == Qt::Vertical && section >= 0 && section < rowCount()) {
        const events::SampleEvent &e = m_project.events()[size_t(section)];
        switch (role) {
        case Qt::DisplayRole:
            return tr("%1  %2").arg(section + 1).arg(eventLabel(e.event));
        case Qt::ToolTipRole:
            return e.line > 0 ? tr("%1, line %2").arg(e.source).arg(e.line) : e.source;
        }
    }
    return QAbstractTableModel::headerData(section, orientation, role);
}

} // namespace inkmapper::ui
