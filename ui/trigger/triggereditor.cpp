#include "triggereditor.h"

#include "conditionbuilder.h"
#include "conditiontreemodel.h"
#include "fqlmissingvalues.h"
#include "fqlroundtrip.h"
#include "fqltextedit.h"
#include "noticebar.h"
#include "samplecompletions.h"

#include "util/plural.h"

#include "fql/condition.h"
#include "fql/evaluator.h"
#include "fql/parser.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QScrollArea>
#include <QSplitter>
#include <QStackedWidget>
#include <QStyle>
#include <QTextCursor>
#include <QTextDocument>
#include <QVBoxLayout>

namespace inkmapper::ui {

namespace {

enum BuilderPage { BuilderPageRows, BuilderPageTextOnly };

json::Value emptyTree()
{
    return fql::makeGroup(false, {});
}

} // namespace

TriggerEditor::TriggerEditor(QWidget *parent)
    : QWidget(parent)
    , m_model(new ConditionTreeModel(this))
    , m_completions(new SampleCompletions(this))
    , m_notice(new NoticeBar(this))
    , m_builderStack(new QStackedWidget(this))
    , m_builderScroll(new QScrollArea(this))
    , m_builder(new ConditionBuilder(m_model, m_completions))
    , m_textOnlyLabel(new QLabel(this))
    , m_splitter(new QSplitter(Qt::Vertical, this))
    , m_text(new FqlTextEdit(this))
    , m_statusLabel(new QLabel(this))
    , m_matchLabel(new QLabel(this))
{
    setObjectName(QStringLiteral("triggerEditor"));

    m_builderScroll->setObjectName(QStringLiteral("builderScroll"));
    m_builderScroll->setWidget(m_builder);
    m_builderScroll->setWidgetResizable(true);
    m_builderScroll->setFrameShape(QFrame::NoFrame);
    m_builderScroll->setFocusPolicy(Qt::NoFocus);

    m_textOnlyLabel->setObjectName(QStringLiteral("textOnlyLabel"));
    m_textOnlyLabel->setAlignment(Qt::AlignCenter);
    m_textOnlyLabel->setWordWrap(true);
    m_textOnlyLabel->setTextFormat(Qt::PlainText);
    m_textOnlyLabel->setMargin(16);
    m_builderStack->addWidget(m_builderScroll);
    m_builderStack->addWidget(m_textOnlyLabel);

    auto *builderPane = new QWidget(this);
    auto *builderLayout = new QVBoxLayout(builderPane);
    builderLayout->setContentsMargins(0, 0, 0, 0);
    builderLayout->addWidget(m_notice);
    builderLayout->addWidget(m_builderStack, 1);

    auto *textLabel = new QLabel(QStringLiteral("&FQL"), this);
    textLabel->setBuddy(m_text);
    textLabel->setToolTip(m_text->toolTip());
    m_matchLabel->setObjectName(QStringLiteral("matchLabel"));
    m_matchLabel->hide();
    m_statusLabel->setObjectName(QStringLiteral("statusLabel"));
    m_statusLabel->setWordWrap(true);
    m_statusLabel->setTextFormat(Qt::RichText);
    m_statusLabel->setTextInteractionFlags(Qt::TextBrowserInteraction);
    connect(m_statusLabel, &QLabel::linkActivated, m_text, &FqlTextEdit::goToError);

    auto *textPane = new QWidget(this);
    auto *textLayout = new QVBoxLayout(textPane);
    textLayout->setContentsMargins(0, 0, 0, 0);
    auto *textHeader = new QHBoxLayout;
    textHeader->addWidget(textLabel);
    textHeader->addStretch(1);
    textHeader->addWidget(m_matchLabel);
    textLayout->addLayout(textHeader);
    textLayout->addWidget(m_text, 1);
    textLayout->addWidget(m_statusLabel);

    m_splitter->addWidget(builderPane);
    m_splitter->addWidget(textPane);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_splitter);

    connect(m_text, &QPlainTextEdit::textChanged, this, &TriggerEditor::onTextChanged);
    connect(m_model, &ConditionTreeModel::edited, this, &TriggerEditor::onBuilderEdited);
    connect(m_notice, &NoticeBar::actionTriggered, this, &TriggerEditor::revertText);

    applyText(QString());
}

TriggerEditor::~TriggerEditor() = default;

void TriggerEditor::setFql(const QString &fql)
{
    // The document echoes our own edits back: leave the text (and the user's cursor) alone then.
    if (fql == m_text->toPlainText())
        return;
    m_lastGoodText.reset();
    setTextSilently(fql);
    applyText(fql);
}

QString TriggerEditor::fql() const
{
    return m_text->toPlainText();
}

void TriggerEditor::setSampleEvent(const json::Value &event)
{
    m_sampleEvent = event;
    m_completions->setEvent(event);
    updateExplanation();
}

