#pragma once

#include "backends/backend.h"

#include <QAbstractTableModel>
#include <QLocale>
#include <QPointer>

#include <functional>

namespace JobDeck {

// Asks the server for page `page` (1-based) of `pageSize` rows of one result set.
using ResultPageFetcher = std::function<Pending<ResultPage> *(int page, int pageSize)>;

// The pages of a Linkis (or jobdeck-server) result file, read with filesystem/openFile.
ResultPageFetcher resultFilePages(Backend *backend, const ResultSetRef &resultSet);
// The pages of a statement run through a query API (Kylin): each page asks again with its offset.
ResultPageFetcher queryPages(Backend *backend, const QueryRequest &request);

// Whether a server's type name is a number (int, bigint, decimal(10,2), double, ...).
bool isNumericType(QStringView type);

// A result set read from the server a page at a time as the view scrolls (canFetchMore /
// fetchMore), never more than one page in flight. Rows stay in the order the server gives;
// sorting is a proxy's job (SortRole gives numbers for numeric columns; NULL is invalid, so a
// QSortFilterProxyModel puts it after every value in ascending order).
class ResultSetModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ResultSetModel)

public:
    enum Role {
        IsNullRole = Qt::UserRole + 1, // bool: the cell is SQL NULL
        RawTextRole,                   // QString: the cell as the server gave it (null for NULL)
        SortRole,                      // double for numeric columns, the text otherwise, invalid for NULL
        IsNumericRole,                 // bool, on cells and on horizontal headers
        ColumnTypeRole,                // QString, horizontal headers
    };

    ResultSetModel(ResultPageFetcher fetcher, int pageSize = 5000, QObject *parent = nullptr);
    ~ResultSetModel() override;

    // The first page, when the caller already has it (saves asking again).
    void setFirstPage(const ResultPage &page);
    // Asks for the first page when none was given.
    void start();
    void setLocale(const QLocale &locale);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    QStringList columns() const { return m_columns; }
    QStringList columnTypes() const { return m_types; }
    bool isNumericColumn(int column) const { return m_numeric.value(column); }
    const QList<QStringList> &rows() const { return m_rows; }
    int pageSize() const { return m_pageSize; }
    // Rows on the server: -1 while unknown (before the first page, or a server that does not count).
    qint64 totalRows() const { return m_totalRows; }
    bool allLoaded() const { return m_started && !m_hasMore; }
    bool isLoading() const { return m_inFlight != nullptr; }
    int pagesRequested() const { return m_pagesRequested; }
    QString errorString() const { return m_error; }
    QString notice() const { return m_notice; }
    // The text a cell shows: numbers in the locale's format, NULL as "NULL".
    QString displayText(int row, int column) const;

Q_SIGNALS:
    // After each page arrives or fails: counts, loading state or the error changed.
    void stateChanged();

private:
    void request(int page);
    void receive(int page, const Result<ResultPage> &result);
    void takeColumns(const ResultPage &page);

    ResultPageFetcher m_fetcher;
    int m_pageSize;
    QLocale m_locale;
    QStringList m_columns;
    QStringList m_types;
    QList<bool> m_numeric;
    QList<QStringList> m_rows;
    qint64 m_totalRows = -1;
    int m_nextPage = 1;
    bool m_hasMore = true;
    bool m_started = false;
    int m_pagesRequested = 0;
    QPointer<Pending<ResultPage>> m_inFlight;
    QString m_error;
    QString m_notice;
};

} // namespace JobDeck
