#pragma once

#include <QMetaType>
#include <QString>

namespace JobDeck {

// One vocabulary of job states for every backend; each adapter maps its own words
// (Linkis "Succeed", Kylin "FINISHED", SQLFlow "partial_success", ...) onto it and keeps
// the original beside it as the job's raw status.
enum class JobState {
    Unknown,
    Queued,
    Running,
    Paused,
    Retrying,
    Succeeded,
    Failed,
    Cancelled,
};

// The fixed words of the CLI's JSON events: "queued", "running", ... (cli-contract.md).
QString jobStateName(JobState state);
bool parseJobState(QStringView name, JobState *state);
// The state in the user's language, for display.
QString jobStateDisplayName(JobState state);
// True for states a job never leaves.
bool isTerminal(JobState state);

} // namespace JobDeck

Q_DECLARE_METATYPE(JobDeck::JobState)
