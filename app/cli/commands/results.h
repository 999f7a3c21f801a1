#pragma once

#include "cli/commands/clicommand.h"

#include <QSaveFile>

#include <memory>

namespace JobDeck {

// results JOB [--output FILE]: the finished job's result sets as CSV.
class ResultsCommand final : public CliCommand
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ResultsCommand)

public:
    using CliCommand::CliCommand;

    void run() override;

private:
    struct ResultWriting
    {
        QList<ResultSetRef> sets;
        int index = 0;
        QString output; // the --output name; empty for stdout
        QString path;   // this set's file
        std::shared_ptr<QSaveFile> file;
    };
    void writeResultSets(QList<ResultSetRef> sets, int index, QString output);
    void writeResultPage(ResultWriting writing, int page);
};

} // namespace JobDeck
