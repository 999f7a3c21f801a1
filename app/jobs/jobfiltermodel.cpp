#include "jobs/jobfiltermodel.h"

#include "jobs/joblistmodel.h"

#include <QLoggingCategory>
#include <QTimerEvent>

#include <algorithm>
#include <numeric>

namespace JobDeck {

namespace {
Q_LOGGING_CATEGORY(lcFilter, "jobdeck.joblist")

// Jobs leave a relative time range as time passes; once a minute is close enough.
constexpr int AgeCheckMs = 60 * 1000;
constexpr size_t ManyChangedRows = 1000; // rows coming or going past which the proxy filters afresh
} // namespace

JobFilterModel::JobFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(JobListModel::SortRole);
    // Every update carries JobRole, so every update of a row is filtered again.
    setFilterRole(JobListModel::JobRole);
    setFilterKeyColumn(-1);
    setDynamicSortFilter(true);
}

JobFilterModel::~JobFilterModel() = default;

void JobFilterModel::setSourceModel(QAbstractItemModel *model)
{
    auto *jobs = qobject_cast<JobListModel *>(model);
    if (model && !jobs) {
        qCWarning(lcFilter) << "JobFilterModel filters a JobListModel only, not" << model;
        return;
    }
    for (const QMetaObject::Connection &connection : std::as_const(m_sourceConnections))
        disconnect(connection);
    m_sourceConnections.clear();
    m_jobs = jobs;
    const QHash<JobState, int> previous = m_counts;
    m_counted.clear();
    m_counts.clear();
    m_countAny = 0;
    if (m_jobs) {
        auto &c = m_sourceConnections;
        c << connect(m_jobs,
                     &QAbstractItemModel::rowsInserted,
                     this,
                     [this](const QModelIndex &, int first, int last) {
                         dropRanks(); // before the proxy places the new rows
                         const QHash<JobState, int> before = m_counts;
                         countInsertedRows(first, last);
                         announceCounts(before);
                     });
        // Rows going stop counting; their places go once they are gone, so the rows and what
        // is known about them line up whenever the proxy asks.
        c << connect(m_jobs,
                     &QAbstractItemModel::rowsAboutToBeRemoved,
                     this,
                     [this](const QModelIndex &, int first, int last) {
                         const QHash<JobState, int> before = m_counts;
                         for (int row = first; row <= last; ++row)
                             countRow(row, -1);
                         announceCounts(before);
                     });
        c << connect(
            m_jobs, &QAbstractItemModel::rowsRemoved, this, [this](const QModelIndex &, int first, int last) {
                dropRanks();
                m_counted.erase(m_counted.begin() + first, m_counted.begin() + last + 1);
            });
        c << connect(
            m_jobs,
            &QAbstractItemModel::dataChanged,
            this,
            [this](const QModelIndex &topLeft, const QModelIndex &bottomRight, const QList<int> &roles) {
                if (!roles.isEmpty() && !roles.contains(JobListModel::JobRole))
                    return;  // a duration tick, a label: nothing the filter reads
                dropRanks(); // before the proxy moves the changed rows
                const QHash<JobState, int> before = m_counts;
                recountRows(topLeft.row(), bottomRight.row());
                announceCounts(before);
            });
        c << connect(m_jobs, &QAbstractItemModel::modelReset, this, [this] {
            dropRanks();
            const QHash<JobState, int> before = m_counts;
            recountAll();
            announceCounts(before);
        });
        c << connect(m_jobs, &QAbstractItemModel::layoutChanged, this, [this] {
            dropRanks();
            const QHash<JobState, int> before = m_counts;
            recountAll();
            announceCounts(before);
        });
    }
    QSortFilterProxyModel::setSourceModel(model);
    recountAll();
    announceCounts(previous);
}

void JobFilterModel::countRow(int row, qint8 state)
{
    qint8 &counted = m_counted[size_t(row)];
    if (counted == state)
        return;
    if (counted >= 0) {
        if (int &n = m_counts[JobState(counted)]; --n <= 0)
            m_counts.remove(JobState(counted));
        --m_countAny;
    }
    counted = state;
    if (state >= 0) {
        ++m_counts[JobState(state)];
        ++m_countAny;
    }
}

void JobFilterModel::recountRows(int first, int last)
{
    if (!m_jobs)
        return;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (int row = first; row <= last && size_t(row) < m_counted.size(); ++row) {
        const Job &job = m_jobs->jobAt(row);
        const bool counted = m_filter.acceptsAnyState(job, m_jobs->connectionAt(row), now);
        countRow(row, counted ? qint8(job.state) : qint8(-1));
    }
}

void JobFilterModel::recountAll()
{
    m_counted.assign(m_jobs ? size_t(m_jobs->rowCount()) : 0, qint8(-1));
    m_counts.clear();
    m_countAny = 0;
    if (!m_counted.empty())
        recountRows(0, int(m_counted.size()) - 1);
}

void JobFilterModel::countInsertedRows(int first, int last)
{
    m_counted.insert(m_counted.begin() + first, size_t(last - first + 1), qint8(-1));
    recountRows(first, last);
}

void JobFilterModel::announceCounts(const QHash<JobState, int> &before)
{
    if (before != m_counts)
        Q_EMIT stateCountsChanged();
}

