#include "timeline/timelinemodel.h"

#include "progress/progresshistory.h"

#include <algorithm>
#include <limits>
#include <numeric>

namespace JobDeck {

namespace {
constexpr qint64 Open = std::numeric_limits<qint64>::max();

qint64 msOf(const QDateTime &time)
{
    return time.isValid() ? time.toMSecsSinceEpoch() : -1;
}
} // namespace

JobState subJobState(const SubJobProgress &row, JobState jobState)
{
    JobState state = JobState::Queued;
    if (row.failed > 0)
        state = JobState::Failed;
    else if (row.total > 0 && row.succeeded >= row.total)
        state = JobState::Succeeded;
    else if (row.running > 0 || row.succeeded > 0)
        state = JobState::Running;
    // A job that ended leaves nothing running: what it was doing ended with it.
    if (isTerminal(jobState) && (state == JobState::Running || state == JobState::Queued))
        state = jobState == JobState::Succeeded ? JobState::Succeeded
                : state == JobState::Queued     ? JobState::Cancelled
                                                : jobState;
    return state;
}

void TimelineModel::clear()
{
    *this = TimelineModel{};
}

void TimelineModel::setJob(const Job &job, const ProgressHistory *history, qint64 nowMs)
{
    m_jobId = job.id;
    m_running = !job.isTerminal();
    m_jobStartMs = msOf(job.started);
    m_jobEndMs = msOf(job.ended);
    m_rows.clear();
    if (!job.steps.isEmpty()) {
        for (const JobStep &step : job.steps) {
            Row row;
            row.id = step.id;
            row.name = step.name.isEmpty() ? step.id : step.name;
            row.kind = Kind::Step;
            row.state = step.state;
            row.rawStatus = step.rawStatus;
            row.startMs = msOf(step.start);
            row.endMs = msOf(step.end);
            row.waitMs = step.waitMs;
            row.command = step.command;
            m_rows.append(row);
        }
    } else {
        // The history saw every reading the job did (and the one after its end); sub-jobs it
        // has not seen are new now.
        QList<SubJobTrack> tracks = history ? history->subJobs() : QList<SubJobTrack>{};
        for (const SubJobProgress &current : job.subJobs) {
            const auto it = std::find_if(
                tracks.begin(), tracks.end(), [&](const SubJobTrack &t) { return t.last.id == current.id; });
            if (it == tracks.end())
                tracks.append({current, nowMs, nowMs});
        }
        const Kind kind = job.backend == u"local"   ? Kind::Statement
                          : job.backend == u"dinky" ? Kind::Vertex
                                                    : Kind::SubJob;
        for (const SubJobTrack &track : std::as_const(tracks)) {
            const SubJobProgress &sub = track.last;
            Row row;
            row.id = sub.id;
            row.name = sub.name.isEmpty() ? sub.id : sub.name;
            row.kind = kind;
            row.state = subJobState(sub, job.state);
            row.command = sub.detail;
            row.succeeded = sub.succeeded;
            row.failed = sub.failed;
            row.running = sub.running;
            row.total = sub.total;
            row.firstLogLine = sub.firstLogLine;
            row.lastLogLine = sub.lastLogLine;
            // Done by its own counts; one the job's end closed ends with the job (below).
            const bool done = isTerminal(subJobState(sub, JobState::Running));
            if (sub.start.isValid()) {
                row.startMs = msOf(sub.start);
                row.endMs = sub.end.isValid() ? msOf(sub.end) : -1;
            } else {
                row.timesObserved = true;
                row.startMs = track.firstSeenMs;
                row.endMs = done ? std::max(track.lastChangeMs, track.firstSeenMs) : -1;
            }
            // A job that ended closes what it was running at its end.
            if (row.endMs < 0 && isTerminal(job.state) && row.startMs >= 0)
                row.endMs = std::max(row.startMs, m_jobEndMs >= 0 ? m_jobEndMs : track.lastChangeMs);
            m_rows.append(row);
        }
    }
    buildRanges();
}

void TimelineModel::buildRanges()
{
    std::vector<int> order;
    for (int i = 0; i < int(m_rows.size()); ++i) {
        if (m_rows.at(i).startMs >= 0)
            order.push_back(i);
    }
    std::stable_sort(order.begin(), order.end(), [this](int a, int b) {
        return m_rows.at(a).startMs < m_rows.at(b).startMs;
    });
    m_start.clear();
    m_duration.clear();
    m_maxEnd.clear();
    m_rowOfRange.clear();
    qint64 maxEnd = std::numeric_limits<qint64>::min();
    for (int i : order) {
        const Row &row = m_rows.at(i);
        // A step that ends before it starts (clock skew between servers) is a zero-length range.
        const qint64 duration = row.endMs < 0 ? -1 : std::max<qint64>(0, row.endMs - row.startMs);
        m_start.append(row.startMs);
        m_duration.append(duration);
        maxEnd = std::max(maxEnd, duration < 0 ? Open : row.startMs + duration);
        m_maxEnd.append(maxEnd);
        m_rowOfRange.append(i);
    }
}

int TimelineModel::rowOf(const QString &id) const
{
    for (int i = 0; i < int(m_rows.size()); ++i) {
        if (m_rows.at(i).id == id)
            return i;
    }
    return -1;
}

qint64 TimelineModel::duration(int index, qint64 nowMs) const
{
    const qint64 d = m_duration.at(index);
    return d >= 0 ? d : std::max<qint64>(0, nowMs - m_start.at(index));
}

int TimelineModel::firstIndex(qint64 fromMs) const
{
    // Every range before the first whose running maximum end reaches `fromMs` ends before it.
    const auto it = std::lower_bound(m_maxEnd.cbegin(), m_maxEnd.cend(), fromMs);
    return it == m_maxEnd.cend() ? -1 : int(it - m_maxEnd.cbegin());
}

int TimelineModel::lastIndex(qint64 toMs) const
{
    const auto it = std::upper_bound(m_start.cbegin(), m_start.cend(), toMs);
    return int(it - m_start.cbegin()) - 1;
}

qint64 TimelineModel::spanStartMs() const
{
    if (m_start.isEmpty())
        return m_jobStartMs;
    return m_jobStartMs >= 0 ? std::min(m_jobStartMs, m_start.constFirst()) : m_start.constFirst();
}

qint64 TimelineModel::spanEndMs(qint64 nowMs) const
{
    qint64 end = m_jobEndMs;
    if (!m_maxEnd.isEmpty())
        end = std::max(end, m_maxEnd.constLast() == Open ? nowMs : m_maxEnd.constLast());
    if (m_running)
        end = std::max(end, nowMs);
    return end;
}

} // namespace JobDeck
