#pragma once

#include "cli/commands/clicommand.h"

namespace JobDeck {

// lineage JOB --format F [--output FILE]: downloads an SQLFlow job's lineage.
class LineageCommand final : public CliCommand
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LineageCommand)

public:
    using CliCommand::CliCommand;

    void run() override;
};

} // namespace JobDeck
