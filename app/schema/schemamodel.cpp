#include "schema/schemamodel.h"

#include <QMimeData>

#include <functional>

namespace JobDeck {

struct SchemaModel::Node
{
    Kind kind = Kind::Database;
    QString database;
    QString table;
    QString name;
    QString detail;
    QString comment;
    Node *parent = nullptr;
    int row = 0;
    bool loaded = false;    // children filled from the cache
    bool requested = false; // children asked of the server
    std::vector<std::unique_ptr<Node>> children;
};

namespace {
SchemaModel::Kind kindOf(SchemaTable::Kind kind)
{
    switch (kind) {
    case SchemaTable::Kind::View:
        return SchemaModel::Kind::View;
    case SchemaTable::Kind::Model:
        return SchemaModel::Kind::Model;
    case SchemaTable::Kind::Cube:
        return SchemaModel::Kind::Cube;
    case SchemaTable::Kind::Table:
        break;
    }
    return SchemaModel::Kind::Table;
}
} // namespace

SchemaModel::SchemaModel(SchemaCache *cache, QObject *parent)
    : QAbstractItemModel(parent)
    , m_cache(cache)
    , m_root(std::make_unique<Node>())
{
    m_root->loaded = true;
    connect(cache, &SchemaCache::databasesChanged, this, &SchemaModel::resetDatabases);
    connect(cache, &SchemaCache::cleared, this, &SchemaModel::resetDatabases);
    connect(cache, &SchemaCache::tablesChanged, this, [this](const QString &database) {
        const QModelIndex at = databaseIndex(database);
        if (!at.isValid()) {
            resetDatabases();
            return;
        }
        Node *node = nodeOf(at);
        if (node->loaded || node->requested)
            fillTables(node);
    });
    connect(cache, &SchemaCache::columnsChanged, this, [this](const QString &database, const QString &table) {
        const QModelIndex at = tableIndex(database, table);
        if (!at.isValid())
            return;
        Node *node = nodeOf(at);
        if (node->loaded || node->requested)
            fillColumns(node);
    });
    connect(cache, &SchemaCache::fetchFailed, this, [this] {
        // Let the user open the level again to retry.
        std::function<void(Node *)> clear = [&](Node *node) {
            if (node->requested && !node->loaded) {
                node->requested = false;
                const QModelIndex at = indexOf(node);
                Q_EMIT dataChanged(at, at, {LoadingRole});
            }
            for (const auto &child : node->children)
                clear(child.get());
        };
        clear(m_root.get());
    });
    resetDatabases();
}

SchemaModel::~SchemaModel() = default;

void SchemaModel::start()
{
    if (m_cache && !m_cache->hasDatabases())
        m_cache->fetchDatabases();
}

SchemaModel::Node *SchemaModel::nodeOf(const QModelIndex &index) const
{
    return index.isValid() ? static_cast<Node *>(index.internalPointer()) : m_root.get();
}

QModelIndex SchemaModel::indexOf(Node *node, int column) const
{
    if (!node || node == m_root.get())
        return {};
    return createIndex(node->row, column, node);
}

void SchemaModel::resetDatabases()
{
    beginResetModel();
    m_root->children.clear();
    if (m_cache) {
        int row = 0;
        for (const QString &database : m_cache->databases()) {
            auto node = std::make_unique<Node>();
            node->kind = Kind::Database;
            node->database = database;
            node->name = database;
            node->parent = m_root.get();
            node->row = row++;
            m_root->children.push_back(std::move(node));
        }
    }
    endResetModel();
}

void SchemaModel::replaceChildren(Node *node, std::vector<std::unique_ptr<Node>> children)
{
    const QModelIndex parent = indexOf(node);
    if (!node->children.empty()) {
        beginRemoveRows(parent, 0, int(node->children.size()) - 1);
        node->children.clear();
        endRemoveRows();
    }
    node->loaded = true;
    if (!children.empty()) {
        beginInsertRows(parent, 0, int(children.size()) - 1);
        node->children = std::move(children);
        endInsertRows();
    }
    Q_EMIT dataChanged(parent, parent, {LoadingRole});
}

void SchemaModel::fillTables(Node *database)
{
    std::vector<std::unique_ptr<Node>> children;
    int row = 0;
    for (const SchemaTable &table : m_cache->tables(database->database)) {
        auto node = std::make_unique<Node>();
        node->kind = kindOf(table.kind);
        node->database = database->database;
        node->table = table.name;
        node->name = table.name;
        node->comment = table.comment;
        node->parent = database;
        node->row = row++;
        children.push_back(std::move(node));
    }
    replaceChildren(database, std::move(children));
}

void SchemaModel::fillColumns(Node *table)
{
    std::vector<std::unique_ptr<Node>> children;
    int row = 0;
    for (const SchemaColumn &column : m_cache->columns(table->database, table->table)) {
        auto node = std::make_unique<Node>();
        node->kind = column.partitionKey ? Kind::PartitionColumn : Kind::Column;
        node->database = table->database;
        node->table = table->table;
        node->name = column.name;
        node->detail = column.type;
        node->comment = column.comment;
        node->parent = table;
        node->row = row++;
        children.push_back(std::move(node));
    }
    replaceChildren(table, std::move(children));
}

QModelIndex SchemaModel::index(int row, int column, const QModelIndex &parent) const
{
    if (column < 0 || column >= ColumnCount || (parent.isValid() && parent.column() != 0))
        return {};
    Node *node = nodeOf(parent);
    if (row < 0 || row >= int(node->children.size()))
        return {};
    return createIndex(row, column, node->children[size_t(row)].get());
}

QModelIndex SchemaModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    return indexOf(nodeOf(child)->parent);
}

int SchemaModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() && parent.column() != 0)
        return 0;
    return int(nodeOf(parent)->children.size());
}

int SchemaModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

bool SchemaModel::hasChildren(const QModelIndex &parent) const
{
    if (parent.isValid() && parent.column() != 0)
        return false;
    const Node *node = nodeOf(parent);
    if (node == m_root.get())
        return !node->children.empty();
    if (node->kind == Kind::Column || node->kind == Kind::PartitionColumn)
        return false;
    return !node->loaded || !node->children.empty();
}

bool SchemaModel::canFetchMore(const QModelIndex &parent) const
{
    if (!parent.isValid() || parent.column() != 0 || !m_cache)
        return false;
    const Node *node = nodeOf(parent);
    return node->kind != Kind::Column && node->kind != Kind::PartitionColumn && !node->loaded
           && !node->requested;
}

void SchemaModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    Node *node = nodeOf(parent);
    node->requested = true;
    if (node->kind == Kind::Database) {
        if (m_cache->hasTables(node->database))
            fillTables(node);
        else
            m_cache->fetchTables(node->database);
    } else {
        if (m_cache->hasColumns(node->database, node->table))
            fillColumns(node);
        else
            m_cache->fetchColumns(node->database, node->table);
    }
    const QModelIndex at = indexOf(node);
    Q_EMIT dataChanged(at, at, {LoadingRole});
}

