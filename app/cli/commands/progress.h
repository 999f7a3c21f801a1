#pragma once

#include "cli/commands/clicommand.h"

namespace JobDeck {

// progress JOB: overall progress, and per sub-job or per step.
class ProgressCommand final : public CliCommand
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProgressCommand)

public:
    using CliCommand::CliCommand;

    void run() override;

private:
    // From the job and its steps, for backends without a progress call (Kylin).
    void runStepProgress();
};

} // namespace JobDeck
