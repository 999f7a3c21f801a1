#include "localserver/jobmanager.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QJsonObject>
#include <QTimer>

#include <csignal>

namespace JobDeck::Local {

namespace {
constexpr int MaxClosedLogs = 16;
constexpr QStringView App = u"jobdeck-server";

// Linkis's execID layout (protocols.md 1.4): "exec_id" + len3(app) + len3(instance) + app +
// instance + short id.
QString makeExecId(const QString &instance, const QString &user, qint64 taskId)
{
    const QString app = App.toString();
    return QStringLiteral("exec_id%1%2%3%4IDE_%5_%6")
        .arg(app.size(), 3, 10, QChar(u'0'))
        .arg(instance.size(), 3, 10, QChar(u'0'))
        .arg(app, instance, user)
        .arg(taskId);
}
} // namespace

struct JobManager::Active
{
    JobRecord job;
    std::unique_ptr<JobLog> log;
    std::unique_ptr<JobRunner> runner;
    QTimer *timeout = nullptr;
    bool timedOut = false;
    bool killed = false;
};

JobManager::JobManager(const ServerConfig &config, JobStore *store, QObject *parent)
    : QObject(parent)
    , m_config(config)
    , m_store(store)
{
    qRegisterMetaType<LogLevel>();
    qRegisterMetaType<ResultSetInfo>();
    qRegisterMetaType<StatementEvent>();
    for (const char *sub : {"logs", "results", "workdirs", "workspaces"})
        QDir().mkpath(m_config.dataDir + u'/' + QLatin1StringView(sub));
}

JobManager::~JobManager()
{
    // The server is going away: running jobs end with it and are marked so.
    const auto active = m_active;
    for (const auto &entry : active) {
        if (entry->runner) {
            entry->runner->disconnect(this);
            entry->runner->cancel();
        }
        entry->job.status = QStringLiteral("Failed");
        entry->job.errCode = 10002;
        entry->job.errDesc = tr("jobdeck-server stopped while this job was running; run it again");
        entry->job.endedMs = QDateTime::currentMSecsSinceEpoch();
        if (entry->log)
            entry->log->append(LogLevel::Error, entry->job.errDesc);
        m_store->update(entry->job);
    }
}

QString JobManager::logPath(qint64 taskId) const
{
    return m_config.dataDir + u"/logs/" + QString::number(taskId) + u".log";
}

QString JobManager::resultDir(qint64 taskId) const
{
    return m_config.dataDir + u"/results/" + QString::number(taskId);
}

// Ends what a job of a killed server left running: the processes of its process group that
// carry its JOBDECK_TASK_ID (so a reused group id of someone else's is left alone).
static int endLeftovers(const QString &workDir, qint64 taskId)
{
#ifdef Q_OS_LINUX
    QFile pgidFile(workDir + u"/job.pgid");
    if (!pgidFile.open(QIODevice::ReadOnly))
        return 0;
    const qint64 pgid = pgidFile.readAll().trimmed().toLongLong();
    if (pgid <= 1)
        return 0;
    const QByteArray marker = "JOBDECK_TASK_ID=" + QByteArray::number(taskId);
    int found = 0;
    const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &entry : entries) {
        bool isPid = false;
        entry.toLongLong(&isPid);
        if (!isPid)
            continue;
        QFile stat(u"/proc/" + entry + u"/stat");
        if (!stat.open(QIODevice::ReadOnly))
            continue;
        // "pid (comm) state ppid pgrp ...": fields after the last ')'.
        const QByteArray line = stat.readAll();
        const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
        if (fields.size() < 3 || fields.at(2).toLongLong() != pgid || fields.at(0) == "Z")
            continue;
        QFile environ(u"/proc/" + entry + u"/environ");
        if (environ.open(QIODevice::ReadOnly) && environ.readAll().split('\0').contains(marker))
            ++found;
    }
    if (found > 0)
        ::kill(pid_t(-pgid), SIGKILL);
    return found;
#else
    Q_UNUSED(workDir);
    Q_UNUSED(taskId);
    return 0;
#endif
}

void JobManager::recoverAfterRestart()
{
    const QString reason = tr("jobdeck-server stopped while this job was running; run it again");
    for (qint64 taskId : m_store->failUnfinished(reason)) {
        JobLog log(logPath(taskId));
        if (!log.open(nullptr))
            continue;
        log.append(LogLevel::Error, reason);
        if (const int ended
            = endLeftovers(m_config.dataDir + u"/workdirs/" + QString::number(taskId), taskId);
            ended > 0)
            log.append(LogLevel::Warn, tr("Ended %n process(es) the job had left running.", nullptr, ended));
    }
}

