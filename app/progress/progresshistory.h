#pragma once

#include "jobs/job.h"

#include <QJsonObject>
#include <QList>

#include <optional>

namespace JobDeck {

// One progress reading: when the console saw it (epoch ms, UTC) and the fraction done (0..1).
struct ProgressPoint
{
    qint64 atMs = 0;
    double progress = 0;

    bool operator==(const ProgressPoint &) const = default;
};

// A sub-job as the console saw it over time: its latest counts, when it first appeared and
// when its counts last changed (Linkis reports no times of its own).
struct SubJobTrack
{
    SubJobProgress last;
    qint64 firstSeenMs = 0;
    qint64 lastChangeMs = 0;

    bool operator==(const SubJobTrack &) const = default;
};

// Where a job is heading: its recent rate and when it would finish at that rate.
struct ProgressEstimate
{
    double ratePerSecond = 0; // fraction of the job per second
    qint64 finishAtMs = 0;    // epoch ms
};

// How one job's progress went: the readings (a bounded number, older ones thinned out with
// their shape kept), the sub-jobs, and an estimate of the time to finish. A value type, so a
// job's history can be kept, copied to a view, written to disk and read back.
class ProgressHistory
{
public:
    // More readings than this are thinned: the older half is decimated (largest triangle,
    // three buckets), so the curve keeps its bends while memory and drawing stay bounded.
    static constexpr int MaxPoints = 1000;
    // The rate comes from the readings of this last stretch of time.
    static constexpr qint64 RateWindowMs = 60'000;

    // Adds a reading; a reading equal to the last one in progress and sub-jobs adds no point.
    // Returns whether anything changed.
    bool record(qint64 atMs, double progress, const QList<SubJobProgress> &subJobs = {});

    const QList<ProgressPoint> &points() const { return m_points; }
    const QList<SubJobTrack> &subJobs() const { return m_subJobs; }
    // How many readings changed something, including those thinned out since.
    qint64 changeCount() const { return m_changes; }
    bool isEmpty() const { return m_points.isEmpty() && m_subJobs.isEmpty(); }

    // The time the chart counts from (the job's start where known, else the first reading).
    qint64 originMs() const { return m_originMs; }
    void setOriginMs(qint64 ms) { m_originMs = ms; }

    // From the readings of the last RateWindowMs (at least two, rising): the least-squares
    // rate and the time it would reach 1. None when the job is not moving forward.
    std::optional<ProgressEstimate> estimate() const;

    QJsonObject toJson() const;
    // Reads what toJson() wrote; readings out of order, out of range or malformed are skipped.
    static ProgressHistory fromJson(const QJsonObject &object);

    bool operator==(const ProgressHistory &) const = default;

private:
    void thin();

    QList<ProgressPoint> m_points;
    QList<SubJobTrack> m_subJobs;
    qint64 m_originMs = 0;
    qint64 m_changes = 0;
};

// Largest-triangle-three-buckets: `threshold` of `points` (at least 3), first and last kept,
// each bucket represented by the point that spans the largest triangle with its neighbours.
QList<ProgressPoint> decimate(const QList<ProgressPoint> &points, int threshold);

} // namespace JobDeck
