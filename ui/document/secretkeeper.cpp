#include "secretkeeper.h"

#include "projectdocument.h"

#include "widgets/setting.h"

#include "project/secretstore.h"

#include <utility>

namespace inkmapper::ui {

namespace {

const Setting<bool> rememberSecrets{"secrets/rememberInKeychain", true};

} // namespace

SecretKeeper::SecretKeeper(ProjectDocument *document, QObject *parent)
    : QObject(parent)
    , m_document(document)
    , m_remembering(rememberSecrets.get())
{
    m_storeTimer.setSingleShot(true);
    m_storeTimer.setInterval(800); // after the typing, not on every key
    connect(&m_storeTimer, &QTimer::timeout, this, &SecretKeeper::store);
    // A Username being typed is looked up once it settles, not once a key (a locked keychain asks each time).
    m_fillTimer.setSingleShot(true);
    m_fillTimer.setInterval(400);
    connect(&m_fillTimer, &QTimer::timeout, this, &SecretKeeper::fill);
    connect(document, &ProjectDocument::changed, this, [this](const ChangeEvent &change) {
        if (change.kind == ChangeEvent::Kind::Reset)
            projectOpened();
        else if (change.kind == ChangeEvent::Kind::Settings)
            settingsChanged();
    });
    connect(document, &ProjectDocument::secretChanged, this, &SecretKeeper::secretTyped);
    projectOpened();
}

SecretKeeper::~SecretKeeper()
{
    flush(); // the keychain finishes the job after the keeper is gone
}

void SecretKeeper::setRemembering(bool remember)
{
    if (remember == m_remembering)
        return;
    m_remembering = remember;
    rememberSecrets.set(remember);
    m_storeTimer.stop();
    if (remember) {
        if (m_document->secret().isEmpty()) {
            fill();
        } else {
            m_pending = {m_username, m_document->secret()};
            store();
        }
        return;
    }
    setState(State::Off, tr("Not remembered: the Access Secret is kept for this session only."));
    const QString username = m_username;
    if (username.isEmpty())
        return;
    project::SecretStore::remove(username, this, [this, username](Result<Ok> removed) {
        if (!removed)
            setState(State::Failed, removed.error().message);
        else if (!m_remembering)
            setState(State::Off, tr("Not remembered: the secret stored for %1 was removed from the system keychain.").arg(username));
    });
}

void SecretKeeper::flush()
{
    if (m_storeTimer.isActive()) {
        m_storeTimer.stop();
        store();
    }
}

void SecretKeeper::flushAndWait(int timeoutMs)
{
    if (!m_storeTimer.isActive())
        return;
    m_storeTimer.stop();
    const Pending pending = std::exchange(m_pending, {});
    if (worthStoring(pending))
        project::SecretStore::writeNow(pending.username, pending.secret, timeoutMs);
}

void SecretKeeper::projectOpened()
{
    flush(); // a secret typed for the previous project
    m_fillTimer.stop();
    m_username = m_document->project().settings().username;
    if (!m_remembering)
        setState(State::Off, tr("Not remembered: the Access Secret is kept for this session only."));
    else if (m_document->secret().isEmpty())
        fill();
    else
        setState(State::Idle, QString());
}

void SecretKeeper::settingsChanged()
{
    const QString username = m_document->project().settings().username;
    if (username == m_username)
        return; // the URL changed
    flush(); // what was typed belongs to the previous Username
    m_username = username;
    if (!m_remembering)
        return;
    if (m_document->secret().isEmpty()) {
        m_fillTimer.start();
    } else {
        m_pending = {username, m_document->secret()}; // the secret goes with the Username typed beside it
        m_storeTimer.start();
    }
}

void SecretKeeper::secretTyped()
{
    if (m_filling || !m_remembering)
        return;
    if (m_document->secret().isEmpty()) {
        // Cleared, or another project opening: what was typed before is still worth keeping.
        flush();
        return;
    }
    m_pending = {m_username, m_document->secret()};
    m_storeTimer.start();
}

void SecretKeeper::fill()
{
    const QString username = m_username;
    if (username.isEmpty()) {
        setState(State::Idle, tr("The Access Secret is remembered in the system keychain once the Username is set."));
        return;
    }
    setState(State::Reading, tr("Looking for the secret of %1 in the system keychain…").arg(username));
    project::SecretStore::read(username, this, [this, username](Result<std::optional<QString>> read) {
        if (username != m_username || !m_document->secret().isEmpty() || !m_remembering)
            return; // the user moved on meanwhile: what they typed wins
        if (!read) {
            setState(State::Failed, read.error().message);
            return;
        }
        if (!read->has_value()) {
            setState(State::NotStored, tr("No secret stored for %1 yet: the one you type is remembered in the system keychain.").arg(username));
            return;
        }
        m_filling = true;
        m_document->setSecret(**read);
        m_filling = false;
        setState(State::Filled, tr("Filled in from the system keychain (stored for %1).").arg(username));
    });
}

void SecretKeeper::store()
{
    const auto [username, secret] = std::exchange(m_pending, {});
    if (!worthStoring({username, secret}))
        return;
    project::SecretStore::write(username, secret, this, [this, username](Result<Ok> written) {
        if (!written)
            setState(State::Failed, written.error().message);
        else if (username == m_username)
            setState(State::Stored, tr("Remembered in the system keychain for %1.").arg(username));
    });
}

bool SecretKeeper::worthStoring(const Pending &pending) const
{
    return m_remembering && !pending.username.isEmpty() && !pending.secret.isEmpty()
        && pending.secret != ProjectDocument::demoSecret();
}

void SecretKeeper::setState(State state, const QString &message)
{
    if (state == m_state && message == m_message)
        return;
    m_state = state;
    m_message = message;
    Q_EMIT stateChanged();
}

} // namespace inkmapper::ui
