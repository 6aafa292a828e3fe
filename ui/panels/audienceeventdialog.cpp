#include "audienceeventdialog.h"

#include "events/engageevents.h"
#include "json/parser.h"
#include "json/writer.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace inkmapper::ui {

using events::EngageEvents;

AudienceEventDialog::AudienceEventDialog(QWidget *parent)
    : QDialog(parent)
    , m_audience(new QRadioButton(tr("&Audience"), this))
    , m_computedTrait(new QRadioButton(tr("&Computed trait"), this))
    , m_name(new QLineEdit(tr("High Value Shoppers"), this))
    , m_key(new QLineEdit(this))
    , m_member(new QCheckBox(tr("The user is in the audience (entered); unchecked: left it (exited)"), this))
    , m_value(new QLineEdit(QStringLiteral("\"gold\""), this))
    , m_identify(new QRadioButton(tr("&identify"), this))
    , m_track(new QRadioButton(tr("&track"), this))
    , m_userId(new QLineEdit(QStringLiteral("user_8472"), this))
    , m_email(new QLineEdit(QStringLiteral("maria@example.com"), this))
    , m_anonymousId(new QLineEdit(this))
    , m_preview(new QPlainTextEdit(this))
{
    setWindowTitle(tr("Engage Audience Event"));
    resize(560, 640);
    auto *intro = new QLabel(tr("Segment Engage tells Movable Ink about audiences and computed traits with identify "
                                "calls (the audience's key as a true/false trait) or track calls. Make one to map and "
                                "trigger on before Engage sends any."),
                             this);
    intro->setWordWrap(true);
    // Two groups of radio buttons in one dialog: without groups, all four would exclude each other.
    auto *kinds = new QButtonGroup(this);
    kinds->addButton(m_audience);
    kinds->addButton(m_computedTrait);
    auto *calls = new QButtonGroup(this);
    calls->addButton(m_identify);
    calls->addButton(m_track);
    m_audience->setChecked(true);
    m_identify->setChecked(true);
    m_member->setChecked(true);
    auto *kindRow = new QHBoxLayout;
    kindRow->addWidget(m_audience);
    kindRow->addWidget(m_computedTrait);
    kindRow->addStretch(1);
    auto *callRow = new QHBoxLayout;
    callRow->addWidget(m_identify);
    callRow->addWidget(m_track);
    callRow->addStretch(1);
    m_key->setObjectName(QStringLiteral("audienceKey"));
    m_key->setToolTip(tr("The trait's name (computation_key): Engage proposes the name in snake_case; edit it if "
                         "your space uses another"));
    m_value->setToolTip(tr("The computed trait's value, as JSON: \"gold\", 42, true, …"));
    m_anonymousId->setPlaceholderText(tr("optional"));
    m_preview->setObjectName(QStringLiteral("audiencePreview"));
    m_preview->setReadOnly(true);
    m_preview->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));

    auto *form = new QFormLayout;
    form->addRow(tr("Computation:"), kindRow);
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Key:"), m_key);
    form->addRow(tr("Membership:"), m_member);
    form->addRow(tr("&Value:"), m_value);
    form->addRow(tr("Sent as:"), callRow);
    form->addRow(tr("&userId:"), m_userId);
    form->addRow(tr("&Email:"), m_email);
    form->addRow(tr("an&onymousId:"), m_anonymousId);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_add = buttons->addButton(tr("Add Event"), QDialogButtonBox::AcceptRole);
    m_add->setObjectName(QStringLiteral("addAudienceEvent"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(new QLabel(tr("The event:"), this));
    layout->addWidget(m_preview, 1);
    layout->addWidget(buttons);

    connect(m_key, &QLineEdit::textEdited, this, [this] { m_keyEdited = !m_key->text().isEmpty(); });
    for (QLineEdit *edit : {m_name, m_key, m_value, m_userId, m_email, m_anonymousId})
        connect(edit, &QLineEdit::textChanged, this, &AudienceEventDialog::update);
    for (QAbstractButton *button : std::initializer_list<QAbstractButton *>{m_audience, m_computedTrait, m_member, m_identify, m_track})
        connect(button, &QAbstractButton::toggled, this, &AudienceEventDialog::update);
    update();
}

json::Value AudienceEventDialog::event() const
{
    EngageEvents::Computation computation;
    computation.kind = m_audience->isChecked() ? EngageEvents::Computation::Kind::Audience
                                               : EngageEvents::Computation::Kind::ComputedTrait;
    computation.name = m_name->text().trimmed();
    computation.key = m_key->text().trimmed();
    if (computation.effectiveKey().isEmpty())
        return {};
    json::Value value(m_member->isChecked());
    if (computation.kind == EngageEvents::Computation::Kind::ComputedTrait) {
        Result<json::Value> parsed = json::parse(QStringView(m_value->text()));
        if (!parsed)
            return {};
        value = std::move(parsed).value();
    }
    const EngageEvents::Recipient recipient{m_userId->text().trimmed(), m_anonymousId->text().trimmed(),
                                            m_email->text().trimmed()};
    return m_identify->isChecked() ? EngageEvents::identify(computation, recipient, value)
                                   : EngageEvents::track(computation, recipient, value);
}

void AudienceEventDialog::update()
{
    if (!m_keyEdited) {
        // The key follows the name, as Engage proposes it, until the user writes one.
        const QSignalBlocker quiet(m_key);
        m_key->setText(EngageEvents::traitKey(m_name->text()));
    }
    const bool audience = m_audience->isChecked();
    m_member->setEnabled(audience);
    m_value->setEnabled(!audience);
    const json::Value made = event();
    m_add->setEnabled(!made.isUndefined());
    m_preview->setPlainText(made.isUndefined()
                                ? (m_key->text().trimmed().isEmpty() && m_name->text().trimmed().isEmpty()
                                       ? tr("Give the audience a name.")
                                       : tr("The value is not JSON: write text in double quotes (\"gold\"), or a number, true or false."))
                                : json::toJsonString(made, json::WriteOptions{2}));
}

} // namespace inkmapper::ui
