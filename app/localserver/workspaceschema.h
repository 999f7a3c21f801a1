#pragma once

#include <QJsonArray>
#include <QString>

#include <optional>

namespace JobDeck::Local {

// The schema of a user's SQLite workspace, in the shapes of Linkis's datasource service
// (DataSourceRestfulApi: dbs, tables, columns). The workspace is opened read-only and only
// for the call; a workspace that does not exist yet has its one database and no tables.
class WorkspaceSchema final
{
public:
    explicit WorkspaceSchema(QString workspaceDb);

    // [{dbName}]: "main" and every attached database the file names in its schema.
    std::optional<QJsonArray> databases(QString *error) const;
    // [{databaseName, tableName, isView, createdBy, createdAt, lastAccessAt}]
    std::optional<QJsonArray> tables(const QString &database, const QString &owner, QString *error) const;
    // [{columnName, columnType, columnComment, partitioned}]; an unknown table is an error.
    std::optional<QJsonArray> columns(const QString &database, const QString &table, QString *error) const;

private:
    QString m_path;
};

} // namespace JobDeck::Local
