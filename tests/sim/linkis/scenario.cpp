#include "linkis/scenario.h"

#include <QDateTime>

#include <algorithm>
#include <array>
#include <cmath>

using namespace Qt::StringLiterals;

namespace JobDeck::Sim {

namespace {

using StateName = std::pair<JobState, QStringView>;
constexpr std::array stateNames{
    StateName{JobState::Inited, u"Inited"},
    StateName{JobState::WaitForRetry, u"WaitForRetry"},
    StateName{JobState::Scheduled, u"Scheduled"},
    StateName{JobState::Running, u"Running"},
    StateName{JobState::Succeed, u"Succeed"},
    StateName{JobState::Failed, u"Failed"},
    StateName{JobState::Cancelled, u"Cancelled"},
    StateName{JobState::Timeout, u"Timeout"},
};

// A forever-Running last step counts this long in the progress denominator, so progress
// still creeps towards (never past) 0.99.
constexpr qint64 openEndedRunningMs = 60'000;

bool parseSteps(QStringView text, QList<Scenario::Step> *steps, QString *error)
{
    steps->clear();
    const auto entries = text.split(u',');
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const QStringView entry = entries.at(i).trimmed();
        const bool last = i == entries.size() - 1;
        const qsizetype colon = entry.indexOf(u':');
        const QStringView name = colon < 0 ? entry : entry.first(colon);
        const std::optional<JobState> state = stateFromName(name);
        if (!state) {
            *error = u"unknown state '%1'"_s.arg(name);
            return false;
        }
        Scenario::Step step{*state, -1};
        if (colon >= 0) {
            bool ok = false;
            step.durationMs = entry.sliced(colon + 1).toLongLong(&ok);
            if (!ok || step.durationMs < 0) {
                *error = u"bad duration in '%1'"_s.arg(entry);
                return false;
            }
        }
        if (last && step.durationMs >= 0) {
            *error = u"the last state '%1' lasts for ever and takes no duration"_s.arg(entry);
            return false;
        }
        if (!last && step.durationMs < 0) {
            *error = u"state '%1' needs a duration (State:ms)"_s.arg(entry);
            return false;
        }
        if (!last && isTerminal(step.state)) {
            *error = u"terminal state '%1' can only come last"_s.arg(entry);
            return false;
        }
        steps->append(step);
    }
    if (steps->constFirst().state != JobState::Inited)
        steps->prepend({JobState::Inited, 0});
    return true;
}

bool parseInt(QStringView value, int minimum, int *out)
{
    bool ok = false;
    const int number = value.toInt(&ok);
    if (!ok || number < minimum)
        return false;
    *out = number;
    return true;
}

// Splits `key=value key="value with spaces"` into pairs.
bool tokenize(QStringView text, QList<std::pair<QString, QString>> *pairs, QString *error)
{
    qsizetype i = 0;
    const qsizetype n = text.size();
    while (i < n) {
        while (i < n && text.at(i).isSpace())
            ++i;
        if (i == n)
            break;
        const qsizetype keyStart = i;
        while (i < n && text.at(i) != u'=' && !text.at(i).isSpace())
            ++i;
        if (i == n || text.at(i) != u'=') {
            *error = u"expected key=value at '%1'"_s.arg(text.sliced(keyStart));
            return false;
        }
        const QString key = text.sliced(keyStart, i - keyStart).toString();
        ++i; // '='
        QString value;
        if (i < n && text.at(i) == u'"') {
            const qsizetype close = text.indexOf(u'"', i + 1);
            if (close < 0) {
                *error = u"unterminated quote after '%1='"_s.arg(key);
                return false;
            }
            value = text.sliced(i + 1, close - i - 1).toString();
            i = close + 1;
        } else {
            const qsizetype valueStart = i;
            while (i < n && !text.at(i).isSpace())
                ++i;
            value = text.sliced(valueStart, i - valueStart).toString();
        }
        pairs->append({key, value});
    }
    return true;
}

} // namespace

QString stateName(JobState state)
{
    for (const auto &[value, name] : stateNames) {
        if (value == state)
            return name.toString();
    }
    return {};
}

std::optional<JobState> stateFromName(QStringView name)
{
    for (const auto &[value, text] : stateNames) {
        if (name.compare(text, Qt::CaseInsensitive) == 0)
            return value;
    }
    return std::nullopt;
}

bool isTerminal(JobState state)
{
    return state == JobState::Succeed || state == JobState::Failed || state == JobState::Cancelled
           || state == JobState::Timeout;
}

Scenario Scenario::defaults()
{
    Scenario scenario;
    scenario.steps = {
        {JobState::Inited, 50}, {JobState::Scheduled, 50}, {JobState::Running, 500}, {JobState::Succeed, -1}};
    return scenario;
}

