#pragma once

#include "cli/commands/clicommand.h"

namespace JobDeck {

// submit FILE... [--follow]: sends the script(s) and prints the job id, or follows the job.
class SubmitCommand final : public CliCommand
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SubmitCommand)

public:
    using CliCommand::CliCommand;

    void run() override;
};

} // namespace JobDeck
