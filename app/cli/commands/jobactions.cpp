#include "cli/commands/jobactions.h"

namespace JobDeck {

void JobActionCommand::run()
{
    if (command() == u"kill")
        kill();
    else if (command() == u"drop")
        drop();
    else if (command() == u"savepoint")
        savepoint();
    else
        changeState();
}

void JobActionCommand::kill()
{
    withJob([this](const Job &job) {
        const bool chosen
            = m_parser.isSet(QStringLiteral("with-savepoint")) || m_parser.isSet(QStringLiteral("no-force"));
        auto *killing = chosen ? m_backend->cancel(job,
                                                   {m_parser.isSet(QStringLiteral("with-savepoint")),
                                                    !m_parser.isSet(QStringLiteral("no-force"))})
                               : m_backend->kill(job);
        onFinished(killing, this, [this, job](const Result<QString> &message) {
            m_cli.output().printServerMessage(QStringLiteral("killed"), job, message, {});
        });
    });
}

void JobActionCommand::changeState()
{
    withJob([this](const Job &job) {
        Pending<Job> *acting = nullptr;
        if (command() == u"pause")
            acting = m_backend->pause(job);
        else if (command() == u"resume")
            acting = m_backend->resume(job);
        else
            acting = m_backend->restart(job, m_parser.value(QStringLiteral("savepoint-path")));
        onFinished(acting, this, [this](const Result<Job> &after) {
            if (!after) {
                fail(after.error());
                return;
            }
            remember(*after);
            m_cli.output().printJobState(QStringLiteral("status"), *after);
            if (command() == u"restart" && m_parser.isSet(QStringLiteral("follow")))
                follow(*after);
            else
                exitWith(Done);
        });
    });
}

void JobActionCommand::drop()
{
    withJob([this](const Job &job) {
        onFinished(m_backend->drop(job), this, [this, job](const Result<QString> &message) {
            m_cli.output().printServerMessage(
                QStringLiteral("dropped"), job, message, tr("%1 dropped").arg(job.id));
        });
    });
}

void JobActionCommand::savepoint()
{
    withJob([this](const Job &job) {
        onFinished(m_backend->savepoint(job), this, [this, job](const Result<QString> &where) {
            m_cli.output().printServerMessage(QStringLiteral("savepoint"), job, where, {});
        });
    });
}

} // namespace JobDeck
