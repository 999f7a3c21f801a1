#pragma once

#include "backends/backend.h"
#include "backends/connectionprofile.h"
#include "jobs/jobhistorysource.h"
#include "logs/logstore.h"
#include "progress/progresshistory.h"

#include <QHash>
#include <QObject>
#include <QPointF>
#include <QSet>
#include <QTimer>

#include <memory>
#include <optional>

namespace JobDeck {

class JobMonitor;
class LocalServerLauncher;

// The console's conversation with one job service: connects (starting the local
// jobdeck-server when that is the service), lists the jobs, follows the unfinished ones,
// keeps their logs and progress, submits and kills. Views read its jobs and signals; they
// never call the network themselves. As a JobHistorySource it reads the server's own job
// history page by page, when a view asks for more.
class Session final : public QObject, public JobHistorySource
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Session)

public:
    // Lost: was Ready, but the server stopped answering (or the session ended); the list is
    // read again until it answers, which makes it Ready again.
    enum class State { Idle, Connecting, Ready, Failed, Lost };
    Q_ENUM(State)

    // What the console can do to one job (Backend's job actions).
    enum class JobAction { Kill, Pause, Resume, Drop, Restart, Savepoint, ForceRefresh };
    Q_ENUM(JobAction)

    // No profile: the built-in "Local" connection to jobdeck-server.
    explicit Session(std::optional<ConnectionProfile> profile = std::nullopt, QObject *parent = nullptr);
    // A session over a backend made elsewhere (tests, tools); `profile` names it.
    Session(std::unique_ptr<Backend> backend, const ConnectionProfile &profile, QObject *parent = nullptr);
    ~Session() override;

    // For the local connection: where the runtime file is (tests use their own).
    void setRuntimeFile(const QString &path);
    void setLanguage(Language language);
    // How often the job list is read again for jobs started elsewhere; 0 = the default
    // (twice the backend's poll interval, at least 10 s).
    void setListRefreshIntervalMs(int ms) { m_listRefreshMs = ms; }

    void start();
    State state() const { return m_state; }
    QString displayName() const;
    bool isLocal() const { return !m_profile; }
    // The saved profile's name; empty for the local connection.
    QString profileName() const { return m_profile ? m_profile->name : QString(); }
    // The connection's id among the open ones: "local", or the saved profile's name.
    QString connectionId() const { return isLocal() ? QStringLiteral("local") : profileName(); }
    Backend *backend() const { return m_backend.get(); }

    // The jobs the session knows (listed, submitted, followed), in no particular order;
    // jobsUpdated() and jobRemoved() tell what changes.
    QList<Job> jobs() const { return m_jobs.values(); }
    bool hasJob(const QString &jobId) const { return m_jobs.contains(jobId); }
    int jobCount() const { return int(m_jobs.size()); }

    // JobHistorySource: pages of the server's job history after the first (which the periodic
    // refresh reads).
    bool hasMoreHistory() const override;
    void fetchMoreHistory() override;
    bool isFetchingHistory() const override { return m_historyFetching; }
    static constexpr int HistoryPageSize = 100;

    // The job's log as received so far (null before its first line): kept while the
    // session lives, so showing the job again needs no fetch. Bounded by the settings of
    // LogMemoryBudget; beyond them old blocks wait in a spill file.
    std::shared_ptr<LogStore> logStore(const QString &jobId) const { return m_logs.value(jobId); }
    QStringList logLines(const QString &jobId) const;
    // Seconds since the job started, 0..1; progressHistory() has the rest (sub-jobs, times).
    QList<QPointF> progressSamples(const QString &jobId) const;
    // How the job's progress went: live while followed, from the cache for a job that ended
    // before this console started (kept there when it ends).
    ProgressHistory progressHistory(const QString &jobId) const;
    // Makes sure the job's log is read (a finished job from history is read once).
    void loadLog(const QString &jobId);

    // Reads the first page of each of a finished job's result sets; resultsLoaded() follows.
    void loadResults(const QString &jobId);
    static constexpr int ResultPageRows = 5000;
    // How often the local jobdeck-server is asked for new log lines while a log grows.
    static constexpr int LocalLogPollMs = 150;

    // The job as the session knows it now.
    Job job(const QString &jobId) const;
    // What the backend can do, and what it allows for this job now (nothing while not connected).
    Capabilities capabilities() const;
    JobActions availableActions(const QString &jobId) const;

    void submit(const SubmitRequest &request);
    // What this session submitted as `jobId` (empty when the job came from elsewhere).
    SubmitRequest submitRequestOf(const QString &jobId) const { return m_requests.value(jobId); }
    // Runs a task saved on the server (Dinky) and follows the job it starts.
    void runTask(qint64 taskId);
    void kill(const QString &jobId) { perform(JobAction::Kill, jobId); }
    // Runs a job action; actionFinished() and notice() tell how it went.
    void perform(JobAction action, const QString &jobId);
    // Reads the job's full record (steps included) when the backend reports steps.
    void loadDetails(const QString &jobId);
    // Reads one step's output; stepOutputLoaded() or notice() follows.
    void loadStepOutput(const QString &jobId, const QString &stepId);
    // Writes the job's lineage to `path` (replaced only once the whole artefact arrived);
    // lineageExported() and a notice() follow, or a notice() that says why not.
    void exportLineage(const QString &jobId, const QString &path, const LineageRequest &request);
    // Reads the job's lineage (JSON) into memory; lineageLoaded() or a notice() follows.
    void loadLineage(const QString &jobId, const LineageRequest &request = {});

