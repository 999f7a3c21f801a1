#pragma once

#include "cli/commands/clicommand.h"

namespace JobDeck {

// run-task ID [--follow]: runs a saved Dinky task.
class RunTaskCommand final : public CliCommand
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RunTaskCommand)

public:
    using CliCommand::CliCommand;

    void run() override;
};

} // namespace JobDeck
