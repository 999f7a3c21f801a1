#include "clirun.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QProcess>
#include <QSignalSpy>

namespace JobDeck::Test {

const QString NoSessionBus = QStringLiteral("unix:path=/nonexistent/jobdeck-test-no-bus");

QList<QJsonObject> CliRun::eventsNamed(const QString &event) const
{
    QList<QJsonObject> named;
    for (const QJsonObject &object : events) {
        if (object.value(QLatin1StringView("event")).toString() == event)
            named.append(object);
    }
    return named;
}

CliRun runCli(const QStringList &arguments,
              const QMap<QString, QString> &env,
              const QByteArray &stdinData,
              int timeoutMs)
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QStringLiteral("JOBDECK_TOKEN"));
    environment.remove(QStringLiteral("JOBDECK_PASSWORD"));
    environment.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
    // The CLI keeps login sessions in the keychain: outside a test keyring
    // (support/with-keyring.sh) it finds none, never the user's own.
    if (!environment.contains(QStringLiteral("JOBDECK_TEST_KEYRING")))
        environment.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), NoSessionBus);
    for (auto it = env.cbegin(); it != env.cend(); ++it) {
        if (it.value().isEmpty())
            environment.remove(it.key());
        else
            environment.insert(it.key(), it.value());
    }
    process.setProcessEnvironment(environment);
    QSignalSpy finished(&process, &QProcess::finished);
    process.start(QCoreApplication::applicationDirPath() + u"/jobdeck-cli", arguments);
    if (!stdinData.isEmpty())
        process.write(stdinData);
    process.closeWriteChannel();
    CliRun run;
    if (!finished.wait(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        run.err = "timed out";
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    for (const QByteArray &line : run.out.split('\n')) {
        if (line.trimmed().isEmpty())
            continue;
        run.events.append(QJsonDocument::fromJson(line).object());
    }
    return run;
}

} // namespace JobDeck::Test