void JobManager::setStatus(JobRecord &job, const QString &status)
{
    job.status = status;
    m_store->update(job);
}

std::optional<JobRecord> JobManager::submit(JobRecord job, QString *error)
{
    if (!supportedRunTypes().contains(job.runType)) {
        *error = tr("jobdeck-server cannot run “%1” scripts; it runs: %2")
                     .arg(job.runType, supportedRunTypes().join(QStringLiteral(", ")));
        return std::nullopt;
    }
    job.status = QStringLiteral("Inited");
    job.createdMs = QDateTime::currentMSecsSinceEpoch();
    job.execId = QStringLiteral("pending-") + QString::number(job.createdMs) + u'-' + randomSecret(6);
    if (!m_store->insert(job)) {
        *error = tr("cannot record the job in the job store");
        return std::nullopt;
    }
    job.execId = makeExecId(m_instance, job.user, job.taskId);
    m_store->update(job);

    auto active = std::make_shared<Active>();
    active->job = job;
    active->log = std::make_unique<JobLog>(logPath(job.taskId));
    QString logError;
    if (!active->log->open(&logError)) {
        job.status = QStringLiteral("Failed");
        job.errDesc = tr("cannot write the job's log: %1").arg(logError);
        m_store->update(job);
        *error = job.errDesc;
        return std::nullopt;
    }
    active->log->append(LogLevel::Info,
                        tr("Your job is accepted, jobID is %1 and taskID is %2 in %3. Please wait "
                           "for it to be scheduled.")
                            .arg(job.execId)
                            .arg(job.taskId)
                            .arg(m_instance));
    m_active.insert(job.taskId, active);
    setStatus(active->job, QStringLiteral("Scheduled"));
    m_queue.push_back(job.taskId);
    if (m_running >= m_config.parallelism)
        active->log->append(LogLevel::Info,
                            tr("Waiting: %n job(s) of this server are running.", nullptr, m_running));
    // From the event loop, so the submit answer goes out before the job starts.
    QTimer::singleShot(0, this, &JobManager::startNext);
    return active->job;
}

void JobManager::startNext()
{
    while (m_running < m_config.parallelism && !m_queue.empty()) {
        const qint64 taskId = m_queue.front();
        m_queue.pop_front();
        const auto it = m_active.find(taskId);
        if (it == m_active.end())
            continue; // killed while waiting
        start(**it);
    }
}

