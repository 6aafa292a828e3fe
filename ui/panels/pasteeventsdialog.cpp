#include "pasteeventsdialog.h"

#include "util/plural.h"
#include "widgets/jsoneditor.h"

#include "events/eventreader.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace inkmapper::ui {

PasteEventsDialog::PasteEventsDialog(QWidget *parent)
    : QDialog(parent)
    , m_editor(new JsonEditor(this))
    , m_summary(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Paste Events"));
    auto *intro = new QLabel(tr("Paste one event, a JSON array of events or JSON Lines (one event per line). "
                                "The raw view of Segment's debugger works too."),
                             this);
    intro->setWordWrap(true);
    m_editor->setPlaceholderText(tr("{\"type\": \"track\", \"event\": \"Order Completed\", …}"));
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Add Events"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_editor, 1);
    layout->addWidget(m_summary);
    layout->addWidget(m_buttons);
    resize(640, 480);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_editor, &JsonEditor::textEdited, this, &PasteEventsDialog::recheck);
    recheck();
}

QString PasteEventsDialog::text() const
{
    return m_editor->text();
}

void PasteEventsDialog::setText(const QString &text)
{
    m_editor->setText(text);
    recheck();
}

QString PasteEventsDialog::summary() const
{
    return m_summary->text();
}

void PasteEventsDialog::recheck()
{
    const events::EventReadResult read = events::EventReader::read(m_editor->text().toUtf8(), tr("pasted"));
    if (read.errors.empty())
        m_editor->clearError();
    else
        m_editor->showError(read.errors.front());
    if (read.events.empty() && read.errors.empty()) {
        m_summary->setText(tr("Nothing pasted yet."));
        m_buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
        return;
    }
    QString format = tr("the text");
    switch (read.format) {
    case events::EventReadResult::Format::Empty:
        break;
    case events::EventReadResult::Format::SingleEvent:
        format = tr("one JSON value");
        break;
    case events::EventReadResult::Format::Array:
        format = tr("a JSON array");
        break;
    case events::EventReadResult::Format::JsonLines:
        format = tr("JSON Lines");
        break;
    }
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(true);
    QString text =
        plural(qsizetype(read.events.size()), tr("%n event recognised in %1"), tr("%n events recognised in %1"))
            .arg(format);
    if (!read.errors.empty())
        text += plural(qsizetype(read.errors.size()), tr("; %n part with errors"), tr("; %n parts with errors"));
    m_summary->setText(text + u'.');
}

} // namespace inkmapper::ui
