#include "jobs/joblistmodel.h"

#include "jobs/jobhistorysource.h"

#include <QLocale>
#include <QTimerEvent>

#include <algorithm>
#include <bit>
#include <functional>
#include <limits>
#include <numeric>
#include <optional>

namespace JobDeck {

namespace {

constexpr int TickMs = 1000;
constexpr size_t MaxTickRuns = 16;
constexpr qsizetype ShortNameLength = 80;

// An unnamed Linkis task: listed and sorted by its number.
bool isNumbered(const Job &job)
{
    return job.name.isEmpty() && job.ids.linkisTaskId > 0;
}

// The rank of each of `count` texts among their distinct values, in QString::compare()
// order: hashing each text once and sorting only the distinct ones beats comparing texts
// a million times when many rows share a text (submitters, engines, report names).
template<typename TextOf>
std::vector<int> rankTexts(size_t count, TextOf textOf)
{
    QHash<QStringView, int> slots;
    std::vector<QStringView> distinct;
    std::vector<int> ranks(count);
    for (size_t i = 0; i < count; ++i) {
        const QStringView text = textOf(i);
        auto it = slots.constFind(text);
        if (it == slots.cend()) {
            it = slots.insert(text, int(distinct.size()));
            distinct.push_back(text);
        }
        ranks[i] = *it;
    }
    std::vector<int> order(distinct.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](int a, int b) {
        return distinct[size_t(a)].compare(distinct[size_t(b)]) < 0;
    });
    std::vector<int> rankOfSlot(distinct.size());
    for (size_t place = 0; place < order.size(); ++place)
        rankOfSlot[size_t(order[place])] = int(place);
    for (int &rank : ranks)
        rank = rankOfSlot[size_t(rank)];
    return ranks;
}

QString shortId(const Job &job)
{
    if (job.ids.linkisTaskId > 0)
        return QString::number(job.ids.linkisTaskId);
    // Kylin uuids and SQLFlow's 32 hex digits: the first 8 tell jobs apart, as short git
    // hashes do; the whole id is in the tooltip.
    return job.id.size() > 12 ? job.id.left(8) + u'…' : job.id;
}

QString firstLines(const QString &script, int lines)
{
    QStringList kept;
    for (QStringView line : QStringView(script).tokenize(u'\n')) {
        const QStringView trimmed = line.trimmed();
        if (trimmed.isEmpty())
            continue;
        kept.append(trimmed.left(160).toString());
        if (kept.size() == lines)
            break;
    }
    return kept.join(u'\n');
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

QString engineText(const Job &job)
{
    return job.runType.isEmpty() || job.runType == job.engine ? job.engine
                                                              : job.engine + u" / " + job.runType;
}

bool isLive(const Job &job)
{
    return (job.state == JobState::Running || job.state == JobState::Retrying) && job.started.isValid();
}

// What one update changed: a bit per column, and whether the state or the progress did.
struct Change
{
    unsigned columns = 0;
    bool state = false;
    bool progress = false;
    bool any = false;
};

constexpr unsigned bit(int column)
{
    return 1u << column;
}

Change diff(const Job &before, const Job &after)
{
    Change change;
    if (before == after)
        return change;
    change.any = true;
    change.state = before.state != after.state;
    change.progress = before.progress != after.progress;
    if (change.state || before.rawStatus != after.rawStatus || before.errorMessage != after.errorMessage)
        change.columns |= bit(JobListModel::StateColumn);
    if (before.name != after.name || before.id != after.id
        || before.ids.linkisTaskId != after.ids.linkisTaskId || before.script != after.script)
        change.columns |= bit(JobListModel::JobColumn);
    if (before.engine != after.engine || before.runType != after.runType)
        change.columns |= bit(JobListModel::EngineColumn);
    if (before.submitter != after.submitter)
        change.columns |= bit(JobListModel::SubmitterColumn);
    if (before.submitted != after.submitted)
        change.columns |= bit(JobListModel::SubmittedColumn);
    if (change.state || before.durationMs != after.durationMs || before.started != after.started
        || before.ended != after.ended)
        change.columns |= bit(JobListModel::DurationColumn);
    if (change.progress || change.state)
        change.columns |= bit(JobListModel::ProgressColumn);
    return change;
}

// Rows whose changes are told together: contiguous rows, the union of their columns and roles.
struct Run
{
    int first = 0;
    int last = 0;
    unsigned columns = 0;
    bool state = false;
    bool progress = false;
};

template<typename Model>
void emitRuns(Model *model, std::vector<std::pair<int, Change>> &changes)
{
    if (changes.empty())
        return;
    std::sort(changes.begin(), changes.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
    const auto flush = [model](const Run &run) {
        // A change outside every column (steps, sub-jobs, ...) is still a new JobRole value.
        const unsigned columns = run.columns ? run.columns : bit(JobListModel::StateColumn);
        int firstColumn = 0;
        while (!(columns & bit(firstColumn)))
            ++firstColumn;
        int lastColumn = JobListModel::ColumnCount - 1;
        while (!(columns & bit(lastColumn)))
            --lastColumn;
        QList<int> roles{JobListModel::JobRole};
        if (run.columns)
            roles << Qt::DisplayRole << Qt::ToolTipRole << JobListModel::SortRole;
        if (run.state)
            roles << JobListModel::StateRole;
        if (run.progress)
            roles << JobListModel::ProgressRole;
        Q_EMIT model->dataChanged(
            model->index(run.first, firstColumn), model->index(run.last, lastColumn), roles);
    };
    Run run{changes.front().first, changes.front().first, 0, false, false};
    for (const auto &[row, change] : changes) {
        if (row > run.last + 1) {
            flush(run);
            run = Run{row, row, 0, false, false};
        }
        run.last = std::max(run.last, row);
        run.columns |= change.columns;
        run.state = run.state || change.state;
        run.progress = run.progress || change.progress;
    }
    flush(run);
}

} // namespace

JobListModel::JobListModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

JobListModel::~JobListModel() = default;

int JobListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

QModelIndex JobListModel::index(int row, int column, const QModelIndex &parent) const
{
    // Sorting asks for two indexes per comparison: no virtual rowCount()/columnCount() here.
    if (parent.isValid() || row < 0 || column < 0 || size_t(row) >= m_entries.size() || column >= ColumnCount)
        return {};
    return createIndex(row, column);
}

int JobListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QHash<int, QByteArray> JobListModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(JobRole, "job");
    names.insert(KeyRole, "key");
    names.insert(ConnectionRole, "connection");
    names.insert(SortRole, "sortValue");
    names.insert(StateRole, "state");
    names.insert(ProgressRole, "progress");
    return names;
}

QVariant JobListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case StateColumn:
        return tr("State");
    case JobColumn:
        return tr("Job");
    case ConnectionColumn:
        return tr("Connection");
    case EngineColumn:
        return tr("Engine");
    case SubmitterColumn:
        return tr("Submitter");
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

qint64 JobListModel::durationMs(const Job &job, qint64 nowMs) const
{
    if (isLive(job))
        return std::max<qint64>(0, nowMs - job.started.toMSecsSinceEpoch());
    return staticDurationMs(job);
}

QString JobListModel::displayText(const Entry &entry, int column) const
{
    const Job &job = entry.job;
    switch (column) {
    case StateColumn:
        return jobStateDisplayName(job.state);
    case JobColumn:
        if (job.name.isEmpty())
            return shortId(job);
        return job.name.size() > ShortNameLength ? job.name.left(ShortNameLength - 1) + u'…' : job.name;
    case ConnectionColumn:
        return connectionLabel(entry.key.connection);
    case EngineColumn:
        return engineText(job);
    case SubmitterColumn:
        return job.submitter;
    case SubmittedColumn:
        return job.submitted.isValid() ? QLocale().toString(job.submitted.toLocalTime(), QLocale::ShortFormat)
                                       : QString();
    case DurationColumn:
        return formatDuration(durationMs(job, QDateTime::currentMSecsSinceEpoch()));
    case ProgressColumn:
        return job.progress < 0 ? QString() : QLocale().toString(job.progress * 100, 'f', 0) + u'%';
    default:
        return {};
    }
}

QString JobListModel::toolTip(const Entry &entry, int column) const
{
    const Job &job = entry.job;
    switch (column) {
    case StateColumn:
        if (!job.errorMessage.isEmpty())
            return job.errorMessage.left(2000);
        if (!job.rawStatus.isEmpty())
            return tr("%1 (the server says %2)").arg(jobStateDisplayName(job.state), job.rawStatus);
        return jobStateDisplayName(job.state);
    case JobColumn: {
        QStringList lines;
        if (!job.name.isEmpty())
            lines << job.name;
        lines << tr("Id: %1").arg(job.id);
        if (job.ids.linkisTaskId > 0)
            lines << tr("Task: %1").arg(job.ids.linkisTaskId);
        if (const QString script = firstLines(job.script, 8); !script.isEmpty())
            lines << QString() << script;
        return lines.join(u'\n');
    }
    case SubmittedColumn:
        return job.submitted.isValid() ? QLocale().toString(job.submitted.toLocalTime(), QLocale::LongFormat)
                                       : QString();
    case ConnectionColumn:
        return entry.key.connection;
    default:
        return {};
    }
}

QVariant JobListModel::sortValue(const Entry &entry, int column) const
{
    const Job &job = entry.job;
    switch (column) {
    case StateColumn:
        return int(job.state);
    case JobColumn:
        return job.name.isEmpty() ? shortId(job) : job.name;
    case ConnectionColumn:
        return connectionLabel(entry.key.connection);
    case EngineColumn:
        return engineText(job);
    case SubmitterColumn:
        return job.submitter;
    case SubmittedColumn:
        return job.submitted;
    case DurationColumn:
        return durationMs(job, QDateTime::currentMSecsSinceEpoch());
    case ProgressColumn:
        return job.progress;
    default:
        return {};
    }
}

QVariant JobListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Entry &entry = *m_entries[size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        return displayText(entry, index.column());
    case Qt::ToolTipRole: {
        const QString tip = toolTip(entry, index.column());
        return tip.isEmpty() ? QVariant() : QVariant(tip);
    }
    case Qt::TextAlignmentRole:
        if (index.column() == DurationColumn || index.column() == ProgressColumn)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case JobRole:
        return QVariant::fromValue(entry.job);
    case KeyRole:
        return QVariant::fromValue(entry.key);
    case ConnectionRole:
        return entry.key.connection;
    case SortRole:
        return sortValue(entry, index.column());
    case StateRole:
        return QVariant::fromValue(entry.job.state);
    case ProgressRole:
        return entry.job.progress;
    default:
        return {};
    }
}

