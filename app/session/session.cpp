#include "session/session.h"

#include "backends/backendfactory.h"
#include "backends/local/localserverlauncher.h"
#include "monitor/jobmonitor.h"

#include <QDateTime>

namespace JobDeck {

Session::Session(std::optional<ConnectionProfile> profile, QObject *parent)
    : QObject(parent)
    , m_profile(std::move(profile))
    , m_runtimeFile(LocalServerInfo::defaultPath())
    , m_jobs(new JobListModel(this))
{}

Session::~Session()
{
    delete m_monitor; // before the backend it uses
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
    QString error;
    m_backend = createBackend(m_active, &error);
    if (!m_backend) {
        setState(State::Failed, error);
        return;
    }
    m_backend->setLanguage(m_language);
    m_monitor = new JobMonitor(m_backend.get(), MonitorPolicy{}, this);
    connect(m_monitor, &JobMonitor::jobChanged, m_jobs, qOverload<const Job &>(&JobListModel::upsert));
    connect(m_monitor, &JobMonitor::jobFinished, m_jobs, qOverload<const Job &>(&JobListModel::upsert));
    connect(m_monitor,
            &JobMonitor::logAppended,
            this,
            [this](const QString &id, qint64 first, const QStringList &lines) {
                m_logs[id] += lines;
                Q_EMIT logAppended(id, first, lines);
            });
    connect(m_monitor,
            &JobMonitor::progressSampled,
            this,
            [this](const QString &id, const QDateTime &at, double progress, const QList<SubJobProgress> &) {
                if (progress < 0)
                    return;
                const qint64 since = m_followedSinceMs.value(id, at.toMSecsSinceEpoch());
                const QPointF sample((at.toMSecsSinceEpoch() - since) / 1000.0, progress);
                m_progress[id].append(sample);
                Q_EMIT progressSampled(id, sample);
            });
    connect(m_monitor,
            &JobMonitor::pollFailed,
            this,
            [this](const QString &id, const BackendError &failure, int retryInMs) {
                Q_EMIT notice(
                    tr("Job %1: %2 (trying again in %3 s)").arg(id, failure.message).arg(retryInMs / 1000));
            });

    onFinished(m_backend->connectToServer(), this, [this](const Result<bool> &connected) {
        if (!connected) {
            setState(State::Failed, connected.error().describe());
            return;
        }
        setState(State::Ready, tr("Connected to %1").arg(m_active.url.toDisplayString()));
        refreshList();
    });
}

void Session::refreshList()
{
    ListQuery query;
    query.pageSize = 100;
    onFinished(m_backend->list(query), this, [this](const Result<JobPage> &page) {
        if (!page) {
            Q_EMIT notice(tr("Cannot list the jobs: %1").arg(page.error().describe()));
            return;
        }
        m_jobs->upsert(page->jobs);
        // Jobs still running (from an earlier console, or started elsewhere) are picked up.
        for (const Job &job : page->jobs) {
            if (!job.isTerminal())
                follow(job);
        }
    });
}

void Session::follow(const Job &job)
{
    if (!m_monitor || m_monitor->isFollowing(job.id))
        return;
    m_logs.remove(job.id); // the monitor delivers the log from its first line
    m_followedSinceMs.insert(
        job.id, (job.started.isValid() ? job.started : QDateTime::currentDateTimeUtc()).toMSecsSinceEpoch());
    m_monitor->follow(job);
}

void Session::loadLog(const QString &jobId)
{
    if (m_logs.contains(jobId) || !m_monitor)
        return;
    const Job job = m_jobs->job(jobId);
    if (job.id.isEmpty())
        return;
    // Following a finished job reads its whole log once and lets go.
    follow(job);
}

void Session::loadResults(const QString &jobId)
{
    if (!m_backend || !m_backend->capabilities().results)
        return;
    const Job job = m_jobs->job(jobId);
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
        Q_EMIT resultsLoaded(jobId, names, pages);
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
    onFinished(m_backend->submit(request), this, [this](const Result<Job> &job) {
        if (!job) {
            Q_EMIT notice(tr("The job was not accepted: %1").arg(job.error().describe()));
            return;
        }
        m_jobs->upsert(*job);
        follow(*job);
        Q_EMIT submitted(*job);
    });
}

void Session::kill(const QString &jobId)
{
    if (!m_backend)
        return;
    const Job job = m_monitor && m_monitor->isFollowing(jobId) ? m_monitor->job(jobId) : m_jobs->job(jobId);
    onFinished(m_backend->kill(job), this, [this, jobId](const Result<QString> &message) {
        Q_EMIT notice(message ? tr("Job %1: %2").arg(jobId, *message)
                              : tr("Cannot kill job %1: %2").arg(jobId, message.error().describe()));
    });
}

} // namespace JobDeck
