#include "cli/commands/submit.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonObject>

namespace JobDeck {

void SubmitCommand::run()
{
    SubmitRequest request;
    QStringList scripts;
    for (const QString &path : args()) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            fail(localError(tr("cannot read %1: %2").arg(path, file.errorString())));
            return;
        }
        request.files.append(QFileInfo(path).absoluteFilePath());
        // Archives go as they are (SQLFlow); only scripts are read as text.
        if (QFileInfo(path).suffix().compare(u"zip", Qt::CaseInsensitive) != 0)
            scripts.append(QString::fromUtf8(file.readAll()));
    }
    request.script = scripts.join(u'\n');
    request.dbVendor = profile().dbVendor;
    request.persistent
        = m_parser.isSet(QStringLiteral("persist")) || m_parser.isSet(QStringLiteral("job-id"));
    request.incremental = m_parser.isSet(QStringLiteral("incremental"));
    request.persistJobId = m_parser.value(QStringLiteral("job-id"));
    request.scriptPath = QFileInfo(args().first()).absoluteFilePath();
    request.engine = m_parser.value(QStringLiteral("engine"));
    request.runType = m_parser.value(QStringLiteral("run-type"));
    if (request.runType.isEmpty()) {
        const QString suffix = QFileInfo(args().first()).suffix().toLower();
        request.runType = suffix == u"sh"    ? QStringLiteral("shell")
                          : suffix == u"py"  ? QStringLiteral("python")
                          : suffix == u"hql" ? QStringLiteral("hql")
                                             : QStringLiteral("sql");
    }
    request.name = m_parser.value(QStringLiteral("name"));
    if (!readVariables(&request.variables)) {
        exitWith(UsageError);
        return;
    }
    auto *submitting = m_backend->submit(request);
    onFinished(submitting, this, [this](const Result<Job> &job) {
        if (!job) {
            fail(job.error());
            return;
        }
        remember(*job);
        if (json()) {
            QJsonObject event{{QStringLiteral("event"), QStringLiteral("submitted")},
                              {QStringLiteral("job"), job->id},
                              {QStringLiteral("backend"), profile().kind}};
            if (job->ids.linkisTaskId > 0)
                event.insert(QStringLiteral("taskId"), job->ids.linkisTaskId);
            emitEvent(event);
        } else if (m_parser.isSet(QStringLiteral("follow")))
            diagnose(tr("submitted %1").arg(job->id));
        else
            printLine(job->id);
        if (m_parser.isSet(QStringLiteral("follow")))
            follow(*job);
        else
            exitWith(Done);
    });
}

} // namespace JobDeck