qint64 JobListModel::staticDurationMs(const Job &job)
{
    if (job.durationMs >= 0)
        return job.durationMs;
    if (job.started.isValid() && job.ended.isValid())
        return std::max<qint64>(0, job.started.msecsTo(job.ended));
    return -1;
}

qint64 JobListModel::sortDuration(const Entry &entry) const
{
    if (!entry.live)
        return entry.durationMs;
    if (m_nowMs == 0)
        m_nowMs = QDateTime::currentMSecsSinceEpoch();
    return std::max<qint64>(0, m_nowMs - entry.startedMs);
}

bool JobListModel::tieBreak(const Entry &l, const Entry &r) const
{
    if (l.submittedMs != r.submittedMs)
        return l.submittedMs < r.submittedMs;
    if (l.key.connection != r.key.connection)
        return l.key.connection < r.key.connection;
    return l.key.id < r.key.id;
}

bool JobListModel::lessThan(int leftRow, int rightRow, int column) const
{
    const Entry &l = *m_entries[size_t(leftRow)];
    const Entry &r = *m_entries[size_t(rightRow)];
    const Job &a = l.job;
    const Job &b = r.job;
    const auto tieBreak = [&] {
        return this->tieBreak(l, r);
    };
    // Sorting texts compare their case-folded forms, made once per update: a plain comparison
    // is several times faster than a case-insensitive one.
    const auto texts = [&](const QString &x, const QString &y) {
        const int order = x.compare(y); // one pass over both, not == and then <
        return order != 0 ? order < 0 : tieBreak();
    };
    switch (column) {
    case StateColumn:
        return a.state != b.state ? a.state < b.state : tieBreak();
    case JobColumn: {
        // Unnamed Linkis tasks go by their number, before the jobs that go by a text.
        const bool x = isNumbered(a);
        if (x != isNumbered(b))
            return x;
        if (x)
            return a.ids.linkisTaskId != b.ids.linkisTaskId ? a.ids.linkisTaskId < b.ids.linkisTaskId
                                                            : tieBreak();
        return texts(l.jobText, r.jobText);
    }
    case ConnectionColumn:
        if (l.key.connection == r.key.connection)
            return tieBreak();
        return texts(connectionLabel(l.key.connection).toCaseFolded(),
                     connectionLabel(r.key.connection).toCaseFolded());
    case EngineColumn:
        return texts(l.engineText, r.engineText);
    case SubmitterColumn:
        return texts(l.submitterText, r.submitterText);
    case SubmittedColumn:
        return tieBreak();
    case DurationColumn: {
        const qint64 x = sortDuration(l);
        const qint64 y = sortDuration(r);
        return x != y ? x < y : tieBreak();
    }
    case ProgressColumn:
        return l.progress != r.progress ? l.progress < r.progress : tieBreak();
    default:
        return tieBreak();
    }
}

