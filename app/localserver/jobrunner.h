#pragma once

#include <QMap>
#include <QObject>
#include <QString>
#include <QStringList>

#include <memory>

namespace JobDeck::Local {

enum class LogLevel { Info, Warn, Error };

// Where one job works and what it runs. Paths are made by the server before start().
struct JobContext
{
    qint64 taskId = 0;
    QString user;
    QString runType; // "sql" (SQLite) or "shell"
    QString code;
    QMap<QString, QString> variables; // ${name} in the code, from params.variable
    QString workDir;                  // per-job working directory (shell jobs run there)
    QString workspaceDb;              // the user's SQLite workspace database file (sql jobs)
    QString resultDir;                // where result sets are written, one file per set
};

// A result set a job wrote: a file in JobContext::resultDir (see resultfile.h for its format).
struct ResultSetInfo
{
    QString path;
    QStringList columns;
    qint64 rows = 0;
};

// A statement of a SQL job starting or ending (the server reports each as a sub-job).
struct StatementEvent
{
    enum class Phase { Started, Succeeded, Failed, Cancelled };
    int index = 0; // from 0
    int count = 0;
    QString sql;
    qint64 atMs = 0; // epoch ms
    Phase phase = Phase::Started;
};

// Runs one job of one engine. Signals may come from another thread (queued connections);
// finished() comes exactly once, also after cancel().
class JobRunner : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JobRunner)

public:
    using QObject::QObject;
    ~JobRunner() override = default;

    virtual void start() = 0;
    // Stops the job at once: interrupts a running SQL statement, ends a shell job's whole
    // process group. finished(false, ...) with `cancelled` true follows.
    virtual void cancel() = 0;

Q_SIGNALS:
    void logLine(JobDeck::Local::LogLevel level, const QString &text);
    void progressChanged(double progress); // 0..1
    void resultSetWritten(const JobDeck::Local::ResultSetInfo &result);
    // SQL jobs: each statement as it starts and ends, in order with the log lines.
    void statementChanged(const JobDeck::Local::StatementEvent &event);
    void finished(bool succeeded, bool cancelled, const QString &error);
    // The job's processes run in process group `pgid` (shell jobs), so that a server that
    // was killed can end them on its next start.
    void processGroupStarted(qint64 pgid);
};

// A runner for the context's runType, or null when the server has no such engine.
std::unique_ptr<JobRunner> createRunner(const JobContext &context, QObject *parent = nullptr);
QStringList supportedRunTypes();

} // namespace JobDeck::Local

Q_DECLARE_METATYPE(JobDeck::Local::LogLevel)
Q_DECLARE_METATYPE(JobDeck::Local::ResultSetInfo)
Q_DECLARE_METATYPE(JobDeck::Local::StatementEvent)
