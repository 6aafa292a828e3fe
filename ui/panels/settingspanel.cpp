#include "settingspanel.h"

#include "document/projectdocument.h"
#include "document/secretkeeper.h"
#include "widgets/icons.h"

#include "destination/destinationdefinition.h"

#include <QGridLayout>
#include <QHBoxLayout>
#include <QHostAddress>
#include <QLabel>
#include <QLineEdit>
#include <QToolButton>
#include <QUrl>

#include <algorithm>

namespace inkmapper::ui {

namespace {

bool isLoopback(const QString &host)
{
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0
        || host.endsWith(QLatin1String(".localhost"), Qt::CaseInsensitive))
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

} // namespace

SettingsPanel::SettingsPanel(ProjectDocument *document, SecretKeeper *keeper, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_keeper(keeper)
    , m_reveal(new QToolButton(this))
{
    auto *grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setHorizontalSpacing(18);
    grid->setVerticalSpacing(3);
    addField(Field::Url, QStringLiteral("movable_ink_url"), 0);
    addField(Field::Username, QStringLiteral("username"), 1);
    addField(Field::Secret, QStringLiteral("password"), 2);
    grid->setColumnStretch(0, 5);
    grid->setColumnStretch(1, 3);
    grid->setColumnStretch(2, 3);

    QLineEdit *secret = lineEdit(Field::Secret);
    secret->setEchoMode(QLineEdit::Password);
    secret->setInputMethodHints(Qt::ImhHiddenText | Qt::ImhNoPredictiveText | Qt::ImhNoAutoUppercase);
    m_reveal->setText(tr("Show"));
    m_reveal->setCheckable(true);
    m_reveal->setToolTip(tr("Show or hide the Access Secret"));
    m_reveal->setAccessibleName(tr("Show Access Secret"));
    connect(m_reveal, &QToolButton::toggled, this, [this](bool shown) {
        lineEdit(Field::Secret)->setEchoMode(shown ? QLineEdit::Normal : QLineEdit::Password);
        m_reveal->setText(shown ? tr("Hide") : tr("Show"));
    });
    // The toggle sits right of the secret's field: replace the field in the grid by a row of both.
    auto *secretRow = new QHBoxLayout;
    secretRow->setSpacing(4);
    grid->removeWidget(secret);
    secretRow->addWidget(secret, 1);
    secretRow->addWidget(m_reveal);
    if (keeper) {
        m_remember = new QToolButton(this);
        m_remember->setText(tr("Remember"));
        m_remember->setCheckable(true);
        m_remember->setChecked(keeper->isRemembering());
        m_remember->setAccessibleName(tr("Remember the Access Secret in the system keychain"));
        connect(m_remember, &QToolButton::toggled, keeper, &SecretKeeper::setRemembering);
        connect(keeper, &SecretKeeper::stateChanged, this, &SettingsPanel::showKeeperState);
        secretRow->addWidget(m_remember);
    }
    grid->addLayout(secretRow, 1, 2);

    lineEdit(Field::Url)->setPlaceholderText(QStringLiteral("https://"));
    setTabOrder(lineEdit(Field::Url), lineEdit(Field::Username));
    setTabOrder(lineEdit(Field::Username), secret);
    setTabOrder(secret, m_reveal);
    if (m_remember)
        setTabOrder(m_reveal, m_remember);

    connect(lineEdit(Field::Url), &QLineEdit::textEdited, this,
            [this](const QString &text) { m_document->setMovableInkUrl(text); });
    connect(lineEdit(Field::Username), &QLineEdit::textEdited, this,
            [this](const QString &text) { m_document->setUsername(text); });
    connect(secret, &QLineEdit::textEdited, this, [this](const QString &text) { m_document->setSecret(text); });
    connect(document, &ProjectDocument::changed, this, [this](const ChangeEvent &change) {
        if (change.kind == ChangeEvent::Kind::Settings || change.kind == ChangeEvent::Kind::Reset)
            refresh();
    });
    connect(document, &ProjectDocument::secretChanged, this, [this] { refresh(); });
    refresh();
}

QLineEdit *SettingsPanel::lineEdit(Field field) const
{
    return row(field).edit;
}

QString SettingsPanel::message(Field field) const
{
    return row(field).message->text();
}

SettingsPanel::Severity SettingsPanel::severity(Field field) const
{
    return row(field).severity;
}

SettingsPanel::Validation SettingsPanel::validateUrl(const QString &text)
{
    const QString label = destination::DestinationDefinition::movableInk().setting(u"movable_ink_url")->label();
    if (text.trimmed().isEmpty())
        return {Severity::Error, tr("%1 is required.").arg(label)};
    if (text.trimmed() != text)
        return {Severity::Error, tr("Remove the spaces around the URL.")};
    // The commonest slip, said plainly: QUrl's own message quotes the whole source and its parts.
    if (const auto space = std::find_if(text.cbegin(), text.cend(), [](QChar c) { return c.isSpace(); });
        space != text.cend()) {
        return {Severity::Error, tr("A URL cannot contain spaces (one is at character %1): remove it or write it as %20.")
                                     .arg(space - text.cbegin() + 1)};
    }
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid()) {
        // "Invalid path (character '^' not permitted); source was …": the part before the details.
        return {Severity::Error, tr("Not a valid URL: %1.").arg(url.errorString().section(u';', 0, 0))};
    }
    const QString scheme = url.scheme().toLower();
    if (scheme.isEmpty())
        return {Severity::Error, tr("Start the URL with https://")};
    if (scheme != QLatin1String("https") && scheme != QLatin1String("http"))
        return {Severity::Error, tr("The URL must start with https:// (or http://), not %1:").arg(url.scheme())};
    if (url.host().isEmpty())
        return {Severity::Error, tr("The URL has no host name after %1://").arg(scheme)};
    if (scheme == QLatin1String("http") && !isLoopback(url.host()))
        return {Severity::Warning, tr("http:// sends the Access Secret unencrypted: use https:// unless this is a local test server.")};
    return {};
}

SettingsPanel::Validation SettingsPanel::validateRequired(const QString &value, const QString &label)
{
    if (value.trimmed().isEmpty())
        return {Severity::Error, tr("%1 is required.").arg(label)};
    return {};
}

SettingsPanel::Row &SettingsPanel::row(Field field)
{
    return m_rows[int(field)];
}

const SettingsPanel::Row &SettingsPanel::row(Field field) const
{
    return m_rows[int(field)];
}

void SettingsPanel::addField(Field field, const QString &key, int column)
{
    Row &r = row(field);
    r.definition = destination::DestinationDefinition::movableInk().setting(key);
    Q_ASSERT(r.definition);
    r.edit = new QLineEdit(this);
    r.label = new QLabel(r.definition->isRequired() ? tr("%1 *").arg(r.definition->label()) : r.definition->label(), this);
    r.label->setBuddy(r.edit);
    r.label->setToolTip(r.definition->isRequired() ? tr("Required") : QString());
    r.message = new QLabel(this);
    r.message->setWordWrap(true);
    r.message->setTextFormat(Qt::PlainText);
    QFont small = r.message->font();
    small.setPointSizeF(small.pointSizeF() * 0.9);
    r.message->setFont(small);
    r.edit->setPlaceholderText(r.definition->hint());
    r.edit->setToolTip(r.definition->description());
    r.edit->setAccessibleName(r.definition->label());
    r.edit->setAccessibleDescription(r.definition->description());
    r.edit->setClearButtonEnabled(!r.definition->isSecret());

    auto *grid = static_cast<QGridLayout *>(layout());
    grid->addWidget(r.label, 0, column);
    grid->addWidget(r.edit, 1, column);
    grid->addWidget(r.message, 2, column, Qt::AlignTop);
}

void SettingsPanel::refresh()
{
    const project::DestinationSettings &settings = m_document->project().settings();
    // Only replace text that differs, so the cursor stays where the user types.
    const auto sync = [](QLineEdit *edit, const QString &value) {
        if (edit->text() != value)
            edit->setText(value);
    };
    sync(lineEdit(Field::Url), settings.movableInkUrl);
    sync(lineEdit(Field::Username), settings.username);
    sync(lineEdit(Field::Secret), m_document->secret());
    revalidate();
}

void SettingsPanel::revalidate()
{
    showValidation(row(Field::Url), validateUrl(lineEdit(Field::Url)->text()));
    for (Field field : {Field::Username, Field::Secret}) {
        Row &r = row(field);
        showValidation(r, validateRequired(r.edit->text(), r.definition->label()));
    }
    showKeeperState();
}

void SettingsPanel::showKeeperState()
{
    if (!m_keeper)
        return;
    const QString state = m_keeper->message();
    m_remember->setToolTip(tr("Remember the Access Secret in the system keychain, filed under the Username, so the app "
                              "and inkmapper-cli find it next time.%1").arg(state.isEmpty() ? QString() : u'\n' + state));
    // A keychain that fails is worth a warning under the field: the user thinks the secret is kept.
    Row &secret = row(Field::Secret);
    if (m_keeper->state() == SecretKeeper::State::Failed && secret.severity == Severity::None)
        showValidation(secret, {Severity::Warning, tr("Not remembered: %1").arg(state)});
}

void SettingsPanel::showValidation(Row &r, const Validation &validation)
{
    r.severity = validation.severity;
    QPalette pal = palette();
    QString text = validation.message;
    switch (validation.severity) {
    case Severity::None:
        text = r.definition->description();
        pal.setColor(QPalette::WindowText, pal.color(QPalette::Disabled, QPalette::WindowText));
        break;
    case Severity::Warning:
        pal.setColor(QPalette::WindowText, QColor(0x9c, 0x5d, 0x00));
        break;
    case Severity::Error:
        pal.setColor(QPalette::WindowText, QColor(0xc0, 0x1c, 0x28));
        break;
    }
    r.message->setPalette(pal);
    r.message->setText(text);
    r.edit->setAccessibleDescription(text);
}

} // namespace inkmapper::ui
