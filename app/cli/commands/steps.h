#pragma once

#include "cli/commands/clicommand.h"

namespace JobDeck {

// steps JOB: the job's steps with their state and times.
class StepsCommand final : public CliCommand
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StepsCommand)

public:
    using CliCommand::CliCommand;

    void run() override;
};

// step-output JOB STEP [--output FILE]: one step's output (Kylin).
class StepOutputCommand final : public CliCommand
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StepOutputCommand)

public:
    using CliCommand::CliCommand;

    void run() override;
};

} // namespace JobDeck
