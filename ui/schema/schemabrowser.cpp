#include "schema/schemabrowser.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

#include <memory>

namespace JobDeck {

SchemaBrowser::SchemaBrowser(QWidget *parent)
    : QWidget(parent)
    , m_filter(new SchemaFilterModel(this))
    , m_search(new QLineEdit(this))
    , m_refresh(new QToolButton(this))
    , m_tree(new QTreeView(this))
    , m_status(new QLabel(this))
{
    setObjectName(QStringLiteral("schemaBrowser"));
    m_search->setObjectName(QStringLiteral("schemaSearch"));
    m_search->setClearButtonEnabled(true);
    m_refresh->setObjectName(QStringLiteral("schemaRefresh"));
    m_refresh->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_tree->setObjectName(QStringLiteral("schemaTree"));
    m_tree->setModel(m_filter);
    m_tree->setUniformRowHeights(true);
    m_tree->setDragEnabled(true);
    m_tree->setDragDropMode(QAbstractItemView::DragOnly);
    m_tree->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_tree->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_tree->setContextMenuPolicy(Qt::CustomContextMenu);
    m_tree->header()->setStretchLastSection(true);
    m_status->setObjectName(QStringLiteral("schemaStatus"));
    m_status->setWordWrap(true);

    auto *top = new QHBoxLayout;
    top->setContentsMargins(4, 4, 4, 0);
    top->addWidget(m_search, 1);
    top->addWidget(m_refresh);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(top);
    layout->addWidget(m_tree, 1);
    layout->addWidget(m_status);

    connect(m_search, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_filter->setSearchText(text);
        if (!text.isEmpty())
            m_tree->expandAll(); // only what is loaded: expanding asks for no level
        updateStatus();
    });
    connect(m_refresh, &QToolButton::clicked, this, [this] {
        if (m_cache)
            m_cache->refresh();
    });
    connect(m_tree, &QTreeView::doubleClicked, this, [this] { insertName(); });
    connect(m_tree, &QWidget::customContextMenuRequested, this, &SchemaBrowser::showContextMenu);
    retranslateUi();
}

void SchemaBrowser::setCache(SchemaCache *cache)
{
    if (cache == m_cache)
        return;
    m_filter->setSourceModel(nullptr);
    delete m_model;
    m_model = nullptr;
    m_cache = cache;
    m_lastError.clear();
    if (cache) {
        m_model = new SchemaModel(cache, this);
        m_filter->setSourceModel(m_model);
        connect(cache, &SchemaCache::fetchFailed, this, [this](const QString &what, const QString &message) {
            m_lastError = tr("Reading %1 failed: %2").arg(what, message);
            updateStatus();
        });
        for (auto signal : {&SchemaCache::databasesChanged, &SchemaCache::cleared})
            connect(cache, signal, this, &SchemaBrowser::updateStatus);
        connect(cache, &SchemaCache::tablesChanged, this, &SchemaBrowser::updateStatus);
        connect(cache, &SchemaCache::columnsChanged, this, &SchemaBrowser::updateStatus);
        m_model->start();
    }
    m_search->setEnabled(cache);
    m_refresh->setEnabled(cache);
    updateStatus();
}

QString SchemaBrowser::previewStatement(const QString &database, const QString &table)
{
    return QStringLiteral("SELECT * FROM %1.%2 LIMIT 100").arg(database, table);
}

QModelIndex SchemaBrowser::currentSource() const
{
    return m_filter->mapToSource(m_tree->currentIndex().siblingAtColumn(SchemaModel::NameColumn));
}

void SchemaBrowser::copyName()
{
    QStringList names;
    for (const QModelIndex &index : m_tree->selectionModel()->selectedRows(SchemaModel::NameColumn))
        names.append(index.data(SchemaModel::InsertTextRole).toString());
    if (names.isEmpty() && currentSource().isValid())
        names.append(currentSource().data(SchemaModel::InsertTextRole).toString());
    if (!names.isEmpty())
        QApplication::clipboard()->setText(names.join(QStringLiteral(", ")));
}

void SchemaBrowser::insertName()
{
    const QModelIndex index = currentSource();
    if (index.isValid())
        Q_EMIT insertTextRequested(index.data(SchemaModel::InsertTextRole).toString());
}

