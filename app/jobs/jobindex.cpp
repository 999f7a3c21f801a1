#include "jobs/jobindex.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QStandardPaths>

namespace JobDeck {

namespace {
QJsonArray readEntries(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object().value(QLatin1StringView("jobs")).toArray();
}

QJsonObject toJson(const QString &connection, const Job &job)
{
    return QJsonObject{{QStringLiteral("connection"), connection},
                       {QStringLiteral("id"), job.id},
                       {QStringLiteral("linkisExecId"), job.ids.linkisExecId},
                       {QStringLiteral("linkisTaskId"), QString::number(job.ids.linkisTaskId)},
                       {QStringLiteral("kylinJobUuid"), job.ids.kylinJobUuid},
                       {QStringLiteral("dinkyTaskId"), QString::number(job.ids.dinkyTaskId)},
                       {QStringLiteral("dinkyInstanceId"), QString::number(job.ids.dinkyInstanceId)},
                       {QStringLiteral("flinkJobId"), job.ids.flinkJobId},
                       {QStringLiteral("sqlflowJobId"), job.ids.sqlflowJobId},
                       {QStringLiteral("kylinProject"), job.ids.kylinProject}};
}
} // namespace

JobIndex::JobIndex(QString path)
    : m_path(path.isEmpty()
                 ? QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u"/jobindex.json"
                 : std::move(path))
{}

void JobIndex::remember(const QString &connection, const Job &job)
{
    if (job.id.isEmpty())
        return;
    QJsonArray entries = readEntries(m_path);
    for (qsizetype i = entries.size() - 1; i >= 0; --i) {
        const QJsonObject entry = entries.at(i).toObject();
        if (entry.value(QLatin1StringView("connection")).toString() == connection
            && entry.value(QLatin1StringView("id")).toString() == job.id)
            entries.removeAt(i);
    }
    entries.append(toJson(connection, job));
    while (entries.size() > MaxEntries)
        entries.removeFirst();
    QDir().mkpath(QFileInfo(m_path).path());
    QSaveFile file(m_path);
    if (file.open(QIODevice::WriteOnly)) {
        file.write(
            QJsonDocument(QJsonObject{{QStringLiteral("jobs"), entries}}).toJson(QJsonDocument::Compact));
        file.commit(); // losing this only costs a later lookup by the other id
    }
}

std::optional<JobIds> JobIndex::find(const QString &connection, const QString &jobId) const
{
    const QJsonArray entries = readEntries(m_path);
    for (qsizetype i = entries.size() - 1; i >= 0; --i) {
        const QJsonObject entry = entries.at(i).toObject();
        if (entry.value(QLatin1StringView("connection")).toString() != connection
            || entry.value(QLatin1StringView("id")).toString() != jobId)
            continue;
        JobIds ids;
        ids.linkisExecId = entry.value(QLatin1StringView("linkisExecId")).toString();
        ids.linkisTaskId = entry.value(QLatin1StringView("linkisTaskId")).toString().toLongLong();
        ids.kylinJobUuid = entry.value(QLatin1StringView("kylinJobUuid")).toString();
        ids.dinkyTaskId = entry.value(QLatin1StringView("dinkyTaskId")).toString().toLongLong();
        ids.dinkyInstanceId = entry.value(QLatin1StringView("dinkyInstanceId")).toString().toLongLong();
        ids.flinkJobId = entry.value(QLatin1StringView("flinkJobId")).toString();
        ids.sqlflowJobId = entry.value(QLatin1StringView("sqlflowJobId")).toString();
        ids.kylinProject = entry.value(QLatin1StringView("kylinProject")).toString();
        return ids;
    }
    return std::nullopt;
}

} // namespace JobDeck
