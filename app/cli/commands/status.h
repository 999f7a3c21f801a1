#pragma once

#include "cli/commands/clicommand.h"

namespace JobDeck {

// status JOB: the job's state, progress and times.
class StatusCommand final : public CliCommand
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StatusCommand)

public:
    using CliCommand::CliCommand;

    void run() override;
};

} // namespace JobDeck