std::vector<int> JobListModel::rowsInOrder(int column) const
{
    const size_t n = m_entries.size();
    // What decides first, then submission time; equal pairs (rare) go to tieBreak().
    struct Key
    {
        qint64 primary;
        qint64 submitted;
        int row;
    };
    std::vector<Key> keys(n);
    const auto textRanks = [&](QString Entry::*text) {
        const std::vector<int> ranks
            = rankTexts(n, [&](size_t i) { return QStringView(m_entries[i].get()->*text); });
        for (size_t i = 0; i < n; ++i)
            keys[i].primary = ranks[i];
    };
    switch (column) {
    case JobColumn: {
        const std::vector<int> ranks = rankTexts(n, [&](size_t i) {
            return isNumbered(m_entries[i]->job) ? QStringView() : QStringView(m_entries[i]->jobText);
        });
        // Numbered tasks below 2^62, texts above it, in the order lessThan() gives them.
        for (size_t i = 0; i < n; ++i) {
            const Job &job = m_entries[i]->job;
            keys[i].primary = isNumbered(job) ? job.ids.linkisTaskId : (qint64(1) << 62) + ranks[i];
        }
        break;
    }
    case ConnectionColumn: {
        // A few connections: their labels ranked once, looked up per row.
        QHash<QString, QString> folded;
        for (const auto &entry : m_entries) {
            if (!folded.contains(entry->key.connection))
                folded.insert(entry->key.connection, connectionLabel(entry->key.connection).toCaseFolded());
        }
        QStringList labels(folded.cbegin(), folded.cend());
        labels.sort();
        labels.removeDuplicates();
        for (size_t i = 0; i < n; ++i)
            keys[i].primary = labels.indexOf(folded.value(m_entries[i]->key.connection));
        break;
    }
    case EngineColumn:
        textRanks(&Entry::engineText);
        break;
    case SubmitterColumn:
        textRanks(&Entry::submitterText);
        break;
    case StateColumn:
        for (size_t i = 0; i < n; ++i)
            keys[i].primary = qint64(m_entries[i]->job.state);
        break;
    case DurationColumn:
        for (size_t i = 0; i < n; ++i)
            keys[i].primary = sortDuration(*m_entries[i]);
        break;
    case ProgressColumn:
        // A double's bits as an integer in the same order (no NaN here).
        for (size_t i = 0; i < n; ++i) {
            const qint64 bits = std::bit_cast<qint64>(m_entries[i]->progress);
            keys[i].primary = bits < 0 ? bits ^ std::numeric_limits<qint64>::max() : bits;
        }
        break;
    default:
        for (size_t i = 0; i < n; ++i)
            keys[i].primary = 0;
        break;
    }
    for (size_t i = 0; i < n; ++i) {
        keys[i].submitted = m_entries[i]->submittedMs;
        keys[i].row = int(i);
    }
    std::sort(keys.begin(), keys.end(), [this](const Key &a, const Key &b) {
        if (a.primary != b.primary)
            return a.primary < b.primary;
        if (a.submitted != b.submitted)
            return a.submitted < b.submitted;
        return tieBreak(*m_entries[size_t(a.row)], *m_entries[size_t(b.row)]);
    });
    std::vector<int> rows(n);
    for (size_t i = 0; i < n; ++i)
        rows[i] = keys[i].row;
    return rows;
}

