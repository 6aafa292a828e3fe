#include "matrixview.h"

#include "matrixmodel.h"

#include "util/plural.h"

#include <QFontMetrics>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace inkmapper::ui {

namespace {

/** Beyond this many mappings, names side by side need more room than the panel has: numbers instead. */
constexpr int CompactAbove = 6;
/** The narrowest a column headed by a mapping's name may be dragged. */
constexpr int NamedMinimumWidth = 60;

} // namespace

MatrixView::MatrixView(QWidget *parent)
    : QWidget(parent)
    , m_model(new MatrixModel(this))
    , m_table(new QTableView(this))
    , m_summary(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_placeholder(new QLabel(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->setSpacing(6);

    auto *top = new QHBoxLayout;
    m_summary->setObjectName(QStringLiteral("matrixSummary"));
    m_summary->setAccessibleName(tr("Matrix summary"));
    m_progress->setMaximumWidth(160);
    m_progress->setTextVisible(false);
    m_progress->setAccessibleName(tr("Matrix progress"));
    m_progress->setVisible(false);
    top->addWidget(m_summary, 1);
    top->addWidget(m_progress);
    layout->addLayout(top);

    m_table->setModel(m_model);
    m_table->setAccessibleName(tr("Events by mappings"));
    m_table->setToolTip(QString());
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setSelectionBehavior(QAbstractItemView::SelectItems);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setTabKeyNavigation(false);
    m_table->setWordWrap(false);
    m_table->setCornerButtonEnabled(false);
    m_table->horizontalHeader()->setMinimumSectionSize(NamedMinimumWidth);
    m_table->horizontalHeader()->setTextElideMode(Qt::ElideRight);
    // A name too long for its column keeps its start in view (centred, it lost both ends).
    m_table->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_table->horizontalHeader()->setHighlightSections(true);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setMaximumWidth(280);
    m_table->verticalHeader()->setTextElideMode(Qt::ElideRight);
    m_table->verticalHeader()->setHighlightSections(true);
    layout->addWidget(m_table, 1);

    m_placeholder->setText(tr("Load sample events and add mappings to see every event against every mapping."));
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_placeholder->setEnabled(false);
    layout->addWidget(m_placeholder, 1);

    // Enter and double-click both arrive as activated() (how depends on the platform's style).
    connect(m_table, &QTableView::activated, this, [this](const QModelIndex &index) {
        if (index.isValid())
            Q_EMIT cellActivated(index.row(), index.column());
    });
    connect(m_model, &MatrixModel::progressChanged, this, [this] { updateSummary(); });
    connect(m_model, &MatrixModel::finished, this, [this] { updateSummary(); });
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        fitColumns();
        updateSummary();
    });
    connect(m_model, &QAbstractItemModel::headerDataChanged, this, [this](Qt::Orientation orientation) {
        if (orientation == Qt::Horizontal)
            fitColumns();
    });
    updateSummary();
}

void MatrixView::setProject(const project::Project &project)
{
    m_model->setProject(project);
    updateSummary();
}

void MatrixView::fitColumns()
{
    // Many mappings do not fit side by side with their names: they are numbered, verdicts shown by icon.
    const bool compact = m_model->columnCount() > CompactAbove;
    if (compact != m_model->isCompact()) {
        m_model->setCompact(compact); // emits headerDataChanged, which calls this again
        return;
    }
    if (compact) {
        QFont bold = m_table->horizontalHeader()->font();
        bold.setBold(true);
        const int width = QFontMetrics(bold).horizontalAdvance(QStringLiteral("#50")) + 20;
        m_table->horizontalHeader()->setMinimumSectionSize(std::min(width, NamedMinimumWidth));
        for (int c = 0; c < m_model->columnCount(); ++c)
            m_table->horizontalHeader()->resizeSection(c, width);
        return;
    }
    // Wide enough for the mapping's name (within reason; the tooltip has it in full) and for a verdict.
    // Measured in bold: the current column's header is drawn bold, and Qt 6.4 elides its text with the
    // regular font's metrics, so a name that just fits in regular type would be clipped at both ends.
    m_table->horizontalHeader()->setMinimumSectionSize(NamedMinimumWidth);
    QFont bold = m_table->horizontalHeader()->font();
    bold.setBold(true);
    const QFontMetrics metrics(bold);
    const int widest = metrics.averageCharWidth() * 24;
    for (int c = 0; c < m_model->columnCount(); ++c) {
        const int wanted = metrics.horizontalAdvance(m_model->headerData(c, Qt::Horizontal).toString()) + 24;
        m_table->horizontalHeader()->resizeSection(c, std::clamp(wanted, 110, widest));
    }
}

void MatrixView::updateSummary()
{
    const int rows = m_model->rowCount();
    const int columns = m_model->columnCount();
    const bool empty = rows == 0 || columns == 0;
    m_table->setVisible(!empty);
    m_placeholder->setVisible(empty);

    int matches = 0, errors = 0;
    for (int r = 0; r < rows; ++r) {
        for (int c = 0; c < columns; ++c) {
            const MatrixModel::CellState s = m_model->state(r, c);
            matches += s == MatrixModel::CellState::Match;
            errors += s == MatrixModel::CellState::Error;
        }
    }
    QString text = plural(rows, tr("%n event"), tr("%n events")) + QStringLiteral(" \u00d7 ")
        + plural(columns, tr("%n mapping"), tr("%n mappings"));
    if (!empty) {
        text += QStringLiteral(" \u2014 ") + plural(matches, tr("%n match"), tr("%n matches"));
        if (errors > 0)
            text += QStringLiteral(", ") + plural(errors, tr("%n error"), tr("%n errors"));
    }
    if (m_model->isComputing())
        text += QStringLiteral(" \u2014 ") + tr("computing %1 of %2\u2026").arg(m_model->doneCount()).arg(m_model->totalCount());
    m_summary->setText(text);
    m_progress->setVisible(m_model->isComputing());
    m_progress->setRange(0, qMax(1, m_model->totalCount()));
    m_progress->setValue(m_model->doneCount());
}

} // namespace inkmapper::ui
