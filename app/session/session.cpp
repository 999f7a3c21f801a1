#include "session/session.h"

#include "backends/backendfactory.h"
#include "backends/local/localserverlauncher.h"
#include "monitor/jobmonitor.h"
#include "progress/progressstore.h"

#include <QBuffer>

#include <QDateTime>
#include <QSaveFile>

namespace JobDeck {

Session::Session(std::optional<ConnectionProfile> profile, QObject *parent)
    : QObject(parent)
    , m_profile(std::move(profile))
    , m_runtimeFile(LocalServerInfo::defaultPath())
    , m_listTimer(new QTimer(this))
    , m_logBudget(std::make_shared<LogMemoryBudget>(LogMemoryBudget::limitsFromSettings()))
{
    m_listTimer->setSingleShot(true);
    connect(m_listTimer, &QTimer::timeout, this, [this] {
        if (m_backend && (m_state == State::Ready || m_state == State::Lost))
            refreshList();
    });
}

Session::Session(std::unique_ptr<Backend> backend, const ConnectionProfile &profile, QObject *parent)
    : Session(profile, parent)
{
    m_backend = std::move(backend);
    m_givenBackend = true;
}

Session::~Session()
{
    delete m_monitor; // before the backend it uses
    // Jobs that ended while the monitor was still reading their last lines: kept all the same.
    for (const QString &id : std::as_const(m_unsavedHistory)) {
        if (m_jobs.value(id).isTerminal())
            ProgressStore().save(progressKey(id), m_history.value(id));
    }
}

void Session::setRuntimeFile(const QString &path)
{
    m_runtimeFile = path;
}

void Session::setLanguage(Language language)
{
    m_language = language;
    if (m_backend)
        m_backend->setLanguage(language);
}

QString Session::displayName() const
{
    if (!m_profile)
        return tr("Local");
    return m_profile->name.isEmpty() ? m_profile->url.host() : m_profile->name;
}

void Session::setState(State state, const QString &message)
{
    m_state = state;
    Q_EMIT stateChanged(state, message);
}

void Session::start()
{
    if (m_state == State::Connecting || m_state == State::Ready)
        return;
    if (m_profile) {
        m_active = *m_profile;
        connectBackend();
        return;
    }
    setState(State::Connecting, tr("Starting the local job server…"));
    auto *launcher = new LocalServerLauncher(this);
    launcher->setRuntimeFile(m_runtimeFile);
    onFinished(launcher->ensureRunning(), this, [this, launcher](const Result<LocalServerInfo> &info) {
        launcher->deleteLater();
        if (!info) {
            setState(State::Failed, info.error().describe());
            return;
        }
        m_active.kind = QStringLiteral("local");
        m_active.url = info->url;
        m_active.user = info->user;
        m_active.auth = ConnectionProfile::Auth::Token;
        m_active.secret = info->token;
        connectBackend();
    });
}

void Session::connectBackend()
{
    setState(State::Connecting, tr("Connecting to %1…").arg(m_active.url.toDisplayString()));
    // A retry after a failure starts over; the old monitor goes before the backend it uses.
    delete m_monitor;
    m_monitor = nullptr;
    // The history of the new connection is read from its first page again.
    ++m_historyGeneration;
    m_historyPages = 0;
    m_historyHasMore = false;
    m_historyFetching = false;
    if (!m_givenBackend) {
        QString error;
        m_backend = createBackend(m_active, &error);
        if (!m_backend) {
            setState(State::Failed, error);
            return;
        }
    }
    m_backend->setLanguage(m_language);
    connectMonitor();
    onFinished(m_backend->connectToServer(), this, [this](const Result<bool> &connected) {
        if (!connected) {
            setState(State::Failed, connected.error().describe());
            return;
        }
        setState(State::Ready, tr("Connected to %1").arg(m_active.url.toDisplayString()));
        if (const QString said = m_backend->connectionNotice(); !said.isEmpty())
            Q_EMIT notice(said);
        refreshList();
    });
}

void Session::connectMonitor()
{
    MonitorPolicy policy;
    if (isLocal()) {
        // jobdeck-server on this machine answers a log call in about a millisecond: polling
        // it often puts a line on screen within a fraction of a second (a remote server keeps
        // its adaptive 1 s / 5 s).
        policy.fastIntervalMs = LocalLogPollMs;
        policy.baseIntervalMs = 1000;
    }
    m_monitor = new JobMonitor(m_backend.get(), policy, this);
    connect(m_monitor, &JobMonitor::jobChanged, this, qOverload<const Job &>(&Session::store));
    connect(m_monitor, &JobMonitor::jobFinished, this, qOverload<const Job &>(&Session::store));
    connect(m_monitor,
            &JobMonitor::logAppended,
            this,
            [this](const QString &id, qint64 first, const QStringList &lines) {
                std::shared_ptr<LogStore> &store = m_logs[id];
                if (!store)
                    store = std::make_shared<LogStore>(m_logBudget);
                // The store numbers its lines as the monitor does; what it has is not added again.
                const qint64 known = store->lineCount() - first + 1;
                if (known >= lines.size())
                    return;
                if (known > 0)
                    store->append(lines.mid(known));
                else
                    store->append(lines);
                Q_EMIT logAppended(id, first, lines);
            });
    connect(
        m_monitor,
        &JobMonitor::progressSampled,
        this,
        [this](
            const QString &id, const QDateTime &at, double progress, const QList<SubJobProgress> &subJobs) {
            recordProgress(id, at.toMSecsSinceEpoch(), progress, subJobs);
        });
    connect(m_monitor, &JobMonitor::jobFinished, this, &Session::keepProgressHistory);
    connect(m_monitor,
            &JobMonitor::pollFailed,
            this,
            [this](const QString &id, const BackendError &failure, int retryInMs) {
                Q_EMIT notice(
                    tr("Job %1: %2 (trying again in %3 s)").arg(id, failure.message).arg(retryInMs / 1000));
                markLost(failure);
            });
}

void Session::store(const Job &job)
{
    store(QList<Job>{job});
}

void Session::store(const QList<Job> &jobs)
{
    QList<Job> changed;
    for (const Job &job : jobs) {
        if (job.id.isEmpty())
            continue;
        auto it = m_jobs.find(job.id);
        if (it == m_jobs.end())
            m_jobs.insert(job.id, job);
        else if (*it == job)
            continue;
        else
            *it = job;
        changed.append(job);
    }
    if (!changed.isEmpty())
        Q_EMIT jobsUpdated(changed);
}

void Session::takeListed(const JobPage &page)
{
    QList<Job> listed;
    QList<Job> toFollow;
    for (Job job : page.jobs) {
        if (job.id.isEmpty() || m_dropped.contains(job.id))
            continue;
        const auto known = m_jobs.constFind(job.id);
        // Followed jobs are kept current by the monitor; the list only adds what it does not
        // know (submitted elsewhere, older history) and what changed while nobody watched.
        if (known != m_jobs.cend() && m_monitor && m_monitor->isFollowing(job.id))
            continue;
        if (known != m_jobs.cend()) {
            if (known->rawStatus == job.rawStatus && known->state == job.state)
                continue;
            if (job.steps.isEmpty())
                job.steps = known->steps;
        }
        listed.append(job);
        // Jobs still running (from an earlier console, or started elsewhere) are picked up.
        if (!job.isTerminal())
            toFollow.append(job);
    }
    store(listed);
    for (const Job &job : std::as_const(toFollow))
        follow(job);
}

void Session::noteHistoryPage(const JobPage &page, int pagesRead)
{
    m_historyPages = pagesRead;
    const qint64 size = page.pageSize > 0 ? page.pageSize : HistoryPageSize;
    m_historyHasMore
        = page.totalRows >= 0 ? qint64(pagesRead) * size < page.totalRows : page.jobs.size() >= size;
}

bool Session::hasMoreHistory() const
{
    return m_state == State::Ready && m_historyPages > 0 && m_historyHasMore;
}

void Session::fetchMoreHistory()
{
    if (!hasMoreHistory() || m_historyFetching)
        return;
    m_historyFetching = true;
    ListQuery query;
    query.page = m_historyPages + 1;
    query.pageSize = HistoryPageSize;
    const quint64 generation = m_historyGeneration;
    onFinished(m_backend->list(query), this, [this, generation, query](const Result<JobPage> &page) {
        if (generation != m_historyGeneration)
            return; // an answer for a connection since replaced
        m_historyFetching = false;
        if (!page) {
            // The page stays to be read: the next scroll to the end asks again.
            Q_EMIT notice(tr("Cannot read page %1 of the job history: %2")
                              .arg(query.page)
                              .arg(page.error().describe()));
            return;
        }
        noteHistoryPage(*page, query.page);
        takeListed(*page);
    });
}

void Session::refreshList()
{
    ListQuery query;
    query.pageSize = HistoryPageSize;
    const quint64 generation = m_historyGeneration;
    onFinished(m_backend->list(query), this, [this, generation](const Result<JobPage> &page) {
        if (generation != m_historyGeneration)
            return; // an answer for a connection since replaced
        scheduleListRefresh();
        if (!page) {
            Q_EMIT notice(tr("Cannot list the jobs: %1").arg(page.error().describe()));
            // A server that never listed for this connection (Dinky without a login lists
            // nothing) is not lost when it refuses again.
            if (m_listWorked || page.error().kind != BackendError::Kind::Authentication)
                markLost(page.error());
            return;
        }
        m_listWorked = true;
        if (m_state == State::Lost)
            setState(State::Ready, tr("Connected to %1 again").arg(m_active.url.toDisplayString()));
        // Page 1 read again says whether history goes on, until a second page was read.
        if (m_historyPages <= 1)
            noteHistoryPage(*page, 1);
        takeListed(*page);
    });
}

void Session::markLost(const BackendError &error)
{
    // A server that stops answering, or a session that ended (expired, pushed out by another
    // login), shows on this connection; the list keeps being read, and the first answer
    // brings it back.
    if (m_state != State::Ready || (!error.isTransient() && error.kind != BackendError::Kind::Authentication))
        return;
    setState(State::Lost, tr("Lost the connection to %1: %2").arg(displayName(), error.describe()));
}

void Session::scheduleListRefresh()
{
    // The web consoles reload their job lists every 5 s (kystudio, dinky-web); a desktop
    // console following its own jobs closely can look for others less often.
    if (!m_backend || (m_state != State::Ready && m_state != State::Lost))
        return;
    m_listTimer->start(m_listRefreshMs > 0 ? m_listRefreshMs
                                           : std::max(10000, 2 * m_backend->defaultPollIntervalMs()));
}

void Session::follow(const Job &job)
{
    if (!m_monitor || m_monitor->isFollowing(job.id))
        return;
    std::shared_ptr<LogStore> &store = m_logs[job.id];
    if (store)
        store->clear(); // the monitor delivers the log from its first line
    else
        store = std::make_shared<LogStore>(m_logBudget);
    m_followedSinceMs.insert(
        job.id, (job.started.isValid() ? job.started : QDateTime::currentDateTimeUtc()).toMSecsSinceEpoch());
    m_monitor->follow(job);
}

QStringList Session::logLines(const QString &jobId) const
{
    QStringList lines;
    if (const std::shared_ptr<LogStore> store = m_logs.value(jobId)) {
        lines.reserve(store->lineCount());
        for (qint64 n = 1; n <= store->lineCount(); ++n)
            lines.append(store->line(n));
    }
    return lines;
}

void Session::loadLog(const QString &jobId)
{
    if (m_logs.contains(jobId) || !m_monitor)
        return;
    const Job job = m_jobs.value(jobId);
    if (job.id.isEmpty())
        return;
    // Following a finished job reads its whole log once and lets go.
    follow(job);
}

void Session::loadResults(const QString &jobId)
{
    if (!m_backend || !m_backend->capabilities().results)
        return;
    const Job job = m_jobs.value(jobId);
    if (job.state != JobState::Succeeded)
        return;
    onFinished(m_backend->resultSets(job), this, [this, jobId](const Result<QList<ResultSetRef>> &sets) {
        if (!sets) {
            Q_EMIT notice(tr("Cannot read the results of %1: %2").arg(jobId, sets.error().describe()));
            return;
        }
        loadResultPages(jobId, *sets, {}, {});
    });
}

void Session::loadResultPages(const QString &jobId,
                              QList<ResultSetRef> sets,
                              QStringList names,
                              QList<ResultPage> pages)
{
    if (pages.size() == sets.size()) {
        Q_UNUSED(names);
        Q_EMIT resultsLoaded(jobId, sets, pages);
        return;
    }
    const ResultSetRef next = sets.at(pages.size());
    onFinished(m_backend->resultPage(next, 1, ResultPageRows),
               this,
               [this, jobId, sets, names, pages, next](const Result<ResultPage> &page) mutable {
                   if (!page) {
                       Q_EMIT notice(
                           tr("Cannot read %1 of %2: %3").arg(next.name, jobId, page.error().describe()));
                       return;
                   }
                   names.append(next.name);
                   pages.append(*page);
                   loadResultPages(jobId, sets, names, pages);
               });
}

void Session::submit(const SubmitRequest &request)
{
    if (m_state != State::Ready) {
        Q_EMIT notice(tr("Not connected to %1 yet").arg(displayName()));
        return;
    }
    onFinished(m_backend->submit(request), this, [this, request](const Result<Job> &job) {
        if (!job) {
            Q_EMIT notice(tr("The job was not accepted: %1").arg(job.error().describe()));
            return;
        }
        m_requests.insert(job->id, request); // what runs it again, variables included
        store(*job);
        follow(*job);
        Q_EMIT submitted(*job);
    });
}

void Session::runTask(qint64 taskId)
{
    if (m_state != State::Ready) {
        Q_EMIT notice(tr("Not connected to %1 yet").arg(displayName()));
        return;
    }
    TaskRunRequest request;
    request.taskId = taskId;
    onFinished(m_backend->runTask(request), this, [this, taskId](const Result<Job> &job) {
        if (!job) {
            Q_EMIT notice(tr("Task %1 did not start: %2").arg(taskId).arg(job.error().describe()));
            return;
        }
        store(*job);
        follow(*job);
        Q_EMIT submitted(*job);
    });
}

Job Session::job(const QString &jobId) const
{
    // The list holds the latest of what the monitor saw and what an action answered.
    if (const auto known = m_jobs.constFind(jobId); known != m_jobs.cend())
        return *known;
    return m_monitor && m_monitor->isFollowing(jobId) ? m_monitor->job(jobId) : Job{};
}

Capabilities Session::capabilities() const
{
    return m_backend && m_state == State::Ready ? m_backend->capabilities() : Capabilities{};
}

JobActions Session::availableActions(const QString &jobId) const
{
    const Job known = job(jobId);
    if (!m_backend || m_state != State::Ready || known.id.isEmpty())
        return {};
    return m_backend->availableActions(known);
}

QString Session::actionFailure(JobAction action, const QString &jobId, const QString &reason) const
{
    // Whole sentences per action: translations cannot be built from pieces.
    switch (action) {
    case JobAction::Kill:
        return tr("Job %1 was not stopped: %2").arg(jobId, reason);
    case JobAction::Pause:
        return tr("Job %1 was not paused: %2").arg(jobId, reason);
    case JobAction::Resume:
        return tr("Job %1 was not resumed: %2").arg(jobId, reason);
    case JobAction::Drop:
        return tr("Job %1 was not dropped: %2").arg(jobId, reason);
    case JobAction::Restart:
        return tr("Job %1 was not restarted: %2").arg(jobId, reason);
    case JobAction::Savepoint:
        return tr("No savepoint was taken of job %1: %2").arg(jobId, reason);
    case JobAction::ForceRefresh:
        return tr("The state of job %1 was not refreshed: %2").arg(jobId, reason);
    }
    return reason;
}

void Session::perform(JobAction action, const QString &jobId)
{
    const Job target = job(jobId);
    if (!m_backend || m_state != State::Ready || target.id.isEmpty()) {
        const QString message = target.id.isEmpty() && m_state == State::Ready
                                    ? tr("There is no job %1 here").arg(jobId)
                                    : tr("Not connected to %1 yet").arg(displayName());
        Q_EMIT notice(message);
        Q_EMIT actionFinished(jobId, action, false, message);
        return;
    }
    const auto withJob = [this, jobId, action](const Result<Job> &result) {
        finishAction(jobId, action, result);
    };
    const auto withMessage = [this, jobId, action](const Result<QString> &result) {
        finishAction(jobId, action, result);
    };
    switch (action) {
    case JobAction::Kill:
        onFinished(m_backend->kill(target), this, withMessage);
        break;
    case JobAction::Pause:
        onFinished(m_backend->pause(target), this, withJob);
        break;
    case JobAction::Resume:
        onFinished(m_backend->resume(target), this, withJob);
        break;
    case JobAction::Drop:
        onFinished(m_backend->drop(target), this, [this, jobId, withMessage](const Result<QString> &result) {
            if (result) {                // gone from the server: gone from the list
                m_dropped.insert(jobId); // a listing already on its way must not bring it back
                if (m_monitor)
                    m_monitor->unfollow(jobId);
                if (const std::shared_ptr<LogStore> store = m_logs.take(jobId))
                    store->clear();
                m_history.remove(jobId);
                m_unsavedHistory.remove(jobId);
                if (m_jobs.remove(jobId))
                    Q_EMIT jobRemoved(jobId);
            }
            withMessage(result);
        });
        break;
    case JobAction::Restart:
        onFinished(m_backend->restart(target, QString()), this, withJob);
        break;
    case JobAction::Savepoint:
        onFinished(m_backend->savepoint(target), this, withMessage);
        break;
    case JobAction::ForceRefresh:
        onFinished(m_backend->forceRefresh(target), this, withJob);
        break;
    }
}

void Session::finishAction(const QString &jobId, JobAction action, const Result<Job> &result)
{
    if (!result) {
        const QString message = actionFailure(action, jobId, result.error().describe());
        Q_EMIT notice(message);
        Q_EMIT actionFinished(jobId, action, false, message);
        return;
    }
    store(*result);
    if (!result->isTerminal())
        follow(*result); // resumed or restarted: its log and progress go on
    const QString status
        = result->rawStatus.isEmpty() ? jobStateDisplayName(result->state) : result->rawStatus;
    const QString message = tr("Job %1: %2").arg(result->id, status);
    Q_EMIT notice(message);
    Q_EMIT actionFinished(jobId, action, true, message);
}

void Session::finishAction(const QString &jobId, JobAction action, const Result<QString> &result)
{
    const QString message = result ? tr("Job %1: %2").arg(jobId, *result)
                                   : actionFailure(action, jobId, result.error().describe());
    Q_EMIT notice(message);
    Q_EMIT actionFinished(jobId, action, bool(result), message);
}

void Session::loadDetails(const QString &jobId)
{
    if (!m_backend || m_state != State::Ready || !m_backend->capabilities().steps)
        return;
    const Job known = job(jobId);
    if (known.id.isEmpty())
        return;
    onFinished(m_backend->details(known), this, [this, jobId](const Result<Job> &details) {
        if (!details) {
            Q_EMIT notice(tr("Cannot read the details of %1: %2").arg(jobId, details.error().describe()));
            return;
        }
        if (m_jobs.contains(details->id))
            store(*details);
    });
}

void Session::loadStepOutput(const QString &jobId, const QString &stepId)
{
    const Job known = job(jobId);
    if (!m_backend || m_state != State::Ready || known.id.isEmpty())
        return;
    onFinished(
        m_backend->stepOutput(known, stepId), this, [this, jobId, stepId](const Result<QString> &output) {
            if (!output) {
                Q_EMIT notice(tr("Cannot read the output of step %1 of %2: %3")
                                  .arg(stepId, jobId, output.error().describe()));
                return;
            }
            Q_EMIT stepOutputLoaded(jobId, stepId, *output);
        });
}

void Session::exportLineage(const QString &jobId, const QString &path, const LineageRequest &request)
{
    const Job known = job(jobId);
    if (!m_backend || m_state != State::Ready || known.id.isEmpty()) {
        Q_EMIT notice(
            tr("The lineage of %1 cannot be exported: not connected to %2").arg(jobId, displayName()));
        return;
    }
    // The file appears only once the whole artefact arrived; a failure leaves what was there.
    auto *file = new QSaveFile(path, this);
    if (!file->open(QIODevice::WriteOnly)) {
        Q_EMIT notice(tr("Cannot write %1: %2").arg(path, file->errorString()));
        delete file;
        return;
    }
    auto *exporting = m_backend->exportLineage(known, request, file);
    // A call that ends without an answer (the connection was replaced) takes the unfinished
    // file with it; QSaveFile then leaves the target as it was.
    connect(exporting, &QObject::destroyed, file, &QObject::deleteLater);
    onFinished(exporting, this, [this, jobId, path, file](const Result<qint64> &written) {
        if (!written) {
            file->cancelWriting();
            file->commit();
            file->deleteLater();
            Q_EMIT notice(tr("Cannot export the lineage of %1: %2").arg(jobId, written.error().describe()));
            return;
        }
        const bool committed = file->commit();
        const QString error = file->errorString();
        file->deleteLater();
        if (!committed) {
            Q_EMIT notice(tr("Cannot write %1: %2").arg(path, error));
            return;
        }
        Q_EMIT notice(tr("Lineage of %1 written to %2").arg(jobId, path));
        Q_EMIT lineageExported(jobId, path, *written);
    });
}

} // namespace JobDeck

