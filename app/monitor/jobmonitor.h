#pragma once

#include "backends/backend.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>

#include <memory>

class QTimer;

namespace JobDeck {

// How often the monitor asks. The defaults follow the real web consoles (protocols.md
// 1.11) and speed up while there is something to see.
struct MonitorPolicy
{
    int baseIntervalMs = -1;   // -1: the backend's default (Linkis 5 s)
    int fastIntervalMs = 1000; // while a job is young or its log is growing
    int youngForMs = 30000;    // how long a newly followed job counts as young
    int maxIdleFactor = 3;     // the slowest poll is base * this, while nothing changes
    int idleRoundsPerStep = 4; // unchanged rounds before slowing down one step
    int firstBackoffMs = 1000; // after the first failure; doubles up to maxBackoffMs
    int maxBackoffMs = 60000;
    int logPageSize = 10000;     // lines per log request (Linkis caps a page at 10,000)
    int maxLogPagesPerRound = 8; // then other jobs get their turn before this one goes on
    int giveUpAfterErrors = 0;   // consecutive failures before giving up; 0 = never
    // The shortest time between two rounds of one job: -1 is the backend's floor (SQLFlow
    // 2 s), which the console and the CLI keep; tests of other behaviour set a shorter one.
    int minimumIntervalMs = -1;
};

// Follows any number of jobs on one backend: one request in flight per job, re-armed when
// its answer arrives; every log line delivered exactly once and in order; back-off with
// jitter on errors, never silently dropping a live job; and at a terminal state, the rest
// of the log and the final record before it lets go. The views learn everything through
// its signals.
class JobMonitor final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JobMonitor)

public:
    explicit JobMonitor(Backend *backend, MonitorPolicy policy = {}, QObject *parent = nullptr);
    ~JobMonitor() override;

    Backend *backend() const { return m_backend; }
    // Starts following; the log continues from `logFrom` (a job followed before).
    void follow(const Job &job, const LogCursor &logFrom = {});
    void unfollow(const QString &jobId);
    bool isFollowing(const QString &jobId) const { return m_jobs.contains(jobId); }
    int followedCount() const { return int(m_jobs.size()); }
    Job job(const QString &jobId) const;
    // Calls made to the backend since the monitor was made (for the benchmark).
    qint64 callCount() const { return m_calls; }

Q_SIGNALS:
    void jobAdded(const JobDeck::Job &job);
    void jobChanged(const JobDeck::Job &job);
    // `firstLineNumber` counts from 1 for each job, with no gap and no repeat.
    void logAppended(const QString &jobId, qint64 firstLineNumber, const QStringList &lines);
    void progressSampled(const QString &jobId,
                         const QDateTime &at,
                         double progress,
                         const QList<JobDeck::SubJobProgress> &subJobs);
    void stepsChanged(const QString &jobId, const QList<JobDeck::JobStep> &steps);
    // The job reached a terminal state and its log was read to the end.
    void jobFinished(const JobDeck::Job &job);
    // A poll failed; the monitor tries again in `retryInMs`.
    void pollFailed(const QString &jobId, const JobDeck::BackendError &error, int retryInMs);
    // Only with MonitorPolicy::giveUpAfterErrors: the monitor stopped following the job.
    void followingAbandoned(const QString &jobId, const JobDeck::BackendError &error);

private:
    struct Tracked;

    // Sends one call for the job and hands a success to `handler`; failures go to failed().
    template<typename T, typename Handler>
    void ask(Tracked &tracked, Pending<T> *call, Handler handler);
    void startRound(Tracked &tracked);
    void readLog(Tracked &tracked, int pagesThisRound);
    void afterLog(Tracked &tracked);
    void readProgress(Tracked &tracked);
    void finish(Tracked &tracked);
    void scheduleNext(Tracked &tracked, bool immediately = false);
    void failed(Tracked &tracked, const BackendError &error);
    void applyUpdate(Tracked &tracked, const Job &update);
    Tracked *find(const QString &jobId) const;
    int intervalFor(const Tracked &tracked) const;
    int atLeastMinimum(const Tracked &tracked, int delayMs) const;

    Backend *m_backend;
    MonitorPolicy m_policy;
    QHash<QString, std::shared_ptr<Tracked>> m_jobs;
    qint64 m_calls = 0;
};

} // namespace JobDeck
