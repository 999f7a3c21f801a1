#include "localserver/jobstore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QUuid>
#include <QVariant>

namespace JobDeck::Local {

namespace {
constexpr auto Columns
    = "task_id, exec_id, user, status, run_type, engine, creator, code, params, source, labels, "
      "created_ms, started_ms, ended_ms, progress, err_code, err_desc, result_count";

JobRecord fromQuery(const QSqlQuery &q)
{
    JobRecord job;
    job.taskId = q.value(0).toLongLong();
    job.execId = q.value(1).toString();
    job.user = q.value(2).toString();
    job.status = q.value(3).toString();
    job.runType = q.value(4).toString();
    job.engine = q.value(5).toString();
    job.creator = q.value(6).toString();
    job.code = q.value(7).toString();
    job.params = QJsonDocument::fromJson(q.value(8).toByteArray()).object();
    job.source = QJsonDocument::fromJson(q.value(9).toByteArray()).object();
    for (const QJsonValue &label : QJsonDocument::fromJson(q.value(10).toByteArray()).array())
        job.labels.append(label.toString());
    job.createdMs = q.value(11).toLongLong();
    job.startedMs = q.value(12).toLongLong();
    job.endedMs = q.value(13).toLongLong();
    job.progress = q.value(14).toDouble();
    job.errCode = q.value(15).toInt();
    job.errDesc = q.value(16).toString();
    job.resultCount = q.value(17).toInt();
    return job;
}

void bindRecord(QSqlQuery &q, const JobRecord &job)
{
    q.bindValue(QStringLiteral(":exec_id"), job.execId);
    q.bindValue(QStringLiteral(":user"), job.user);
    q.bindValue(QStringLiteral(":status"), job.status);
    q.bindValue(QStringLiteral(":run_type"), job.runType);
    q.bindValue(QStringLiteral(":engine"), job.engine);
    q.bindValue(QStringLiteral(":creator"), job.creator);
    q.bindValue(QStringLiteral(":code"), job.code);
    q.bindValue(QStringLiteral(":params"), QJsonDocument(job.params).toJson(QJsonDocument::Compact));
    q.bindValue(QStringLiteral(":source"), QJsonDocument(job.source).toJson(QJsonDocument::Compact));
    q.bindValue(QStringLiteral(":labels"),
                QJsonDocument(QJsonArray::fromStringList(job.labels)).toJson(QJsonDocument::Compact));
    q.bindValue(QStringLiteral(":created_ms"), job.createdMs);
    q.bindValue(QStringLiteral(":started_ms"), job.startedMs);
    q.bindValue(QStringLiteral(":ended_ms"), job.endedMs);
    q.bindValue(QStringLiteral(":progress"), job.progress);
    q.bindValue(QStringLiteral(":err_code"), job.errCode);
    q.bindValue(QStringLiteral(":err_desc"), job.errDesc);
    q.bindValue(QStringLiteral(":result_count"), job.resultCount);
}
} // namespace

JobStore::~JobStore()
{
    if (m_connection.isEmpty())
        return;
    QSqlDatabase::database(m_connection, false).close();
    QSqlDatabase::removeDatabase(m_connection);
}

bool JobStore::open(const QString &path, QString *error)
{
    m_connection = u"jobstore-" + QUuid::createUuid().toString(QUuid::WithoutBraces);
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
    db.setDatabaseName(path);
    if (!db.open()) {
        *error = db.lastError().text();
        return false;
    }
    QSqlQuery q(db);
    // WAL: readers (the HTTP API) never wait for the writer; NORMAL sync is durable per commit.
    q.exec(QStringLiteral("PRAGMA journal_mode=WAL"));
    q.exec(QStringLiteral("PRAGMA synchronous=NORMAL"));
    if (!q.exec(QStringLiteral(
            "CREATE TABLE IF NOT EXISTS jobs ("
            "task_id INTEGER PRIMARY KEY AUTOINCREMENT, exec_id TEXT UNIQUE NOT NULL, "
            "user TEXT NOT NULL, status TEXT NOT NULL, run_type TEXT, engine TEXT, creator TEXT, "
            "code TEXT, params TEXT, source TEXT, labels TEXT, created_ms INTEGER, "
            "started_ms INTEGER, ended_ms INTEGER, progress REAL, err_code INTEGER, "
            "err_desc TEXT, result_count INTEGER)"))
        || !q.exec(
            QStringLiteral("CREATE INDEX IF NOT EXISTS jobs_user_created ON jobs(user, created_ms)"))) {
        *error = q.lastError().text();
        return false;
    }
    return true;
}

QList<qint64> JobStore::failUnfinished(const QString &reason)
{
    QList<qint64> ids;
    QSqlQuery q(QSqlDatabase::database(m_connection));
    if (q.exec(QStringLiteral("SELECT task_id FROM jobs WHERE status IN ('Inited', 'Scheduled', 'Running', "
                              "'WaitForRetry')"))) {
        while (q.next())
            ids.append(q.value(0).toLongLong());
    }
    q.prepare(
        QStringLiteral("UPDATE jobs SET status = 'Failed', err_code = 10002, err_desc = :reason, "
                       "ended_ms = :now WHERE status IN ('Inited', 'Scheduled', 'Running', 'WaitForRetry')"));
    q.bindValue(QStringLiteral(":reason"), reason);
    q.bindValue(QStringLiteral(":now"), QDateTime::currentMSecsSinceEpoch());
    if (!q.exec())
        return {};
    return ids;
}

bool JobStore::insert(JobRecord &job)
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral(
        "INSERT INTO jobs (exec_id, user, status, run_type, engine, creator, code, params, source, "
        "labels, created_ms, started_ms, ended_ms, progress, err_code, err_desc, result_count) "
        "VALUES (:exec_id, :user, :status, :run_type, :engine, :creator, :code, :params, :source, "
        ":labels, :created_ms, :started_ms, :ended_ms, :progress, :err_code, :err_desc, "
        ":result_count)"));
    bindRecord(q, job);
    if (!q.exec())
        return false;
    job.taskId = q.lastInsertId().toLongLong();
    return true;
}

