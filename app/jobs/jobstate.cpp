#include "jobs/jobstate.h"

#include <QCoreApplication>

#include <array>

namespace JobDeck {

namespace {
struct StateName
{
    JobState state;
    QStringView name;
};
constexpr std::array Names{
    StateName{JobState::Unknown, u"unknown"},
    StateName{JobState::Queued, u"queued"},
    StateName{JobState::Running, u"running"},
    StateName{JobState::Paused, u"paused"},
    StateName{JobState::Retrying, u"retrying"},
    StateName{JobState::Succeeded, u"succeeded"},
    StateName{JobState::Failed, u"failed"},
    StateName{JobState::Cancelled, u"cancelled"},
};
} // namespace

QString jobStateName(JobState state)
{
    for (const StateName &entry : Names) {
        if (entry.state == state)
            return entry.name.toString();
    }
    return QStringLiteral("unknown");
}

bool parseJobState(QStringView name, JobState *state)
{
    for (const StateName &entry : Names) {
        if (entry.name.compare(name, Qt::CaseInsensitive) == 0) {
            *state = entry.state;
            return true;
        }
    }
    return false;
}

QString jobStateDisplayName(JobState state)
{
    switch (state) {
    case JobState::Unknown:
        return QCoreApplication::translate("JobState", "Unknown");
    case JobState::Queued:
        return QCoreApplication::translate("JobState", "Queued");
    case JobState::Running:
        return QCoreApplication::translate("JobState", "Running");
    case JobState::Paused:
        return QCoreApplication::translate("JobState", "Paused");
    case JobState::Retrying:
        return QCoreApplication::translate("JobState", "Retrying");
    case JobState::Succeeded:
        return QCoreApplication::translate("JobState", "Succeeded");
    case JobState::Failed:
        return QCoreApplication::translate("JobState", "Failed");
    case JobState::Cancelled:
        return QCoreApplication::translate("JobState", "Cancelled");
    }
    return QCoreApplication::translate("JobState", "Unknown");
}

bool isTerminal(JobState state)
{
    return state == JobState::Succeeded || state == JobState::Failed || state == JobState::Cancelled;
}

} // namespace JobDeck
