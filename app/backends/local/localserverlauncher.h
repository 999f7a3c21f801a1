#pragma once

#include "async/pending.h"
#include "backends/local/localserverfile.h"

#include <QObject>

namespace JobDeck {

// Finds the running jobdeck-server through its runtime file, or starts one (detached, so it
// outlives the console and its jobs go on) and waits for it to write the file. The started
// server's messages go to a log beside the runtime file (server.json: server.log); when it
// ends without starting (another server holds its data folder, say), the launcher fails at
// once with the server's own message.
class LocalServerLauncher final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LocalServerLauncher)

public:
    explicit LocalServerLauncher(QObject *parent = nullptr);

    // The jobdeck-server beside this program, else the one on PATH.
    static QString serverProgram();

    void setRuntimeFile(const QString &path) { m_runtimeFile = path; }
    void setStartTimeoutMs(int ms) { m_timeoutMs = ms; }

    Pending<LocalServerInfo> *ensureRunning();

    // The log of a server started for `runtimeFile`.
    static QString serverLogPath(const QString &runtimeFile);

private:
    QString prepareLog(const QString &path);
    static QString lastMessage(const QString &path);

    QString m_runtimeFile = LocalServerInfo::defaultPath();
    int m_timeoutMs = 15000;
};

} // namespace JobDeck
