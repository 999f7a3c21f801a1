#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace JobDeck::Local {

// One job as jobdeck-server keeps it, in the shape of Linkis's job history.
struct JobRecord
{
    qint64 taskId = 0;
    QString execId;
    QString user;
    QString status = QStringLiteral("Inited"); // Linkis words: Inited, Scheduled, Running, Succeed, ...
    QString runType;
    QString engine;
    QString creator;
    QString code;
    QJsonObject params; // {variable, configuration}
    QJsonObject source;
    QStringList labels; // "key:value"
    qint64 createdMs = 0;
    qint64 startedMs = 0;
    qint64 endedMs = 0;
    double progress = 0;
    int errCode = 0;
    QString errDesc;
    int resultCount = 0;
};

// The jobs table of jobdeck-server, in SQLite (server.db in the data folder), so the job list,
// logs and results survive restarts.
class JobStore final
{
public:
    JobStore() = default;
    ~JobStore();
    JobStore(const JobStore &) = delete;
    JobStore &operator=(const JobStore &) = delete;

    bool open(const QString &path, QString *error);
    // Jobs left unfinished by a server that stopped are marked Failed with `reason`;
    // returns their task ids.
    QList<qint64> failUnfinished(const QString &reason);

    // Inserts the job and sets its taskId.
    bool insert(JobRecord &job);
    bool update(const JobRecord &job);
    std::optional<JobRecord> find(qint64 taskId) const;
    std::optional<JobRecord> findByExecId(const QString &execId) const;

    struct Query
    {
        QString user;
        QStringList statuses;
        qint64 startMs = 0;
        qint64 endMs = 0; // 0 = no bound
        QString engine;
        QString creator;
        int page = 1;
        int pageSize = 20;
    };
    // The page, newest first, and the number of matching rows.
    QList<JobRecord> list(const Query &query, qint64 *total) const;

private:
    QString m_connection;
};

} // namespace JobDeck::Local
