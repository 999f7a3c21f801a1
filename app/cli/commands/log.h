#pragma once

#include "cli/commands/clicommand.h"

namespace JobDeck {

class LogLines;

// log JOB [--from N] [--follow]: the job's log, once or until the job ends.
class LogCommand final : public CliCommand
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LogCommand)

public:
    using CliCommand::CliCommand;

    void run() override;

private:
    void readLogOnce(const Job &job, LogCursor cursor, const LogLines &lines);
};

} // namespace JobDeck