void JobListModel::Entry::setJob(const Job &value)
{
    job = value;
    submittedMs
        = job.submitted.isValid() ? job.submitted.toMSecsSinceEpoch() : std::numeric_limits<qint64>::min();
    live = isLive(job);
    startedMs = job.started.isValid() ? job.started.toMSecsSinceEpoch() : 0;
    durationMs = live ? -1 : JobListModel::staticDurationMs(job);
    progress = job.progress;
    jobText = (job.name.isEmpty() ? job.id : job.name).toCaseFolded();
    engineText = JobDeck::engineText(job).toCaseFolded();
    submitterText = job.submitter.toCaseFolded();
}

void JobListModel::ensureRows() const
{
    if (m_dirtyFrom < 0)
        return;
    for (size_t i = size_t(m_dirtyFrom); i < m_entries.size(); ++i)
        m_entries[i]->row = int(i);
    m_dirtyFrom = -1;
}

void JobListModel::updateLive(Entry *entry)
{
    if (isLive(entry->job))
        m_live.insert(entry);
    else
        m_live.remove(entry);
    if (m_live.isEmpty())
        m_tick.stop();
    else if (!m_tick.isActive())
        m_tick.start(TickMs, Qt::CoarseTimer, this);
}

void JobListModel::noteSubmitted(const QString &connection, const QDateTime &submitted)
{
    if (!submitted.isValid())
        return;
    auto it = m_oldest.find(connection);
    if (it == m_oldest.end())
        m_oldest.insert(connection, submitted);
    else if (submitted < *it)
        *it = submitted;
}

