#include "exchangediffdialog.h"

#include "util/plural.h"

#include "delivery/exchangetext.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QTextBlock>
#include <QVBoxLayout>

namespace inkmapper::ui {

namespace {

using Kind = util::DiffLine::Kind;

constexpr int ContextLines = 3;

QString describe(const delivery::SentTest &test, int number)
{
    const delivery::Exchange &e = test.exchange;
    return ExchangeDiffDialog::tr("#%1 (%2, %3, %4)")
        .arg(number)
        .arg(test.mapping, e.startedAt.toLocalTime().toString(QStringLiteral("HH:mm:ss")),
             e.hasResponse() ? QString::number(e.status) : ExchangeDiffDialog::tr("no answer"));
}

} // namespace

ExchangeDiffDialog::ExchangeDiffDialog(const delivery::SentTest &a, int numberA, const delivery::SentTest &b,
                                       int numberB, QWidget *parent)
    : QDialog(parent)
    , m_diff(util::LineDiff::compare(delivery::ExchangeText::forComparison(a), delivery::ExchangeText::forComparison(b)))
    , m_summary(new QLabel(this))
    , m_allLines(new QCheckBox(tr("Show &all lines"), this))
    , m_view(new QPlainTextEdit(this))
{
    setWindowTitle(tr("Compare Tests #%1 and #%2").arg(numberA).arg(numberB));
    resize(820, 620);
    m_changed = int(std::count_if(m_diff.begin(), m_diff.end(), [](const util::DiffLine &l) { return l.kind != Kind::Same; }));
    m_summary->setObjectName(QStringLiteral("compareSummary"));
    m_summary->setWordWrap(true);
    m_summary->setText(m_changed == 0
                           ? tr("%1 and %2 sent the same request and got the same answer.").arg(describe(a, numberA), describe(b, numberB))
                           : plural(m_changed, tr("%n line differs between %1 (−) and %2 (+)."),
                                    tr("%n lines differ between %1 (−) and %2 (+)."))
                                 .arg(describe(a, numberA), describe(b, numberB)));
    m_allLines->setObjectName(QStringLiteral("compareAllLines"));
    m_allLines->setToolTip(tr("Otherwise only the changes show, with %1 lines around each").arg(ContextLines));
    connect(m_allLines, &QCheckBox::toggled, this, &ExchangeDiffDialog::render);
    m_view->setObjectName(QStringLiteral("compareView"));
    m_view->setReadOnly(true);
    m_view->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_view->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_view, 1);
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_allLines);
    bottom->addStretch(1);
    bottom->addWidget(buttons);
    layout->addLayout(bottom);
    render();
}

QString ExchangeDiffDialog::text() const
{
    return m_view->toPlainText();
}

void ExchangeDiffDialog::render()
{
    // Which lines to show: all, or the changes with their context (a gap marked by one "⋯" line).
    const bool all = m_allLines->isChecked() || m_changed == 0;
    std::vector<bool> shown(m_diff.size(), all);
    for (size_t i = 0; i < m_diff.size() && !all; ++i) {
        if (m_diff[i].kind == Kind::Same)
            continue;
        const size_t from = i >= ContextLines ? i - ContextLines : 0;
        for (size_t j = from; j < std::min(m_diff.size(), i + ContextLines + 1); ++j)
            shown[j] = true;
    }
    QStringList lines;
    std::vector<Kind> kinds;
    for (size_t i = 0; i < m_diff.size(); ++i) {
        if (!shown[i]) {
            if (lines.isEmpty() || lines.last() != QStringLiteral("⋯")) {
                lines << QStringLiteral("⋯");
                kinds.push_back(Kind::Same);
            }
            continue;
        }
        const Kind kind = m_diff[i].kind;
        lines << (kind == Kind::Same ? QStringLiteral("  ") : kind == Kind::Removed ? QStringLiteral("- ") : QStringLiteral("+ "))
                + m_diff[i].text;
        kinds.push_back(kind);
    }
    m_view->setPlainText(lines.join(u'\n'));

    // Whole-line backgrounds, as diff viewers colour them; the signs say the same for those who cannot see it.
    QList<QTextEdit::ExtraSelection> marks;
    QTextBlock block = m_view->document()->firstBlock();
    for (size_t i = 0; i < kinds.size() && block.isValid(); ++i, block = block.next()) {
        if (kinds[i] == Kind::Same)
            continue;
        QTextEdit::ExtraSelection mark;
        mark.cursor = QTextCursor(block);
        mark.format.setProperty(QTextFormat::FullWidthSelection, true);
        mark.format.setBackground(kinds[i] == Kind::Removed ? QColor(0xfd, 0xe2, 0xe1) : QColor(0xdc, 0xf5, 0xdc));
        marks.append(mark);
    }
    m_view->setExtraSelections(marks);
}

} // namespace inkmapper::ui