Q_SIGNALS:
    // Jobs new to the session or changed (only those), in the order the server gave them.
    void jobsUpdated(const QList<JobDeck::Job> &jobs);
    // A job is gone (dropped from the server).
    void jobRemoved(const QString &id);
    void stateChanged(JobDeck::Session::State state, const QString &message);
    void logAppended(const QString &jobId, qint64 firstLineNumber, const QStringList &lines);
    void progressSampled(const QString &jobId, const QPointF &sample);
    void submitted(const JobDeck::Job &job);
    // `pages[i]` is the first page of `sets[i]`; empty lists when the job produced no result set.
    void resultsLoaded(const QString &jobId,
                       const QList<JobDeck::ResultSetRef> &sets,
                       const QList<JobDeck::ResultPage> &pages);
    // Something the user should hear about (a failed submit, a lost connection).
    void notice(const QString &text);
    void actionFinished(const QString &jobId,
                        JobDeck::Session::JobAction action,
                        bool ok,
                        const QString &message);
    void stepOutputLoaded(const QString &jobId, const QString &stepId, const QString &output);
    void lineageExported(const QString &jobId, const QString &path, qint64 bytes);
    // The job's progress history changed (a reading, a sub-job's counts).
    void progressHistoryChanged(const QString &jobId);
    void lineageLoaded(const QString &jobId, const QByteArray &json);

private:
    void connectBackend();
    void connectMonitor();
    void finishAction(const QString &jobId, JobAction action, const Result<Job> &result);
    void finishAction(const QString &jobId, JobAction action, const Result<QString> &result);
    QString actionFailure(JobAction action, const QString &jobId, const QString &reason) const;
    void refreshList();
    // Takes what a listing said into the store; follows the jobs still running.
    void takeListed(const JobPage &page);
    void store(const Job &job);
    void store(const QList<Job> &jobs);
    void noteHistoryPage(const JobPage &page, int pagesRead);
    void scheduleListRefresh();
    void markLost(const BackendError &error);
    void follow(const Job &job);
    void setState(State state, const QString &message);
    void recordProgress(const QString &jobId,
                        qint64 atMs,
                        double progress,
                        const QList<SubJobProgress> &subJobs);
    QString progressKey(const QString &jobId) const;
    void keepProgressHistory(const Job &job);
    void loadResultPages(const QString &jobId,
                         QList<ResultSetRef> sets,
                         QStringList names,
                         QList<ResultPage> pages);

    std::optional<ConnectionProfile> m_profile;
    ConnectionProfile m_active;
    Language m_language = Language::English;
    QString m_runtimeFile;
    std::unique_ptr<Backend> m_backend;
    bool m_givenBackend = false; // made elsewhere: connect it as it is
    JobMonitor *m_monitor = nullptr;
    QTimer *m_listTimer; // looks for jobs started elsewhere
    int m_listRefreshMs = 0;
    QSet<QString> m_dropped; // jobs this console dropped
    QHash<QString, Job> m_jobs;
    int m_historyPages = 0; // pages of history read (page 1 by the refresh)
    bool m_historyHasMore = false;
    bool m_historyFetching = false;
    quint64 m_historyGeneration = 0; // a new connection starts its history over
    State m_state = State::Idle;
    std::shared_ptr<LogMemoryBudget> m_logBudget;
    QHash<QString, std::shared_ptr<LogStore>> m_logs;
    mutable QHash<QString, ProgressHistory> m_history; // also what was read back from the cache
    QSet<QString> m_unsavedHistory;                    // changed since last written
    QHash<QString, qint64> m_followedSinceMs;
    QHash<QString, SubmitRequest> m_requests;
    bool m_listWorked = false; // the job list answered at least once on this connection
};

} // namespace JobDeck
