#pragma once

#include "util/result.h"

#include <QCommandLineOption>
#include <QList>
#include <QString>

class QCommandLineParser;

namespace inkmapper::cli {

/**
 * Where the live commands take the Access Secret from, never from the command line itself (every user of the
 * machine can read it there), in this order: `--secret-file FILE`, the environment variable `--secret-env`
 * names (INKMAPPER_SECRET by default) when it is set, and the keychain entry the app stored for the project's
 * Access Key ID.
 */
class SecretOptions
{
public:
    SecretOptions();

    /** The options to add to a command's parser. */
    QList<QCommandLineOption> options() const { return {m_file, m_environment}; }

    /** A secret and where it came from, as a message names it ("the keychain", "$INKMAPPER_SECRET", …). */
    struct Found
    {
        QString secret;
        QString source;
    };

    /**
     * The secret for `accessKeyId` from the first source that has one; an empty secret when none has, with
     * `warning` saying what was looked at. An unreadable --secret-file is an error (the user named it).
     */
    Result<Found> find(const QCommandLineParser &parser, const QString &accessKeyId, QString *warning) const;

private:
    QCommandLineOption m_file;
    QCommandLineOption m_environment;
};

} // namespace inkmapper::cli
