#include "results/resultsetmodel.h"

#include <QRegularExpression>

namespace JobDeck {

ResultPageFetcher resultFilePages(Backend *backend, const ResultSetRef &resultSet)
{
    QPointer<Backend> guard(backend);
    return [guard, resultSet](int page, int pageSize) -> Pending<ResultPage> * {
        if (!guard)
            return nullptr;
        return guard->resultPage(resultSet, page, pageSize);
    };
}

ResultPageFetcher queryPages(Backend *backend, const QueryRequest &request)
{
    QPointer<Backend> guard(backend);
    return [guard, request](int page, int pageSize) -> Pending<ResultPage> * {
        if (!guard)
            return nullptr;
        QueryRequest paged = request;
        paged.offset = qint64(page - 1) * pageSize;
        paged.limit = pageSize;
        return guard->query(paged);
    };
}

bool isNumericType(QStringView type)
{
    static const QRegularExpression numeric(
        QStringLiteral("^\\s*(tinyint|smallint|mediumint|int|integer|bigint|long|short|byte|float|double|"
                       "real|decimal|numeric|number|int2|int4|int8|float4|float8|hugeint)\\b"),
        QRegularExpression::CaseInsensitiveOption);
    return numeric.matchView(type).hasMatch();
}

ResultSetModel::ResultSetModel(ResultPageFetcher fetcher, int pageSize, QObject *parent)
    : QAbstractTableModel(parent)
    , m_fetcher(std::move(fetcher))
    , m_pageSize(std::max(1, pageSize))
{}

ResultSetModel::~ResultSetModel()
{
    if (m_inFlight)
        m_inFlight->cancel();
}

void ResultSetModel::setLocale(const QLocale &locale)
{
    m_locale = locale;
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1), {Qt::DisplayRole});
}

void ResultSetModel::takeColumns(const ResultPage &page)
{
    if (!m_columns.isEmpty() || page.columns.isEmpty())
        return;
    beginInsertColumns({}, 0, int(page.columns.size()) - 1);
    m_columns = page.columns;
    m_types = page.columnTypes;
    m_numeric.clear();
    for (qsizetype i = 0; i < m_columns.size(); ++i)
        m_numeric.append(isNumericType(m_types.value(i)));
    endInsertColumns();
}

void ResultSetModel::setFirstPage(const ResultPage &page)
{
    if (m_started)
        return;
    m_started = true;
    m_pagesRequested = 0;
    receive(1, page);
}

void ResultSetModel::start()
{
    if (m_started)
        return;
    m_started = true;
    request(1);
}

void ResultSetModel::request(int page)
{
    if (m_inFlight)
        return;
    Pending<ResultPage> *call = m_fetcher ? m_fetcher(page, m_pageSize) : nullptr;
    if (!call) {
        m_error = tr("The connection of this result set is closed");
        m_hasMore = false;
        Q_EMIT stateChanged();
        return;
    }
    ++m_pagesRequested;
    m_inFlight = call;
    onFinished(call, this, [this, page, call](const Result<ResultPage> &result) {
        if (m_inFlight == call)
            m_inFlight = nullptr;
        receive(page, result);
    });
    Q_EMIT stateChanged();
}

void ResultSetModel::receive(int page, const Result<ResultPage> &result)
{
    if (!result) {
        m_error = result.error().describe();
        Q_EMIT stateChanged();
        return;
    }
    m_error.clear();
    if (!result->notice.isEmpty())
        m_notice = result->notice;
    if (result->totalRows >= 0)
        m_totalRows = result->totalRows;
    const QList<QStringList> &rows = result->rows;
    // Where the next page starts is settled before the columns and rows go in: a view may
    // ask for more while it hears of them.
    m_nextPage = page + 1;
    // A short page ends the set even where the server gives no total.
    m_hasMore = result->hasMore && !rows.isEmpty();
    if (m_totalRows >= 0 && m_rows.size() + rows.size() >= m_totalRows)
        m_hasMore = false;
    takeColumns(*result);
    if (!rows.isEmpty() && !m_columns.isEmpty()) {
        const int first = int(m_rows.size());
        beginInsertRows({}, first, first + int(rows.size()) - 1);
        m_rows.append(rows);
        endInsertRows();
    }
    Q_EMIT stateChanged();
}

int ResultSetModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ResultSetModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_columns.size());
}

QString ResultSetModel::displayText(int row, int column) const
{
    const QString &cell = m_rows.at(row).at(column);
    if (cell.isNull())
        return QStringLiteral("NULL");
    if (!m_numeric.value(column))
        return cell;
    bool ok = false;
    const qlonglong whole = cell.toLongLong(&ok);
    if (ok)
        return m_locale.toString(whole);
    const double number = cell.toDouble(&ok);
    if (!ok || cell.contains(u'e') || cell.contains(u'E'))
        return cell;
    const qsizetype dot = cell.indexOf(u'.');
    return m_locale.toString(number, 'f', dot < 0 ? 0 : int(cell.size() - dot - 1));
}

QVariant ResultSetModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QStringList &row = m_rows.at(index.row());
    if (index.column() >= row.size()) // a short row: the server sent fewer cells
        return role == IsNullRole ? QVariant(true) : QVariant();
    const QString &cell = row.at(index.column());
    switch (role) {
    case Qt::DisplayRole:
        return displayText(index.row(), index.column());
    case Qt::ToolTipRole:
        return cell.isNull() ? QStringLiteral("NULL") : cell.left(2000);
    case Qt::TextAlignmentRole:
        return int((m_numeric.value(index.column()) ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter);
    case IsNullRole:
        return cell.isNull();
    case RawTextRole:
    case Qt::EditRole:
        return cell;
    case SortRole: {
        if (cell.isNull())
            return {};
        if (m_numeric.value(index.column())) {
            bool ok = false;
            const double number = cell.toDouble(&ok);
            if (ok)
                return number;
        }
        return cell;
    }
    case IsNumericRole:
        return m_numeric.value(index.column());
    default:
        return {};
    }
}

QVariant ResultSetModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Vertical)
        return role == Qt::DisplayRole ? QVariant(m_locale.toString(section + 1)) : QVariant();
    if (section < 0 || section >= m_columns.size())
        return {};
    switch (role) {
    case Qt::DisplayRole:
        return m_columns.at(section);
    case Qt::ToolTipRole:
        return m_types.value(section).isEmpty()
                   ? m_columns.at(section)
                   : QString(m_columns.at(section) + u": " + m_types.value(section));
    case ColumnTypeRole:
        return m_types.value(section);
    case IsNumericRole:
        return m_numeric.value(section);
    default:
        return {};
    }
}

bool ResultSetModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_started && m_hasMore && m_error.isEmpty() && !m_inFlight;
}

void ResultSetModel::fetchMore(const QModelIndex &parent)
{
    if (canFetchMore(parent))
        request(m_nextPage);
}

} // namespace JobDeck
