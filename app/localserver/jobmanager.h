#pragma once

#include "localserver/joblog.h"
#include "localserver/jobrunner.h"
#include "localserver/jobstore.h"
#include "localserver/serverconfig.h"

#include <QHash>
#include <QJsonArray>
#include <QObject>

#include <deque>
#include <memory>

class QTimer;

namespace JobDeck::Local {

// Runs jobdeck-server's jobs: Inited -> Scheduled -> Running -> Succeed | Failed | Cancelled |
// Timeout, at most `parallelism` at once (the rest wait as Scheduled), each with an optional
// time limit. Every change is written to the job store, every log line to the job's log
// file as it happens.
class JobManager final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JobManager)

public:
    JobManager(const ServerConfig &config, JobStore *store, QObject *parent = nullptr);
    ~JobManager() override;

    // Marks jobs a previous run left unfinished as Failed, with a line in their logs.
    void recoverAfterRestart();
    // "ip:port" in execIDs (Linkis names the entrance instance there).
    void setInstance(const QString &instance) { m_instance = instance; }

    // Accepts a job (code, runType, user, params, ... filled in); returns it with its ids.
    std::optional<JobRecord> submit(JobRecord job, QString *error);
    // Stops a job at once; false when it had already ended.
    bool kill(qint64 taskId);

    // The job as it stands now (live for running jobs, from the store otherwise).
    std::optional<JobRecord> job(qint64 taskId) const;
    std::optional<JobRecord> jobByExecId(const QString &execId) const;
    // The job's log, open for reading (and writing, while it runs); null if it has none.
    JobLog *log(qint64 taskId);
    // Sub-job rows for Linkis's progressInfo.
    QJsonArray progressInfo(qint64 taskId) const;
    bool isActive(qint64 taskId) const { return m_active.contains(taskId); }

    QString logPath(qint64 taskId) const;
    QString resultDir(qint64 taskId) const;
    const ServerConfig &config() const { return m_config; }

private:
    struct Active;

    void startNext();
    void start(Active &active);
    void finished(qint64 taskId, bool succeeded, bool cancelled, const QString &error);
    void setStatus(JobRecord &job, const QString &status);

    ServerConfig m_config;
    JobStore *m_store;
    QString m_instance = QStringLiteral("127.0.0.1:0");
    QHash<qint64, std::shared_ptr<Active>> m_active;
    std::deque<qint64> m_queue;
    int m_running = 0;
    // Logs of finished jobs recently read, so paging through one does not re-index it.
    mutable QHash<qint64, std::shared_ptr<JobLog>> m_closedLogs;
    mutable std::deque<qint64> m_closedOrder;

    // A SQL job's statements as sub-jobs: times, outcome and the log lines each wrote. Kept
    // for running jobs and, in memory, for the last MaxFinishedStatements finished ones.
    struct Statement
    {
        QString sql;
        qint64 startMs = 0;
        qint64 endMs = 0;
        StatementEvent::Phase phase = StatementEvent::Phase::Started;
        qint64 logFrom = 0;
        qint64 logTo = 0;
    };
    static constexpr int MaxFinishedStatements = 256;
    void recordStatement(qint64 taskId, const StatementEvent &event);
    static QJsonArray statementRows(const QList<Statement> &statements, qint64 logLines);
    QHash<qint64, QList<Statement>> m_statements;
    std::deque<qint64> m_statementOrder; // finished jobs' statements, oldest first
};

} // namespace JobDeck::Local
