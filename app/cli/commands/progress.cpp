#include "cli/commands/progress.h"

#include "jobs/jobstate.h"

#include <QJsonArray>
#include <QJsonObject>

namespace JobDeck {

void ProgressCommand::run()
{
    if (!m_backend->capabilities().progress) {
        runStepProgress();
        return;
    }
    withJob([this](const Job &job) {
        auto *reading = m_backend->progress(job);
        onFinished(reading, this, [this, job](const Result<ProgressReport> &report) {
            if (!report) {
                fail(report.error());
                return;
            }
            if (json()) {
                QJsonArray rows;
                for (const SubJobProgress &row : report->subJobs)
                    rows.append(QJsonObject{{QStringLiteral("id"), row.id},
                                            {QStringLiteral("succeeded"), row.succeeded},
                                            {QStringLiteral("failed"), row.failed},
                                            {QStringLiteral("running"), row.running},
                                            {QStringLiteral("total"), row.total}});
                QJsonObject event{{QStringLiteral("event"), QStringLiteral("progress")},
                                  {QStringLiteral("job"), job.id},
                                  {QStringLiteral("subJobs"), rows}};
                event.insert(QStringLiteral("progress"),
                             report->progress >= 0 ? QJsonValue(report->progress)
                                                   : QJsonValue(QJsonValue::Null));
                emitEvent(event);
            } else {
                printLine(report->progress >= 0 ? tr("%1%").arg(report->progress * 100, 0, 'f', 1)
                                                : tr("no progress reported yet"));
                for (const SubJobProgress &row : report->subJobs) {
                    printLine(tr("  %1: %2 of %3 tasks done, %4 running, %5 failed")
                                  .arg(row.id)
                                  .arg(row.succeeded)
                                  .arg(row.total)
                                  .arg(row.running)
                                  .arg(row.failed));
                }
            }
            exitWith(Done);
        });
    });
}

void ProgressCommand::runStepProgress()
{
    withJob([this](const Job &job) {
        onFinished(m_backend->refresh(job), this, [this](const Result<Job> &current) {
            if (!current) {
                fail(current.error());
                return;
            }
            int done = 0;
            for (const JobStep &step : current->steps)
                done += step.state == JobState::Succeeded ? 1 : 0;
            if (json()) {
                QJsonArray steps;
                for (const JobStep &step : current->steps)
                    steps.append(QJsonObject{{QStringLiteral("step"), step.id},
                                             {QStringLiteral("name"), step.name},
                                             {QStringLiteral("state"), jobStateName(step.state)},
                                             {QStringLiteral("raw"), step.rawStatus}});
                emitEvent(
                    {{QStringLiteral("event"), QStringLiteral("progress")},
                     {QStringLiteral("job"), current->id},
                     {QStringLiteral("progress"),
                      current->progress >= 0 ? QJsonValue(current->progress) : QJsonValue(QJsonValue::Null)},
                     {QStringLiteral("steps"), steps}});
            } else {
                printLine(current->progress >= 0 ? tr("%1%").arg(current->progress * 100, 0, 'f', 1)
                                                 : tr("no progress reported yet"));
                if (!current->steps.isEmpty())
                    printLine(tr("  %1 of %2 steps done").arg(done).arg(current->steps.size()));
                for (const JobStep &step : current->steps)
                    printLine(tr("  %1: %2").arg(step.name, jobStateDisplayName(step.state)));
            }
            exitWith(Done);
        });
    });
}

} // namespace JobDeck
