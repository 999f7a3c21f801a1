// jobdeck-cli: JobDeck's core without a window, for scripts and CI.
// The stable surface is ../shared/cli-contract.md; the work is in cliapp.cpp (options, connection,
// dispatch) and commands/ (one file per command group).
#include "cli/cliapp.h"
#include "core/buildinfo.h"
#include "i18n/language.h"
#include "i18n/translations.h"

#include <QCoreApplication>

using namespace JobDeck;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QLatin1StringView(BuildInfo::OrganizationName));
    // The console's name, so the CLI shares its settings (profiles) and job index.
    QCoreApplication::setApplicationName(QLatin1StringView(BuildInfo::ApplicationName));
    QCoreApplication::setApplicationVersion(BuildInfo::version());

    // --lang is needed before the parser speaks, so its own messages come out in it.
    Translations translations;
    Language language = systemLanguage();
    const QStringList args = app.arguments();
    for (qsizetype i = 1; i < args.size(); ++i) {
        if (args.at(i) == u"--lang" && i + 1 < args.size())
            parseLanguage(args.at(i + 1), &language);
        else if (args.at(i).startsWith(u"--lang="))
            parseLanguage(args.at(i).mid(7), &language);
    }
    translations.setLanguage(language);

    CliApp cli;
    if (const auto code = cli.start(args))
        return *code;
    return QCoreApplication::exec();
}
