// Grabs the README's pictures of the console's frame: two connections open at once (Local, a
// real jobdeck-server, and a simulated Linkis cluster), their jobs in one list in several
// states, and the filter bar in use, in English and in Chinese, in a light and a dark palette.
// Not a test; run under Xvfb (scripts/screenshots does):
//   console-screenshots OUTPUT_DIR
#include "backends/local/localserverfile.h"
#include "console/console.h"
#include "i18n/translations.h"
#include "joblist/joblistpanel.h"
#include "jobs/jobfiltermodel.h"
#include "jobs/joblistmodel.h"
#include "mainwindow/mainwindow.h"
#include "session/session.h"

#include "linkis/linkissimulator.h"

#include "screenshotpalette.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QLineEdit>
#include <QStyle>
#include <QStyleFactory>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <cstdio>
#include <functional>
#include <memory>

using namespace JobDeck;

namespace {

constexpr auto User = "hadoop";
constexpr auto Password = "screenshot-pw";

SubmitRequest request(const QString &script, const QString &engine, const QString &runType)
{
    SubmitRequest r;
    r.script = script;
    r.engine = engine;
    r.runType = runType;
    return r;
}

bool waitFor(const std::function<bool()> &done, int ms, const char *what)
{
    if (QTest::qWaitFor(done, ms))
        return true;
    std::fprintf(stderr, "console-screenshots: gave up waiting for %s\n", what);
    return false;
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    const QString dir = argc > 1 ? QString::fromLocal8Bit(argv[argc - 1]) : QStringLiteral(".");
    // The pictures must not touch the user's own console: settings, jobs and the local
    // server's data go to a home of their own, removed at the end.
    QTemporaryDir home(QDir::tempPath() + QStringLiteral("/jobdeck-shots-XXXXXX"));
    for (const char *sub : {"config", "data", "cache", "state", "runtime"})
        QDir(home.path()).mkpath(QString::fromLatin1(sub));
    QFile::setPermissions(home.filePath(QStringLiteral("runtime")),
                          QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    qputenv("HOME", home.path().toUtf8());
    for (const auto &[name, sub] : {std::pair{"XDG_CONFIG_HOME", "config"},
                                    {"XDG_DATA_HOME", "data"},
                                    {"XDG_CACHE_HOME", "cache"},
                                    {"XDG_STATE_HOME", "state"},
                                    {"XDG_RUNTIME_DIR", "runtime"}})
        qputenv(name, home.filePath(QString::fromLatin1(sub)).toUtf8());

    Sim::LinkisSimulator cluster;
    cluster.addUser(QLatin1StringView(User), QLatin1StringView(Password));
    if (!cluster.listen())
        return 1;
    cluster.addHistoryJobs(9, QStringLiteral("Succeed"), QLatin1StringView(User));
    cluster.addHistoryJobs(2, QStringLiteral("Failed"), QLatin1StringView(User));
    cluster.addHistoryJobs(1, QStringLiteral("Cancelled"), QLatin1StringView(User));

    Translations translations;
    Console console;
    auto *local = new Session;
    console.addSession(local);
    ConnectionProfile profile;
    profile.name = QStringLiteral("prod-linkis");
    profile.kind = QStringLiteral("linkis");
    profile.url = cluster.baseUrl();
    profile.user = QLatin1StringView(User);
    profile.secret = QLatin1StringView(Password);
    auto *linkis = new Session(profile);
    console.addSession(linkis);

    // Whatever goes wrong on the way shows in the pictures' absence: say why.
    QObject::connect(
        &console, &Console::notice, &console, [](const QString &connection, const QString &text) {
            std::fprintf(stderr, "console-screenshots: %s: %s\n", qPrintable(connection), qPrintable(text));
        });
    int status = 0;
    {
        MainWindow window(&translations, &console);
        window.resize(1440, 860);
        window.show();
        if (!QTest::qWaitForWindowExposed(&window))
            return 1;
        local->start();
        linkis->start();
        if (!waitFor([&] { return local->state() == Session::State::Ready; }, 30000, "the local server")
            || !waitFor([&] { return linkis->state() == Session::State::Ready; }, 10000, "the cluster"))
            return 1;

        // Real jobs on both: ended, failed and still running ones.
        console.submit(request(QStringLiteral("SELECT 41 + 1 AS answer;"),
                               QStringLiteral("sqlite"),
                               QStringLiteral("sql")),
                       QLatin1StringView(Console::LocalConnection));
        console.submit(request(QStringLiteral("SELECT * FROM orders_2026;"),
                               QStringLiteral("sqlite"),
                               QStringLiteral("sql")),
                       QLatin1StringView(Console::LocalConnection));
        console.submit(request(QStringLiteral("echo loading; sleep 600"),
                               QStringLiteral("shell"),
                               QStringLiteral("shell")),
                       QLatin1StringView(Console::LocalConnection));
        for (int i = 0; i < 2; ++i) {
            console.submit(
                request(QStringLiteral(
                            "--sim states=Running:600000,Succeed\nINSERT OVERWRITE TABLE dws_orders_%1 "
                            "SELECT * FROM ods_orders")
                            .arg(i),
                        QStringLiteral("spark-3.2.1"),
                        QStringLiteral("sql")),
                profile.name);
        }
        console.submit(
            request(QStringLiteral("--sim states=Inited:600000,Succeed\nSELECT count(*) FROM dim_user"),
                    QStringLiteral("hive-3.1.3"),
                    QStringLiteral("hql")),
            profile.name);
        waitFor([&] { return console.jobs()->rowCount() >= 18; }, 20000, "the jobs");
        QTest::qWait(2500); // the running ones show some progress, the ended ones their times

        JobListPanel *list = window.jobListPanel();
        const auto shoot = [&](const QString &name) {
            QTest::qWait(400);
            window.grab().save(dir + u'/' + name);
        };
        for (const auto &[language, code] :
             {std::pair{Language::English, "en"}, std::pair{Language::Chinese, "zh"}}) {
            translations.setLanguage(language);
            for (const bool dark : {false, true}) {
                const QLatin1StringView variant(dark ? "dark" : "light");
                QApplication::setPalette(dark ? Screenshots::darkPalette()
                                              : QApplication::style()->standardPalette());
                list->filterModel()->clearFilter();
                shoot(QStringLiteral("console-%1-%2.png").arg(QLatin1StringView(code), variant));
                list->searchField()->setFocus();
                QTest::keyClicks(list->searchField(), QStringLiteral("orders"));
                list->filterModel()->setStates({JobState::Running, JobState::Failed, JobState::Succeeded});
                shoot(QStringLiteral("console-filter-%1-%2.png").arg(QLatin1StringView(code), variant));
                list->searchField()->clear();
            }
        }
        list->filterModel()->clearFilter();

        // The shell job would run for ten minutes: end it, as a user would.
        const auto info = LocalServerInfo::read(LocalServerInfo::defaultPath());
        if (info && info->processAlive()) {
            ::kill(pid_t(info->pid), SIGTERM);
            if (!waitFor([&] { return !info->processAlive(); }, 10000, "the local server to stop"))
                status = 1;
        }
    }
    return status;
}
