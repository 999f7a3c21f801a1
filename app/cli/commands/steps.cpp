#include "cli/commands/steps.h"

#include "jobs/jobstate.h"

#include <QJsonObject>
#include <QSaveFile>

namespace JobDeck {

void StepsCommand::run()
{
    withJob([this](const Job &job) {
        // The lookup may already carry the steps; a refresh makes sure they are current.
        onFinished(m_backend->refresh(job), this, [this](const Result<Job> &current) {
            if (!current) {
                fail(current.error());
                return;
            }
            if (!json())
                printLine(
                    tr("#   STATE       STARTED                  ENDED                    DURATION   NAME"));
            int number = 0;
            for (const JobStep &step : current->steps) {
                // The server's step number where it has one, so `step-output JOB N` finds it.
                ++number;
                const int shownNumber = step.sequence >= 0 ? step.sequence : number;
                const qint64 ms
                    = step.start.isValid() && step.end.isValid() ? step.start.msecsTo(step.end) : -1;
                if (json()) {
                    QJsonObject event{{QStringLiteral("event"), QStringLiteral("step")},
                                      {QStringLiteral("job"), current->id},
                                      {QStringLiteral("step"), step.id},
                                      {QStringLiteral("n"), shownNumber},
                                      {QStringLiteral("name"), step.name},
                                      {QStringLiteral("state"), jobStateName(step.state)},
                                      {QStringLiteral("raw"), step.rawStatus}};
                    if (step.start.isValid())
                        event.insert(QStringLiteral("started"), step.start.toString(Qt::ISODateWithMs));
                    if (step.end.isValid())
                        event.insert(QStringLiteral("ended"), step.end.toString(Qt::ISODateWithMs));
                    if (ms >= 0)
                        event.insert(QStringLiteral("durationMs"), ms);
                    emitEvent(event);
                } else {
                    printLine(QStringLiteral("%1 %2 %3 %4 %5 %6")
                                  .arg(QString::number(shownNumber).leftJustified(3),
                                       jobStateDisplayName(step.state).leftJustified(11),
                                       formatTime(step.start).leftJustified(24),
                                       formatTime(step.end).leftJustified(24),
                                       (ms >= 0 ? formatDuration(ms) : QString()).leftJustified(10),
                                       step.name));
                }
            }
            if (current->steps.isEmpty())
                diagnose(tr("%1 has no steps").arg(current->id));
            exitWith(Done);
        });
    });
}

void StepOutputCommand::run()
{
    withJob([this](const Job &job) {
        const QString step = args().at(1);
        onFinished(m_backend->stepOutput(job, step), this, [this, job, step](const Result<QString> &output) {
            if (!output) {
                fail(output.error());
                return;
            }
            const QString path = m_parser.value(QStringLiteral("output"));
            if (!path.isEmpty()) {
                QSaveFile file(path);
                if (!file.open(QIODevice::WriteOnly) || file.write(output->toUtf8()) < 0 || !file.commit()) {
                    fail(localError(tr("cannot write %1: %2").arg(path, file.errorString())));
                    return;
                }
                diagnose(tr("wrote %1").arg(path));
            } else if (json()) {
                emitEvent({{QStringLiteral("event"), QStringLiteral("step-output")},
                           {QStringLiteral("job"), job.id},
                           {QStringLiteral("step"), step},
                           {QStringLiteral("output"), *output}});
            } else {
                out() << *output;
                if (!output->endsWith(u'\n'))
                    out() << u'\n';
                out().flush();
            }
            exitWith(Done);
        });
    });
}

} // namespace JobDeck
