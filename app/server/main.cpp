// jobdeck-server: JobDeck's embedded local backend, a Linkis-compatible job service.
#include "core/buildinfo.h"

#include <QCommandLineParser>
#include <QCoreApplication>

using namespace JobDeck;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QLatin1StringView(BuildInfo::OrganizationName));
    QCoreApplication::setApplicationName(QStringLiteral("jobdeck-server"));
    QCoreApplication::setApplicationVersion(BuildInfo::version());

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("jobdeck-server", "JobDeck's local job service (Linkis-compatible)."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.process(app);
    parser.showHelp(2);
}
