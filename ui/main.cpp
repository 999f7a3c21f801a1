// jobdeck: the console. Wiring only; the window lives in jobdeck-ui.
#include "console/console.h"
#include "core/buildinfo.h"
#include "core/quitonsignal.h"
#include "i18n/language.h"
#include "i18n/translations.h"
#include "mainwindow/mainwindow.h"
#include "session/session.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>

using namespace JobDeck;

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QLatin1StringView(BuildInfo::OrganizationName));
    QApplication::setApplicationName(QLatin1StringView(BuildInfo::ApplicationName));
    QApplication::setApplicationVersion(BuildInfo::version());
    QApplication::setDesktopFileName(QStringLiteral("jobdeck"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/jobdeck/icons/jobdeck.svg")));

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "Desktop console for big-data jobs."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption langOption(
        QStringLiteral("lang"),
        QApplication::translate("main", "Language of the interface: cn or en."),
        QStringLiteral("cn|en"));
    parser.addOption(langOption);
    parser.addPositionalArgument(QStringLiteral("scripts"),
                                 QApplication::translate("main", "Scripts to open, each in a tab."),
                                 QStringLiteral("[script...]"));
    parser.process(app);

    // The language: --lang, else the one the user chose last time, else the system's.
    Language language = preferredLanguage();
    if (parser.isSet(langOption) && !parseLanguage(parser.value(langOption), &language)) {
        qCritical("jobdeck: unknown language '%s' (use cn or en)", qUtf8Printable(parser.value(langOption)));
        return 2;
    }
    Translations translations;
    translations.setLanguage(language);

    quitOnTerminationSignals(); // a logout or `kill` still keeps the tabs and the layout
    // The open connections, starting with the built-in "Local" one: jobdeck-server, started
    // on demand and left running when the console closes, so its jobs go on. Saved
    // profiles are connected from the window, beside it.
    Console console;
    auto *local = new Session;
    console.addSession(local);
    MainWindow window(&translations, &console);
    for (const QString &script : parser.positionalArguments())
        window.openFile(script);
    window.show();
    local->start();
    return QApplication::exec();
}
