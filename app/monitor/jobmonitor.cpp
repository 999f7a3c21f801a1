#include "monitor/jobmonitor.h"

#include <QPointer>
#include <QRandomGenerator>
#include <QTimer>

#include <algorithm>
#include <cmath>

namespace JobDeck {

struct JobMonitor::Tracked
{
    Job job;
    LogCursor cursor;
    QTimer *timer = nullptr;
    QPointer<PendingCall> inFlight;
    QElapsedTimer followed;
    QElapsedTimer lastRound; // invalid until the first round
    int errors = 0;
    int idleRounds = 0;
    bool changedThisRound = false;
    bool logGrewThisRound = false;
    bool terminalSeen = false;
    bool logComplete = false;
    bool lastLogPageEmpty = false;
    double lastProgress = -2;
    QList<SubJobProgress> subJobs;
};

namespace {
// Intervals are computed in 64 bits and kept within a day: a timer takes an int.
int clampedInterval(qint64 ms)
{
    return int(std::clamp<qint64>(ms, 0, 24LL * 3600 * 1000));
}

// The shortest time between two rounds of a job: the policy's, or else the backend's.
int floorOf(const MonitorPolicy &policy, const Backend &backend)
{
    return policy.minimumIntervalMs < 0 ? backend.minimumPollIntervalMs() : policy.minimumIntervalMs;
}

int jittered(int ms, double spread)
{
    const double factor = 1.0 + spread * (QRandomGenerator::global()->generateDouble() * 2.0 - 1.0);
    return std::max(0, int(std::lround(ms * factor)));
}
} // namespace

JobMonitor::JobMonitor(Backend *backend, MonitorPolicy policy, QObject *parent)
    : QObject(parent)
    , m_backend(backend)
    , m_policy(policy)
{
    if (m_policy.baseIntervalMs < 0)
        m_policy.baseIntervalMs = backend->defaultPollIntervalMs();
    m_policy.fastIntervalMs = std::min(m_policy.fastIntervalMs, m_policy.baseIntervalMs);
}

JobMonitor::~JobMonitor()
{
    for (const auto &tracked : std::as_const(m_jobs)) {
        if (tracked->inFlight)
            tracked->inFlight->cancel();
    }
}

JobMonitor::Tracked *JobMonitor::find(const QString &jobId) const
{
    const auto it = m_jobs.constFind(jobId);
    return it == m_jobs.cend() ? nullptr : it->get();
}

Job JobMonitor::job(const QString &jobId) const
{
    const Tracked *tracked = find(jobId);
    return tracked ? tracked->job : Job{};
}

void JobMonitor::follow(const Job &job, const LogCursor &logFrom)
{
    if (job.id.isEmpty() || m_jobs.contains(job.id))
        return;
    auto tracked = std::make_shared<Tracked>();
    tracked->job = job;
    tracked->cursor = logFrom;
    tracked->followed.start();
    tracked->timer = new QTimer(this);
    tracked->timer->setSingleShot(true);
    // A coarse timer may fire up to 5 % early, which would break a server's floor (SQLFlow's
    // 2 s): where there is one, the wait is precise.
    if (floorOf(m_policy, *m_backend) > 0)
        tracked->timer->setTimerType(Qt::PreciseTimer);
    const QString id = job.id;
    connect(tracked->timer, &QTimer::timeout, this, [this, id] {
        if (Tracked *t = find(id))
            startRound(*t);
    });
    m_jobs.insert(id, tracked);
    Q_EMIT jobAdded(job);
    scheduleNext(*tracked, true);
}

void JobMonitor::unfollow(const QString &jobId)
{
    const auto tracked = m_jobs.take(jobId);
    if (!tracked)
        return;
    if (tracked->inFlight)
        tracked->inFlight->cancel();
    tracked->timer->stop();
    tracked->timer->deleteLater();
}

template<typename T, typename Handler>
void JobMonitor::ask(Tracked &tracked, Pending<T> *call, Handler handler)
{
    ++m_calls;
    tracked.inFlight = call;
    // By id, not by reference: the job may be unfollowed before the answer comes.
    const QString id = tracked.job.id;
    onFinished(call, this, [this, id, handler = std::move(handler)](const Result<T> &result) {
        Tracked *t = find(id);
        if (!t)
            return;
        if (!result) {
            failed(*t, result.error());
            return;
        }
        handler(*t, *result);
    });
}

void JobMonitor::startRound(Tracked &tracked)
{
    tracked.lastRound.start();
    tracked.changedThisRound = false;
    tracked.logGrewThisRound = false;
    ask(tracked, m_backend->refresh(tracked.job), [this](Tracked &t, const Job &update) {
        applyUpdate(t, update);
        if (t.job.isTerminal())
            t.terminalSeen = true;
        if (m_backend->capabilities().log && !t.logComplete)
            readLog(t, 0);
        else
            afterLog(t);
    });
}

void JobMonitor::applyUpdate(Tracked &tracked, const Job &update)
{
    Job merged = update;
    merged.id = tracked.job.id; // the id the user knows the job by never changes
    if (merged.name.isEmpty())
        merged.name = tracked.job.name;
    if (merged.script.isEmpty())
        merged.script = tracked.job.script;
    if (merged.ids.linkisTaskId == 0)
        merged.ids.linkisTaskId = tracked.job.ids.linkisTaskId;
    if (merged.ids.linkisExecId.isEmpty())
        merged.ids.linkisExecId = tracked.job.ids.linkisExecId;
    if (!merged.submitted.isValid())
        merged.submitted = tracked.job.submitted;
    if (merged.progress < 0)
        merged.progress = tracked.job.progress;
    if (merged.subJobs.isEmpty())
        merged.subJobs = tracked.job.subJobs;
    // A job once seen terminal stays so: a late answer from before cannot revive it.
    if (tracked.job.isTerminal() && !merged.isTerminal()) {
        merged.state = tracked.job.state;
        merged.rawStatus = tracked.job.rawStatus;
    }
    if (merged.state == JobState::Succeeded)
        merged.progress = 1.0;
    if (!merged.isTerminal())
        merged.ended = {};
    else if (!merged.ended.isValid())
        merged.ended = tracked.job.ended.isValid() ? tracked.job.ended : QDateTime::currentDateTimeUtc();
    if (!merged.started.isValid() && merged.state == JobState::Running)
        merged.started = QDateTime::currentDateTimeUtc();
    if (merged.durationMs < 0 && merged.started.isValid() && merged.ended.isValid())
        merged.durationMs = merged.started.msecsTo(merged.ended);
    const bool stepsChangedNow = merged.steps != tracked.job.steps;
    if (merged == tracked.job)
        return;
    tracked.job = merged;
    tracked.changedThisRound = true;
    Q_EMIT jobChanged(tracked.job);
    if (stepsChangedNow)
        Q_EMIT stepsChanged(tracked.job.id, tracked.job.steps);
}

void JobMonitor::readLog(Tracked &tracked, int pagesThisRound)
{
    // On failure the cursor stays: the same lines are asked for again.
    ask(tracked,
        m_backend->log(tracked.job, tracked.cursor, m_policy.logPageSize),
        [this, pagesThisRound](Tracked &t, const LogPage &page) {
            const qint64 first = t.cursor.delivered + 1;
            t.cursor = page.next;
            t.logComplete = page.complete;
            t.lastLogPageEmpty = page.lines.isEmpty();
            if (!page.lines.isEmpty()) {
                t.logGrewThisRound = true;
                Q_EMIT logAppended(t.job.id, first, page.lines);
            }
            if (page.more && !page.complete) {
                if (pagesThisRound + 1 < m_policy.maxLogPagesPerRound)
                    readLog(t, pagesThisRound + 1);
                else
                    scheduleNext(t, true); // let other jobs have a turn, then go on at once
                return;
            }
            afterLog(t);
        });
}

void JobMonitor::afterLog(Tracked &tracked)
{
    if (tracked.terminalSeen) {
        // A finished job's log may still be flushing: read until a page comes back empty
        // (or the archive was read whole) before letting go.
        if (m_backend->capabilities().log && !tracked.logComplete && !tracked.lastLogPageEmpty) {
            readLog(tracked, 0);
            return;
        }
        finish(tracked);
        return;
    }
    if (m_backend->capabilities().progress) {
        readProgress(tracked);
        return;
    }
    // Backends without a progress call (Kylin) report it with the job: sample that.
    if (tracked.job.progress >= 0 && tracked.job.progress != tracked.lastProgress) {
        tracked.lastProgress = tracked.job.progress;
        Q_EMIT progressSampled(tracked.job.id, QDateTime::currentDateTimeUtc(), tracked.job.progress, {});
    }
    scheduleNext(tracked);
}

void JobMonitor::readProgress(Tracked &tracked)
{
    ask(tracked, m_backend->progress(tracked.job), [this](Tracked &t, const ProgressReport &report) {
        QList<SubJobProgress> subJobs = t.subJobs;
        mergeSubJobs(subJobs, report.subJobs);
        const double progress = report.progress >= 0 ? report.progress : t.job.progress;
        if (progress != t.lastProgress || subJobs != t.subJobs) {
            t.lastProgress = progress;
            t.subJobs = subJobs;
            t.changedThisRound = true;
            if (progress >= 0 || !subJobs.isEmpty()) {
                Job updated = t.job;
                updated.progress = progress;
                updated.subJobs = subJobs;
                applyUpdate(t, updated);
                Q_EMIT progressSampled(t.job.id, QDateTime::currentDateTimeUtc(), progress, subJobs);
            }
        }
        scheduleNext(t);
    });
}

void JobMonitor::finish(Tracked &tracked)
{
    const QString id = tracked.job.id;
    const auto done = [this, id] {
        Tracked *t = find(id);
        if (!t)
            return;
        if (t->job.state == JobState::Succeeded && t->lastProgress != 1.0) {
            t->lastProgress = 1.0;
            Q_EMIT progressSampled(id, QDateTime::currentDateTimeUtc(), 1.0, t->subJobs);
        }
        const Job finished = t->job;
        unfollow(id);
        Q_EMIT jobFinished(finished);
    };
    if (!m_backend->capabilities().history) {
        done();
        return;
    }
    // The final record: end time, duration and the error of a failed job.
    ++m_calls;
    auto *call = m_backend->details(tracked.job);
    tracked.inFlight = call;
    onFinished(call, this, [this, id, done](const Result<Job> &result) {
        Tracked *t = find(id);
        if (!t)
            return;
        if (result && result->isTerminal())
            applyUpdate(*t, *result);
        done(); // without a record the job is still finished: its state and log are known
    });
}

int JobMonitor::atLeastMinimum(const Tracked &tracked, int delayMs) const
{
    // The backend's floor counts from the start of the last round, and before the first
    // round from when following began (a submit has just talked to the server).
    const int minimum = floorOf(m_policy, *m_backend);
    if (minimum <= 0)
        return delayMs;
    const QElapsedTimer &since = tracked.lastRound.isValid() ? tracked.lastRound : tracked.followed;
    return int(std::max<qint64>(delayMs, minimum - since.elapsed()));
}

int JobMonitor::intervalFor(const Tracked &tracked) const
{
    // A job in an unknown state (Dinky UNKNOWN: the server lost track of it) may stay so for
    // good: it is asked at the slowest idle rate from the start, not young or fast.
    if (tracked.job.state == JobState::Unknown && !tracked.job.rawStatus.isEmpty())
        return clampedInterval(qint64(m_policy.baseIntervalMs) * std::max(1, m_policy.maxIdleFactor));
    if (tracked.followed.elapsed() < m_policy.youngForMs || tracked.logGrewThisRound)
        return m_policy.fastIntervalMs;
    const int steps = std::min(tracked.idleRounds / std::max(1, m_policy.idleRoundsPerStep),
                               std::max(0, m_policy.maxIdleFactor - 1));
    return clampedInterval(qint64(m_policy.baseIntervalMs) * (1 + steps));
}

void JobMonitor::scheduleNext(Tracked &tracked, bool immediately)
{
    tracked.inFlight = nullptr;
    if (!immediately) {
        tracked.errors = 0;
        if (tracked.changedThisRound || tracked.logGrewThisRound)
            tracked.idleRounds = 0;
        else
            ++tracked.idleRounds;
    }
    // A little jitter keeps hundreds of followed jobs from polling in lockstep.
    tracked.timer->start(atLeastMinimum(tracked, immediately ? 0 : jittered(intervalFor(tracked), 0.1)));
}

void JobMonitor::failed(Tracked &tracked, const BackendError &error)
{
    tracked.inFlight = nullptr;
    ++tracked.errors;
    if (m_policy.giveUpAfterErrors > 0 && tracked.errors >= m_policy.giveUpAfterErrors) {
        const QString id = tracked.job.id;
        unfollow(id);
        Q_EMIT followingAbandoned(id, error);
        return;
    }
    const double exponential
        = double(m_policy.firstBackoffMs) * std::pow(2.0, std::min(tracked.errors - 1, 20));
    const int delay = jittered(int(std::min<double>(exponential, m_policy.maxBackoffMs)), 0.2);
    tracked.timer->start(atLeastMinimum(tracked, delay));
    Q_EMIT pollFailed(tracked.job.id, error, delay);
}

} // namespace JobDeck
