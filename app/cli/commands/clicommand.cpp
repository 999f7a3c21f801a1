#include "cli/commands/clicommand.h"

#include "cli/commands/follow.h"
#include "cli/commands/loglines.h"

namespace JobDeck {

CliCommand::CliCommand(CliContext &cli, QObject *parent)
    : QObject(parent)
    , m_cli(cli)
    , m_parser(cli.parser())
    , m_backend(cli.backend())
{}

CliCommand::~CliCommand() = default;

void CliCommand::follow(const Job &job, const LogLines &lines)
{
    auto *follower = new JobFollower(m_cli, lines, this);
    follower->follow(job);
}

void CliCommand::follow(const Job &job)
{
    follow(job, LogLines(m_cli.output()));
}

bool CliCommand::readVariables(QMap<QString, QString> *variables)
{
    for (const QString &var : m_parser.values(QStringLiteral("var"))) {
        const qsizetype eq = var.indexOf(u'=');
        if (eq <= 0) {
            usageError(tr("--var needs K=V, got '%1'").arg(var));
            return false;
        }
        variables->insert(var.left(eq), var.mid(eq + 1));
    }
    return true;
}

} // namespace JobDeck
