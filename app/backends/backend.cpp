#include "backends/backend.h"

namespace JobDeck {

JobActions Backend::availableActions(const Job &job) const
{
    const Capabilities caps = capabilities();
    JobActions actions;
    const bool ended = job.isTerminal();
    actions.kill = caps.kill && !ended;
    actions.pause = caps.pause && job.state == JobState::Running;
    actions.resume = caps.resume && job.state == JobState::Paused;
    actions.drop = caps.drop && ended;
    actions.restart = caps.restart && ended;
    actions.savepoint = caps.savepoint && job.state == JobState::Running;
    actions.lineage = caps.lineage && job.state == JobState::Succeeded;
    actions.forceRefresh = caps.forceRefresh;
    return actions;
}

Pending<QString> *Backend::cancel(const Job &job, const CancelOptions &options)
{
    if (options.withSavepoint)
        return unsupported<QString>(tr("Stopping a job with a savepoint"));
    return kill(job);
}

} // namespace JobDeck
