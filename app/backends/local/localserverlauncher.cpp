#include "backends/local/localserverlauncher.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
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

QString LocalServerLauncher::serverLogPath(const QString &runtimeFile)
{
    const QFileInfo info(runtimeFile);
    return info.path() + u'/' + info.completeBaseName() + u".log";
}

QString LocalServerLauncher::prepareLog(const QString &path)
{
    // The runtime folder is private, like the runtime file; so is the log.
    const QString dir = QFileInfo(path).path();
    if (!QDir().mkpath(dir))
        return tr("cannot create %1").arg(dir);
    QFile::setPermissions(dir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    QFile log(path);
    if (!log.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return tr("cannot write %1: %2").arg(path, log.errorString());
    log.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    return {};
}

QString LocalServerLauncher::lastMessage(const QString &path)
{
    // The server's last words: its last non-empty line, without the program's name before it.
    QFile log(path);
    if (!log.open(QIODevice::ReadOnly))
        return {};
    const qint64 tail = 16 * 1024;
    if (log.size() > tail)
        log.seek(log.size() - tail);
    const QStringList lines = QString::fromUtf8(log.readAll()).split(u'\n', Qt::SkipEmptyParts);
    for (auto it = lines.crbegin(); it != lines.crend(); ++it) {
        QString line = it->trimmed();
        if (line.isEmpty())
            continue;
        if (line.startsWith(u"jobdeck-server: "))
            line = line.mid(16);
        return line;
    }
    return {};
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
    // Detached: the server outlives whoever started it, so running jobs go on. Its messages
    // go to a log beside the runtime file, so that a server that does not start can say why.
    const QString logPath = serverLogPath(m_runtimeFile);
    if (const QString problem = prepareLog(logPath); !problem.isEmpty()) {
        pending->finish(failure(BackendError::Kind::Connection, problem));
        return pending;
    }
    QProcess process;
    process.setProgram(program);
    process.setArguments({QStringLiteral("--runtime-file"), m_runtimeFile});
    process.setStandardInputFile(QProcess::nullDevice());
    process.setStandardOutputFile(QProcess::nullDevice());
    process.setStandardErrorFile(logPath, QIODevice::Append);
    qint64 pid = 0;
    if (!process.startDetached(&pid)) {
        pending->finish(failure(BackendError::Kind::Connection,
                                tr("cannot start %1: %2").arg(program, process.errorString())));
        return pending;
    }
    // Wait for the runtime file of the new process (or of one that won a race with it), or
    // for the process to end without one, which it says why in its log.
    auto *timer = new QTimer(pending);
    auto elapsed = std::make_shared<QElapsedTimer>();
    elapsed->start();
    LocalServerInfo started;
    started.pid = pid;
    connect(timer, &QTimer::timeout, pending, [this, pending, timer, elapsed, program, started, logPath] {
        if (const auto info = LocalServerInfo::read(m_runtimeFile); info && info->processAlive()) {
            timer->stop();
            pending->finish(*info);
        } else if (!started.processAlive()) {
            timer->stop();
            const QString why = lastMessage(logPath);
            pending->finish(failure(BackendError::Kind::Connection,
                                    why.isEmpty()
                                        ? tr("%1 ended without starting (see %2)").arg(program, logPath)
                                        : tr("%1 did not start: %2").arg(program, why)));
        } else if (elapsed->elapsed() > m_timeoutMs) {
            timer->stop();
            pending->finish(failure(BackendError::Kind::Connection,
                                    tr("%1 did not start within %2 s (see %3)")
                                        .arg(program)
                                        .arg(m_timeoutMs / 1000)
                                        .arg(logPath)));
        }
    });
    timer->start(50);
    return pending;
}

} // namespace JobDeck
