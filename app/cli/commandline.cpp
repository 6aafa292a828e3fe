#include "commandline.h"
#include "output.h"

namespace inkmapper::cli {

bool parseCommandLine(QCommandLineParser &parser, const QString &command, const QStringList &arguments, std::FILE *err)
{
    parser.addHelpOption();
    if (!parser.parse(QStringList{QStringLiteral("inkmapper-cli ") + command} + arguments)) {
        print(err, QStringLiteral("inkmapper-cli %1: %2 (see --help)\n").arg(command, parser.errorText()));
        return false;
    }
    return true;
}

QString commandHelp(const QCommandLineParser &parser, const QString &command, const QString &synopsis, const QString &about)
{
    const QString options = parser.helpText().section(u'\n', 1);
    return QStringLiteral("usage: inkmapper-cli %1 %2\n\n%3\n%4").arg(command, synopsis, about, options);
}

} // namespace inkmapper::cli