void JobListModel::upsert(const QString &connection, const Job &job)
{
    upsert(connection, QList<Job>{job});
}

void JobListModel::upsert(const QString &connection, const QList<Job> &jobs)
{
    ensureRows();
    m_nowMs = 0; // read again at the next sort
    std::vector<std::pair<int, Change>> changes;
    std::vector<std::unique_ptr<Entry>> added;
    QHash<QString, size_t> addedAt; // a job listed twice in one call is added once
    for (const Job &job : jobs) {
        if (job.id.isEmpty())
            continue;
        const JobKey key{connection, job.id};
        if (Entry *entry = m_index.value(key)) {
            const Change change = diff(entry->job, job);
            if (!change.any)
                continue;
            entry->setJob(job);
            updateLive(entry);
            noteSubmitted(connection, job.submitted);
            changes.emplace_back(entry->row, change);
            continue;
        }
        if (const auto it = addedAt.constFind(job.id); it != addedAt.cend()) {
            added[*it]->setJob(job);
            continue;
        }
        addedAt.insert(job.id, added.size());
        auto entry = std::make_unique<Entry>();
        entry->key = key;
        entry->setJob(job);
        added.push_back(std::move(entry));
    }
    emitRuns(this, changes);
    if (added.empty())
        return;
    const int first = int(m_entries.size());
    beginInsertRows({}, first, first + int(added.size()) - 1);
    m_entries.reserve(m_entries.size() + added.size());
    for (auto &entry : added) {
        entry->row = int(m_entries.size());
        m_index.insert(entry->key, entry.get());
        noteSubmitted(connection, entry->job.submitted);
        updateLive(entry.get());
        m_entries.push_back(std::move(entry));
    }
    m_counts[connection] += int(added.size());
    endInsertRows();
}

