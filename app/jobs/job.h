#pragma once

#include "jobs/jobstate.h"

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace JobDeck {

// The backends' own ids for one job, kept apart: each backend needs its own to act on the
// job, and mixing them up (a Linkis taskID used as an execID) is a classic bug.
struct JobIds
{
    QString linkisExecId;    // entrance execID: status, log, progress, kill
    qint64 linkisTaskId = 0; // job history id: detail, results, status fallback (0 = none)
    QString kylinJobUuid;
    qint64 dinkyTaskId = 0;
    qint64 dinkyInstanceId = 0;
    QString flinkJobId;
    QString sqlflowJobId;
    QString kylinProject; // Kylin 5 needs the project on every job call

    bool operator==(const JobIds &) const = default;
};

struct JobStep
{
    QString id;
    QString name;
    JobState state = JobState::Unknown;
    QString rawStatus;
    QDateTime start; // UTC; invalid = not started
    QDateTime end;   // UTC; invalid = still running (or not started)
    QString command;
    int sequence = -1;  // the server's own step number (Kylin sequence_id, from 0); -1 = none
    qint64 waitMs = -1; // how long the step waited before it ran, where the server says; -1 = unknown

    bool operator==(const JobStep &) const = default;
};

// Task counts of one sub-job (a Spark stage, a Flink vertex, a statement of a local SQL job).
struct SubJobProgress
{
    QString id;
    int succeeded = 0;
    int failed = 0;
    int running = 0;
    int total = 0;
    // Where the server says (jobdeck-server's statements, Flink vertices); empty otherwise.
    QString name;
    QString detail;          // the statement's SQL, the vertex's description
    QDateTime start;         // UTC; invalid = unknown
    QDateTime end;           // UTC; invalid = still running or unknown
    qint64 firstLogLine = 0; // the job-log lines this sub-job wrote, from 1; 0 = unknown
    qint64 lastLogLine = 0;

    bool operator==(const SubJobProgress &) const = default;
};

// What JobDeck knows about one job, whatever its backend.
struct Job
{
    QString backend; // the backend's kind: "linkis", "local", "kylin", ...
    QString id;      // the id the user sees and types (Linkis: the execID)
    JobIds ids;
    QString name;
    JobState state = JobState::Unknown;
    QString rawStatus;      // the backend's own word: "Succeed", "FINISHED", ...
    double progress = -1;   // 0..1; negative while unknown
    QDateTime submitted;    // UTC
    QDateTime started;      // UTC
    QDateTime ended;        // UTC
    qint64 durationMs = -1; // negative while unknown
    QString submitter;
    QString project; // Kylin project, Dinky task name's folder, ...: where the job belongs
    QString engine;
    QString runType;
    QString script;
    QString errorMessage;
    QStringList files; // SQLFlow: the analysed files' names
    QList<JobStep> steps;
    QList<SubJobProgress> subJobs;

    bool isTerminal() const { return JobDeck::isTerminal(state); }
    bool operator==(const Job &) const = default;
};

// Merges progressInfo-like sub-job rows: replaces rows by id, appends new ones, and
// ignores rows without an id (Linkis sends `[{}]` while it knows nothing).
void mergeSubJobs(QList<SubJobProgress> &into, const QList<SubJobProgress> &update);

} // namespace JobDeck

Q_DECLARE_METATYPE(JobDeck::Job)