bool JobStore::update(const JobRecord &job)
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(
        QStringLiteral("UPDATE jobs SET exec_id = :exec_id, user = :user, status = :status, "
                       "run_type = :run_type, engine = :engine, creator = :creator, code = :code, "
                       "params = :params, source = :source, labels = :labels, created_ms = :created_ms, "
                       "started_ms = :started_ms, ended_ms = :ended_ms, progress = :progress, "
                       "err_code = :err_code, err_desc = :err_desc, result_count = :result_count "
                       "WHERE task_id = :task_id"));
    bindRecord(q, job);
    q.bindValue(QStringLiteral(":task_id"), job.taskId);
    return q.exec();
}

std::optional<JobRecord> JobStore::find(qint64 taskId) const
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(u"SELECT " + QLatin1StringView(Columns) + u" FROM jobs WHERE task_id = :id");
    q.bindValue(QStringLiteral(":id"), taskId);
    if (!q.exec() || !q.next())
        return std::nullopt;
    return fromQuery(q);
}

std::optional<JobRecord> JobStore::findByExecId(const QString &execId) const
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(u"SELECT " + QLatin1StringView(Columns) + u" FROM jobs WHERE exec_id = :id");
    q.bindValue(QStringLiteral(":id"), execId);
    if (!q.exec() || !q.next())
        return std::nullopt;
    return fromQuery(q);
}

QList<JobRecord> JobStore::list(const Query &query, qint64 *total) const
{
    QStringList where{QStringLiteral("user = :user")};
    if (!query.statuses.isEmpty()) {
        QStringList marks;
        for (int i = 0; i < query.statuses.size(); ++i)
            marks.append(QStringLiteral(":s%1").arg(i));
        where.append(u"status IN (" + marks.join(u", ") + u')');
    }
    if (query.startMs > 0)
        where.append(QStringLiteral("created_ms >= :start"));
    if (query.endMs > 0)
        where.append(QStringLiteral("created_ms <= :end"));
    if (!query.engine.isEmpty())
        where.append(QStringLiteral("engine = :engine"));
    if (!query.creator.isEmpty())
        where.append(QStringLiteral("creator = :creator"));
    const QString condition = where.join(u" AND ");
    const auto bind = [&](QSqlQuery &q) {
        q.bindValue(QStringLiteral(":user"), query.user);
        for (int i = 0; i < query.statuses.size(); ++i)
            q.bindValue(QStringLiteral(":s%1").arg(i), query.statuses.at(i));
        if (query.startMs > 0)
            q.bindValue(QStringLiteral(":start"), query.startMs);
        if (query.endMs > 0)
            q.bindValue(QStringLiteral(":end"), query.endMs);
        if (!query.engine.isEmpty())
            q.bindValue(QStringLiteral(":engine"), query.engine);
        if (!query.creator.isEmpty())
            q.bindValue(QStringLiteral(":creator"), query.creator);
    };
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    QSqlQuery count(db);
    count.prepare(u"SELECT COUNT(*) FROM jobs WHERE " + condition);
    bind(count);
    *total = count.exec() && count.next() ? count.value(0).toLongLong() : 0;

    QSqlQuery q(db);
    q.prepare(u"SELECT " + QLatin1StringView(Columns) + u" FROM jobs WHERE " + condition
              + u" ORDER BY task_id DESC LIMIT :limit OFFSET :offset");
    bind(q);
    q.bindValue(QStringLiteral(":limit"), query.pageSize);
    q.bindValue(QStringLiteral(":offset"), qint64(std::max(0, query.page - 1)) * query.pageSize);
    QList<JobRecord> jobs;
    if (q.exec()) {
        while (q.next())
            jobs.append(fromQuery(q));
    }
    return jobs;
}

} // namespace JobDeck::Local
