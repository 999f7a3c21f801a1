#pragma once

#include "cli/commands/clicommand.h"

namespace JobDeck {

// What a user does to a job: kill (Kylin: discard; Dinky: cancel, with --with-savepoint and
// --no-force), pause, resume, restart [--follow], drop, savepoint.
class JobActionCommand final : public CliCommand
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JobActionCommand)

public:
    using CliCommand::CliCommand;

    void run() override;

private:
    void kill();
    void changeState(); // pause, resume, restart: the job's state afterwards
    void drop();
    void savepoint();
};

} // namespace JobDeck
