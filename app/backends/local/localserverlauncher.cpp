#include "backends/local/localserverlauncher.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QTimer>

#include <memory>

namespace JobDeck {

LocalServerLauncher::LocalServerLauncher(QObject *parent)
    : QObject(parent)
{}

QString LocalServerLauncher::serverProgram()
{
    const QString beside = QCoreApplication::applicationDirPath() + u"/jobdeck-server";
    if (QFileInfo(beside).isExecutable())
        return beside;
    return QStandardPaths::findExecutable(QStringLiteral("jobdeck-server"));
}

Pending<LocalServerInfo> *LocalServerLauncher::ensureRunning()
{
    auto *pending = new Pending<LocalServerInfo>(this);
    if (const auto info = LocalServerInfo::read(m_runtimeFile); info && info->processAlive()) {
        pending->finish(*info);
        return pending;
    }
    const QString program = serverProgram();
    if (program.isEmpty()) {
        pending->finish(failure(BackendError::Kind::Connection,
                                tr("jobdeck-server is not installed beside %1 nor on the PATH")
                                    .arg(QCoreApplication::applicationFilePath())));
        return pending;
    }
    // Detached: the server outlives whoever started it, so running jobs go on.
    QProcess process;
    process.setProgram(program);
    process.setArguments({QStringLiteral("--runtime-file"), m_runtimeFile});
    process.setStandardInputFile(QProcess::nullDevice());
    process.setStandardOutputFile(QProcess::nullDevice());
    process.setStandardErrorFile(QProcess::nullDevice());
    qint64 pid = 0;
    if (!process.startDetached(&pid)) {
        pending->finish(failure(BackendError::Kind::Connection,
                                tr("cannot start %1: %2").arg(program, process.errorString())));
        return pending;
    }
    // Wait for the runtime file of the new process (or of one that won a race with it).
    auto *timer = new QTimer(pending);
    auto elapsed = std::make_shared<QElapsedTimer>();
    elapsed->start();
    connect(timer, &QTimer::timeout, pending, [this, pending, timer, elapsed, program] {
        if (const auto info = LocalServerInfo::read(m_runtimeFile); info && info->processAlive()) {
            timer->stop();
            pending->finish(*info);
        } else if (elapsed->elapsed() > m_timeoutMs) {
            timer->stop();
            pending->finish(failure(BackendError::Kind::Connection,
                                    tr("%1 did not start within %2 s").arg(program).arg(m_timeoutMs / 1000)));
        }
    });
    timer->start(50);
    return pending;
}

} // namespace JobDeck