namespace JobDeck {

// Progress history and lineage: what the console shows of how a job ran.

QString Session::progressKey(const QString &jobId) const
{
    // The local server's address changes between its runs; a profile's name does not.
    return ProgressStore::key(m_profile ? u"profile:" + m_profile->name : QStringLiteral("local"), jobId);
}

void Session::recordProgress(const QString &jobId,
                             qint64 atMs,
                             double progress,
                             const QList<SubJobProgress> &subJobs)
{
    ProgressHistory &history = m_history[jobId];
    if (history.originMs() == 0)
        history.setOriginMs(m_followedSinceMs.value(jobId, atMs));
    const qint64 changesBefore = history.changeCount();
    if (!history.record(atMs, progress, subJobs))
        return;
    m_unsavedHistory.insert(jobId);
    if (history.changeCount() != changesBefore) { // a new reading, not only sub-job counts
        const ProgressPoint &last = history.points().constLast();
        Q_EMIT progressSampled(jobId, QPointF((last.atMs - history.originMs()) / 1000.0, last.progress));
    }
    Q_EMIT progressHistoryChanged(jobId);
}

void Session::keepProgressHistory(const Job &job)
{
    const auto save = [this, id = job.id] {
        if (const auto it = m_history.constFind(id); it != m_history.cend() && !it->isEmpty())
            ProgressStore().save(progressKey(id), *it);
        m_unsavedHistory.remove(id);
    };
    save(); // now, in case the console closes before the reading below is back
    // The monitor's last reading came before the end: the sub-jobs' final counts and times
    // (the local server's last statement) come from one more reading.
    if (!m_backend || !m_backend->capabilities().progress || !m_history.contains(job.id)
        || m_history.value(job.id).subJobs().isEmpty())
        return;
    Backend *backend = m_backend.get();
    onFinished(
        m_backend->progress(job), this, [this, backend, job, save](const Result<ProgressReport> &report) {
            if (report && backend == m_backend.get())
                recordProgress(
                    job.id, QDateTime::currentMSecsSinceEpoch(), report->progress, report->subJobs);
            save();
        });
}

ProgressHistory Session::progressHistory(const QString &jobId) const
{
    if (const auto it = m_history.constFind(jobId); it != m_history.cend())
        return *it;
    // A job that ended before this console started: how it ran, from the cache, read once.
    const Job known = m_jobs.value(jobId);
    if (known.id.isEmpty() || !known.isTerminal())
        return {};
    const std::optional<ProgressHistory> stored = ProgressStore().load(progressKey(jobId));
    return m_history.insert(jobId, stored.value_or(ProgressHistory{})).value();
}

QList<QPointF> Session::progressSamples(const QString &jobId) const
{
    const ProgressHistory history = progressHistory(jobId);
    QList<QPointF> samples;
    samples.reserve(history.points().size());
    for (const ProgressPoint &point : history.points())
        samples.append(QPointF((point.atMs - history.originMs()) / 1000.0, point.progress));
    return samples;
}

void Session::loadLineage(const QString &jobId, const LineageRequest &request)
{
    const Job known = job(jobId);
    if (!m_backend || m_state != State::Ready || known.id.isEmpty() || !m_backend->capabilities().lineage)
        return;
    auto *buffer = new QBuffer(this);
    buffer->open(QIODevice::WriteOnly);
    auto *exporting = m_backend->exportLineage(known, request, buffer);
    connect(exporting, &QObject::destroyed, buffer, &QObject::deleteLater);
    onFinished(exporting, this, [this, jobId, buffer](const Result<qint64> &written) {
        buffer->deleteLater();
        if (!written) {
            Q_EMIT notice(tr("Cannot read the lineage of %1: %2").arg(jobId, written.error().describe()));
            return;
        }
        Q_EMIT lineageLoaded(jobId, buffer->data());
    });
}

} // namespace JobDeck
