// jobdeck-server: JobDeck's embedded local backend, a Linkis-compatible job service that
// runs SQL on SQLite and shell scripts. Wiring only; the engine is app/localserver/.
#include "backends/local/localserverfile.h"
#include "core/buildinfo.h"
#include "core/quitonsignal.h"
#include "localserver/localserver.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QLockFile>
#include <QTextStream>
#include <QThread>

#include <iostream>

using namespace JobDeck;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QLatin1StringView(BuildInfo::OrganizationName));
    QCoreApplication::setApplicationName(QStringLiteral("jobdeck-server"));
    QCoreApplication::setApplicationVersion(BuildInfo::version());
    QTextStream out(stdout);
    QTextStream err(stderr);
    const auto tr = [](const char *text) {
        return QCoreApplication::translate("jobdeck-server", text);
    };

    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("JobDeck's local job service: the Apache Linkis REST protocol over SQL jobs "
           "on SQLite and shell jobs, on this machine."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption dataDir(QStringLiteral("data-dir"),
                                     tr("Where jobs, logs, results and server.json live (default: %1).")
                                         .arg(Local::ServerConfig::defaultDataDir()),
                                     QStringLiteral("DIR"));
    const QCommandLineOption listen(
        QStringLiteral("listen"),
        tr("Listen on this address instead of 127.0.0.1. Anyone who can reach it can try "
           "to log in, and jobs run code on this machine."),
        QStringLiteral("ADDRESS"));
    const QCommandLineOption port(QStringLiteral("port"),
                                  tr("TCP port (default: any free port)."),
                                  QStringLiteral("PORT"),
                                  QStringLiteral("0"));
    const QCommandLineOption runtimeFile(
        QStringLiteral("runtime-file"),
        tr("Where to write the URL, user and token for clients (default: %1).")
            .arg(LocalServerInfo::defaultPath()),
        QStringLiteral("FILE"));
    const QCommandLineOption parallel(
        QStringLiteral("parallel"), tr("Jobs that run at once; more wait (default 2)."), QStringLiteral("N"));
    const QCommandLineOption timeout(
        QStringLiteral("job-timeout"),
        tr("Seconds a job may run before it ends as Timeout (default: no limit)."),
        QStringLiteral("SECONDS"));
    const QCommandLineOption setPassword(
        QStringLiteral("set-password"),
        tr("Set (or add) a user's password, read from standard input, and exit."),
        QStringLiteral("USER"));
    parser.addOptions({dataDir, listen, port, runtimeFile, parallel, timeout, setPassword});
    parser.process(app);

    const QString directory
        = parser.isSet(dataDir) ? parser.value(dataDir) : Local::ServerConfig::defaultDataDir();
    QString createdPassword;
    QString error;
    auto config = Local::ServerConfig::loadOrCreate(directory, &createdPassword, &error);
    if (!config) {
        err << tr("jobdeck-server: %1").arg(error) << '\n';
        return 1;
    }

    if (parser.isSet(setPassword)) {
        std::string line;
        std::getline(std::cin, line);
        const QString password = QString::fromStdString(line).trimmed();
        if (password.size() < 8) {
            err << tr("jobdeck-server: the password must have at least 8 characters") << '\n';
            return 2;
        }
        config->users.insert(parser.value(setPassword), Local::PasswordHash::make(password));
        if (const QString saved = config->save(); !saved.isEmpty()) {
            err << tr("jobdeck-server: %1").arg(saved) << '\n';
            return 1;
        }
        out << tr("Password of %1 set in %2").arg(parser.value(setPassword), config->path) << '\n';
        return 0;
    }

    bool ok = true;
    if (parser.isSet(parallel)) {
        config->parallelism = parser.value(parallel).toInt(&ok);
        if (!ok || config->parallelism < 1) {
            err << tr("jobdeck-server: --parallel needs a positive number") << '\n';
            return 2;
        }
    }
    if (parser.isSet(timeout)) {
        config->jobTimeoutSeconds = parser.value(timeout).toInt(&ok);
        if (!ok || config->jobTimeoutSeconds < 0) {
            err << tr("jobdeck-server: --job-timeout needs a number of seconds") << '\n';
            return 2;
        }
    }
    const uint portNumber = parser.value(port).toUInt(&ok);
    if (!ok || portNumber > 65535) {
        err << tr("jobdeck-server: --port needs a number from 0 to 65535") << '\n';
        return 2;
    }
    QHostAddress address(QHostAddress::LocalHost);
    if (parser.isSet(listen) && !address.setAddress(parser.value(listen))) {
        err << tr("jobdeck-server: “%1” is not an IP address").arg(parser.value(listen)) << '\n';
        return 2;
    }

    // One server per data folder: two would fight over the same jobs.
    QLockFile lock(config->dataDir + u"/server.lock");
    lock.setStaleLockTime(0);
    if (!lock.tryLock(100)) {
        qint64 pid = 0;
        QString host, appName;
        lock.getLockInfo(&pid, &host, &appName);
        // A holder that has not yet said where it listens is still starting (two clients may
        // start a server at once): wait for it, so that its runtime file exists before this
        // process ends and the client that started this one finds it.
        LocalServerInfo lockHolder;
        lockHolder.pid = pid;
        const QDeadlineTimer starting(5000);
        while (!starting.hasExpired()) {
            const auto holder = LocalServerHolder::read(config->dataDir);
            if ((holder && holder->pid == pid) || !lockHolder.processAlive())
                break;
            QThread::msleep(100);
        }
        // Which server that is and how to reach it, from the holder file it wrote.
        err << tr("jobdeck-server: %1").arg(LocalServerHolder::busyMessage(config->dataDir, pid)) << '\n';
        return 3;
    }

    quitOnTerminationSignals();
    Local::LocalServer server(*config);
    const QString runtime
        = parser.isSet(runtimeFile) ? parser.value(runtimeFile) : LocalServerInfo::defaultPath();
    if (!server.start(address, quint16(portNumber), runtime, &error)) {
        err << tr("jobdeck-server: %1").arg(error) << '\n';
        return 1;
    }
    if (!createdPassword.isEmpty()) {
        // The password is never shown: clients on this machine use the runtime file's token,
        // and a user who wants to log in with a password sets one they know.
        err << tr("jobdeck-server: created %1 with user %2 and a random password; set your own with "
                  "jobdeck-server --set-password %2")
                   .arg(config->path, server.user())
            << '\n';
        err.flush();
    }
    out << tr("jobdeck-server listening on %1").arg(server.url().toString()) << '\n';
    out.flush();
    return QCoreApplication::exec();
}
