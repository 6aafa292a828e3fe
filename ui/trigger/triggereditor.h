#pragma once

#include "json/value.h"
#include "util/result.h"

#include <QString>
#include <QStringList>
#include <QWidget>

#include <optional>

class QLabel;
class QScrollArea;
class QSplitter;
class QStackedWidget;

namespace inkmapper::ui {

class ConditionBuilder;
class ConditionTreeModel;
class FqlTextEdit;
class NoticeBar;
class SampleCompletions;

/**
 * The trigger editor: a Segment-style condition builder above the trigger's FQL text, always in sync.
 *
 * Builder edits rewrite the text (through fql::generate, only when the text reads back as the same
 * tree). Text typed by hand is parsed and the builder follows, but the text itself is never rewritten
 * while the user types. Text that does not parse keeps the builder at the last valid trigger and marks
 * the error's column; text the builder cannot show faithfully stays editable as text with a notice.
 * A value the text leaves out (`event = `, `match(event,`) is shown as Segment reads it, the text "eos"
 * (or "os" in `match()`), with a notice.
 * With a sample event, each condition shows whether it matches (fql::explain).
 */
class TriggerEditor : public QWidget
{
    Q_OBJECT

public:
    /** An editor holding the empty trigger. */
    explicit TriggerEditor(QWidget *parent = nullptr);
    ~TriggerEditor() override;

    /** Loads a trigger's FQL (a no-op when it is the text already shown); never emits fqlEdited(). */
    void setFql(const QString &fql);
    /** The trigger's FQL exactly as the text field holds it (which may not parse). */
    QString fql() const;

    /** The event to test conditions against and to take completions from (undefined: none). */
    void setSampleEvent(const json::Value &event);
    /** Event names to offer when a condition tests the event name, e.g. those of all loaded events. */
    void setKnownEventNames(const QStringList &names);

    /** True when the text parses but the builder cannot show it, so it is edited as text only. */
    bool isTextOnly() const;
    /** The parse error of the current text, if it has one. */
    std::optional<Error> textError() const { return m_textError; }

Q_SIGNALS:
    /** The user changed the trigger, in the builder or in the text; `fql` is the new text. */
    void fqlEdited(const QString &fql);

private:
    void onTextChanged();
    void onBuilderEdited();
    void applyText(const QString &text);
    void setTextSilently(const QString &text);
    void revertText();
    void updateState();
    void updateExplanation();
    QString errorDescription(const Error &error, bool asLink) const;
    QString missingValueHint(const QString &text) const;
    int ordinalOf(const QModelIndex &condition) const;

    ConditionTreeModel *m_model;
    SampleCompletions *m_completions;
    NoticeBar *m_notice;
    QStackedWidget *m_builderStack;
    QScrollArea *m_builderScroll;
    ConditionBuilder *m_builder;
    QLabel *m_textOnlyLabel;
    QSplitter *m_splitter;
    FqlTextEdit *m_text;
    QLabel *m_statusLabel;
    QLabel *m_matchLabel;

    std::optional<Error> m_textError;   ///< the text does not parse
    QString m_textOnlyReason;           ///< the text parses, but the builder cannot show it
    QString m_builderProblem;           ///< the builder holds something FQL cannot write yet
    QString m_missingValueHint;         ///< the text leaves a value out, which Segment reads as "eos"
    std::optional<QString> m_lastGoodText;
    json::Value m_tree;                 ///< the condition tree of the text (undefined when none)
    json::Value m_sampleEvent;
    bool m_settingText = false;
};

} // namespace inkmapper::ui
