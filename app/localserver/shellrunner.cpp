#include "localserver/shellrunner.h"

#include "core/privatefile.h"
#include "localserver/sqlsplitter.h"

#include <QProcessEnvironment>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>

#include <dirent.h>
#include <fcntl.h>
#include <sys/types.h>
#include <unistd.h>

namespace JobDeck::Local {

namespace {

constexpr int GroupPollMs = 20;
// After SIGKILL a process can only linger in uninterruptible sleep; do not wait for it forever.
constexpr int GiveUpAfterKillMs = 5000;

bool isContinuationByte(char c)
{
    return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

#ifdef Q_OS_LINUX
// Reads state and process group from /proc/<pid>/stat: "pid (comm) S ppid pgrp ...", where
// comm may hold spaces and parentheses, hence the search for the last ')'.
bool liveMemberOf(const char *pid, pid_t pgid)
{
    char path[64];
    std::snprintf(path, sizeof path, "/proc/%s/stat", pid);
    const int fd = ::open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return false;
    char stat[512];
    const ssize_t got = ::read(fd, stat, sizeof stat - 1);
    ::close(fd);
    if (got <= 0)
        return false;
    stat[got] = '\0';
    const char *close = std::strrchr(stat, ')');
    if (!close)
        return false;
    char state = 0;
    long parent = 0;
    long group = 0;
    if (std::sscanf(close + 1, " %c %ld %ld", &state, &parent, &group) != 3)
        return false;
    return group == pgid && state != 'Z' && state != 'X';
}
#endif

} // namespace

bool processGroupAlive(qint64 pgid)
{
    if (pgid <= 0)
        return false;
    if (::kill(-static_cast<pid_t>(pgid), 0) != 0 && errno == ESRCH)
        return false;
#ifdef Q_OS_LINUX
    // kill() also finds zombies, which an init that reaps slowly can keep for seconds.
    DIR *proc = ::opendir("/proc");
    if (!proc)
        return true;
    bool alive = false;
    while (const dirent *entry = ::readdir(proc)) {
        const char *name = entry->d_name;
        if (name[0] < '1' || name[0] > '9')
            continue;
        if (liveMemberOf(name, static_cast<pid_t>(pgid))) {
            alive = true;
            break;
        }
    }
    ::closedir(proc);
    return alive;
#else
    return true;
#endif
}

ShellRunner::ShellRunner(JobContext context, QObject *parent)
    : JobRunner(parent)
    , m_context(std::move(context))
{
    m_killTimer.setSingleShot(true);
    m_groupTimer.setInterval(GroupPollMs);
    connect(&m_killTimer, &QTimer::timeout, this, [this] { signalGroup(SIGKILL); });
    connect(&m_groupTimer, &QTimer::timeout, this, &ShellRunner::checkGroupGone);
    connect(&m_process, &QProcess::started, this, &ShellRunner::onStarted);
    connect(&m_process, &QProcess::finished, this, &ShellRunner::onProcessFinished);
    connect(&m_process, &QProcess::errorOccurred, this, &ShellRunner::onErrorOccurred);
    connect(&m_process, &QProcess::readyReadStandardOutput, this, [this] {
        readChannel(QProcess::StandardOutput);
    });
    connect(&m_process, &QProcess::readyReadStandardError, this, [this] {
        readChannel(QProcess::StandardError);
    });
}

ShellRunner::~ShellRunner()
{
    // Nothing of ours may run while the process is ended here.
    disconnect(&m_process, nullptr, this, nullptr);
    if (m_state == State::Running || m_state == State::Ending)
        signalGroup(SIGKILL);
    if (m_process.state() != QProcess::NotRunning) {
        m_process.kill();
        m_process.waitForFinished();
    }
}

void ShellRunner::start()
{
    if (m_state != State::Idle)
        return;
    m_state = State::Starting;

    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (auto it = m_context.variables.cbegin(); it != m_context.variables.cend(); ++it) {
        if (!it.key().isEmpty() && !it.key().contains(u'='))
            environment.insert(it.key(), it.value());
    }
    environment.insert(QStringLiteral("JOBDECK_TASK_ID"), QString::number(m_context.taskId));

    // The kernel refuses a single argument or environment string over MAX_ARG_STRLEN
    // (128 KiB on Linux) and the exec fails with nothing to show; the script goes to a file
    // of the job's folder instead, so scripts of any size run, and a variable too long to
    // pass is said to be so.
    const QStringList entries = environment.toStringList();
    for (const QString &entry : entries) {
        if (entry.toLocal8Bit().size() >= MaxEnvironmentEntryBytes) {
            failToStart(QStringLiteral("the variable %1 is %2 bytes long; one variable can hold at most %3")
                            .arg(entry.section(u'=', 0, 0))
                            .arg(entry.toLocal8Bit().size())
                            .arg(MaxEnvironmentEntryBytes - 1));
            return;
        }
    }
    const QString script = m_context.workDir + QStringLiteral("/job.sh");
    if (const QString error
        = writePrivateFile(script, substituteVariables(m_context.code, m_context.variables).toUtf8());
        !error.isEmpty()) {
        failToStart(error);
        return;
    }

    m_process.setProgram(QStringLiteral("/bin/sh"));
    m_process.setArguments({script});
    m_process.setWorkingDirectory(m_context.workDir);
    m_process.setProcessEnvironment(environment);
    m_process.setStandardInputFile(QProcess::nullDevice()); // a script that reads stdin gets EOF
    // A session of its own makes the shell the leader of a new process group that holds
    // everything it starts, so cancel() can reach all of it. The server's signal handling
    // (SIGTERM, SIGPIPE) and its open files (the listening socket) stay behind.
    m_process.setUnixProcessParameters(QProcess::UnixProcessFlag::CreateNewSession
                                       | QProcess::UnixProcessFlag::ResetSignalHandlers
                                       | QProcess::UnixProcessFlag::CloseFileDescriptors);
    m_process.start(QIODevice::ReadOnly);
}

void ShellRunner::cancel()
{
    switch (m_state) {
    case State::Idle:
        m_state = State::Done;
        QMetaObject::invokeMethod(
            this,
            [this] { Q_EMIT finished(false, true, QStringLiteral("cancelled")); },
            Qt::QueuedConnection);
        return;
    case State::Starting: // onStarted() or onErrorOccurred() finishes the job
        m_cancelRequested = true;
        return;
    case State::Running:
        if (m_cancelRequested)
            return;
        m_cancelRequested = true;
        signalGroup(SIGTERM);
        m_killTimer.start(KillDelayMs);
        return;
    case State::Ending: // the shell has ended; hurry what it left behind
        signalGroup(SIGKILL);
        return;
    case State::Done:
        return;
    }
}

void ShellRunner::onStarted()
{
    m_state = State::Running;
    m_pgid = m_process.processId(); // the session leader's pid is its group's id
    Q_EMIT processGroupStarted(m_pgid);
    if (m_cancelRequested) {
        m_cancelRequested = false;
        cancel();
    }
}

void ShellRunner::onErrorOccurred(QProcess::ProcessError error)
{
    if (error != QProcess::FailedToStart || m_state != State::Starting)
        return; // a crash is reported by finished()
    failToStart(m_process.errorString());
}

void ShellRunner::failToStart(const QString &reason)
{
    const QString message = QStringLiteral("Cannot start /bin/sh in %1: %2").arg(m_context.workDir, reason);
    if (!m_cancelRequested)
        Q_EMIT logLine(LogLevel::Error, message);
    finish(false, m_cancelRequested, m_cancelRequested ? QStringLiteral("cancelled") : message);
}

void ShellRunner::onProcessFinished(int exitCode, QProcess::ExitStatus status)
{
    readChannel(QProcess::StandardOutput);
    readChannel(QProcess::StandardError);
    emitLines(m_stdout, LogLevel::Info, true);
    emitLines(m_stderr, LogLevel::Error, true);

    if (m_cancelRequested) {
        m_succeeded = false;
        m_error = QStringLiteral("cancelled");
    } else if (status == QProcess::CrashExit) {
        // Qt gives the signal's number as the exit code of a crashed process.
        m_error = QStringLiteral("killed by signal %1 (%2)")
                      .arg(exitCode)
                      .arg(QString::fromLocal8Bit(::strsignal(exitCode)));
    } else if (exitCode != 0) {
        m_error = QStringLiteral("exit code %1").arg(exitCode);
    } else {
        m_succeeded = true;
    }
    if (!m_succeeded && !m_cancelRequested)
        Q_EMIT logLine(LogLevel::Error, QStringLiteral("The shell script failed: %1").arg(m_error));

    m_state = State::Ending;
    if (!processGroupAlive(m_pgid)) {
        checkGroupGone();
        return;
    }
    if (!m_cancelRequested) {
        Q_EMIT logLine(LogLevel::Warn,
                       QStringLiteral("The script left processes running in the background; ending them"));
    }
    signalGroup(SIGTERM);
    if (!m_killTimer.isActive())
        m_killTimer.start(KillDelayMs);
    m_groupTimer.start();
}

void ShellRunner::checkGroupGone()
{
    if (processGroupAlive(m_pgid)) {
        if (!m_killClock.isValid() || m_killClock.elapsed() < GiveUpAfterKillMs)
            return;
        Q_EMIT logLine(LogLevel::Warn,
                       QStringLiteral("Processes of group %1 did not end after SIGKILL").arg(m_pgid));
    }
    if (m_succeeded)
        Q_EMIT progressChanged(1);
    finish(m_succeeded, m_cancelRequested, m_error);
}

void ShellRunner::signalGroup(int signal)
{
    if (m_pgid <= 0)
        return;
    if (signal == SIGKILL && !m_killClock.isValid())
        m_killClock.start();
    ::kill(-static_cast<pid_t>(m_pgid), signal);
}

void ShellRunner::finish(bool succeeded, bool cancelled, const QString &error)
{
    m_state = State::Done;
    m_killTimer.stop();
    m_groupTimer.stop();
    // Queued, so that a receiver may delete this runner from its slot.
    QMetaObject::invokeMethod(
        this,
        [this, succeeded, cancelled, error] { Q_EMIT finished(succeeded, cancelled, error); },
        Qt::QueuedConnection);
}

void ShellRunner::readChannel(QProcess::ProcessChannel channel)
{
    if (channel == QProcess::StandardOutput) {
        m_stdout.append(m_process.readAllStandardOutput());
        emitLines(m_stdout, LogLevel::Info, false);
    } else {
        m_stderr.append(m_process.readAllStandardError());
        emitLines(m_stderr, LogLevel::Error, false);
    }
}

void ShellRunner::emitLines(QByteArray &buffer, LogLevel level, bool atEnd)
{
    const char *data = buffer.constData();
    const qsizetype size = buffer.size();
    qsizetype from = 0;
    const auto emitPiece = [&](qsizetype length) {
        Q_EMIT logLine(level, QString::fromUtf8(data + from, length));
    };
    // Emits MaxLineBytes pieces while more than that is left before `end`, cutting between
    // UTF-8 characters.
    const auto emitLongPieces = [&](qsizetype end) {
        while (end - from > MaxLineBytes) {
            qsizetype length = MaxLineBytes;
            for (int back = 0; back < 3 && isContinuationByte(data[from + length]); ++back)
                --length;
            if (isContinuationByte(data[from + length]))
                length = MaxLineBytes; // not UTF-8 anyway
            emitPiece(length);
            from += length;
        }
    };
    for (;;) {
        const qsizetype newline = buffer.indexOf('\n', from);
        if (newline < 0) {
            emitLongPieces(size);
            if (atEnd && from < size) {
                emitPiece(size - from);
                from = size;
            }
            break;
        }
        emitLongPieces(newline);
        qsizetype length = newline - from;
        if (length > 0 && data[from + length - 1] == '\r')
            --length;
        emitPiece(length);
        from = newline + 1;
    }
    buffer.remove(0, from);
}

} // namespace JobDeck::Local
