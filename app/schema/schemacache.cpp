#include "schema/schemacache.h"

#include <QCryptographicHash>
#include <QDataStream>
#include <QDir>
#include <QSaveFile>
#include <QStandardPaths>

#include <algorithm>

namespace JobDeck {

namespace {
constexpr quint32 FileMagic = 0x4a445343; // "JDSC"
constexpr quint32 FileVersion = 1;
} // namespace

SchemaCache::SchemaCache(Backend *backend,
                         const QString &connectionKey,
                         const QString &cacheDir,
                         QObject *parent)
    : QObject(parent)
    , m_backend(backend)
{
    if (!cacheDir.isEmpty()) {
        const QByteArray hash
            = QCryptographicHash::hash(connectionKey.toUtf8(), QCryptographicHash::Sha256).toHex();
        m_file = QDir(cacheDir).filePath(QString::fromLatin1(hash.left(32)) + u".schema");
    }
    m_saveTimer.setSingleShot(true);
    m_saveTimer.setInterval(1000);
    connect(&m_saveTimer, &QTimer::timeout, this, [this] { save(); });
}

SchemaCache::~SchemaCache()
{
    if (m_saveTimer.isActive())
        save();
}

QString SchemaCache::defaultCacheDir()
{
    return QStandardPaths::writableLocation(QStandardPaths::CacheLocation) + u"/schema";
}

QString SchemaCache::tableKey(const QString &database, const QString &table)
{
    return database.toLower() + u'\n' + table.toLower();
}

bool SchemaCache::hasTables(const QString &database) const
{
    return m_tables.contains(databaseNamed(database));
}

QList<SchemaTable> SchemaCache::tables(const QString &database) const
{
    return m_tables.value(databaseNamed(database));
}

bool SchemaCache::hasColumns(const QString &database, const QString &table) const
{
    return m_columns.contains(tableKey(database, table));
}

QList<SchemaColumn> SchemaCache::columns(const QString &database, const QString &table) const
{
    return m_columns.value(tableKey(database, table));
}

QString SchemaCache::databaseNamed(const QString &name) const
{
    return m_databaseNames.value(name.toLower());
}

QString SchemaCache::defaultDatabase() const
{
    for (const char *name : {"default", "main"}) {
        const QString found = databaseNamed(QString::fromLatin1(name));
        if (!found.isEmpty())
            return found;
    }
    return m_databases.value(0);
}

void SchemaCache::rebuildIndex() const
{
    if (!m_indexDirty)
        return;
    m_index.clear();
    m_index.reserve(size_t(m_tableCount));
    for (auto it = m_tables.cbegin(); it != m_tables.cend(); ++it) {
        for (qsizetype i = 0; i < it.value().size(); ++i)
            m_index.push_back({it.value().at(i).name.toLower(), it.key(), int(i)});
    }
    std::sort(m_index.begin(), m_index.end(), [](const TableIndexEntry &a, const TableIndexEntry &b) {
        return a.key < b.key || (a.key == b.key && a.database < b.database);
    });
    m_indexDirty = false;
}

QStringList SchemaCache::databasesOf(const QString &table) const
{
    rebuildIndex();
    const QString key = table.toLower();
    QStringList found;
    auto it = std::lower_bound(m_index.begin(),
                               m_index.end(),
                               key,
                               [](const TableIndexEntry &e, const QString &k) { return e.key < k; });
    for (; it != m_index.end() && it->key == key; ++it)
        found.append(it->database);
    return found;
}

QList<SchemaTable> SchemaCache::tablesStartingWith(const QString &prefix, int limit) const
{
    rebuildIndex();
    const QString key = prefix.toLower();
    QList<SchemaTable> found;
    auto it = std::lower_bound(m_index.begin(),
                               m_index.end(),
                               key,
                               [](const TableIndexEntry &e, const QString &k) { return e.key < k; });
    for (; it != m_index.end() && it->key.startsWith(key) && found.size() < limit; ++it)
        found.append(m_tables.value(it->database).at(it->position));
    return found;
}

void SchemaCache::fetchDatabases()
{
    const QString what = QStringLiteral("databases");
    if (!m_backend || m_inFlight.contains(what) || !m_backend->capabilities().schema)
        return;
    m_inFlight.insert(what);
    onFinished(m_backend->databases(), this, [this, what](const Result<QStringList> &result) {
        m_inFlight.remove(what);
        if (!result) {
            Q_EMIT fetchFailed(tr("the databases"), result.error().describe());
            return;
        }
        setDatabases(*result);
    });
}

void SchemaCache::fetchTables(const QString &database)
{
    const QString what = u"tables\n" + database.toLower();
    if (!m_backend || m_inFlight.contains(what) || !m_backend->capabilities().schema)
        return;
    m_inFlight.insert(what);
    const QString name = databaseNamed(database).isEmpty() ? database : databaseNamed(database);
    onFinished(m_backend->tables(name), this, [this, what, name](const Result<QList<SchemaTable>> &result) {
        m_inFlight.remove(what);
        if (!result) {
            Q_EMIT fetchFailed(tr("the tables of %1").arg(name), result.error().describe());
            return;
        }
        setTables(name, *result);
    });
}

void SchemaCache::fetchColumns(const QString &database, const QString &table)
{
    const QString what = u"columns\n" + tableKey(database, table);
    if (!m_backend || m_inFlight.contains(what) || !m_backend->capabilities().schema)
        return;
    m_inFlight.insert(what);
    const QString db = databaseNamed(database).isEmpty() ? database : databaseNamed(database);
    onFinished(m_backend->columns(db, table),
               this,
               [this, what, db, table](const Result<QList<SchemaColumn>> &result) {
                   m_inFlight.remove(what);
                   if (!result) {
                       Q_EMIT fetchFailed(tr("the columns of %1.%2").arg(db, table),
                                          result.error().describe());
                       return;
                   }
                   setColumns(db, table, *result);
               });
}

void SchemaCache::refresh()
{
    m_databases.clear();
    m_databaseNames.clear();
    m_databasesLoaded = false;
    m_tables.clear();
    m_columns.clear();
    m_tableCount = m_columnCount = 0;
    m_indexDirty = true;
    if (!m_file.isEmpty())
        QFile::remove(m_file);
    m_saveTimer.stop();
    Q_EMIT cleared();
    fetchDatabases();
}

void SchemaCache::setDatabases(const QStringList &databases)
{
    m_databases = databases;
    m_databaseNames.clear();
    for (const QString &name : databases)
        m_databaseNames.insert(name.toLower(), name);
    m_databasesLoaded = true;
    changed();
    Q_EMIT databasesChanged();
}

void SchemaCache::setTables(const QString &database, const QList<SchemaTable> &tables)
{
    if (!m_databaseNames.contains(database.toLower())) {
        m_databaseNames.insert(database.toLower(), database);
        m_databases.append(database);
    }
    m_tableCount += tables.size() - m_tables.value(database).size();
    m_tables.insert(database, tables);
    m_indexDirty = true;
    changed();
    Q_EMIT tablesChanged(database);
}

void SchemaCache::setColumns(const QString &database,
                             const QString &table,
                             const QList<SchemaColumn> &columns)
{
    const QString key = tableKey(database, table);
    m_columnCount += columns.size() - m_columns.value(key).size();
    m_columns.insert(key, columns);
    changed();
    Q_EMIT columnsChanged(database, table);
}

void SchemaCache::changed()
{
    if (!m_file.isEmpty())
        m_saveTimer.start();
}

bool SchemaCache::save()
{
    m_saveTimer.stop();
    if (m_file.isEmpty())
        return false;
    QDir().mkpath(QFileInfo(m_file).absolutePath());
    QSaveFile file(m_file);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    QDataStream out(&file);
    out.setVersion(QDataStream::Qt_6_4);
    out << FileMagic << FileVersion << m_databasesLoaded << m_databases << qint64(m_tables.size());
    for (auto it = m_tables.cbegin(); it != m_tables.cend(); ++it) {
        out << it.key() << qint64(it.value().size());
        for (const SchemaTable &table : it.value())
            out << table.database << table.name << qint32(table.kind) << table.comment;
    }
    out << qint64(m_columns.size());
    for (auto it = m_columns.cbegin(); it != m_columns.cend(); ++it) {
        out << it.key() << qint64(it.value().size());
        for (const SchemaColumn &column : it.value())
            out << column.name << column.type << column.comment << column.partitionKey;
    }
    return out.status() == QDataStream::Ok && file.commit();
}

bool SchemaCache::load()
{
    if (m_file.isEmpty())
        return false;
    QFile file(m_file);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    QDataStream in(&file);
    in.setVersion(QDataStream::Qt_6_4);
    quint32 magic = 0, version = 0;
    bool databasesLoaded = false;
    QStringList databases;
    qint64 count = 0;
    in >> magic >> version >> databasesLoaded >> databases >> count;
    if (magic != FileMagic || version != FileVersion || in.status() != QDataStream::Ok || count < 0)
        return false;
    QHash<QString, QList<SchemaTable>> tables;
    qsizetype tableCount = 0, columnCount = 0;
    for (qint64 i = 0; i < count && in.status() == QDataStream::Ok; ++i) {
        QString database;
        qint64 n = 0;
        in >> database >> n;
        QList<SchemaTable> list;
        for (qint64 j = 0; j < n && in.status() == QDataStream::Ok; ++j) {
            SchemaTable table;
            qint32 kind = 0;
            in >> table.database >> table.name >> kind >> table.comment;
            table.kind = SchemaTable::Kind(std::clamp(kind, 0, 3));
            list.append(table);
        }
        tableCount += list.size();
        tables.insert(database, list);
    }
    in >> count;
    QHash<QString, QList<SchemaColumn>> columns;
    for (qint64 i = 0; i < count && in.status() == QDataStream::Ok; ++i) {
        QString key;
        qint64 n = 0;
        in >> key >> n;
        QList<SchemaColumn> list;
        for (qint64 j = 0; j < n && in.status() == QDataStream::Ok; ++j) {
            SchemaColumn column;
            in >> column.name >> column.type >> column.comment >> column.partitionKey;
            list.append(column);
        }
        columnCount += list.size();
        columns.insert(key, list);
    }
    if (in.status() != QDataStream::Ok)
        return false;
    m_databasesLoaded = databasesLoaded;
    m_databases = databases;
    m_databaseNames.clear();
    for (const QString &name : std::as_const(m_databases))
        m_databaseNames.insert(name.toLower(), name);
    for (auto it = tables.cbegin(); it != tables.cend(); ++it)
        m_databaseNames.insert(it.key().toLower(), it.key());
    m_tables = std::move(tables);
    m_columns = std::move(columns);
    m_tableCount = tableCount;
    m_columnCount = columnCount;
    m_indexDirty = true;
    rebuildIndex(); // now, at start-up, rather than on the first keystroke
    Q_EMIT databasesChanged();
    return true;
}

} // namespace JobDeck