void JobListModel::eraseRows(int first, int last)
{
    beginRemoveRows({}, first, last);
    for (int row = first; row <= last; ++row) {
        Entry *entry = m_entries[size_t(row)].get();
        m_index.remove(entry->key);
        m_live.remove(entry);
        if (int &count = m_counts[entry->key.connection]; --count <= 0)
            m_counts.remove(entry->key.connection);
    }
    m_entries.erase(m_entries.begin() + first, m_entries.begin() + last + 1);
    // Row numbers after the gap are fixed when next asked for, once for a batch of removals.
    m_dirtyFrom = m_dirtyFrom < 0 ? first : std::min(m_dirtyFrom, first);
    endRemoveRows();
    if (m_live.isEmpty())
        m_tick.stop();
}

void JobListModel::remove(const JobKey &key)
{
    const int row = rowOf(key);
    if (row >= 0)
        eraseRows(row, row);
}

void JobListModel::removeConnection(const QString &connection)
{
    m_sources.remove(connection);
    m_oldest.remove(connection);
    if (!m_counts.contains(connection))
        return;
    // From the end, so the rows of the runs still to go keep their numbers.
    int row = int(m_entries.size()) - 1;
    while (row >= 0) {
        if (m_entries[size_t(row)]->key.connection != connection) {
            --row;
            continue;
        }
        const int last = row;
        while (row > 0 && m_entries[size_t(row - 1)]->key.connection == connection)
            --row;
        eraseRows(row, last);
        --row;
    }
}

void JobListModel::setConnectionLabel(const QString &connection, const QString &label)
{
    if (connectionLabel(connection) == label)
        return;
    m_labels.insert(connection, label);
    if (!m_counts.contains(connection))
        return;
    std::vector<std::pair<int, Change>> changes;
    for (size_t i = 0; i < m_entries.size(); ++i) {
        if (m_entries[i]->key.connection == connection)
            changes.emplace_back(int(i), Change{bit(ConnectionColumn), false, false, true});
    }
    emitRuns(this, changes);
}

QString JobListModel::connectionLabel(const QString &connection) const
{
    return m_labels.value(connection, connection);
}

QStringList JobListModel::connections() const
{
    QSet<QString> all;
    for (auto it = m_counts.cbegin(); it != m_counts.cend(); ++it)
        all.insert(it.key());
    for (auto it = m_labels.cbegin(); it != m_labels.cend(); ++it)
        all.insert(it.key());
    for (auto it = m_sources.cbegin(); it != m_sources.cend(); ++it)
        all.insert(it.key());
    QStringList sorted(all.cbegin(), all.cend());
    std::sort(sorted.begin(), sorted.end(), [this](const QString &a, const QString &b) {
        const int order = connectionLabel(a).compare(connectionLabel(b), Qt::CaseInsensitive);
        return order != 0 ? order < 0 : a < b;
    });
    return sorted;
}

void JobListModel::setHistorySource(const QString &connection, JobHistorySource *source)
{
    if (source)
        m_sources.insert(connection, source);
    else
        m_sources.remove(connection);
}

bool JobListModel::canFetchMore(const QModelIndex &parent) const
{
    if (parent.isValid())
        return false;
    return std::any_of(m_sources.cbegin(), m_sources.cend(), [](const JobHistorySource *source) {
        return source->hasMoreHistory() && !source->isFetchingHistory();
    });
}

