#pragma once

#include "jobs/job.h"
#include "jobs/jobkey.h"

#include <QAbstractTableModel>
#include <QBasicTimer>
#include <QDateTime>
#include <QHash>
#include <QSet>

#include <memory>
#include <vector>

namespace JobDeck {

class JobHistorySource;

// The jobs of every open connection in one table, for the console's job list.
//
// Rows are kept in arrival order (new jobs are appended; a proxy sorts them) and found by
// JobKey in O(1). An update changes its row in place and emits dataChanged limited to the rows,
// columns and roles that changed, batched into contiguous runs per call; the model is never
// reset. Raw values (SortRole, StateRole, ProgressRole) sit beside the display text so views
// sort and paint from numbers, enums and dates. The duration of running jobs ticks once a second.
//
// History: each connection may have a JobHistorySource; canFetchMore()/fetchMore() on the root
// read one page of one source at a time, so a view loads only what it is scrolled to.
class JobListModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JobListModel)

public:
    enum Column {
        StateColumn,
        JobColumn,
        ConnectionColumn,
        EngineColumn,
        SubmitterColumn,
        SubmittedColumn,
        DurationColumn,
        ProgressColumn,
        ColumnCount
    };
    Q_ENUM(Column)
    enum Role {
        JobRole = Qt::UserRole + 1, // Job: the whole job
        KeyRole,                    // JobKey
        ConnectionRole,             // QString: the connection's id
        SortRole,                   // the column's raw value (int, qint64, double, QString, QDateTime)
        StateRole,                  // JobState
        ProgressRole,               // double 0..1, negative when unknown
    };
    Q_ENUM(Role)

    explicit JobListModel(QObject *parent = nullptr);
    ~JobListModel() override;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    // Adds the jobs not listed yet (at the end) and updates the others in place. Jobs without
    // an id are ignored.
    void upsert(const QString &connection, const QList<Job> &jobs);
    void upsert(const QString &connection, const Job &job);
    // Forgets a job (dropped from the server); nothing happens when it is not listed.
    void remove(const JobKey &key);
    // Forgets every job of a connection (closed), and its history source.
    void removeConnection(const QString &connection);
    // What the connection column shows for the connection (its id until set).
    void setConnectionLabel(const QString &connection, const QString &label);
    QString connectionLabel(const QString &connection) const;
    // The connections with jobs, a label or a history source, sorted by label.
    QStringList connections() const;
    // Where the older jobs of `connection` come from; nullptr removes it. The model does not
    // own the source; remove it before the source goes.
    void setHistorySource(const QString &connection, JobHistorySource *source);

    Job job(const JobKey &key) const;
    bool contains(const JobKey &key) const { return m_index.contains(key); }
    QModelIndex indexOf(const JobKey &key, int column = 0) const;
    int rowOf(const JobKey &key) const;
    JobKey keyAt(int row) const;
    // The job of a row, without a copy; `row` must be valid.
    const Job &jobAt(int row) const { return m_entries[size_t(row)]->job; }
    const QString &connectionAt(int row) const { return m_entries[size_t(row)]->key.connection; }
    QList<JobKey> keys(const QString &connection) const;
    int jobCount(const QString &connection) const { return m_counts.value(connection); }

    // Compares two rows by a column's raw value (what SortRole holds), without QVariants:
    // proxies sort 100,000 rows with it. Ties are broken by submission time, then by key.
    bool lessThan(int leftRow, int rightRow, int column) const;
    // Every row, in the order lessThan() gives `column`: texts are ranked once among their
    // distinct values, so the sort itself compares integers (100,000 rows in a few ms).
    std::vector<int> rowsInOrder(int column) const;

    // A job's duration when it is not running: the server's figure, or end minus start.
    static qint64 staticDurationMs(const Job &job);

    // The language changed: headers, states, durations and dates are told to views again.
    void retranslate();

protected:
    void timerEvent(QTimerEvent *event) override;

private:
    struct Entry
    {
        JobKey key;
        Job job;
        int row = 0;
        // What sorting compares, 100,000s of times a sort, made once per update.
        qint64 submittedMs = 0;
        qint64 durationMs = -1; // while live: -1, and startedMs counts
        qint64 startedMs = 0;
        double progress = -1;
        bool live = false;
        QString jobText; // case-folded
        QString engineText;
        QString submitterText;
        void setJob(const Job &value);
    };

    void ensureRows() const;
    bool tieBreak(const Entry &left, const Entry &right) const;
    qint64 sortDuration(const Entry &entry) const;
    void updateLive(Entry *entry);
    void eraseRows(int first, int last);
    QVariant sortValue(const Entry &entry, int column) const;
    QString displayText(const Entry &entry, int column) const;
    QString toolTip(const Entry &entry, int column) const;
    qint64 durationMs(const Job &job, qint64 nowMs) const;
    void noteSubmitted(const QString &connection, const QDateTime &submitted);

    std::vector<std::unique_ptr<Entry>> m_entries;
    QHash<JobKey, Entry *> m_index;
    mutable int m_dirtyFrom = -1; // rows from here on must be renumbered (after a removal)
    QHash<QString, int> m_counts;
    QHash<QString, QString> m_labels;
    QSet<Entry *> m_live; // running jobs whose duration grows
    QBasicTimer m_tick;
    mutable qint64 m_nowMs = 0; // the clock sorting reads: once per tick, update and sort
    QHash<QString, JobHistorySource *> m_sources;
    QHash<QString, QDateTime> m_oldest; // per connection: the oldest submission listed
};

} // namespace JobDeck
