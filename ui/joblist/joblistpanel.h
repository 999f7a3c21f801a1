#pragma once

#include "jobs/jobkey.h"

#include <QWidget>

class QSortFilterProxyModel;
class QTableView;

namespace JobDeck {

class JobListModel;

// The jobs of every open connection in one sortable list.
class JobListPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JobListPanel)

public:
    explicit JobListPanel(JobListModel *model, QWidget *parent = nullptr);

    QTableView *view() const { return m_view; }
    QList<JobKey> selectedJobs() const;
    JobKey currentJob() const;
    void selectJob(const JobKey &key);

Q_SIGNALS:
    void currentJobChanged(const JobDeck::JobKey &key);
    void contextMenuRequested(const QPoint &globalPos);
    void jobActivated(const JobDeck::JobKey &key);

private:
    JobListModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QTableView *m_view;
};

} // namespace JobDeck