void JobFilterModel::applyFilter(const JobFilter &filter)
{
    const bool criteria = !(filter == m_filter);
    const JobFilter previous = m_filter;
    m_filter = filter;
    if (m_filter.timeRange() == JobFilter::TimeRange::Any)
        m_ageTimer.stop();
    else if (!m_ageTimer.isActive())
        m_ageTimer.start(AgeCheckMs, Qt::VeryCoarseTimer, this);
    const QHash<JobState, int> before = m_counts;
    const std::vector<qint8> counted = m_counted;
    recountAll();
    // How many rows come or go. The proxy inserts and removes rows one interval at a time,
    // each a shift of its mapping: fine for a few, quadratic when a filter is typed or cleared
    // over 100,000 jobs. Past a few, it filters and sorts afresh (one layout change) instead.
    size_t changed = 0;
    for (size_t row = 0; row < counted.size() && row < m_counted.size(); ++row) {
        const bool was = counted[row] >= 0 && previous.acceptsState(JobState(counted[row]));
        const bool is = m_counted[row] >= 0 && m_filter.acceptsState(JobState(m_counted[row]));
        changed += was != is ? 1 : 0;
    }
    if (changed > ManyChangedRows)
        invalidate();
    else
        invalidateRowsFilter();
    announceCounts(before);
    if (criteria)
        Q_EMIT filterChanged();
}

void JobFilterModel::setFilter(const JobFilter &filter)
{
    JobFilter next = filter;
    // Who "me" is comes from the connections, not from a saved filter.
    next.setCurrentUsers(m_filter.currentUsers());
    applyFilter(next);
}

void JobFilterModel::setStates(const QSet<JobState> &states)
{
    JobFilter next = m_filter;
    next.setStates(states);
    applyFilter(next);
}

void JobFilterModel::setText(const QString &text)
{
    JobFilter next = m_filter;
    next.setText(text);
    applyFilter(next);
}

void JobFilterModel::setConnections(const QSet<QString> &connections)
{
    JobFilter next = m_filter;
    next.setConnections(connections);
    applyFilter(next);
}

void JobFilterModel::setTimeRange(JobFilter::TimeRange range)
{
    JobFilter next = m_filter;
    next.setTimeRange(range);
    applyFilter(next);
}

void JobFilterModel::setSubmittedByMe(bool on)
{
    JobFilter next = m_filter;
    next.setSubmittedByMe(on);
    applyFilter(next);
}

void JobFilterModel::setCurrentUser(const QString &connection, const QString &user)
{
    if (m_filter.currentUser(connection) == user)
        return;
    JobFilter next = m_filter;
    next.setCurrentUser(connection, user);
    if (m_filter.submittedByMe())
        applyFilter(next);
    else
        m_filter = next; // nothing shown changes
}

void JobFilterModel::clearFilter()
{
    JobFilter next = m_filter;
    next.clear();
    applyFilter(next);
}

bool JobFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (!m_jobs || sourceParent.isValid())
        return false;
    // What the counting found for the row decides all but the state. The handlers that keep it
    // are connected before the proxy's own, so it is current whenever the proxy asks.
    if (size_t(sourceRow) < m_counted.size()) {
        const qint8 counted = m_counted[size_t(sourceRow)];
        return counted >= 0 && m_filter.acceptsState(JobState(counted));
    }
    return m_filter.accepts(m_jobs->jobAt(sourceRow), m_jobs->connectionAt(sourceRow));
}

void JobFilterModel::dropRanks()
{
    m_rank.clear();
    m_rankColumn = -1;
}

void JobFilterModel::sort(int column, Qt::SortOrder order)
{
    if (dynamicSortFilter() && column == sortColumn() && order == sortOrder())
        return; // already so (the proxy would do nothing either)
    dropRanks();
    if (m_jobs && column >= 0 && column < m_jobs->columnCount()) {
        // QSortFilterProxyModel's merge sort makes two model indexes and three virtual calls
        // per comparison; ordering plain row numbers first leaves it one array lookup each.
        const std::vector<int> rows = m_jobs->rowsInOrder(column);
        m_rank.resize(rows.size());
        for (size_t place = 0; place < rows.size(); ++place)
            m_rank[size_t(rows[place])] = int(place);
        m_rankColumn = column;
    }
    QSortFilterProxyModel::sort(column, order);
}

bool JobFilterModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    if (!m_jobs)
        return QSortFilterProxyModel::lessThan(left, right);
    if (left.column() == m_rankColumn && size_t(left.row()) < m_rank.size()
        && size_t(right.row()) < m_rank.size())
        return m_rank[size_t(left.row())] < m_rank[size_t(right.row())];
    return m_jobs->lessThan(left.row(), right.row(), left.column());
}

void JobFilterModel::timerEvent(QTimerEvent *event)
{
    if (event->timerId() != m_ageTimer.timerId()) {
        QSortFilterProxyModel::timerEvent(event);
        return;
    }
    const QHash<JobState, int> before = m_counts;
    recountAll();
    invalidateRowsFilter();
    announceCounts(before);
}

JobKey JobFilterModel::keyAt(const QModelIndex &index) const
{
    if (!m_jobs || !index.isValid() || index.model() != this)
        return {};
    return m_jobs->keyAt(mapToSource(index).row());
}

QModelIndex JobFilterModel::indexOf(const JobKey &key, int column) const
{
    return m_jobs ? mapFromSource(m_jobs->indexOf(key, column)) : QModelIndex();
}

} // namespace JobDeck
