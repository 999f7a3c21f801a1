#pragma once

#include "cli/commands/clicommand.h"

namespace JobDeck {

// list [--status S] [--limit N] [--page P] [--since DURATION]: jobs on the server, newest first.
class ListCommand final : public CliCommand
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ListCommand)

public:
    using CliCommand::CliCommand;

    void run() override;
};

} // namespace JobDeck
