#include "progress/progresshistory.h"

#include "core/jsonvalues.h"

#include <QJsonArray>
#include <QTimeZone>

#include <algorithm>
#include <cmath>

namespace JobDeck {

namespace {

constexpr qint64 LatestMs = 253402300799999LL; // 9999-12-31

bool sameCounts(const SubJobProgress &a, const SubJobProgress &b)
{
    return a.succeeded == b.succeeded && a.failed == b.failed && a.running == b.running && a.total == b.total
           && a.end == b.end && a.start == b.start;
}

QJsonValue timeValue(const QDateTime &time)
{
    return time.isValid() ? QJsonValue(time.toMSecsSinceEpoch()) : QJsonValue();
}

QDateTime timeFrom(const QJsonValue &value)
{
    const qint64 ms = jsonInteger(value);
    return ms > 0 && ms <= LatestMs ? QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::UTC) : QDateTime();
}

} // namespace

bool ProgressHistory::record(qint64 atMs, double progress, const QList<SubJobProgress> &subJobs)
{
    bool changed = false;
    if (std::isfinite(progress) && progress >= 0) {
        progress = std::min(progress, 1.0);
        if (m_points.isEmpty() || m_points.constLast().progress != progress) {
            // Readings never go back in time: a clock step backwards joins the last one.
            atMs = m_points.isEmpty() ? atMs : std::max(atMs, m_points.constLast().atMs);
            m_points.append({atMs, progress});
            ++m_changes;
            changed = true;
            if (m_originMs == 0)
                m_originMs = atMs;
            if (m_points.size() > MaxPoints)
                thin();
        }
    }
    for (const SubJobProgress &row : subJobs) {
        if (row.id.isEmpty())
            continue;
        auto it = std::find_if(m_subJobs.begin(), m_subJobs.end(), [&](const SubJobTrack &track) {
            return track.last.id == row.id;
        });
        if (it == m_subJobs.end()) {
            m_subJobs.append({row, atMs, atMs});
            changed = true;
        } else if (it->last != row) {
            if (!sameCounts(it->last, row))
                it->lastChangeMs = std::max(atMs, it->lastChangeMs);
            it->last = row;
            changed = true;
        }
    }
    if (m_originMs == 0 && !m_subJobs.isEmpty())
        m_originMs = atMs;
    return changed;
}

void ProgressHistory::thin()
{
    // The recent half stays as it was (the live end and the rate need it); the older half
    // shrinks to a quarter of the budget.
    const qsizetype keepRecent = MaxPoints / 2;
    const QList<ProgressPoint> older = m_points.first(m_points.size() - keepRecent);
    QList<ProgressPoint> thinned = decimate(older, MaxPoints / 4);
    thinned += m_points.last(keepRecent);
    m_points = std::move(thinned);
}

std::optional<ProgressEstimate> ProgressHistory::estimate() const
{
    if (m_points.size() < 2)
        return std::nullopt;
    const ProgressPoint &last = m_points.constLast();
    if (last.progress >= 1.0)
        return std::nullopt;
    // The readings of the window, and the one just before it (progress is a step function:
    // the reading before the window says where the window started).
    qsizetype first = m_points.size() - 1;
    while (first > 0 && m_points.at(first - 1).atMs >= last.atMs - RateWindowMs)
        --first;
    if (first > 0)
        --first;
    const qsizetype n = m_points.size() - first;
    if (n < 2)
        return std::nullopt;
    double meanT = 0;
    double meanP = 0;
    for (qsizetype i = first; i < m_points.size(); ++i) {
        meanT += double(m_points.at(i).atMs - last.atMs) / 1000.0;
        meanP += m_points.at(i).progress;
    }
    meanT /= double(n);
    meanP /= double(n);
    double stt = 0;
    double stp = 0;
    for (qsizetype i = first; i < m_points.size(); ++i) {
        const double t = double(m_points.at(i).atMs - last.atMs) / 1000.0 - meanT;
        stt += t * t;
        stp += t * (m_points.at(i).progress - meanP);
    }
    if (stt <= 0)
        return std::nullopt;
    const double rate = stp / stt;
    if (!std::isfinite(rate) || rate <= 1e-9)
        return std::nullopt;
    // From the last reading on, at the fitted rate.
    const double seconds = (1.0 - last.progress) / rate;
    if (!std::isfinite(seconds) || seconds > 365.0 * 86400.0)
        return std::nullopt;
    return ProgressEstimate{rate, last.atMs + qint64(std::llround(seconds * 1000.0))};
}

QJsonObject ProgressHistory::toJson() const
{
    QJsonArray points;
    for (const ProgressPoint &point : m_points)
        points.append(QJsonArray{point.atMs, point.progress});
    QJsonArray subJobs;
    for (const SubJobTrack &track : m_subJobs) {
        const SubJobProgress &row = track.last;
        QJsonObject object{{QStringLiteral("id"), row.id},
                           {QStringLiteral("succeeded"), row.succeeded},
                           {QStringLiteral("failed"), row.failed},
                           {QStringLiteral("running"), row.running},
                           {QStringLiteral("total"), row.total},
                           {QStringLiteral("firstSeen"), track.firstSeenMs},
                           {QStringLiteral("lastChange"), track.lastChangeMs}};
        if (!row.name.isEmpty())
            object.insert(QStringLiteral("name"), row.name);
        if (!row.detail.isEmpty())
            object.insert(QStringLiteral("detail"), row.detail);
        if (row.start.isValid())
            object.insert(QStringLiteral("start"), timeValue(row.start));
        if (row.end.isValid())
            object.insert(QStringLiteral("end"), timeValue(row.end));
        if (row.firstLogLine > 0) {
            object.insert(QStringLiteral("logFrom"), row.firstLogLine);
            object.insert(QStringLiteral("logTo"), row.lastLogLine);
        }
        subJobs.append(object);
    }
    return {{QStringLiteral("version"), 1},
            {QStringLiteral("origin"), m_originMs},
            {QStringLiteral("changes"), m_changes},
            {QStringLiteral("points"), points},
            {QStringLiteral("subJobs"), subJobs}};
}

