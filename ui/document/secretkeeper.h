#pragma once

#include <QObject>
#include <QString>
#include <QTimer>

namespace inkmapper::ui {

class ProjectDocument;

/**
 * Remembers the Access Secret in the system keychain (project::SecretStore), filed under the project's
 * Username, so nobody types it again and `inkmapper-cli` finds it: when a project opens or its Username
 * changes and no secret is typed yet, the stored one is filled in; a secret typed (or a Username changed
 * beside one) is stored a moment after the typing stops. Remembering can be turned off, which forgets the
 * stored secret. The demo project's stand-in secret is never stored.
 */
class SecretKeeper : public QObject
{
    Q_OBJECT

public:
    /** What the keeper did last, for the settings panel to show. */
    enum class State {
        Off,       ///< remembering is off
        Idle,      ///< nothing to do: no Username, no secret, or the demo's
        Reading,   ///< asking the keychain
        Filled,    ///< the secret was filled in from the keychain
        NotStored, ///< the keychain holds no secret for this Username
        Stored,    ///< the typed secret is in the keychain
        Failed,    ///< the keychain failed: see message()
    };

    explicit SecretKeeper(ProjectDocument *document, QObject *parent = nullptr);
    /** Stores a secret still waiting for the typing pause. */
    ~SecretKeeper() override;

    /** Whether secrets are remembered (a setting of the user's, on unless turned off). */
    bool isRemembering() const { return m_remembering; }
    /** Turns remembering on (storing the current secret) or off (forgetting the stored one). */
    void setRemembering(bool remember);

    State state() const { return m_state; }
    /** The state in a sentence, naming the Username; the keychain's error when it failed. */
    const QString &message() const { return m_message; }

    /** Stores a secret typed moments ago now, instead of after the pause. */
    void flush();
    /** flush(), waiting until the keychain has it (at most `timeoutMs`): before the app quits. */
    void flushAndWait(int timeoutMs = 3000);

Q_SIGNALS:
    void stateChanged();

private:
    void projectOpened();
    void settingsChanged();
    void secretTyped();
    void fill();
    void store();
    void setState(State state, const QString &message);

    ProjectDocument *m_document;
    QString m_username; ///< the Username the keeper last saw
    /** The Username and secret to store when the typing pauses. */
    struct Pending
    {
        QString username;
        QString secret;
    };
    bool worthStoring(const Pending &pending) const;

    Pending m_pending;
    QTimer m_storeTimer;
    QTimer m_fillTimer;
    bool m_remembering;
    bool m_filling = false; ///< the secret is being set from the keychain, not typed
    State m_state = State::Idle;
    QString m_message;
};

} // namespace inkmapper::ui