void TriggerEditor::setKnownEventNames(const QStringList &names)
{
    m_completions->setEventNames(names);
}

bool TriggerEditor::isTextOnly() const
{
    return !m_textOnlyReason.isEmpty();
}

void TriggerEditor::onTextChanged()
{
    if (m_settingText)
        return;
    const QString text = m_text->toPlainText();
    applyText(text);
    Q_EMIT fqlEdited(text);
}

void TriggerEditor::onBuilderEdited()
{
    // The builder writes complete values only; a hint about the text typed before no longer applies.
    m_missingValueHint.clear();
    const QModelIndex problem = m_model->firstProblem();
    if (problem.isValid()) {
        m_builderProblem = QStringLiteral("Condition %1: %2 The FQL text follows once the condition is complete.")
                               .arg(ordinalOf(problem))
                               .arg(problem.data(ConditionTreeModel::ProblemRole).toString());
        updateState();
        return;
    }
    const json::Value tree = m_model->tree();
    const Result<QString> text = FqlRoundTrip::write(tree);
    if (!text) {
        m_builderProblem = text.error().message + QStringLiteral(". The FQL text is left as it was.");
        updateState();
        return;
    }
    m_builderProblem.clear();
    m_textError.reset();
    m_textOnlyReason.clear();
    m_tree = text->isEmpty() ? json::Value() : tree;
    m_lastGoodText = *text;
    setTextSilently(*text);
    updateState();
    Q_EMIT fqlEdited(*text);
}

void TriggerEditor::applyText(const QString &text)
{
    m_textError.reset();
    m_builderProblem.clear();
    m_missingValueHint.clear();
    m_tree = json::Value();
    if (text.trimmed().isEmpty()) {
        // Segment cannot parse an empty trigger (it then matches nothing); the builder shows no rows.
        if (m_model->tree() != emptyTree())
            m_model->setTree(emptyTree());
        m_textOnlyReason.clear();
        m_lastGoodText = text;
    } else if (const Result<json::Value> parsed = fql::parse(text); !parsed) {
        // The builder keeps the last valid trigger, and whether it could show it.
        m_textError = parsed.error();
    } else {
        m_tree = *parsed;
        m_lastGoodText = text;
        m_textOnlyReason.clear();
        if (m_model->tree() != m_tree || m_model->firstProblem().isValid()) {
            const Result<Ok> shown = m_model->setTree(m_tree);
            if (!shown)
                m_textOnlyReason = shown.error().message;
        }
        m_missingValueHint = missingValueHint(text);
    }
    updateState();
}

void TriggerEditor::setTextSilently(const QString &text)
{
    m_settingText = true;
    m_text->setPlainText(text);
    m_settingText = false;
}

void TriggerEditor::revertText()
{
    if (!m_lastGoodText)
        return;
    const QString text = *m_lastGoodText;
    // Through the editor's own undo stack, so Ctrl+Z brings back what was typed.
    QTextCursor cursor(m_text->document());
    cursor.select(QTextCursor::Document);
    m_settingText = true;
    cursor.insertText(text);
    m_settingText = false;
    applyText(text);
    Q_EMIT fqlEdited(text);
}

void TriggerEditor::updateState()
{
    const bool textOnly = !m_textOnlyReason.isEmpty();
    m_builder->setEnabled(!m_textError && !textOnly);
    m_builderStack->setCurrentIndex(textOnly ? BuilderPageTextOnly : BuilderPageRows);
    if (textOnly) {
        m_textOnlyLabel->setText(QStringLiteral("This trigger can only be edited as text.\n\nThe builder cannot show it "
                                                "because %1.\nEdit it in the FQL field below.")
                                     .arg(m_textOnlyReason));
    }

    if (m_textError) {
        const bool canRevert = m_lastGoodText && *m_lastGoodText != m_text->toPlainText();
        m_notice->showMessage(NoticeBar::Kind::Error,
                              textOnly ? QStringLiteral("The FQL text has an error: %1")
                                             .arg(errorDescription(*m_textError, false))
                                       : QStringLiteral("The FQL text has an error, so the builder shows the last "
                                                        "trigger that parsed: %1")
                                             .arg(errorDescription(*m_textError, false)),
                              canRevert ? QStringLiteral("&Revert Text") : QString());
        m_text->setErrorLocation(m_textError->location.line, m_textError->location.column);
        m_statusLabel->setText(QStringLiteral("<span style=\"color:#c0392b\">%1</span>")
                                   .arg(errorDescription(*m_textError, true)));
    } else {
        m_text->clearErrorLocation();
        if (!m_builderProblem.isEmpty())
            m_notice->showMessage(NoticeBar::Kind::Warning, m_builderProblem);
        else if (!m_missingValueHint.isEmpty())
            m_notice->showMessage(NoticeBar::Kind::Information, m_missingValueHint);
        else
            m_notice->hide();
        m_statusLabel->setText(m_text->toPlainText().trimmed().isEmpty()
                                   ? QStringLiteral("Empty trigger: it matches no events. Add a condition above "
                                                    "or type FQL here.")
                                   : QString());
    }
    m_statusLabel->setVisible(!m_statusLabel->text().isEmpty());
    updateExplanation();
}

