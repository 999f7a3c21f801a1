#pragma once

#include <QList>
#include <QString>
#include <QStringView>

#include <optional>

namespace JobDeck::Sim {

// Linkis' SchedulerEventState values (protocols.md §1.5).
enum class JobState { Inited, WaitForRetry, Scheduled, Running, Succeed, Failed, Cancelled, Timeout };

QString stateName(JobState state);
std::optional<JobState> stateFromName(QStringView name);
bool isTerminal(JobState state);

enum class LogLevel { Info, Warn, Error };

// How a simulated job unfolds, read from `--sim key=value ...` lines in the submitted code so
// that a separate process (the CLI, a benchmark) can pick the scenario:
//
//   --sim states=Running:300,WaitForRetry:100,Scheduled:100,Running:200,Succeed
//   --sim lines=200 linesPerSecond=50 blankEvery=7 results=12 rows=3 nulls=1
//   --sim states=Scheduled:100,Running:200,Failed error="Table not found"
//
// Every other line of the code is ignored, and so is code without directives (the defaults
// below apply). Keys may be spread over several `--sim` lines; a later value wins. A value
// holding spaces is written in double quotes. States are Linkis' names (any case); every one
// but the last takes a duration in ms. A malformed directive fails the submit (status 1).
//
// Time runs from the submit on one monotonic clock; nothing is stored per request:
// - log line 1 (the entrance's "Your job is accepted") exists at once;
// - linesPerSecond=0: lines 2..N appear when Running first starts; otherwise they come at
//   that rate during Running time, whatever is left appearing when a terminal state is reached;
// - progress is Running time over planned Running time, floored to 0.01 and capped at 0.99
//   until Succeed (1.0); a forever-Running last step counts as 60 s;
// - a kill (LinkisSimulator) freezes log and progress where they were and makes it Cancelled.
struct Scenario
{
    struct Step
    {
        JobState state = JobState::Inited;
        qint64 durationMs = -1; // -1 for the last step, which lasts for ever
    };

    // Never empty; always starts with Inited (the state a job has at submit time). A list
    // that names another first state gets `Inited:0` in front. Terminal states may only come
    // last; a non-terminal last state makes a job that never ends.
    QList<Step> steps;
    int lines = 20;            // total log lines, the entrance's "Your job is accepted" included
    double linesPerSecond = 0; // 0: all lines as soon as Running starts
    int blankEvery = 0;        // every K-th line is blank (line 1 never is); 0: none
    int results = 1;           // result sets written on success
    int rows = 10;             // rows per result set
    // Rows with SQL NULL (every 5th value) and empty strings (every 7th name), written in the
    // result file as Linkis writes them: NULL as the text "NULL", the empty string as "".
    bool nulls = false;
    QString error; // errDesc of a Failed job

    static Scenario defaults();

    // The scenario the directives in `code` ask for, or nullopt with `*error` set when a
    // directive is malformed (unknown key, bad number, unknown state...).
    static std::optional<Scenario> fromCode(QStringView code, QString *error);

    // Where a job of this scenario stands `elapsedMs` after submission.
    struct Snapshot
    {
        JobState state = JobState::Inited;
        qint64 stateSinceMs = 0;    // when the current state began
        qint64 runningStartMs = -1; // when Running first began; -1 before
        qint64 runningMs = 0;       // time spent in Running states so far
        int linesProduced = 1;      // log lines written so far (line 1 is there at once)
        double progress = 0;        // 0..0.99, 1.0 only for Succeed
        bool progressKnown = false; // false until Running starts (or the job ends)
    };
    Snapshot at(qint64 elapsedMs) const;

    // Sum of the durations of the non-final Running steps (the denominator of progress).
    qint64 plannedRunningMs() const;
};

// The formula behind a job's log, so that no line has to be stored (500-job benchmarks).
struct LogFormula
{
    qint64 submitEpochMs = 0;
    QString execId;
    QString shortExecId;
    QString instance; // the entrance's ip:port, named in line 1
    qint64 taskId = 0;
    int totalLines = 20;
    int blankEvery = 0;

    // Line n, 1-based, of the job's log. Line 1 is the real entrance's first line, which
    // carries an embedded "\n" (protocols.md §1.7): it counts as ONE line for fromLine, yet a
    // client splitting the text on '\n' sees two text lines. Blank lines are empty strings.
    QString line(int n) const;
    LogLevel level(int n) const;
    bool isBlank(int n) const;

private:
    QString timestamp(qint64 epochMs) const;

    // Formatting a local date-time is the slow part of a page of lines; lines n ms apart
    // mostly share their second.
    mutable qint64 m_cachedSecond = -1;
    mutable QString m_cachedPrefix;
};

} // namespace JobDeck::Sim
