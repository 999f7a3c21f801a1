#pragma once

#include "jobs/job.h"

#include <QAbstractTableModel>
#include <QHash>

namespace JobDeck {

// The jobs of one connection, newest first, for the console's job list. Rows are updated in
// place (one dataChanged per changed row, never a reset), found by id in O(1); raw values
// beside the display text so views sort and paint from numbers and enums.
class JobListModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JobListModel)

public:
    enum Column {
        StateColumn,
        IdColumn,
        ScriptColumn,
        EngineColumn,
        SubmittedColumn,
        DurationColumn,
        ProgressColumn,
        ColumnCount
    };
    enum Role {
        JobRole = Qt::UserRole + 1, // the whole Job
        SortRole,                   // a raw value to sort by
        StateRole,                  // JobState
        ProgressRole,               // double 0..1, negative when unknown
    };

    explicit JobListModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Inserts a new job (at the top when it is newer than the rest) or updates the known one.
    void upsert(const Job &job);
    void upsert(const QList<Job> &jobs);
    // Forgets a job (dropped from the server); nothing happens when it is not listed.
    void remove(const QString &id);
    Job job(const QString &id) const;
    int rowOf(const QString &id) const { return m_rows.value(id, -1); }
    QModelIndex indexOf(const QString &id, int column = 0) const;

private:
    void reindexFrom(int row);

    QList<Job> m_jobs;
    QHash<QString, int> m_rows;
};

} // namespace JobDeck
