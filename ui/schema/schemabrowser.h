#pragma once

#include "schema/schemamodel.h"

#include <QPointer>
#include <QWidget>

class QLabel;
class QLineEdit;
class QToolButton;
class QTreeView;

namespace JobDeck {

// The databases, tables and columns of the connection, read a level at a time as the tree
// opens, with a search box over everything read so far. Names go into the script by
// double-click, by drag and drop (as text) or from the context menu, which also copies names,
// previews a table's first 100 rows, copies all its column names and shows its DDL.
class SchemaBrowser final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SchemaBrowser)

public:
    explicit SchemaBrowser(QWidget *parent = nullptr);

    // The schema to show (nullptr: none, the connection has no schema to give).
    void setCache(SchemaCache *cache);
    SchemaCache *cache() const { return m_cache; }
    SchemaModel *model() const { return m_model; }
    SchemaFilterModel *filter() const { return m_filter; }
    QTreeView *tree() const { return m_tree; }
    QLineEdit *searchBox() const { return m_search; }

    // "SELECT * FROM db.t LIMIT 100"
    static QString previewStatement(const QString &database, const QString &table);
    // The actions of the context menu, for the selected row (also what tests drive).
    void copyName();
    void insertName();
    void previewRows();
    void copyColumnNames();
    void showDdl();
    // Whether the connection's server tells a table's DDL (the context menu offers it then).
    void setDdlAvailable(bool available) { m_ddlAvailable = available; }

Q_SIGNALS:
    // Put `text` into the script at the cursor.
    void insertTextRequested(const QString &text);
    // Run `sql` on this connection (a preview of a table's rows).
    void runRequested(const QString &sql);
    // Show the DDL of `database`.`table`.
    void ddlRequested(const QString &database, const QString &table);

protected:
    void changeEvent(QEvent *event) override;

private:
    QModelIndex currentSource() const;
    void showContextMenu(const QPoint &at);
    void updateStatus();
    void retranslateUi();

    QPointer<SchemaCache> m_cache;
    SchemaModel *m_model = nullptr;
    SchemaFilterModel *m_filter;
    QLineEdit *m_search;
    QToolButton *m_refresh;
    QTreeView *m_tree;
    QLabel *m_status;
    QString m_lastError;
    bool m_ddlAvailable = false;
};

} // namespace JobDeck
