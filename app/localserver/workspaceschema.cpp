#include "localserver/workspaceschema.h"

#include <QFileInfo>
#include <QJsonObject>

#include <sqlite3.h>

#include <memory>

namespace JobDeck::Local {

namespace {

struct Closer
{
    void operator()(sqlite3 *db) const { sqlite3_close_v2(db); }
};
struct Finalizer
{
    void operator()(sqlite3_stmt *statement) const { sqlite3_finalize(statement); }
};
using Db = std::unique_ptr<sqlite3, Closer>;
using Statement = std::unique_ptr<sqlite3_stmt, Finalizer>;

QString text(sqlite3_stmt *statement, int column)
{
    const auto *chars = reinterpret_cast<const char *>(sqlite3_column_text(statement, column));
    return chars ? QString::fromUtf8(chars, sqlite3_column_bytes(statement, column)) : QString();
}

// An identifier for a PRAGMA or a schema name: "x" with quotes doubled.
QString quoted(const QString &name)
{
    QString q = name;
    q.replace(u'"', QStringLiteral("\"\""));
    return u'"' + q + u'"';
}

} // namespace

WorkspaceSchema::WorkspaceSchema(QString workspaceDb)
    : m_path(std::move(workspaceDb))
{}

static Db openReadOnly(const QString &path, QString *error)
{
    sqlite3 *raw = nullptr;
    const int rc = sqlite3_open_v2(
        path.toUtf8().constData(), &raw, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nullptr);
    Db db(raw);
    if (rc != SQLITE_OK) {
        if (error)
            *error = QStringLiteral("Cannot open the workspace database: %1")
                         .arg(QString::fromUtf8(raw ? sqlite3_errmsg(raw) : sqlite3_errstr(rc)));
        return nullptr;
    }
    sqlite3_busy_timeout(raw, 5000);
    return db;
}

static Statement prepare(sqlite3 *db, const QString &sql, QString *error)
{
    sqlite3_stmt *raw = nullptr;
    if (sqlite3_prepare_v2(db, sql.toUtf8().constData(), -1, &raw, nullptr) != SQLITE_OK) {
        if (error)
            *error = QString::fromUtf8(sqlite3_errmsg(db));
        return nullptr;
    }
    return Statement(raw);
}

std::optional<QJsonArray> WorkspaceSchema::databases(QString *error) const
{
    if (!QFileInfo::exists(m_path))
        return QJsonArray{QJsonObject{{QStringLiteral("dbName"), QStringLiteral("main")}}};
    Db db = openReadOnly(m_path, error);
    if (!db)
        return std::nullopt;
    Statement list = prepare(db.get(), QStringLiteral("PRAGMA database_list"), error);
    if (!list)
        return std::nullopt;
    QJsonArray dbs;
    while (sqlite3_step(list.get()) == SQLITE_ROW) {
        const QString name = text(list.get(), 1);
        if (name != u"temp")
            dbs.append(QJsonObject{{QStringLiteral("dbName"), name}});
    }
    return dbs;
}

std::optional<QJsonArray> WorkspaceSchema::tables(const QString &database,
                                                  const QString &owner,
                                                  QString *error) const
{
    const QString schema = database.isEmpty() ? QStringLiteral("main") : database;
    if (!QFileInfo::exists(m_path)) {
        if (schema == u"main")
            return QJsonArray{};
        if (error)
            *error = QStringLiteral("There is no database %1").arg(schema);
        return std::nullopt;
    }
    Db db = openReadOnly(m_path, error);
    if (!db)
        return std::nullopt;
    Statement list
        = prepare(db.get(),
                  QStringLiteral("SELECT name, type FROM %1.sqlite_schema WHERE type IN ('table', 'view') "
                                 "AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name")
                      .arg(quoted(schema)),
                  error);
    if (!list) {
        if (error)
            *error = QStringLiteral("There is no database %1").arg(schema);
        return std::nullopt;
    }
    const qint64 created = QFileInfo(m_path).birthTime().isValid()
                               ? QFileInfo(m_path).birthTime().toSecsSinceEpoch()
                               : QFileInfo(m_path).lastModified().toSecsSinceEpoch();
    QJsonArray tables;
    while (sqlite3_step(list.get()) == SQLITE_ROW) {
        tables.append(QJsonObject{{QStringLiteral("databaseName"), schema},
                                  {QStringLiteral("tableName"), text(list.get(), 0)},
                                  {QStringLiteral("isView"), text(list.get(), 1) == u"view"},
                                  {QStringLiteral("createdBy"), owner},
                                  {QStringLiteral("createdAt"), created},
                                  {QStringLiteral("lastAccessAt"), 0}});
    }
    return tables;
}

std::optional<QJsonArray> WorkspaceSchema::columns(const QString &database,
                                                   const QString &table,
                                                   QString *error) const
{
    const QString schema = database.isEmpty() ? QStringLiteral("main") : database;
    Db db = QFileInfo::exists(m_path) ? openReadOnly(m_path, error) : nullptr;
    if (!QFileInfo::exists(m_path) && error)
        *error = QStringLiteral("There is no table %1.%2").arg(schema, table);
    if (!db)
        return std::nullopt;
    Statement info = prepare(
        db.get(), QStringLiteral("PRAGMA %1.table_xinfo(%2)").arg(quoted(schema), quoted(table)), error);
    if (!info)
        return std::nullopt;
    QJsonArray columns;
    while (sqlite3_step(info.get()) == SQLITE_ROW) {
        const int hidden = sqlite3_column_int(info.get(), 6);
        if (hidden == 1) // hidden columns of virtual tables
            continue;
        QString comment;
        if (sqlite3_column_int(info.get(), 5) > 0)
            comment = QStringLiteral("primary key");
        else if (hidden >= 2)
            comment = QStringLiteral("generated");
        columns.append(QJsonObject{{QStringLiteral("columnName"), text(info.get(), 1)},
                                   {QStringLiteral("columnType"), text(info.get(), 2)},
                                   {QStringLiteral("columnComment"), comment},
                                   {QStringLiteral("partitioned"), false}});
    }
    if (columns.isEmpty()) {
        if (error)
            *error = QStringLiteral("There is no table %1.%2").arg(schema, table);
        return std::nullopt;
    }
    return columns;
}

} // namespace JobDeck::Local
