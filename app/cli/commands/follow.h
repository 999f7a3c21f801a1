#pragma once

#include "cli/commands/loglines.h"
#include "jobs/job.h"

#include <QObject>

class QTimer;

namespace JobDeck {

class CliContext;
class JobMonitor;

// Follows one job until it ends (submit --follow, log --follow, restart --follow,
// run-task --follow): its log lines, state changes and progress as they come, then the
// run's exit code from how the job ended.
class JobFollower final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JobFollower)

public:
    JobFollower(CliContext &cli, LogLines lines, QObject *parent = nullptr);

    void follow(const Job &job);

private:
    CliContext &m_cli;
    LogLines m_lines;
    JobMonitor *m_monitor = nullptr;
    QTimer *m_unknownTimer = nullptr; // while the job is in the server's UNKNOWN state
    QString m_followedId;
    JobState m_lastState = JobState::Unknown;
    QString m_lastRaw;
    double m_lastProgress = -1;
};

} // namespace JobDeck