void JobListModel::fetchMore(const QModelIndex &parent)
{
    if (parent.isValid())
        return;
    // Sorted by submission, the bottom of the list is the oldest job listed. The next page to
    // read is the one of the connection whose history reaches back the least: its older jobs
    // are the ones that belong right below.
    QStringList connections = m_sources.keys();
    connections.sort(); // the same choice every time among equals
    JobHistorySource *next = nullptr;
    std::optional<QDateTime> reach; // the chosen one's oldest job; none when it lists nothing yet
    for (const QString &connection : std::as_const(connections)) {
        JobHistorySource *source = m_sources.value(connection);
        if (!source->hasMoreHistory() || source->isFetchingHistory())
            continue;
        const auto oldest = m_oldest.constFind(connection);
        if (oldest == m_oldest.cend()) { // a connection that lists nothing yet goes first
            next = source;
            reach.reset();
            break;
        }
        if (!next || *oldest > *reach) {
            next = source;
            reach = *oldest;
        }
    }
    if (next)
        next->fetchMoreHistory();
}

Job JobListModel::job(const JobKey &key) const
{
    const Entry *entry = m_index.value(key);
    return entry ? entry->job : Job{};
}

int JobListModel::rowOf(const JobKey &key) const
{
    const Entry *entry = m_index.value(key);
    if (!entry)
        return -1;
    ensureRows();
    return entry->row;
}

QModelIndex JobListModel::indexOf(const JobKey &key, int column) const
{
    const int row = rowOf(key);
    return row >= 0 ? index(row, column) : QModelIndex();
}

JobKey JobListModel::keyAt(int row) const
{
    return row >= 0 && size_t(row) < m_entries.size() ? m_entries[size_t(row)]->key : JobKey{};
}

QList<JobKey> JobListModel::keys(const QString &connection) const
{
    QList<JobKey> result;
    result.reserve(m_counts.value(connection));
    for (const auto &entry : m_entries) {
        if (entry->key.connection == connection)
            result.append(entry->key);
    }
    return result;
}

void JobListModel::retranslate()
{
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (m_entries.empty())
        return;
    Q_EMIT dataChanged(
        index(0, 0), index(rowCount() - 1, ColumnCount - 1), {Qt::DisplayRole, Qt::ToolTipRole});
}

void JobListModel::timerEvent(QTimerEvent *event)
{
    if (event->timerId() != m_tick.timerId()) {
        QAbstractTableModel::timerEvent(event);
        return;
    }
    if (m_live.isEmpty()) {
        m_tick.stop();
        return;
    }
    m_nowMs = 0;
    ensureRows();
    std::vector<int> rows;
    rows.reserve(size_t(m_live.size()));
    for (const Entry *entry : std::as_const(m_live))
        rows.push_back(entry->row);
    std::sort(rows.begin(), rows.end());
    // Runs of running rows, at most MaxTickRuns of them: with many jobs running in rows far
    // apart, the smallest gaps are bridged (a few finished rows told again) rather than telling
    // views thousands of times a second.
    std::vector<std::pair<int, int>> runs;
    for (int row : rows) {
        if (!runs.empty() && row == runs.back().second + 1)
            runs.back().second = row;
        else
            runs.emplace_back(row, row);
    }
    if (runs.size() > MaxTickRuns) {
        std::vector<int> gaps;
        gaps.reserve(runs.size() - 1);
        for (size_t i = 1; i < runs.size(); ++i)
            gaps.push_back(runs[i].first - runs[i - 1].second);
        std::nth_element(gaps.begin(), gaps.begin() + (MaxTickRuns - 1), gaps.end(), std::greater<>());
        const int keep = gaps[MaxTickRuns - 1]; // gaps at least this wide stay gaps
        std::vector<std::pair<int, int>> merged{runs.front()};
        for (size_t i = 1; i < runs.size(); ++i) {
            if (runs[i].first - merged.back().second < keep || merged.size() == MaxTickRuns)
                merged.back().second = runs[i].second;
            else
                merged.push_back(runs[i]);
        }
        runs.swap(merged);
    }
    const QList<int> roles{Qt::DisplayRole, SortRole};
    for (const auto &[first, last] : runs)
        Q_EMIT dataChanged(index(first, DurationColumn), index(last, DurationColumn), roles);
}

} // namespace JobDeck
