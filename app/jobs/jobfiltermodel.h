#pragma once

#include "jobs/jobfilter.h"
#include "jobs/jobkey.h"

#include <QBasicTimer>
#include <QHash>
#include <QSortFilterProxyModel>

#include <vector>

namespace JobDeck {

class JobListModel;

// The job list as shown: JobListModel's rows that JobFilter lets through, sorted by their raw
// values (JobListModel::lessThan, no QVariant per comparison). Keeps the number of jobs per
// state among those the rest of the filter lets through, so a filter bar can show
// "Running 3 · Failed 1" whichever states are picked.
class JobFilterModel final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JobFilterModel)

public:
    explicit JobFilterModel(QObject *parent = nullptr);
    ~JobFilterModel() override;

    // The source must be a JobListModel (anything else is refused with a warning).
    void setSourceModel(QAbstractItemModel *model) override;
    JobListModel *jobModel() const { return m_jobs; }

    const JobFilter &filter() const { return m_filter; }
    void setFilter(const JobFilter &filter);
    void setStates(const QSet<JobState> &states);
    void setText(const QString &text);
    void setConnections(const QSet<QString> &connections);
    void setTimeRange(JobFilter::TimeRange range);
    void setSubmittedByMe(bool on);
    void setCurrentUser(const QString &connection, const QString &user);
    void clearFilter();

    // Jobs per state among the rows the filter lets through whatever their state.
    QHash<JobState, int> stateCounts() const { return m_counts; }
    // Their sum: the jobs the filter would show with every state picked.
    int countAnyState() const { return m_countAny; }

    // Ranks the rows by `column` in one raw pass first, so that the proxy's own sort only
    // compares two integers per step.
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    JobKey keyAt(const QModelIndex &index) const;
    QModelIndex indexOf(const JobKey &key, int column = 0) const;

Q_SIGNALS:
    void stateCountsChanged();
    // Any criterion changed (the bar shows it, settings keep it).
    void filterChanged();

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;
    void timerEvent(QTimerEvent *event) override;

private:
    void applyFilter(const JobFilter &filter);
    void recountAll();
    void recountRows(int first, int last);
    void countInsertedRows(int first, int last);
    void countRow(int row, qint8 state);
    void announceCounts(const QHash<JobState, int> &before);
    void dropRanks();

    JobListModel *m_jobs = nullptr;
    JobFilter m_filter;
    QList<QMetaObject::Connection> m_sourceConnections;
    std::vector<qint8> m_counted; // per source row: the state it is counted under, or -1
    QHash<JobState, int> m_counts;
    int m_countAny = 0;
    QBasicTimer m_ageTimer; // with a time range, jobs age out of it
    // Per source row, its place in the order of m_rankColumn, until a row changes or moves;
    // then lessThan() compares the jobs themselves again.
    std::vector<int> m_rank;
    int m_rankColumn = -1;
};

} // namespace JobDeck
