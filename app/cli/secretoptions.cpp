#include "secretoptions.h"

#include "project/secretstore.h"

#include <QCommandLineParser>
#include <QFile>
#include <QFileInfo>

namespace inkmapper::cli {

namespace {

/** The file's text without its final line break: `echo secret > file` writes one. */
Result<QString> readSecretFile(const QString &path, QString *warning)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{QStringLiteral("--secret-file %1: %2").arg(path, file.errorString()), {}};
    QByteArray bytes = file.readAll();
    if (bytes.endsWith('\n'))
        bytes.chop(bytes.endsWith("\r\n") ? 2 : 1);
    const QFileDevice::Permissions others = QFileDevice::ReadGroup | QFileDevice::ReadOther;
    if (QFileInfo(path).permissions() & others)
        *warning = QStringLiteral("%1 can be read by other users of this machine (chmod 600 it)").arg(path);
    return QString::fromUtf8(bytes);
}

} // namespace

SecretOptions::SecretOptions()
    : m_file(QStringLiteral("secret-file"), QStringLiteral("Read the Access Secret from FILE (its final line break is ignored)."),
             QStringLiteral("FILE"))
    , m_environment(QStringLiteral("secret-env"),
                    QStringLiteral("Read the Access Secret from the environment variable VAR, when it is set; otherwise "
                                   "from the keychain entry the app stored for the project's Username."),
                    QStringLiteral("VAR"), QStringLiteral("INKMAPPER_SECRET"))
{
}

Result<SecretOptions::Found> SecretOptions::find(const QCommandLineParser &parser, const QString &accessKeyId,
                                                 QString *warning) const
{
    if (parser.isSet(m_file)) {
        const QString path = parser.value(m_file);
        Result<QString> secret = readSecretFile(path, warning);
        if (!secret)
            return secret.error();
        return Found{*secret, QStringLiteral("--secret-file %1").arg(path)};
    }
    const QString variable = parser.value(m_environment);
    if (qEnvironmentVariableIsSet(qPrintable(variable)))
        return Found{qEnvironmentVariable(qPrintable(variable)), u'$' + variable};

    const QString neither = QStringLiteral("no --secret-file, $%1 is not set").arg(variable);
    if (accessKeyId.isEmpty()) {
        *warning = QStringLiteral("no Access Secret: %1, and the project has no Username to look up in the keychain").arg(neither);
        return Found{};
    }
    const Result<std::optional<QString>> stored = project::SecretStore::readNow(accessKeyId);
    if (!stored) {
        QString why = stored.error().message;
        why[0] = why[0].toLower();
        *warning = QStringLiteral("no Access Secret: %1, and %2").arg(neither, why);
        return Found{};
    }
    if (!stored->has_value()) {
        *warning = QStringLiteral("no Access Secret: %1, and the keychain holds none for Username \"%2\" (the app stores "
                                  "it there when you type it)").arg(neither, accessKeyId);
        return Found{};
    }
    return Found{**stored, QStringLiteral("the keychain")};
}

} // namespace inkmapper::cli
