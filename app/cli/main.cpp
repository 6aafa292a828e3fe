#include "clirunner.h"

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("inkmapper-cli"));
    return inkmapper::cli::runCli(QCoreApplication::arguments().mid(1));
}
