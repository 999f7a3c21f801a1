#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace JobDeck::Test {

// One finished jobdeck-cli process: its exit code (-2 if it crashed, -1 if it timed out),
// its output and, with --json, the events it printed.
struct CliRun
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    QList<QJsonObject> events;

    // The events named `event` ("log", "status", ...), in order.
    QList<QJsonObject> eventsNamed(const QString &event) const;
};

// A D-Bus address where no bus answers: a CLI run given it as DBUS_SESSION_BUS_ADDRESS has no
// keychain. runCli() uses it unless the test runs in its own keyring (with-keyring.sh).
extern const QString NoSessionBus;

// Runs jobdeck-cli (next to the test binary) to its end while this process's event loop
// keeps serving (an in-process simulator answers it). `env` is added to a clean copy of
// the environment without JOBDECK_PASSWORD and JOBDECK_TOKEN; an empty value removes a
// variable.
CliRun runCli(const QStringList &arguments,
              const QMap<QString, QString> &env = {},
              const QByteArray &stdinData = {},
              int timeoutMs = 120000);

} // namespace JobDeck::Test