void JobManager::start(Active &active)
{
    JobRecord &job = active.job;
    JobContext context;
    context.taskId = job.taskId;
    context.user = job.user;
    context.runType = job.runType;
    context.code = job.code;
    const QJsonObject variables = job.params.value(QLatin1StringView("variable")).toObject();
    for (auto it = variables.begin(); it != variables.end(); ++it)
        context.variables.insert(
            it.key(), it.value().isString() ? it.value().toString() : it.value().toVariant().toString());
    context.workDir = m_config.dataDir + u"/workdirs/" + QString::number(job.taskId);
    context.workspaceDb = m_config.dataDir + u"/workspaces/" + job.user + u".sqlite";
    context.resultDir = resultDir(job.taskId);
    QDir().mkpath(context.workDir);
    QDir().mkpath(context.resultDir);

    active.runner = createRunner(context);
    const qint64 taskId = job.taskId;
    JobRunner *runner = active.runner.get();
    connect(runner, &JobRunner::logLine, this, [this, taskId](LogLevel level, const QString &text) {
        if (const auto it = m_active.constFind(taskId); it != m_active.cend())
            (*it)->log->append(level, text);
    });
    connect(runner, &JobRunner::progressChanged, this, [this, taskId](double progress) {
        if (const auto it = m_active.constFind(taskId); it != m_active.cend())
            (*it)->job.progress = std::clamp(progress, 0.0, 1.0);
    });
    connect(runner, &JobRunner::statementChanged, this, [this, taskId](const StatementEvent &event) {
        recordStatement(taskId, event);
    });
    connect(runner, &JobRunner::resultSetWritten, this, [this, taskId](const ResultSetInfo &) {
        if (const auto it = m_active.constFind(taskId); it != m_active.cend())
            ++(*it)->job.resultCount;
    });
    connect(runner, &JobRunner::processGroupStarted, this, [workDir = context.workDir](qint64 pgid) {
        QFile file(workDir + u"/job.pgid");
        if (file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            file.write(QByteArray::number(pgid));
    });
    connect(runner,
            &JobRunner::finished,
            this,
            [this, taskId](bool succeeded, bool cancelled, const QString &error) {
                finished(taskId, succeeded, cancelled, error);
            });

    ++m_running;
    job.startedMs = QDateTime::currentMSecsSinceEpoch();
    setStatus(job, QStringLiteral("Running"));
    active.log->append(LogLevel::Info, tr("Job %1 is running (%2 engine).").arg(job.taskId).arg(job.runType));
    if (m_config.jobTimeoutSeconds > 0) {
        active.timeout = new QTimer(this);
        active.timeout->setSingleShot(true);
        connect(active.timeout, &QTimer::timeout, this, [this, taskId] {
            const auto it = m_active.constFind(taskId);
            if (it == m_active.cend() || !(*it)->runner)
                return;
            (*it)->timedOut = true;
            (*it)->runner->cancel();
        });
        active.timeout->start(m_config.jobTimeoutSeconds * 1000);
    }
    runner->start();
}

bool JobManager::kill(qint64 taskId)
{
    const auto it = m_active.find(taskId);
    if (it == m_active.end())
        return false;
    Active &active = **it;
    active.killed = true;
    if (!active.runner) {
        // Still waiting for a slot: it never starts.
        std::erase(m_queue, taskId);
        active.log->append(LogLevel::Warn, tr("Job %1 was killed before it started.").arg(taskId));
        active.job.endedMs = QDateTime::currentMSecsSinceEpoch();
        active.job.errCode = 10003;
        active.job.errDesc = tr("killed");
        setStatus(active.job, QStringLiteral("Cancelled"));
        m_active.erase(it);
        return true;
    }
    active.runner->cancel(); // finished() follows at once
    return true;
}

void JobManager::finished(qint64 taskId, bool succeeded, bool cancelled, const QString &error)
{
    const auto it = m_active.find(taskId);
    if (it == m_active.end())
        return;
    const std::shared_ptr<Active> active = *it;
    m_active.erase(it);
    --m_running;
    if (active->timeout)
        active->timeout->deleteLater();
    JobRecord &job = active->job;
    job.endedMs = QDateTime::currentMSecsSinceEpoch();
    const double seconds = (job.endedMs - job.startedMs) / 1000.0;
    if (succeeded) {
        job.progress = 1.0;
        active->log->append(LogLevel::Info,
                            tr("Job %1 succeeded in %2 s.").arg(taskId).arg(seconds, 0, 'f', 3));
        setStatus(job, QStringLiteral("Succeed"));
    } else if (active->timedOut) {
        job.errCode = 10004;
        job.errDesc = tr("The job ran longer than the server's limit of %n second(s).",
                         nullptr,
                         m_config.jobTimeoutSeconds);
        active->log->append(LogLevel::Error, job.errDesc);
        setStatus(job, QStringLiteral("Timeout"));
    } else if (cancelled || active->killed) {
        job.errCode = 10003;
        job.errDesc = tr("killed");
        active->log->append(LogLevel::Warn,
                            tr("Job %1 was killed after %2 s.").arg(taskId).arg(seconds, 0, 'f', 3));
        setStatus(job, QStringLiteral("Cancelled"));
    } else {
        job.errCode = 10001;
        job.errDesc = error;
        active->log->append(LogLevel::Error, tr("Job %1 failed: %2").arg(taskId).arg(error));
        setStatus(job, QStringLiteral("Failed"));
    }
    // Its statements stay readable for a while: the console reads the last answer after the end.
    if (m_statements.contains(taskId)) {
        m_statementOrder.push_back(taskId);
        if (m_statementOrder.size() > MaxFinishedStatements) {
            m_statements.remove(m_statementOrder.front());
            m_statementOrder.pop_front();
        }
    }
    // The runner may be inside its own signal: let it go from the event loop.
    active->runner.release()->deleteLater();
    startNext();
}

std::optional<JobRecord> JobManager::job(qint64 taskId) const
{
    if (const auto it = m_active.constFind(taskId); it != m_active.cend())
        return (*it)->job;
    return m_store->find(taskId);
}

std::optional<JobRecord> JobManager::jobByExecId(const QString &execId) const
{
    for (const auto &active : m_active) {
        if (active->job.execId == execId)
            return active->job;
    }
    return m_store->findByExecId(execId);
}

JobLog *JobManager::log(qint64 taskId)
{
    if (const auto it = m_active.constFind(taskId); it != m_active.cend())
        return (*it)->log.get();
    if (const auto it = m_closedLogs.constFind(taskId); it != m_closedLogs.cend())
        return it->get();
    auto log = std::make_shared<JobLog>(logPath(taskId));
    if (!QFile::exists(log->path()) || !log->open(nullptr))
        return nullptr;
    m_closedLogs.insert(taskId, log);
    m_closedOrder.push_back(taskId);
    if (m_closedOrder.size() > MaxClosedLogs) {
        m_closedLogs.remove(m_closedOrder.front());
        m_closedOrder.pop_front();
    }
    return log.get();
}

void JobManager::recordStatement(qint64 taskId, const StatementEvent &event)
{
    const auto active = m_active.constFind(taskId);
    if (active == m_active.cend() || event.index < 0 || event.index >= event.count)
        return;
    QList<Statement> &statements = m_statements[taskId];
    if (statements.size() < event.count)
        statements.resize(event.count);
    Statement &statement = statements[event.index];
    const qint64 lines = (*active)->log->lineCount();
    if (event.phase == StatementEvent::Phase::Started) {
        statement.sql = event.sql;
        statement.startMs = event.atMs;
        statement.logFrom = lines + 1; // its "Statement n of m" line comes next
        statement.logTo = lines;
    } else {
        statement.endMs = std::max(event.atMs, statement.startMs);
        statement.logTo = lines;
    }
    statement.phase = event.phase;
}

QJsonArray JobManager::statementRows(const QList<Statement> &statements, qint64 logLines)
{
    QJsonArray rows;
    for (qsizetype i = 0; i < statements.size(); ++i) {
        const Statement &statement = statements.at(i);
        const bool started = statement.startMs > 0;
        const bool running = started && statement.phase == StatementEvent::Phase::Started;
        QJsonObject row{
            {QStringLiteral("id"), QStringLiteral("statement_%1").arg(i + 1)},
            {QStringLiteral("name"), tr("Statement %1").arg(i + 1)},
            {QStringLiteral("succeedTasks"), statement.phase == StatementEvent::Phase::Succeeded ? 1 : 0},
            {QStringLiteral("failedTasks"),
             started
                     && (statement.phase == StatementEvent::Phase::Failed
                         || statement.phase == StatementEvent::Phase::Cancelled)
                 ? 1
                 : 0},
            {QStringLiteral("runningTasks"), running ? 1 : 0},
            {QStringLiteral("totalTasks"), 1}};
        // Beyond Linkis's four counts: what the console's timeline shows (ignored by Linkis clients).
        if (started) {
            row.insert(QStringLiteral("code"), statement.sql);
            row.insert(QStringLiteral("startTime"), statement.startMs);
            if (statement.endMs > 0)
                row.insert(QStringLiteral("endTime"), statement.endMs);
            row.insert(QStringLiteral("logFromLine"), statement.logFrom);
            row.insert(QStringLiteral("logToLine"), running ? logLines : statement.logTo);
        }
        rows.append(row);
    }
    return rows;
}

QJsonArray JobManager::progressInfo(qint64 taskId) const
{
    const auto it = m_active.constFind(taskId);
    const auto statements = m_statements.constFind(taskId);
    if (statements != m_statements.cend() && !statements->isEmpty())
        return statementRows(*statements, it != m_active.cend() ? (*it)->log->lineCount() : 0);
    if (it == m_active.cend() || !(*it)->runner)
        return {};
    // One row for the job: Linkis shows stages here; a shell job has one unit of work.
    const double progress = (*it)->job.progress;
    return QJsonArray{QJsonObject{{QStringLiteral("id"), QStringLiteral("job_%1").arg(taskId)},
                                  {QStringLiteral("succeedTasks"), int(progress * 100)},
                                  {QStringLiteral("failedTasks"), 0},
                                  {QStringLiteral("runningTasks"), progress < 1 ? 1 : 0},
                                  {QStringLiteral("totalTasks"), 100}}};
}

} // namespace JobDeck::Local
