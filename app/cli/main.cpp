// jobdeck-cli: JobDeck's core without a window, for scripts and CI.
// The stable surface is ../shared/cli-contract.md; commands arrive with the backend layer.
#include "core/buildinfo.h"
#include "i18n/language.h"
#include "i18n/translations.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

using namespace JobDeck;

namespace {
enum ExitCode { Done = 0, UsageError = 2 };
}

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QLatin1StringView(BuildInfo::OrganizationName));
    QCoreApplication::setApplicationName(QStringLiteral("jobdeck-cli"));
    QCoreApplication::setApplicationVersion(BuildInfo::version());

    // --lang is read before the parser speaks, so its own messages come out in that language.
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

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("jobdeck-cli", "Submit and follow big-data jobs from the terminal."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption({QStringLiteral("lang"),
                      QCoreApplication::translate("jobdeck-cli", "Language of messages: cn or en."),
                      QStringLiteral("cn|en")});
    parser.addPositionalArgument(QStringLiteral("command"),
                                 QCoreApplication::translate("jobdeck-cli", "The command to run."));
    parser.process(app);

    QTextStream err(stderr);
    if (parser.isSet(QStringLiteral("lang"))
        && !parseLanguage(parser.value(QStringLiteral("lang")), &language)) {
        err << QCoreApplication::translate("jobdeck-cli", "jobdeck-cli: unknown language '%1' (use cn or en)")
                   .arg(parser.value(QStringLiteral("lang")))
            << '\n';
        return UsageError;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.isEmpty()) {
        err << parser.helpText();
        return UsageError;
    }
    err << QCoreApplication::translate("jobdeck-cli", "jobdeck-cli: unknown command '%1'")
               .arg(positional.first())
        << '\n';
    return UsageError;
}