std::optional<Scenario> Scenario::fromCode(QStringView code, QString *error)
{
    Scenario scenario = defaults();
    QString problem;
    const auto fail = [&](const QString &what) {
        if (error)
            *error = u"bad --sim directive: "_s + what;
        return std::nullopt;
    };
    for (QStringView line : code.split(u'\n')) {
        line = line.trimmed();
        if (!line.startsWith(u"--sim") || (line.size() > 5 && !line.at(5).isSpace()))
            continue;
        QList<std::pair<QString, QString>> pairs;
        if (!tokenize(line.sliced(5), &pairs, &problem))
            return fail(problem);
        for (const auto &[key, value] : pairs) {
            bool ok = true;
            if (key == u"states") {
                ok = parseSteps(value, &scenario.steps, &problem);
                if (!ok)
                    return fail(problem);
            } else if (key == u"lines") {
                ok = parseInt(value, 1, &scenario.lines);
            } else if (key == u"linesPerSecond") {
                scenario.linesPerSecond = value.toDouble(&ok);
                ok = ok && scenario.linesPerSecond >= 0;
            } else if (key == u"blankEvery") {
                ok = parseInt(value, 0, &scenario.blankEvery);
            } else if (key == u"results") {
                ok = parseInt(value, 0, &scenario.results);
            } else if (key == u"rows") {
                ok = parseInt(value, 0, &scenario.rows);
            } else if (key == u"nulls") {
                int on = 0;
                ok = parseInt(value, 0, &on) && on <= 1;
                scenario.nulls = on == 1;
            } else if (key == u"error") {
                scenario.error = value;
            } else {
                return fail(u"unknown key '%1'"_s.arg(key));
            }
            if (!ok)
                return fail(u"bad value '%1' for %2"_s.arg(value, key));
        }
    }
    return scenario;
}

qint64 Scenario::plannedRunningMs() const
{
    qint64 total = 0;
    for (const Step &step : steps) {
        if (step.state == JobState::Running && step.durationMs > 0)
            total += step.durationMs;
    }
    return total;
}

Scenario::Snapshot Scenario::at(qint64 elapsedMs) const
{
    Snapshot snapshot;
    const qint64 t = std::max<qint64>(elapsedMs, 0);
    qint64 start = 0;
    for (qsizetype i = 0; i < steps.size(); ++i) {
        const Step &step = steps.at(i);
        const bool last = i == steps.size() - 1;
        const bool over = !last && t >= start + step.durationMs;
        if (step.state == JobState::Running) {
            if (snapshot.runningStartMs < 0)
                snapshot.runningStartMs = start;
            snapshot.runningMs += over ? step.durationMs : t - start;
        }
        if (over) {
            start += step.durationMs;
            continue;
        }
        snapshot.state = step.state;
        snapshot.stateSinceMs = start;
        break;
    }

    const bool terminal = isTerminal(snapshot.state);
    if (terminal) {
        snapshot.linesProduced = lines; // whatever is left appears at the end
    } else if (linesPerSecond <= 0) {
        snapshot.linesProduced = snapshot.runningStartMs >= 0 ? lines : 1;
    } else {
        const double produced = 1 + std::floor(linesPerSecond * double(snapshot.runningMs) / 1000.0);
        snapshot.linesProduced = int(std::min<double>(lines, produced));
    }

    snapshot.progressKnown = terminal || snapshot.runningStartMs >= 0;
    if (snapshot.state == JobState::Succeed) {
        snapshot.progress = 1.0;
    } else {
        // Capped at linkis.job.fake.progress = 0.99 until really complete (§1.6).
        qint64 planned = plannedRunningMs();
        if (steps.constLast().state == JobState::Running)
            planned += openEndedRunningMs;
        const double ratio = planned > 0 ? double(snapshot.runningMs) / double(planned) : 0.0;
        snapshot.progress = std::floor(std::min(ratio, 0.99) * 100.0) / 100.0;
    }
    return snapshot;
}

bool LogFormula::isBlank(int n) const
{
    return blankEvery > 0 && n > 1 && n % blankEvery == 0;
}

LogLevel LogFormula::level(int n) const
{
    if (n > 1 && n % 100 == 0)
        return LogLevel::Error;
    if (n > 1 && n % 10 == 0)
        return LogLevel::Warn;
    return LogLevel::Info;
}

QString LogFormula::timestamp(qint64 epochMs) const
{
    const qint64 second = epochMs / 1000;
    if (second != m_cachedSecond) {
        m_cachedSecond = second;
        m_cachedPrefix = QDateTime::fromMSecsSinceEpoch(second * 1000).toString(u"yyyy-MM-dd HH:mm:ss."_s);
    }
    return m_cachedPrefix + QString::number(epochMs % 1000).rightJustified(3, u'0');
}

QString LogFormula::line(int n) const
{
    if (isBlank(n))
        return {};
    const QString stamp = timestamp(submitEpochMs + n);
    if (n == 1) {
        // EntranceRestfulApi.execute pushes this through LogUtils.generateInfo, which adds the
        // timestamp and level; the " \n " in the middle is in the real text (§1.7).
        return stamp + u" INFO Your job is accepted,  jobID is " + execId + u" and taskID is "
               + QString::number(taskId) + u" in " + instance
               + u". \n Please wait it to be scheduled(您的任务已经提交，进入排队中，如果一直没有更新日志，"
                 u"是任务并发达到了限制，可以在管理台配置并发数)";
    }
    const LogLevel lineLevel = level(n);
    const QStringView levelName = lineLevel == LogLevel::Error  ? u"ERROR"
                                  : lineLevel == LogLevel::Warn ? u"WARN"
                                                                : u"INFO";
    return stamp + u' ' + levelName + u' ' + shortExecId + u" line " + QString::number(n) + u" of "
           + QString::number(totalLines);
}

} // namespace JobDeck::Sim
