#pragma once

#include "util/result.h"

#include <QString>

#include <functional>
#include <optional>

class QObject;

namespace inkmapper::project {

/**
 * Where InkMapper remembers Access Secrets: the operating system's keychain (the Secret Service, e.g. GNOME
 * Keyring or KWallet, on Linux; the Keychain on macOS; the Credential Manager on Windows), through QtKeychain.
 * One entry per Access Key ID, under the service serviceName(): a project file names the Access Key ID, so the
 * app and `inkmapper-cli` find the secret that goes with it, and the secret itself never enters a file of ours.
 *
 * The keychain answers asynchronously (it may ask the user to unlock it): the callbacks run later on the
 * thread of `context`, and not at all once `context` is gone.
 */
class SecretStore
{
public:
    /** The keychain service the entries are filed under. */
    static QString serviceName();

    /** The stored secret, std::nullopt when none is stored for this Access Key ID, or why the keychain failed. */
    using ReadDone = std::function<void(Result<std::optional<QString>>)>;
    using WriteDone = std::function<void(Result<Ok>)>;

    static void read(const QString &accessKeyId, QObject *context, ReadDone done);
    /** Stores `secret` for `accessKeyId`, replacing what was stored. */
    static void write(const QString &accessKeyId, const QString &secret, QObject *context, WriteDone done);
    /** Forgets the secret of `accessKeyId`; forgetting one that is not stored succeeds. */
    static void remove(const QString &accessKeyId, QObject *context, WriteDone done);

    /** read(), waiting for the answer in a local event loop (for the command line), at most `timeoutMs`. */
    static Result<std::optional<QString>> readNow(const QString &accessKeyId, int timeoutMs = 60'000);
    /** write() and remove(), waiting likewise. */
    static Result<Ok> writeNow(const QString &accessKeyId, const QString &secret, int timeoutMs = 60'000);
    static Result<Ok> removeNow(const QString &accessKeyId, int timeoutMs = 60'000);
};

} // namespace inkmapper::project
