#include "joblist/joblistpanel.h"

#include "jobs/joblistmodel.h"

#include <QHeaderView>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace JobDeck {

JobListPanel::JobListPanel(JobListModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_proxy(new QSortFilterProxyModel(this))
    , m_view(new QTableView(this))
{
    setObjectName(QStringLiteral("jobListPanel"));
    m_proxy->setSourceModel(model);
    m_proxy->setSortRole(JobListModel::SortRole);
    m_view->setObjectName(QStringLiteral("jobTable"));
    m_view->setModel(m_proxy);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(JobListModel::SubmittedColumn, Qt::DescendingOrder);
    m_view->verticalHeader()->hide();
    m_view->setWordWrap(false);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);
    connect(m_view->selectionModel(),
            &QItemSelectionModel::currentRowChanged,
            this,
            [this](const QModelIndex &current) {
                Q_EMIT currentJobChanged(current.data(JobListModel::KeyRole).value<JobKey>());
            });
    connect(m_view, &QWidget::customContextMenuRequested, this, [this](const QPoint &position) {
        if (m_view->indexAt(position).isValid())
            Q_EMIT contextMenuRequested(m_view->viewport()->mapToGlobal(position));
    });
    connect(m_view, &QAbstractItemView::activated, this, [this](const QModelIndex &index) {
        Q_EMIT jobActivated(index.data(JobListModel::KeyRole).value<JobKey>());
    });
}

QList<JobKey> JobListPanel::selectedJobs() const
{
    QList<JobKey> keys;
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    for (const QModelIndex &row : rows)
        keys << row.data(JobListModel::KeyRole).value<JobKey>();
    return keys;
}

JobKey JobListPanel::currentJob() const
{
    return m_view->currentIndex().data(JobListModel::KeyRole).value<JobKey>();
}

void JobListPanel::selectJob(const JobKey &key)
{
    if (key == currentJob())
        return;
    const QModelIndex index = m_proxy->mapFromSource(m_model->indexOf(key));
    if (!index.isValid())
        return;
    m_view->setCurrentIndex(index);
    m_view->scrollTo(index);
}

} // namespace JobDeck
