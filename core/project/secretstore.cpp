#include "secretstore.h"

#include <qt6keychain/keychain.h>

#include <QEventLoop>
#include <QPointer>
#include <QTimer>

namespace inkmapper::project {

namespace {

Error keychainError(const QKeychain::Job &job, const QString &doing)
{
    QString why = job.errorString();
    if (why.isEmpty())
        why = QStringLiteral("no keychain service is available");
    // Refused by the user or its policy: the keychain is there and said no. Otherwise it is unreachable,
    // and where to look is worth saying.
    const bool refused = job.error() == QKeychain::AccessDenied || job.error() == QKeychain::AccessDeniedByUser;
    const QString where = refused ? QString()
                                  : QStringLiteral(" (on Linux: a Secret Service such as GNOME Keyring or KWallet, "
                                                   "on the D-Bus session bus)");
    return {QStringLiteral("The system keychain could not %1: %2%3").arg(doing, why, where), {}};
}

/** Starts `job` and calls `finish` with it when it ends, on `context`'s thread while `context` lives. */
void run(QKeychain::Job *job, QObject *context, std::function<void(const QKeychain::Job &)> finish)
{
    job->setAutoDelete(true);
    // Never the plaintext file QtKeychain can fall back to: a secret stays in the keychain or nowhere.
    job->setInsecureFallback(false);
    QObject::connect(job, &QKeychain::Job::finished, context,
                     [finish = std::move(finish)](QKeychain::Job *done) { finish(*done); });
    job->start();
}

/** Runs `start` (which starts a job calling back on the given context) and waits for its result. */
template<typename T>
Result<T> wait(const std::function<void(QObject *, std::function<void(Result<T>)>)> &start, int timeoutMs)
{
    QEventLoop loop;
    std::optional<Result<T>> answer;
    start(&loop, [&](Result<T> result) {
        answer = std::move(result);
        loop.quit();
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    if (!answer)
        loop.exec();
    if (!answer)
        return Error{QStringLiteral("The system keychain did not answer within %1 s (is it waiting to be unlocked?)")
                         .arg(timeoutMs / 1000),
                     {}};
    return std::move(*answer);
}

} // namespace

QString SecretStore::serviceName()
{
    return QStringLiteral("InkMapper: Movable Ink Access Secret");
}

void SecretStore::read(const QString &accessKeyId, QObject *context, ReadDone done)
{
    auto *job = new QKeychain::ReadPasswordJob(serviceName());
    job->setKey(accessKeyId);
    run(job, context, [done = std::move(done)](const QKeychain::Job &finished) {
        if (finished.error() == QKeychain::EntryNotFound)
            return done(std::optional<QString>());
        if (finished.error() != QKeychain::NoError)
            return done(keychainError(finished, QStringLiteral("be read")));
        done(std::optional<QString>(static_cast<const QKeychain::ReadPasswordJob &>(finished).textData()));
    });
}

void SecretStore::write(const QString &accessKeyId, const QString &secret, QObject *context, WriteDone done)
{
    auto *job = new QKeychain::WritePasswordJob(serviceName());
    job->setKey(accessKeyId);
    job->setTextData(secret);
    run(job, context, [done = std::move(done)](const QKeychain::Job &finished) {
        if (finished.error() != QKeychain::NoError)
            return done(keychainError(finished, QStringLiteral("store the secret")));
        done(Ok{});
    });
}

void SecretStore::remove(const QString &accessKeyId, QObject *context, WriteDone done)
{
    auto *job = new QKeychain::DeletePasswordJob(serviceName());
    job->setKey(accessKeyId);
    run(job, context, [done = std::move(done)](const QKeychain::Job &finished) {
        if (finished.error() != QKeychain::NoError && finished.error() != QKeychain::EntryNotFound)
            return done(keychainError(finished, QStringLiteral("forget the secret")));
        done(Ok{});
    });
}

Result<std::optional<QString>> SecretStore::readNow(const QString &accessKeyId, int timeoutMs)
{
    return wait<std::optional<QString>>([&](QObject *context, ReadDone done) { read(accessKeyId, context, std::move(done)); },
                                        timeoutMs);
}

Result<Ok> SecretStore::writeNow(const QString &accessKeyId, const QString &secret, int timeoutMs)
{
    return wait<Ok>([&](QObject *context, WriteDone done) { write(accessKeyId, secret, context, std::move(done)); },
                    timeoutMs);
}

Result<Ok> SecretStore::removeNow(const QString &accessKeyId, int timeoutMs)
{
    return wait<Ok>([&](QObject *context, WriteDone done) { remove(accessKeyId, context, std::move(done)); }, timeoutMs);
}

} // namespace inkmapper::project