void SchemaBrowser::previewRows()
{
    const QModelIndex index = currentSource();
    auto kind = index.data(SchemaModel::KindRole).value<SchemaModel::Kind>();
    if (kind == SchemaModel::Kind::Column || kind == SchemaModel::Kind::PartitionColumn)
        kind = index.parent().data(SchemaModel::KindRole).value<SchemaModel::Kind>(); // its table's
    // Rows come from tables and views; a Kylin model or cube is no FROM target.
    if (!index.isValid() || (kind != SchemaModel::Kind::Table && kind != SchemaModel::Kind::View))
        return;
    Q_EMIT runRequested(previewStatement(index.data(SchemaModel::DatabaseRole).toString(),
                                         index.data(SchemaModel::TableRole).toString()));
}

void SchemaBrowser::showDdl()
{
    const QModelIndex index = currentSource();
    const QString table = index.data(SchemaModel::TableRole).toString();
    if (!index.isValid() || table.isEmpty())
        return;
    Q_EMIT ddlRequested(index.data(SchemaModel::DatabaseRole).toString(), table);
}

void SchemaBrowser::copyColumnNames()
{
    const QModelIndex index = currentSource();
    if (!index.isValid() || !m_cache)
        return;
    const QString database = index.data(SchemaModel::DatabaseRole).toString();
    const QString table = index.data(SchemaModel::TableRole).toString();
    if (table.isEmpty())
        return;
    const auto copy = [this, database, table] {
        QStringList names;
        for (const SchemaColumn &column : m_cache->columns(database, table))
            names.append(column.name);
        QApplication::clipboard()->setText(names.join(QStringLiteral(", ")));
    };
    if (m_cache->hasColumns(database, table)) {
        copy();
        return;
    }
    // Read them first; copy when they come.
    auto connection = std::make_shared<QMetaObject::Connection>();
    *connection = connect(m_cache,
                          &SchemaCache::columnsChanged,
                          this,
                          [connection, copy, database, table](const QString &db, const QString &t) {
                              if (db.compare(database, Qt::CaseInsensitive) != 0
                                  || t.compare(table, Qt::CaseInsensitive) != 0)
                                  return;
                              QObject::disconnect(*connection);
                              copy();
                          });
    m_cache->fetchColumns(database, table);
}

void SchemaBrowser::showContextMenu(const QPoint &at)
{
    const QModelIndex index = currentSource();
    if (!index.isValid())
        return;
    const auto kind = index.data(SchemaModel::KindRole).value<SchemaModel::Kind>();
    // Rows and DDL for tables and views; a Kylin model or cube lists its members only.
    const bool isTable = kind == SchemaModel::Kind::Table || kind == SchemaModel::Kind::View;
    const bool hasMembers = isTable || kind == SchemaModel::Kind::Model || kind == SchemaModel::Kind::Cube;
    QMenu menu(this);
    menu.setToolTipsVisible(true);
    menu.addAction(tr("Copy Name"), this, &SchemaBrowser::copyName);
    menu.addAction(tr("Insert at Cursor"), this, &SchemaBrowser::insertName);
    if (hasMembers)
        menu.addSeparator();
    if (isTable)
        menu.addAction(tr("Preview Rows"), this, &SchemaBrowser::previewRows);
    if (hasMembers)
        menu.addAction(tr("Copy All Column Names"), this, &SchemaBrowser::copyColumnNames);
    if (isTable) {
        QAction *ddl = menu.addAction(tr("Show DDL"), this, &SchemaBrowser::showDdl);
        ddl->setEnabled(m_ddlAvailable);
        if (!m_ddlAvailable)
            ddl->setToolTip(tr("This connection's server does not tell a table's DDL"));
    }
    menu.exec(m_tree->viewport()->mapToGlobal(at));
}

void SchemaBrowser::updateStatus()
{
    if (!m_cache) {
        m_status->setText(tr("This connection's server tells no schema"));
        return;
    }
    QString text;
    if (!m_cache->hasDatabases())
        text = m_cache->isFetching() ? tr("Reading the databases…") : tr("No databases read yet");
    else
        text = tr("%1, %2 and %3 read")
                   .arg(tr("%Ln database(s)", nullptr, int(m_cache->databases().size())),
                        tr("%Ln table(s)", nullptr, int(m_cache->tableCount())),
                        tr("%Ln column(s)", nullptr, int(m_cache->columnCount())));
    if (!m_filter->searchText().isEmpty())
        text += u" · " + tr("the search covers what has been read");
    if (!m_lastError.isEmpty())
        text += u"\n" + m_lastError;
    m_status->setText(text);
}

void SchemaBrowser::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void SchemaBrowser::retranslateUi()
{
    m_search->setPlaceholderText(tr("Search databases, tables and columns"));
    m_refresh->setText(tr("Refresh"));
    m_refresh->setToolTip(tr("Forget what was read and read the databases again"));
    updateStatus();
}

} // namespace JobDeck
