#include "cli/commands/follow.h"

#include "cli/clicontext.h"
#include "monitor/jobmonitor.h"

#include <QTimer>

namespace JobDeck {

JobFollower::JobFollower(CliContext &cli, LogLines lines, QObject *parent)
    : QObject(parent)
    , m_cli(cli)
    , m_lines(std::move(lines))
{}

void JobFollower::follow(const Job &job)
{
    CliOutput *const out = &m_cli.output();
    const QCommandLineParser &parser = m_cli.parser();
    MonitorPolicy policy;
    if (parser.isSet(QStringLiteral("interval"))) {
        const std::optional<int> ms = secondsToMs(parser.value(QStringLiteral("interval")));
        if (!ms) {
            out->usageError(tr("--interval needs a number of seconds (at most 30 days)"));
            out->exitWith(CliOutput::UsageError);
            return;
        }
        policy.baseIntervalMs = *ms;
        policy.fastIntervalMs = policy.baseIntervalMs;
        policy.firstBackoffMs = std::min(policy.firstBackoffMs, policy.baseIntervalMs);
    }
    // A terminal follows for minutes, not forever, when the server stays unreachable.
    policy.giveUpAfterErrors = 12;
    // Nor when the server has lost track of the job (Dinky UNKNOWN), which may last for good.
    int unknownTimeoutMs = 300000;
    if (parser.isSet(QStringLiteral("unknown-timeout"))) {
        const std::optional<int> ms = secondsToMs(parser.value(QStringLiteral("unknown-timeout")));
        if (!ms) {
            out->usageError(tr("--unknown-timeout needs a number of seconds (at most 30 days)"));
            out->exitWith(CliOutput::UsageError);
            return;
        }
        unknownTimeoutMs = *ms;
    }
    m_unknownTimer = new QTimer(this);
    m_unknownTimer->setSingleShot(true);
    m_unknownTimer->setInterval(unknownTimeoutMs);
    connect(m_unknownTimer, &QTimer::timeout, this, [this, out] {
        const Job lost = m_monitor->job(m_followedId);
        if (out->json())
            out->emitEvent({{QStringLiteral("event"), QStringLiteral("finished")},
                            {QStringLiteral("job"), lost.id},
                            {QStringLiteral("state"), jobStateName(JobState::Unknown)},
                            {QStringLiteral("raw"), lost.rawStatus}});
        out->diagnose(tr("%1 has been in the server's %2 state for %3 s: the server lost track of it. "
                         "'status --refresh %1' asks it to look again.")
                          .arg(lost.id, lost.rawStatus)
                          .arg(m_unknownTimer->interval() / 1000));
        out->exitWith(CliOutput::JobFailed);
    });
    m_followedId = job.id;
    m_monitor = new JobMonitor(m_cli.backend(), policy, this);
    m_lastState = job.state;
    m_lastRaw = job.rawStatus;
    const auto watchUnknown = [this](const Job &current) {
        const bool lost = current.state == JobState::Unknown && !current.rawStatus.isEmpty();
        if (!lost)
            m_unknownTimer->stop();
        else if (!m_unknownTimer->isActive())
            m_unknownTimer->start();
    };
    watchUnknown(job);
    connect(m_monitor, &JobMonitor::jobChanged, this, [this, out, watchUnknown](const Job &changed) {
        watchUnknown(changed);
        if (changed.state == m_lastState && changed.rawStatus == m_lastRaw)
            return;
        m_lastState = changed.state;
        m_lastRaw = changed.rawStatus;
        if (out->json())
            out->emitEvent({{QStringLiteral("event"), QStringLiteral("status")},
                            {QStringLiteral("job"), changed.id},
                            {QStringLiteral("state"), jobStateName(changed.state)},
                            {QStringLiteral("raw"), changed.rawStatus}});
        else
            out->diagnose(tr("[%1] %2").arg(jobStateDisplayName(changed.state), changed.rawStatus));
    });
    connect(
        m_monitor,
        &JobMonitor::progressSampled,
        this,
        [this, out](const QString &id, const QDateTime &, double progress, const QList<SubJobProgress> &) {
            if (progress < 0 || qFuzzyCompare(progress + 1, m_lastProgress + 1))
                return;
            m_lastProgress = progress;
            if (out->json())
                out->emitEvent({{QStringLiteral("event"), QStringLiteral("progress")},
                                {QStringLiteral("job"), id},
                                {QStringLiteral("progress"), progress}});
            else
                out->diagnose(tr("progress %1%").arg(progress * 100, 0, 'f', 1));
        });
    connect(m_monitor,
            &JobMonitor::logAppended,
            this,
            [this](const QString &id, qint64 first, const QStringList &lines) {
                m_lines.print(id, first, lines);
            });
    connect(m_monitor,
            &JobMonitor::pollFailed,
            this,
            [out](const QString &id, const BackendError &error, int retryInMs) {
                if (out->json())
                    out->emitEvent({{QStringLiteral("event"), QStringLiteral("retry")},
                                    {QStringLiteral("job"), id},
                                    {QStringLiteral("message"), error.describe()},
                                    {QStringLiteral("retryInMs"), retryInMs}});
                out->diagnose(tr("warning: %1; trying again in %2 s")
                                  .arg(error.describe())
                                  .arg(retryInMs / 1000.0, 0, 'f', 1));
            });
    connect(m_monitor,
            &JobMonitor::followingAbandoned,
            this,
            [out](const QString &, const BackendError &error) { out->fail(error); });
    connect(m_monitor, &JobMonitor::jobFinished, this, [this, out](const Job &finished) {
        m_cli.remember(finished);
        if (out->json()) {
            out->emitEvent({{QStringLiteral("event"), QStringLiteral("finished")},
                            {QStringLiteral("job"), finished.id},
                            {QStringLiteral("state"), jobStateName(finished.state)},
                            {QStringLiteral("raw"), finished.rawStatus}});
        } else {
            QString line = tr("%1 %2").arg(finished.id, jobStateDisplayName(finished.state));
            if (finished.durationMs >= 0)
                line += tr(" after %1").arg(CliOutput::formatDuration(finished.durationMs));
            if (!finished.errorMessage.isEmpty())
                line += u": " + finished.errorMessage;
            out->diagnose(line);
        }
        out->exitWith(finished.state == JobState::Succeeded ? CliOutput::Done : CliOutput::JobFailed);
    });
    m_monitor->follow(job);
}

} // namespace JobDeck
