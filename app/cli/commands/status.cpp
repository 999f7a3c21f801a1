#include "cli/commands/status.h"

#include "jobs/jobstate.h"

#include <QJsonArray>
#include <QJsonObject>

namespace JobDeck {

void StatusCommand::run()
{
    withJob([this](const Job &job) {
        auto *refreshing = m_parser.isSet(QStringLiteral("refresh")) ? m_backend->forceRefresh(job)
                                                                     : m_backend->refresh(job);
        onFinished(refreshing, this, [this](const Result<Job> &current) {
            if (!current) {
                fail(current.error());
                return;
            }
            const auto print = [this](const Job &shown) {
                if (json()) {
                    QJsonObject event{{QStringLiteral("event"), QStringLiteral("status")},
                                      {QStringLiteral("job"), shown.id},
                                      {QStringLiteral("state"), jobStateName(shown.state)},
                                      {QStringLiteral("raw"), shown.rawStatus}};
                    if (shown.progress >= 0)
                        event.insert(QStringLiteral("progress"), shown.progress);
                    if (shown.ids.linkisTaskId > 0)
                        event.insert(QStringLiteral("taskId"), shown.ids.linkisTaskId);
                    if (shown.submitted.isValid())
                        event.insert(QStringLiteral("submitted"),
                                     shown.submitted.toString(Qt::ISODateWithMs));
                    if (shown.started.isValid())
                        event.insert(QStringLiteral("started"), shown.started.toString(Qt::ISODateWithMs));
                    if (shown.ended.isValid())
                        event.insert(QStringLiteral("ended"), shown.ended.toString(Qt::ISODateWithMs));
                    if (shown.durationMs >= 0)
                        event.insert(QStringLiteral("durationMs"), shown.durationMs);
                    if (!shown.errorMessage.isEmpty())
                        event.insert(QStringLiteral("error"), shown.errorMessage);
                    if (!shown.name.isEmpty())
                        event.insert(QStringLiteral("name"), shown.name);
                    if (!shown.project.isEmpty())
                        event.insert(QStringLiteral("project"), shown.project);
                    if (!shown.files.isEmpty())
                        event.insert(QStringLiteral("files"), QJsonArray::fromStringList(shown.files));
                    if (!shown.steps.isEmpty())
                        event.insert(QStringLiteral("steps"), int(shown.steps.size()));
                    emitEvent(event);
                } else {
                    const auto row = [this](const QString &label, const QString &value) {
                        if (!value.isEmpty())
                            printLine(label.leftJustified(11) + value);
                    };
                    row(tr("Job"), shown.id);
                    row(tr("Name"), shown.name);
                    row(tr("Project"), shown.project);
                    if (shown.ids.linkisTaskId > 0)
                        row(tr("Task"), QString::number(shown.ids.linkisTaskId));
                    if (shown.ids.dinkyTaskId > 0)
                        row(tr("Task"), QString::number(shown.ids.dinkyTaskId));
                    row(tr("Flink job"), shown.ids.flinkJobId);
                    row(tr("Files"), shown.files.join(QStringLiteral(", ")));
                    row(tr("State"), tr("%1 (%2)").arg(jobStateDisplayName(shown.state), shown.rawStatus));
                    if (shown.progress >= 0)
                        row(tr("Progress"), tr("%1%").arg(shown.progress * 100, 0, 'f', 1));
                    row(tr("Engine"), shown.engine);
                    row(tr("Submitter"), shown.submitter);
                    row(tr("Submitted"), formatTime(shown.submitted));
                    row(tr("Started"), formatTime(shown.started));
                    row(tr("Ended"), formatTime(shown.ended));
                    if (shown.durationMs >= 0)
                        row(tr("Duration"), formatDuration(shown.durationMs));
                    row(tr("Error"), shown.errorMessage);
                    if (!shown.steps.isEmpty())
                        row(tr("Steps"), tr("%1 (see: steps %2)").arg(shown.steps.size()).arg(shown.id));
                }
                exitWith(Done);
            };
            if (!m_backend->capabilities().history || current->ids.linkisTaskId <= 0) {
                print(*current);
                return;
            }
            // Times, duration and errors come from the job's history record.
            auto *detailing = m_backend->details(*current);
            onFinished(detailing, this, [print, shown = *current](const Result<Job> &record) {
                if (!record) {
                    print(shown);
                    return;
                }
                Job merged = *record;
                merged.id = shown.id;
                merged.state = shown.state;
                merged.rawStatus = shown.rawStatus;
                print(merged);
            });
        });
    });
}

} // namespace JobDeck
