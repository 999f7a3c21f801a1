#include "results/resultsetview.h"

#include "results/exportdialog.h"

#include <QApplication>
#include <QClipboard>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QPainter>
#include <QScrollBar>
#include <QSortFilterProxyModel>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

#include <set>

namespace JobDeck {

namespace {

// NULL in italics in the palette's placeholder colour, so it never reads as the text "NULL"
// or as an empty string.
class NullDelegate final : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        if (index.data(ResultSetModel::IsNullRole).toBool()) {
            option->font.setItalic(true);
            const QColor placeholder = option->palette.color(QPalette::PlaceholderText);
            option->palette.setColor(QPalette::Text, placeholder);
            option->palette.setColor(QPalette::WindowText, placeholder);
        }
    }
};

} // namespace

ResultSetView::ResultSetView(ResultSetModel *model,
                             Backend *backend,
                             const ResultSetRef &resultSet,
                             ResultPageFetcher exportPages,
                             const QString &statement,
                             QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_backend(backend)
    , m_resultSet(resultSet)
    , m_exportPages(std::move(exportPages))
    , m_statement(statement)
    , m_proxy(new QSortFilterProxyModel(this))
    , m_table(new QTableView(this))
    , m_status(new QLabel(this))
    , m_copyButton(new QToolButton(this))
    , m_exportButton(new QToolButton(this))
    , m_copyMenu(new QMenu(this))
{
    model->setParent(this);
    model->setLocale(locale());
    m_proxy->setSourceModel(model);
    m_proxy->setSortRole(ResultSetModel::SortRole);
    m_proxy->setDynamicSortFilter(true);

    m_table->setObjectName(QStringLiteral("resultTable"));
    m_table->setModel(m_proxy);
    m_table->setItemDelegate(new NullDelegate(m_table));
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(false);
    // The server's order until a header is clicked.
    m_table->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    m_table->setSortingEnabled(true);
    m_table->horizontalHeader()->setSortIndicatorShown(true);
    m_table->horizontalHeader()->setSectionsMovable(true);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_table, &QWidget::customContextMenuRequested, this, &ResultSetView::showContextMenu);

    m_status->setObjectName(QStringLiteral("resultStatus"));
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_copyTsv = m_copyMenu->addAction(QString(), this, [this] { copySelection(RowFormat::Tsv); });
    m_copyCsv = m_copyMenu->addAction(QString(), this, [this] { copySelection(RowFormat::Csv); });
    m_copyMarkdown = m_copyMenu->addAction(QString(), this, [this] { copySelection(RowFormat::Markdown); });
    m_copyInsert = m_copyMenu->addAction(QString(), this, [this] { copySelection(RowFormat::SqlInsert); });
    m_copyTsv->setShortcut(QKeySequence::Copy);
    m_copyTsv->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(m_copyTsv);
    m_copyButton->setObjectName(QStringLiteral("copyButton"));
    m_copyButton->setMenu(m_copyMenu);
    m_copyButton->setPopupMode(QToolButton::InstantPopup);
    m_copyButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_exportButton->setObjectName(QStringLiteral("exportButton"));
    m_exportButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    connect(m_exportButton, &QToolButton::clicked, this, &ResultSetView::showExportDialog);

    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(6, 2, 6, 2);
    bar->addWidget(m_status, 1);
    bar->addWidget(m_copyButton);
    bar->addWidget(m_exportButton);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_table, 1);
    layout->addLayout(bar);

    connect(model, &ResultSetModel::stateChanged, this, [this] {
        updateStatus();
        Q_EMIT titleChanged();
    });
    connect(
        m_table->horizontalHeader(), &QHeaderView::sortIndicatorChanged, this, &ResultSetView::updateStatus);
    connect(model, &QAbstractItemModel::columnsInserted, this, [this] {
        m_table->horizontalHeader()->resizeSections(QHeaderView::ResizeToContents);
        for (int i = 0; i < m_model->columnCount(); ++i)
            m_table->setColumnWidth(i, std::min(m_table->columnWidth(i), 360));
    });
    retranslateUi();
}

QString ResultSetView::title() const
{
    const QString statement = statementTitle(m_statement.isEmpty() ? tr("Result") : m_statement, 32);
    const qint64 total = m_model->totalRows();
    if (total >= 0)
        return tr("%1 (%2 rows)").arg(statement, locale().toString(total));
    if (m_model->allLoaded())
        return tr("%1 (%2 rows)").arg(statement, locale().toString(m_model->rowCount()));
    return statement;
}