void TriggerEditor::updateExplanation()
{
    if (m_sampleEvent.isUndefined() || m_textError || m_tree.isUndefined()) {
        m_model->clearExplanation();
        m_matchLabel->hide();
        return;
    }
    const fql::Explanation explanation = fql::explain(m_tree, m_sampleEvent);
    // Per-condition marks only when the rows are exactly the tree that was explained.
    if (m_textOnlyReason.isEmpty() && m_builderProblem.isEmpty() && m_model->tree() == m_tree)
        m_model->setExplanation(explanation);
    else
        m_model->clearExplanation();

    QString text;
    QString color;
    if (!explanation.outcome) {
        text = QStringLiteral("⚠ Segment's evaluator fails on the sample event: %1")
                   .arg(explanation.outcome.error().message);
        color = QStringLiteral("#d35400");
    } else if (*explanation.outcome) {
        text = QStringLiteral("✓ Matches the sample event");
        color = QStringLiteral("#1e8449");
    } else {
        text = QStringLiteral("✗ Does not match the sample event");
        color = QStringLiteral("#c0392b");
    }
    m_matchLabel->setText(text);
    m_matchLabel->setStyleSheet(QStringLiteral("color: %1; font-weight: bold;").arg(color));
    m_matchLabel->setAccessibleName(text);
    m_matchLabel->show();
}

QString TriggerEditor::errorDescription(const Error &error, bool asLink) const
{
    // One-line triggers (nearly all of them) need no line number.
    const bool multiLine = m_text->document()->blockCount() > 1;
    QString where = multiLine ? QStringLiteral("Line %1, column %2").arg(error.location.line).arg(error.location.column)
                              : QStringLiteral("Column %1").arg(error.location.column);
    if (!asLink)
        return QStringLiteral("%1: %2").arg(where.toLower(), error.message);
    return QStringLiteral("<a href=\"#error\">%1</a>: %2").arg(where, error.message.toHtmlEscaped());
}

QString TriggerEditor::missingValueHint(const QString &text) const
{
    // Segment compares such a condition with the text "eos", and so do the builder and the preview: that
    // fidelity stays, but a value the user never typed needs saying where it came from.
    const QList<FqlMissingValues::Missing> missing = FqlMissingValues::find(text, m_tree);
    if (missing.isEmpty())
        return {};
    QStringList numbers;
    QStringList cutValues; // match() drops a pattern's first character, so "eos" becomes "os"
    for (const FqlMissingValues::Missing &condition : missing) {
        numbers.append(QString::number(condition.condition));
        if (condition.valueRead != FqlMissingValues::endOfInputText() && !cutValues.contains(condition.valueRead))
            cutValues.append(condition.valueRead);
    }
    const QString which = isTextOnly()
        ? plural(missing.size(), QStringLiteral("A condition has"), QStringLiteral("%n conditions have"))
        : plural(missing.size(), QStringLiteral("Condition %1 has"), QStringLiteral("Conditions %1 have"))
              .arg(numbers.join(QStringLiteral(", ")));
    QString hint = QStringLiteral("%1 no value yet: Segment reads the missing value as the text \u201c%2\u201d")
                       .arg(which, FqlMissingValues::endOfInputText());
    if (!cutValues.isEmpty()) {
        hint += QStringLiteral(", which match() cuts to \u201c%1\u201d by dropping the pattern's first character")
                    .arg(cutValues.join(QStringLiteral("\u201d, \u201c")));
    }
    return hint + u'.';
}

int TriggerEditor::ordinalOf(const QModelIndex &condition) const
{
    // Conditions are numbered in reading order, nested groups' conditions included, as the rows are.
    int ordinal = 0;
    const QModelIndex root = m_model->rootIndex();
    for (int row = 0; row < m_model->rowCount(root); ++row) {
        const QModelIndex child = m_model->index(row, 0, root);
        if (!child.data(ConditionTreeModel::IsGroupRole).toBool()) {
            ++ordinal;
            if (child == condition)
                return ordinal;
            continue;
        }
        for (int inner = 0; inner < m_model->rowCount(child); ++inner) {
            ++ordinal;
            if (m_model->index(inner, 0, child) == condition)
                return ordinal;
        }
    }
    return ordinal;
}

} // namespace inkmapper::ui
