#include "cli/clicontext.h"

#include <algorithm>
#include <type_traits>

namespace JobDeck {

CliContext::CliContext(const QCommandLineParser &parser)
    : m_parser(parser)
{}

void CliContext::setCommand(const QString &command, const QStringList &args)
{
    m_command = command;
    m_args = args;
}

QString CliContext::connectionKey() const
{
    return m_profile.kind + u' ' + m_profile.url.toString(QUrl::RemoveUserInfo | QUrl::StripTrailingSlash)
           + u' ' + m_profile.user;
}

void CliContext::remember(const Job &job)
{
    m_index.remember(connectionKey(), job);
}

Job CliContext::withKnownIds(Job job) const
{
    // What an earlier command learnt fills what this lookup did not tell.
    if (const auto ids = m_index.find(connectionKey(), job.id)) {
        const auto fill = [](auto &mine, const auto &known) {
            if (mine == std::remove_cvref_t<decltype(mine)>{})
                mine = known;
        };
        fill(job.ids.linkisTaskId, ids->linkisTaskId);
        fill(job.ids.linkisExecId, ids->linkisExecId);
        fill(job.ids.kylinJobUuid, ids->kylinJobUuid);
        fill(job.ids.kylinProject, ids->kylinProject);
        fill(job.ids.dinkyTaskId, ids->dinkyTaskId);
        fill(job.ids.dinkyInstanceId, ids->dinkyInstanceId);
        fill(job.ids.flinkJobId, ids->flinkJobId);
        fill(job.ids.sqlflowJobId, ids->sqlflowJobId);
    }
    return job;
}

void CliContext::withJob(QObject *context, std::function<void(const Job &)> then)
{
    auto *lookup = m_backend->lookup(m_args.first());
    onFinished(lookup, context, [this, then = std::move(then)](const Result<Job> &job) {
        if (!job) {
            m_output.fail(job.error());
            return;
        }
        const Job known = withKnownIds(*job);
        remember(known);
        then(known);
    });
}

std::optional<int> secondsToMs(const QString &text)
{
    bool ok = false;
    const double seconds = text.toDouble(&ok);
    if (!ok || !(seconds > 0) || seconds > 30.0 * 86400)
        return std::nullopt;
    return std::max(1, int(seconds * 1000));
}

} // namespace JobDeck