QString ResultSetView::statusText() const
{
    const QLocale here = locale();
    const qint64 loaded = m_model->rowCount();
    const qint64 total = m_model->totalRows();
    QString text;
    if (loaded == 0 && m_model->isLoading())
        text = tr("Reading the first rows…");
    else if (loaded == 0)
        text = tr("No rows");
    else if (total >= 0)
        text = tr("Rows 1–%1 of %2").arg(here.toString(loaded), here.toString(total));
    else if (m_model->allLoaded())
        text = tr("Rows 1–%1 of %1").arg(here.toString(loaded));
    else
        text = tr("Rows 1–%1; the server has more").arg(here.toString(loaded));
    if (m_model->isLoading() && loaded > 0)
        text += u" · " + tr("reading more…");
    else if (!m_model->allLoaded() && loaded > 0)
        text += u" · " + tr("scroll down to read more");
    const int sorted = m_table->horizontalHeader()->sortIndicatorSection();
    if (sorted >= 0 && sorted < m_model->columnCount() && !m_model->allLoaded())
        text += u" · "
                + tr("sorted by %1: only the %2 rows read so far")
                      .arg(m_model->columns().value(sorted), here.toString(loaded));
    if (!m_model->errorString().isEmpty())
        text += u" · " + tr("reading failed: %1").arg(m_model->errorString());
    if (!m_model->notice().isEmpty())
        text += u" · " + m_model->notice();
    return text;
}

void ResultSetView::updateStatus()
{
    m_status->setText(statusText());
}

QString ResultSetView::selectionText(RowFormat format) const
{
    const QModelIndexList selected = m_table->selectionModel()->selectedIndexes();
    if (selected.isEmpty())
        return {};
    std::set<int> rows;
    std::set<int> visualColumns;
    const QHeaderView *header = m_table->horizontalHeader();
    for (const QModelIndex &index : selected) {
        rows.insert(index.row());
        visualColumns.insert(header->visualIndex(index.column()));
    }
    QList<int> columns;
    for (int visual : visualColumns)
        columns.append(header->logicalIndex(visual));
    QStringList names;
    RowFormatOptions options;
    for (int column : columns) {
        names.append(m_model->columns().value(column));
        options.numeric.append(m_model->isNumericColumn(column));
    }
    options.separator = u',';
    options.nullText = format == RowFormat::Markdown ? QStringLiteral("NULL") : QString();
    QList<QStringList> cells;
    for (int row : rows) {
        QStringList line;
        for (int column : columns) {
            const QModelIndex source = m_proxy->mapToSource(m_proxy->index(row, column));
            line.append(m_model->rows().at(source.row()).value(column));
        }
        cells.append(line);
    }
    if (format == RowFormat::Tsv || format == RowFormat::Csv) {
        // One cell alone goes as its text, as a spreadsheet copies it.
        if (cells.size() == 1 && columns.size() == 1)
            return cells.first().first();
        return formatHeader(format, names, options) + formatRows(format, names, cells, options);
    }
    return formatTable(format, names, cells, options);
}

void ResultSetView::copySelection(RowFormat format)
{
    const QString text = selectionText(format);
    if (!text.isEmpty())
        QApplication::clipboard()->setText(text);
}

void ResultSetView::showExportDialog()
{
    auto *dialog
        = new ExportDialog(m_backend, m_resultSet, m_exportPages, statementTitle(m_statement, 60), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void ResultSetView::showContextMenu(const QPoint &at)
{
    QMenu menu(this);
    menu.addActions(m_copyMenu->actions());
    menu.addSeparator();
    menu.addAction(tr("Export the Whole Result Set…"), this, &ResultSetView::showExportDialog);
    menu.exec(m_table->viewport()->mapToGlobal(at));
}

void ResultSetView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    else if (event->type() == QEvent::LocaleChange)
        m_model->setLocale(locale());
    QWidget::changeEvent(event);
}

void ResultSetView::retranslateUi()
{
    m_copyButton->setText(tr("Copy"));
    m_copyButton->setToolTip(tr("Copy the selected cells"));
    m_exportButton->setText(tr("Export…"));
    m_exportButton->setToolTip(
        tr("Write the whole result set to a file, read from the server's result file"));
    m_copyTsv->setText(tr("Copy as TSV"));
    m_copyCsv->setText(tr("Copy as CSV"));
    m_copyMarkdown->setText(tr("Copy as Markdown"));
    m_copyInsert->setText(tr("Copy as SQL INSERT"));
    updateStatus();
    Q_EMIT titleChanged();
}

} // namespace JobDeck
