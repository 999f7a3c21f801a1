#pragma once

#include "schema/schemacache.h"

#include <QAbstractItemModel>
#include <QPointer>
#include <QSortFilterProxyModel>

#include <memory>
#include <vector>

namespace JobDeck {

// The schema of one connection as a tree: databases, their tables and views, their columns.
// Each level is read when a view first opens it (canFetchMore / fetchMore) and arrives in the
// background; the cache answers at once what it already holds.
class SchemaModel final : public QAbstractItemModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SchemaModel)

public:
    enum Column { NameColumn, DetailColumn, ColumnCount };
    enum Role {
        KindRole = Qt::UserRole + 1, // Kind
        DatabaseRole,                // QString
        TableRole,                   // QString (tables and columns)
        QualifiedNameRole,           // "db", "db.table", "db.table.column"
        InsertTextRole,              // what goes into a script: "db", "db.table", "column"
        LoadingRole,                 // bool: its children are on their way
    };
    enum class Kind { Database, Table, View, Model, Cube, Column, PartitionColumn };
    Q_ENUM(Kind)

    explicit SchemaModel(SchemaCache *cache, QObject *parent = nullptr);
    ~SchemaModel() override;

    SchemaCache *cache() const { return m_cache; }
    // Reads the databases when the cache has none yet.
    void start();

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    bool hasChildren(const QModelIndex &parent = {}) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QModelIndexList &indexes) const override;

    QModelIndex databaseIndex(const QString &database) const;
    QModelIndex tableIndex(const QString &database, const QString &table) const;

private:
    struct Node;
    Node *nodeOf(const QModelIndex &index) const;
    QModelIndex indexOf(Node *node, int column = 0) const;
    void resetDatabases();
    void fillTables(Node *database);
    void fillColumns(Node *table);
    void replaceChildren(Node *node, std::vector<std::unique_ptr<Node>> children);

    QPointer<SchemaCache> m_cache;
    std::unique_ptr<Node> m_root;
};

// A search box's filter over everything loaded: every word must appear in the row's name
// or qualified name; the rows above a match stay, and so do the rows below it.
class SchemaFilterModel final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SchemaFilterModel)

public:
    explicit SchemaFilterModel(QObject *parent = nullptr);
    void setSearchText(const QString &text);
    QString searchText() const { return m_words.join(u' '); }
    // The filter rule on its own: whether `name` (or `qualified`) matches all `words`.
    static bool matches(const QStringList &words, const QString &name, const QString &qualified);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QStringList m_words;
};

} // namespace JobDeck
