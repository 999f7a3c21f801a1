#pragma once

#include "localserver/jobrunner.h"

#include <QElapsedTimer>
#include <QMutex>

#include <atomic>
#include <memory>

class QSqlDatabase;
class QThread;
struct sqlite3;

namespace JobDeck::Local {

// Runs a SQL script on the user's SQLite workspace database, statement by statement, in a
// worker thread of its own with a connection of its own. The runner object stays on the
// caller's thread and every signal reaches it there (queued from the worker); finished()
// comes after the worker thread has ended and the connection is closed.
//
// Each SELECT (any statement that returns columns) streams its rows into a result file
// `_<n>.dolphin` in JobContext::resultDir (n = 0, 1, ... in the order the sets appear; the
// name is Linkis's, the content is resultfile.h's format).
class SqlRunner final : public JobRunner
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SqlRunner)

public:
    explicit SqlRunner(JobContext context, QObject *parent = nullptr);
    // Interrupts a running statement and waits for the worker thread to end.
    ~SqlRunner() override;

    void start() override;
    // Call from the caller's thread: stops the running statement at once through
    // sqlite3_interrupt(), or the job before its first or next statement.
    void cancel() override;

private:
    enum class State { Idle, Running, Done };
    struct Outcome
    {
        bool succeeded = false;
        bool cancelled = false;
        QString error;
    };

    // Everything below runs in the worker thread.
    Outcome run();
    Outcome runStatements(QSqlDatabase &db, sqlite3 *handle);
    Outcome failure(const QString &error);
    void log(LogLevel level, const QString &text);
    void reportStatement(int index, int count, const QString &sql, StatementEvent::Phase phase);
    void reportProgress(double progress, bool force = false);
    int onProgressTick();    // SQLite's progress handler: non-zero stops the statement
    int onBusy(int attempt); // SQLite's busy handler: zero gives up waiting for a lock

    JobContext m_context;
    State m_state = State::Idle; // caller's thread only
    std::unique_ptr<QThread> m_thread;
    Outcome m_outcome; // written by the worker, read after it has ended

    std::atomic<bool> m_cancelled{false};
    QMutex m_handleMutex; // guards m_handle between cancel() and the worker closing it
    sqlite3 *m_handle = nullptr;

    // Worker thread only: progress of the statement running now.
    double m_statementBase = 0;
    double m_statementSpan = 0;
    QElapsedTimer m_statementClock;
    QElapsedTimer m_progressClock;
    double m_lastProgress = -1;
    QElapsedTimer m_busyClock;
};

} // namespace JobDeck::Local
