#pragma once

#include "results/resultformat.h"
#include "results/resultsetmodel.h"

#include <QWidget>

class QLabel;
class QMenu;
class QSortFilterProxyModel;
class QTableView;
class QToolButton;

namespace JobDeck {

// One result set: its rows in a grid that reads more pages from the server as it is
// scrolled, the count of rows read and on the server, sorting of the rows read (and a word
// when that is not all of them), copying the selection in four formats and exporting the
// whole set.
class ResultSetView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ResultSetView)

public:
    // `model` becomes the view's. `resultSet` is the server's file of the set, for the
    // export (empty for a query's rows, which the export reads again page by page).
    ResultSetView(ResultSetModel *model,
                  Backend *backend,
                  const ResultSetRef &resultSet,
                  ResultPageFetcher exportPages,
                  const QString &statement,
                  QWidget *parent = nullptr);

    ResultSetModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    QString statement() const { return m_statement; }
    // "SELECT id, name FROM t (1,000,000 rows)"
    QString title() const;
    // "Rows 1–5,000 of 1,000,000", and what sorting covers.
    QString statusText() const;

    // The selected cells (their bounding rows and columns, in the order shown) as `format`.
    QString selectionText(RowFormat format) const;
    void copySelection(RowFormat format);
    void showExportDialog();

Q_SIGNALS:
    void titleChanged();

protected:
    void changeEvent(QEvent *event) override;

private:
    void updateStatus();
    void retranslateUi();
    void showContextMenu(const QPoint &at);

    ResultSetModel *m_model;
    QPointer<Backend> m_backend;
    ResultSetRef m_resultSet;
    ResultPageFetcher m_exportPages;
    QString m_statement;
    QSortFilterProxyModel *m_proxy;
    QTableView *m_table;
    QLabel *m_status;
    QToolButton *m_copyButton;
    QToolButton *m_exportButton;
    QMenu *m_copyMenu;
    QAction *m_copyTsv;
    QAction *m_copyCsv;
    QAction *m_copyMarkdown;
    QAction *m_copyInsert;
};

} // namespace JobDeck
