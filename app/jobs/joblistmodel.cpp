#include "jobs/joblistmodel.h"

#include <QLocale>

namespace JobDeck {

namespace {
QString firstLine(const QString &script)
{
    for (QStringView line : QStringView(script).tokenize(u'\n')) {
        const QStringView trimmed = line.trimmed();
        if (!trimmed.isEmpty() && !trimmed.startsWith(u"--"))
            return trimmed.left(120).toString();
    }
    return script.trimmed().left(120);
}

QString formatDuration(qint64 ms)
{
    if (ms < 0)
        return {};
    if (ms < 60000)
        return JobListModel::tr("%1 s").arg(QLocale().toString(ms / 1000.0, 'f', 1));
    const qint64 s = ms / 1000;
    if (s < 3600)
        return JobListModel::tr("%1 min %2 s").arg(s / 60).arg(s % 60);
    return JobListModel::tr("%1 h %2 min").arg(s / 3600).arg((s % 3600) / 60);
}

bool newer(const Job &a, const Job &b)
{
    if (a.submitted != b.submitted)
        return a.submitted > b.submitted;
    return a.ids.linkisTaskId > b.ids.linkisTaskId;
}
} // namespace

JobListModel::JobListModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

int JobListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_jobs.size());
}

int JobListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant JobListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case StateColumn:
        return tr("State");
    case IdColumn:
        return tr("Job");
    case ScriptColumn:
        return tr("Script");
    case EngineColumn:
        return tr("Engine");
    case SubmittedColumn:
        return tr("Submitted");
    case DurationColumn:
        return tr("Duration");
    case ProgressColumn:
        return tr("Progress");
    default:
        return {};
    }
}

QVariant JobListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Job &job = m_jobs.at(index.row());
    switch (role) {
    case JobRole:
        return QVariant::fromValue(job);
    case StateRole:
        return QVariant::fromValue(job.state);
    case ProgressRole:
        return job.progress;
    case Qt::ToolTipRole:
        if (index.column() == StateColumn && !job.errorMessage.isEmpty())
            return job.errorMessage;
        if (index.column() == ScriptColumn)
            return job.script.left(2000);
        if (index.column() == IdColumn)
            return job.id;
        return {};
    case SortRole:
        switch (index.column()) {
        case StateColumn:
            return int(job.state);
        case IdColumn:
            return job.ids.linkisTaskId > 0 ? QVariant(job.ids.linkisTaskId) : QVariant(job.id);
        case SubmittedColumn:
            return job.submitted;
        case DurationColumn:
            return job.durationMs;
        case ProgressColumn:
            return job.progress;
        default:
            return data(index, Qt::DisplayRole);
        }
    case Qt::DisplayRole:
        switch (index.column()) {
        case StateColumn:
            return jobStateDisplayName(job.state);
        case IdColumn:
            if (job.ids.linkisTaskId > 0)
                return QString::number(job.ids.linkisTaskId);
            // Kylin uuids and SQLFlow's 32 hex digits: the first 8 tell jobs apart, as short
            // git hashes do; the whole id is in the tooltip.
            return job.id.size() > 12 ? job.id.left(8) + u'…' : job.id;
        case ScriptColumn:
            return job.name.isEmpty() ? firstLine(job.script) : job.name;
        case EngineColumn:
            return job.runType.isEmpty() || job.runType == job.engine ? job.engine
                                                                      : job.engine + u" / " + job.runType;
        case SubmittedColumn:
            return QLocale().toString(job.submitted.toLocalTime(), QLocale::ShortFormat);
        case DurationColumn:
            return formatDuration(job.durationMs);
        case ProgressColumn:
            return job.progress < 0 ? QString() : QLocale().toString(job.progress * 100, 'f', 0) + u'%';
        default:
            return {};
        }
    case Qt::TextAlignmentRole:
        if (index.column() == DurationColumn || index.column() == ProgressColumn
            || index.column() == IdColumn)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    default:
        return {};
    }
}

void JobListModel::reindexFrom(int row)
{
    for (int i = row; i < m_jobs.size(); ++i)
        m_rows.insert(m_jobs.at(i).id, i);
}

void JobListModel::upsert(const Job &job)
{
    if (job.id.isEmpty())
        return;
    if (const int row = m_rows.value(job.id, -1); row >= 0) {
        if (m_jobs.at(row) == job)
            return;
        m_jobs[row] = job;
        Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
        return;
    }
    // Newest first: find where it goes (new submissions land at the top at once).
    int row = 0;
    while (row < m_jobs.size() && newer(m_jobs.at(row), job))
        ++row;
    beginInsertRows({}, row, row);
    m_jobs.insert(row, job);
    reindexFrom(row);
    endInsertRows();
}

void JobListModel::upsert(const QList<Job> &jobs)
{
    for (const Job &job : jobs)
        upsert(job);
}

void JobListModel::remove(const QString &id)
{
    const int row = m_rows.value(id, -1);
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    m_jobs.removeAt(row);
    m_rows.remove(id);
    reindexFrom(row);
    endRemoveRows();
}

Job JobListModel::job(const QString &id) const
{
    const int row = m_rows.value(id, -1);
    return row >= 0 ? m_jobs.at(row) : Job{};
}

QModelIndex JobListModel::indexOf(const QString &id, int column) const
{
    const int row = m_rows.value(id, -1);
    return row >= 0 ? index(row, column) : QModelIndex();
}

} // namespace JobDeck
