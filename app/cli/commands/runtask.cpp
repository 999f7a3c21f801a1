#include "cli/commands/runtask.h"

#include <QJsonObject>

namespace JobDeck {

void RunTaskCommand::run()
{
    TaskRunRequest request;
    bool ok = false;
    request.taskId = args().first().toLongLong(&ok);
    if (!ok || request.taskId <= 0) {
        usageError(tr("run-task needs the task's numeric id, got '%1'").arg(args().first()));
        exitWith(UsageError);
        return;
    }
    request.savepointPath = m_parser.value(QStringLiteral("savepoint-path"));
    if (!readVariables(&request.variables)) {
        exitWith(UsageError);
        return;
    }
    onFinished(m_backend->runTask(request), this, [this, request](const Result<Job> &job) {
        if (!job) {
            fail(job.error());
            return;
        }
        remember(*job);
        if (json())
            emitEvent({{QStringLiteral("event"), QStringLiteral("submitted")},
                       {QStringLiteral("job"), job->id},
                       {QStringLiteral("backend"), profile().kind},
                       {QStringLiteral("taskId"), request.taskId}});
        else if (m_parser.isSet(QStringLiteral("follow")))
            diagnose(tr("task %1 started as job %2").arg(request.taskId).arg(job->id));
        else
            printLine(job->id);
        if (m_parser.isSet(QStringLiteral("follow")))
            follow(*job);
        else
            exitWith(Done);
    });
}

} // namespace JobDeck