ProgressHistory ProgressHistory::fromJson(const QJsonObject &object)
{
    ProgressHistory history;
    if (jsonInteger(object.value(QLatin1StringView("version"))) != 1)
        return history;
    const qint64 origin = jsonInteger(object.value(QLatin1StringView("origin")));
    history.m_originMs = origin > 0 && origin <= LatestMs ? origin : 0;
    for (const QJsonValue &entry : object.value(QLatin1StringView("points")).toArray()) {
        const QJsonArray pair = entry.toArray();
        if (pair.size() != 2)
            continue;
        const qint64 at = jsonInteger(pair.at(0));
        const double progress = pair.at(1).toDouble(-1);
        if (at <= 0 || at > LatestMs || !std::isfinite(progress) || progress < 0 || progress > 1)
            continue;
        if (!history.m_points.isEmpty() && at < history.m_points.constLast().atMs)
            continue;
        history.m_points.append({at, progress});
    }
    if (history.m_points.size() > MaxPoints)
        history.m_points = decimate(history.m_points, MaxPoints);
    for (const QJsonValue &entry : object.value(QLatin1StringView("subJobs")).toArray()) {
        const QJsonObject o = entry.toObject();
        SubJobTrack track;
        track.last.id = o.value(QLatin1StringView("id")).toString();
        if (track.last.id.isEmpty())
            continue;
        const auto count = [&](const char *key) {
            return int(std::clamp<qint64>(jsonInteger(o.value(QLatin1StringView(key))), 0, 1'000'000'000));
        };
        track.last.succeeded = count("succeeded");
        track.last.failed = count("failed");
        track.last.running = count("running");
        track.last.total = count("total");
        track.last.name = o.value(QLatin1StringView("name")).toString();
        track.last.detail = o.value(QLatin1StringView("detail")).toString();
        track.last.start = timeFrom(o.value(QLatin1StringView("start")));
        track.last.end = timeFrom(o.value(QLatin1StringView("end")));
        track.last.firstLogLine = std::max<qint64>(0, jsonInteger(o.value(QLatin1StringView("logFrom"))));
        track.last.lastLogLine
            = std::max(track.last.firstLogLine, jsonInteger(o.value(QLatin1StringView("logTo"))));
        track.firstSeenMs
            = std::clamp<qint64>(jsonInteger(o.value(QLatin1StringView("firstSeen"))), 0, LatestMs);
        track.lastChangeMs = std::clamp<qint64>(
            jsonInteger(o.value(QLatin1StringView("lastChange"))), track.firstSeenMs, LatestMs);
        history.m_subJobs.append(track);
    }
    history.m_changes
        = std::max<qint64>(jsonInteger(object.value(QLatin1StringView("changes"))), history.m_points.size());
    return history;
}

QList<ProgressPoint> decimate(const QList<ProgressPoint> &points, int threshold)
{
    const qsizetype n = points.size();
    if (threshold < 3 || n <= threshold)
        return points;
    QList<ProgressPoint> out;
    out.reserve(threshold);
    out.append(points.constFirst());
    const double bucket = double(n - 2) / double(threshold - 2);
    qsizetype a = 0;
    for (int i = 0; i < threshold - 2; ++i) {
        // The average of the next bucket is the third corner of the triangle.
        const qsizetype nextFrom = qsizetype(std::floor(double(i + 1) * bucket)) + 1;
        const qsizetype nextTo = std::min<qsizetype>(qsizetype(std::floor(double(i + 2) * bucket)) + 1, n);
        double avgT = 0;
        double avgP = 0;
        for (qsizetype j = nextFrom; j < nextTo; ++j) {
            avgT += double(points.at(j).atMs);
            avgP += points.at(j).progress;
        }
        const qsizetype span = std::max<qsizetype>(1, nextTo - nextFrom);
        avgT /= double(span);
        avgP /= double(span);
        const qsizetype from = qsizetype(std::floor(double(i) * bucket)) + 1;
        const qsizetype to = qsizetype(std::floor(double(i + 1) * bucket)) + 1;
        const double aT = double(points.at(a).atMs);
        const double aP = points.at(a).progress;
        double best = -1;
        qsizetype chosen = from;
        for (qsizetype j = from; j < to && j < n - 1; ++j) {
            const double area = std::abs((aT - avgT) * (points.at(j).progress - aP)
                                         - (aT - double(points.at(j).atMs)) * (avgP - aP));
            if (area > best) {
                best = area;
                chosen = j;
            }
        }
        out.append(points.at(chosen));
        a = chosen;
    }
    out.append(points.constLast());
    return out;
}

} // namespace JobDeck