QVariant SchemaModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Node *node = nodeOf(index);
    switch (role) {
    case Qt::DisplayRole:
        if (index.column() == NameColumn)
            return node->name;
        switch (node->kind) {
        case Kind::Column:
            return node->detail;
        case Kind::PartitionColumn:
            return tr("%1, partition key").arg(node->detail);
        case Kind::View:
            return tr("view");
        case Kind::Model:
            return tr("model");
        case Kind::Cube:
            return tr("cube");
        case Kind::Table:
            return tr("table");
        case Kind::Database: {
            if (!node->loaded)
                return node->requested ? tr("loading…") : QString();
            // Kylin lists models and cubes beside the tables: counted apart.
            int tables = 0;
            int models = 0;
            int cubes = 0;
            for (const auto &child : node->children)
                ++(child->kind == Kind::Model ? models : child->kind == Kind::Cube ? cubes : tables);
            QStringList parts{tr("%n table(s)", nullptr, tables)};
            if (models > 0)
                parts.append(tr("%n model(s)", nullptr, models));
            if (cubes > 0)
                parts.append(tr("%n cube(s)", nullptr, cubes));
            return parts.join(tr(", "));
        }
        }
        return {};
    case Qt::ToolTipRole: {
        QString tip = data(index, QualifiedNameRole).toString();
        if (!node->detail.isEmpty())
            tip += u": " + node->detail;
        if (!node->comment.isEmpty())
            tip += u"\n" + node->comment;
        return tip;
    }
    case KindRole:
        return QVariant::fromValue(node->kind);
    case DatabaseRole:
        return node->database;
    case TableRole:
        return node->table;
    case QualifiedNameRole:
        if (node->kind == Kind::Database)
            return node->database;
        if (node->kind == Kind::Column || node->kind == Kind::PartitionColumn)
            return QString(node->database + u'.' + node->table + u'.' + node->name);
        return QString(node->database + u'.' + node->table);
    case InsertTextRole:
        if (node->kind == Kind::Database)
            return node->database;
        if (node->kind == Kind::Column || node->kind == Kind::PartitionColumn)
            return node->name;
        return QString(node->database + u'.' + node->table);
    case LoadingRole:
        return node->requested && !node->loaded;
    default:
        return {};
    }
}

QVariant SchemaModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    return section == NameColumn ? tr("Name") : tr("Type");
}

Qt::ItemFlags SchemaModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled;
    const Node *node = nodeOf(index);
    if (node->kind == Kind::Column || node->kind == Kind::PartitionColumn)
        flags |= Qt::ItemNeverHasChildren;
    return flags;
}

QStringList SchemaModel::mimeTypes() const
{
    return {QStringLiteral("text/plain")};
}

QMimeData *SchemaModel::mimeData(const QModelIndexList &indexes) const
{
    QStringList texts;
    for (const QModelIndex &index : indexes) {
        if (index.column() == NameColumn)
            texts.append(data(index, InsertTextRole).toString());
    }
    auto *mime = new QMimeData;
    mime->setText(texts.join(QStringLiteral(", ")));
    return mime;
}

QModelIndex SchemaModel::databaseIndex(const QString &database) const
{
    for (const auto &node : m_root->children) {
        if (node->database.compare(database, Qt::CaseInsensitive) == 0)
            return indexOf(node.get());
    }
    return {};
}

QModelIndex SchemaModel::tableIndex(const QString &database, const QString &table) const
{
    const QModelIndex db = databaseIndex(database);
    if (!db.isValid())
        return {};
    for (const auto &node : nodeOf(db)->children) {
        if (node->table.compare(table, Qt::CaseInsensitive) == 0)
            return indexOf(node.get());
    }
    return {};
}

SchemaFilterModel::SchemaFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setRecursiveFilteringEnabled(true);
    setAutoAcceptChildRows(true);
    setFilterKeyColumn(SchemaModel::NameColumn);
}

void SchemaFilterModel::setSearchText(const QString &text)
{
    const QStringList words = text.toLower().split(u' ', Qt::SkipEmptyParts);
    if (words == m_words)
        return;
    m_words = words;
    invalidateRowsFilter();
}

bool SchemaFilterModel::matches(const QStringList &words, const QString &name, const QString &qualified)
{
    for (const QString &word : words) {
        if (!name.contains(word, Qt::CaseInsensitive) && !qualified.contains(word, Qt::CaseInsensitive))
            return false;
    }
    return true;
}

bool SchemaFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_words.isEmpty())
        return true;
    const QModelIndex index = sourceModel()->index(sourceRow, SchemaModel::NameColumn, sourceParent);
    return matches(m_words,
                   index.data(Qt::DisplayRole).toString(),
                   index.data(SchemaModel::QualifiedNameRole).toString());
}

} // namespace JobDeck
