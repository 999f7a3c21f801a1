#pragma once

#include "backends/backend.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTimer>

#include <vector>

namespace JobDeck {

// What one connection's server said about its databases, tables and columns, loaded one
// level at a time in the background, kept on disk between runs (one file per connection in
// the cache folder) and refreshed on request. The schema browser and schema completion
// both read it; lookups never wait for the network.
class SchemaCache final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SchemaCache)

public:
    // `connectionKey` names the connection (kind, address and user); the disk file is derived
    // from it. An empty `cacheDir` keeps nothing on disk.
    SchemaCache(Backend *backend,
                const QString &connectionKey,
                const QString &cacheDir,
                QObject *parent = nullptr);
    ~SchemaCache() override;

    // The default folder: <cache location>/schema.
    static QString defaultCacheDir();
    QString cacheFile() const { return m_file; }
    Backend *backend() const { return m_backend; }

    bool hasDatabases() const { return m_databasesLoaded; }
    QStringList databases() const { return m_databases; }
    bool hasTables(const QString &database) const;
    QList<SchemaTable> tables(const QString &database) const;
    bool hasColumns(const QString &database, const QString &table) const;
    QList<SchemaColumn> columns(const QString &database, const QString &table) const;
    // The databases whose loaded tables include `table` (case-insensitive).
    QStringList databasesOf(const QString &table) const;
    // A database name as the server spells it, for any spelling; empty when unknown.
    QString databaseNamed(const QString &name) const;
    // Where an unqualified table is looked for first ("default", "main", or the first database).
    QString defaultDatabase() const;

    // Every loaded table whose name starts with `prefix` (case-insensitive), at most `limit`,
    // in name order. Binary search over a sorted index, so it stays fast at 100,000 tables.
    QList<SchemaTable> tablesStartingWith(const QString &prefix, int limit) const;
    qsizetype tableCount() const { return m_tableCount; }
    qsizetype columnCount() const { return m_columnCount; }

    // Fetching, once per level at a time; the matching signal follows.
    void fetchDatabases();
    void fetchTables(const QString &database);
    void fetchColumns(const QString &database, const QString &table);
    bool isFetching() const { return !m_inFlight.isEmpty(); }
    // Forgets everything (memory and disk) and reads the databases again.
    void refresh();

    // Filling from elsewhere (the fetches above, a test, a benchmark).
    void setDatabases(const QStringList &databases);
    void setTables(const QString &database, const QList<SchemaTable> &tables);
    void setColumns(const QString &database, const QString &table, const QList<SchemaColumn> &columns);

    // Reads the disk file; false when there is none or it is unreadable (then nothing changes).
    bool load();
    // Writes the disk file now (otherwise it is written a second after each change).
    bool save();

Q_SIGNALS:
    void databasesChanged();
    void tablesChanged(const QString &database);
    void columnsChanged(const QString &database, const QString &table);
    void fetchFailed(const QString &what, const QString &message);
    void cleared();

private:
    struct TableIndexEntry
    {
        QString key; // lower-case name
        QString database;
        int position; // in m_tables[database]
    };
    static QString tableKey(const QString &database, const QString &table);
    void changed();
    void rebuildIndex() const;

    QPointer<Backend> m_backend;
    QString m_file;
    QStringList m_databases;
    bool m_databasesLoaded = false;
    QHash<QString, QList<SchemaTable>> m_tables;   // database -> tables
    QHash<QString, QList<SchemaColumn>> m_columns; // lower "db\ntable" -> columns
    QHash<QString, QString> m_databaseNames;       // lower -> as spelt
    QSet<QString> m_inFlight;
    qsizetype m_tableCount = 0;
    qsizetype m_columnCount = 0;
    mutable std::vector<TableIndexEntry> m_index;
    mutable bool m_indexDirty = true;
    QTimer m_saveTimer;
};

} // namespace JobDeck
