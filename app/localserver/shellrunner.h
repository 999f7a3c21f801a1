#pragma once

#include "localserver/jobrunner.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QProcess>
#include <QTimer>

namespace JobDeck::Local {

// Runs a shell job: `/bin/sh job.sh` in JobContext::workDir (the code written to job.sh,
// mode 0600, so that its size is not bounded by the kernel's limit on one argument), in a session (and so a
// process group) of its own, with the server's environment plus JOBDECK_TASK_ID and one
// variable per JobContext::variables entry, whose ${name} is also replaced in the code.
// Standard output lines become INFO log lines, standard error lines ERROR, as they come;
// a line longer than MaxLineBytes is split. Everything runs on the caller's thread.
//
// finished() comes once no process of the job's group is left: when the shell ends, what
// it left running in the background is ended too (SIGTERM, then SIGKILL after KillDelayMs).
// A process that moves itself to another session or group (setsid, nohup with setsid)
// escapes this.
class ShellRunner final : public JobRunner
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ShellRunner)

public:
    static constexpr qsizetype MaxLineBytes = 64 * 1024;
    static constexpr int KillDelayMs = 2000;
    // Linux's MAX_ARG_STRLEN: the most one environment string ("NAME=value\0") may take.
    static constexpr qsizetype MaxEnvironmentEntryBytes = 32 * 4096;

    explicit ShellRunner(JobContext context, QObject *parent = nullptr);
    // Kills the whole process group (SIGKILL) if it is still running.
    ~ShellRunner() override;

    void start() override;
    // SIGTERM to the process group, SIGKILL after KillDelayMs to what is left.
    void cancel() override;

private:
    enum class State { Idle, Starting, Running, Ending, Done };

    void onStarted();
    void onProcessFinished(int exitCode, QProcess::ExitStatus status);
    void onErrorOccurred(QProcess::ProcessError error);
    void failToStart(const QString &reason);
    void readChannel(QProcess::ProcessChannel channel);
    void emitLines(QByteArray &buffer, LogLevel level, bool atEnd);
    void signalGroup(int signal);
    void checkGroupGone();
    void finish(bool succeeded, bool cancelled, const QString &error);

    JobContext m_context;
    QProcess m_process;
    State m_state = State::Idle;
    qint64 m_pgid = 0;
    bool m_cancelRequested = false;
    QByteArray m_stdout;
    QByteArray m_stderr;
    QTimer m_killTimer;        // SIGKILL for what SIGTERM did not end
    QTimer m_groupTimer;       // polls until no process of the group is left
    QElapsedTimer m_killClock; // since the first SIGKILL
    // What finished() will say once the group is gone.
    bool m_succeeded = false;
    QString m_error;
};

// True while any process of process group `pgid` is alive; zombies (dead but not yet
// reaped) do not count. Linux reads /proc; elsewhere it asks kill(-pgid, 0).
bool processGroupAlive(qint64 pgid);

} // namespace JobDeck::Local
