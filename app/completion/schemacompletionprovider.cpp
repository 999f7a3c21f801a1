#include "completion/schemacompletionprovider.h"

#include "schema/schemacache.h"

#include <QSet>

namespace JobDeck {

namespace {
// Kylin's models and cubes are in the schema tree, not in a FROM clause.
bool isQueryable(const SchemaTable &table)
{
    return table.kind == SchemaTable::Kind::Table || table.kind == SchemaTable::Kind::View;
}

CompletionItem::Kind itemKind(SchemaTable::Kind kind)
{
    return kind == SchemaTable::Kind::View ? CompletionItem::Kind::View : CompletionItem::Kind::Table;
}

bool startsWith(const QString &name, const QString &prefix)
{
    return prefix.isEmpty() || name.startsWith(prefix, Qt::CaseInsensitive);
}
} // namespace

SchemaCompletionProvider::SchemaCompletionProvider(SchemaCache *cache, QObject *parent)
    : CompletionProvider(parent)
    , m_cache(cache)
{
    const auto arrived = [this] {
        if (m_waiting) {
            m_waiting = false;
            Q_EMIT updated();
        }
    };
    connect(cache, &SchemaCache::databasesChanged, this, arrived);
    connect(cache, &SchemaCache::tablesChanged, this, arrived);
    connect(cache, &SchemaCache::columnsChanged, this, arrived);
}

void SchemaCompletionProvider::want()
{
    m_waiting = true;
}

QStringList SchemaCompletionProvider::databasesFor(const SqlTableRef &ref)
{
    if (!ref.database.isEmpty()) {
        const QString database = m_cache->databaseNamed(ref.database);
        return {database.isEmpty() ? ref.database : database};
    }
    QStringList found = m_cache->databasesOf(ref.table);
    if (found.isEmpty()) {
        if (!m_cache->hasDatabases()) {
            m_cache->fetchDatabases();
            want();
            return {};
        }
        const QString fallback = m_cache->defaultDatabase();
        if (!fallback.isEmpty() && !m_cache->hasTables(fallback)) {
            m_cache->fetchTables(fallback);
            want();
        }
    }
    return found;
}

void SchemaCompletionProvider::addColumnsOf(const SqlTableRef &ref,
                                            const QString &prefix,
                                            QList<CompletionItem> &items)
{
    const QString source = ref.alias.isEmpty() ? ref.table : ref.alias;
    if (ref.table.isEmpty()) { // a subquery: its select list names its columns
        for (const QString &name : ref.subqueryColumns) {
            if (name == u"*") {
                for (const SqlTableRef &inner : ref.subqueryTables)
                    addColumnsOf(inner, prefix, items);
            } else if (startsWith(name, prefix)) {
                items.append({name, source, CompletionItem::Kind::Column});
            }
        }
        return;
    }
    for (const QString &database : databasesFor(ref)) {
        if (!m_cache->hasColumns(database, ref.table)) {
            m_cache->fetchColumns(database, ref.table);
            want();
            continue;
        }
        for (const SchemaColumn &column : m_cache->columns(database, ref.table)) {
            if (startsWith(column.name, prefix))
                items.append({column.name, column.type, CompletionItem::Kind::Column});
        }
        break; // the first database that has the table
    }
}

void SchemaCompletionProvider::addTables(const QString &database,
                                         const QString &prefix,
                                         QList<CompletionItem> &items)
{
    if (!m_cache->hasTables(database)) {
        m_cache->fetchTables(database);
        want();
        return;
    }
    for (const SchemaTable &table : m_cache->tables(database)) {
        if (items.size() >= m_limit)
            break;
        if (isQueryable(table) && startsWith(table.name, prefix))
            items.append({table.name, table.database, itemKind(table.kind)});
    }
}

QList<CompletionItem> SchemaCompletionProvider::complete(const QString &script,
                                                         int position,
                                                         const QString &prefix)
{
    QList<CompletionItem> items;
    if (!m_cache)
        return items;
    const SqlContext context = analyseSql(script, position, prefix);

    switch (context.expect) {
    case SqlContext::Expect::Table: {
        if (!m_cache->hasDatabases()) {
            m_cache->fetchDatabases();
            want();
            break;
        }
        for (const QString &database : m_cache->databases()) {
            if (startsWith(database, prefix))
                items.append({database, {}, CompletionItem::Kind::Database});
        }
        const QString fallback = m_cache->defaultDatabase();
        if (!fallback.isEmpty() && !m_cache->hasTables(fallback)) {
            m_cache->fetchTables(fallback);
            want();
        }
        for (const SchemaTable &table : m_cache->tablesStartingWith(prefix, m_limit)) {
            if (isQueryable(table))
                items.append({table.name, table.database, itemKind(table.kind)});
        }
        break;
    }
    case SqlContext::Expect::QualifiedMember: {
        const QStringList &q = context.qualifier;
        if (q.size() == 1) {
            // An alias of the statement first, then a database, then a table of the statement
            // (or any table the cache knows).
            const auto refNamed = [&](bool byAlias) -> const SqlTableRef * {
                for (const SqlTableRef &ref : context.tables) {
                    const QString &name = byAlias ? ref.alias : ref.table;
                    if ((byAlias || ref.alias.isEmpty()) && !name.isEmpty()
                        && name.compare(q[0], Qt::CaseInsensitive) == 0)
                        return &ref;
                }
                return nullptr;
            };
            const QString database = m_cache->databaseNamed(q[0]);
            if (const SqlTableRef *ref = refNamed(true)) {
                addColumnsOf(*ref, prefix, items);
            } else if (!database.isEmpty()) {
                addTables(database, prefix, items);
            } else if (const SqlTableRef *byName = refNamed(false)) {
                addColumnsOf(*byName, prefix, items);
            } else if (!m_cache->databasesOf(q[0]).isEmpty()) {
                addColumnsOf({{}, q[0], {}, {}, {}}, prefix, items); // a table not in the statement
            } else if (!m_cache->hasDatabases()) {
                m_cache->fetchDatabases();
                want();
            }
        } else {
            // db.table.
            addColumnsOf({q[q.size() - 2], q.last(), {}, {}, {}}, prefix, items);
        }
        break;
    }
    case SqlContext::Expect::Column: {
        QSet<QString> seen;
        for (const SqlTableRef &ref : context.tables) {
            QList<CompletionItem> columns;
            addColumnsOf(ref, prefix, columns);
            for (const CompletionItem &item : std::as_const(columns)) {
                if (!seen.contains(item.text.toLower())) {
                    seen.insert(item.text.toLower());
                    items.append(item);
                }
            }
            const QString name = ref.alias.isEmpty() ? ref.table : ref.alias;
            if (!name.isEmpty() && startsWith(name, prefix) && !seen.contains(name.toLower())) {
                seen.insert(name.toLower());
                items.append(
                    {name, ref.alias.isEmpty() ? ref.database : ref.table, CompletionItem::Kind::Table});
            }
        }
        break;
    }
    }
    if (items.size() > m_limit)
        items.resize(m_limit);
    return items;
}

} // namespace JobDeck
