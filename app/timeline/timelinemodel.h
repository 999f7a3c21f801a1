#pragma once

#include "jobs/job.h"

#include <QList>
#include <QString>

namespace JobDeck {

class ProgressHistory;

// One job's steps as ranges on a time axis, for a Gantt view: Kylin steps, Linkis sub-jobs,
// jobdeck-server's statements, Flink vertices. Start and duration arrays sorted by start, a
// binary search for the ranges in a visible window, ranges still open for running steps (they
// reach to "now"). The painter is elsewhere (ui/timeline/); this knows no widgets.
// (The shape of Qt Creator's src/libs/tracing/timelinemodel.h.)
class TimelineModel
{
public:
    enum class Kind { Step, SubJob, Statement, Vertex };

    struct Row
    {
        QString id;
        QString name;
        Kind kind = Kind::Step;
        JobState state = JobState::Unknown;
        QString rawStatus;
        qint64 startMs = -1; // epoch ms; -1 = not started (no range)
        qint64 endMs = -1;   // epoch ms; -1 = still open (running)
        qint64 waitMs = -1;  // -1 = unknown
        QString command;     // the step's command, the statement's SQL
        int succeeded = 0;
        int failed = 0;
        int running = 0;
        int total = 0; // 0 = no task counts
        qint64 firstLogLine = 0;
        qint64 lastLogLine = 0;
        bool timesObserved = false; // times are when the console saw changes, not the server's
    };

    // Rows in the job's order: its steps, else its sub-jobs (with the history's times when the
    // server gives none). `history` may be null.
    void setJob(const Job &job, const ProgressHistory *history, qint64 nowMs);
    void clear();

    const QString &jobId() const { return m_jobId; }
    bool isRunning() const { return m_running; }
    int rowCount() const { return int(m_rows.size()); }
    const Row &row(int index) const { return m_rows.at(index); }
    int rowOf(const QString &id) const;

    // The ranges, sorted by start: index -> row. Open ranges end at `nowMs`.
    int count() const { return int(m_start.size()); }
    qint64 startTime(int index) const { return m_start.at(index); }
    qint64 duration(int index, qint64 nowMs) const;
    qint64 endTime(int index, qint64 nowMs) const { return startTime(index) + duration(index, nowMs); }
    int rowOfRange(int index) const { return m_rowOfRange.at(index); }
    bool isOpen(int index) const { return m_duration.at(index) < 0; }

    // The first range that may reach into [fromMs, ...), and the last that starts at or before
    // toMs: the ranges to draw for a window are firstIndex(from)..lastIndex(to). -1 = none.
    int firstIndex(qint64 fromMs) const;
    int lastIndex(qint64 toMs) const;

    // The span of the whole job (fit-to-job): first start to last end (or now while open).
    qint64 spanStartMs() const;
    qint64 spanEndMs(qint64 nowMs) const;

private:
    void buildRanges();

    QString m_jobId;
    bool m_running = false;
    qint64 m_jobStartMs = -1;
    qint64 m_jobEndMs = -1;
    QList<Row> m_rows;
    QList<qint64> m_start;
    QList<qint64> m_duration; // -1 = open
    QList<qint64> m_maxEnd;   // the latest end of ranges 0..i (open = max), non-decreasing
    QList<int> m_rowOfRange;
};

// The state a sub-job's counts say it is in.
JobState subJobState(const SubJobProgress &row, JobState jobState);

} // namespace JobDeck
