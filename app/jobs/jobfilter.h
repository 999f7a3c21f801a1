#pragma once

#include "jobs/job.h"

#include <QDateTime>
#include <QHash>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QStringMatcher>

#include <vector>

class QSettings;

namespace JobDeck {

// What the job list shows: the jobs in some states, matching some words, of some connections,
// submitted within a time range, by the user or by anyone. A plain value: JobFilterModel asks it
// about each row, and tests ask it about jobs without any model.
class JobFilter
{
public:
    enum class TimeRange { Any, LastHour, Last24Hours, Last7Days, Last30Days };

    // Empty: every state.
    void setStates(const QSet<JobState> &states) { m_states = states; }
    QSet<JobState> states() const { return m_states; }
    bool acceptsState(JobState state) const { return m_states.isEmpty() || m_states.contains(state); }
    // Words that must all appear (any case) in the job's id (or Linkis task id), name, script or
    // submitter; blanks separate words.
    void setText(const QString &text);
    QString text() const { return m_text; }
    // Connection ids; empty: every connection.
    void setConnections(const QSet<QString> &connections) { m_connections = connections; }
    QSet<QString> connections() const { return m_connections; }
    void setTimeRange(TimeRange range) { m_range = range; }
    TimeRange timeRange() const { return m_range; }
    void setSubmittedByMe(bool on) { m_byMe = on; }
    bool submittedByMe() const { return m_byMe; }
    // Who "me" is on each connection (the user it logs in as); not part of what is saved.
    void setCurrentUser(const QString &connection, const QString &user);
    QString currentUser(const QString &connection) const { return m_users.value(connection); }
    QHash<QString, QString> currentUsers() const { return m_users; }
    void setCurrentUsers(const QHash<QString, QString> &users) { m_users = users; }

    bool accepts(const Job &job,
                 const QString &connection,
                 const QDateTime &now = QDateTime::currentDateTimeUtc()) const;
    // Everything but the states: what the per-state counts count.
    bool acceptsAnyState(const Job &job,
                         const QString &connection,
                         const QDateTime &now = QDateTime::currentDateTimeUtc()) const;
    // True when something is filtered out (not the defaults).
    bool isActive() const;
    // Back to the defaults; the current users stay.
    void clear();

    // The oldest submission the time range lets through at `now`; invalid for Any.
    QDateTime since(const QDateTime &now) const;

    void save(QSettings &settings) const;    // in the settings' current group
    void restore(const QSettings &settings); // what save() wrote; unknown values are skipped

    // Equal criteria (the current users do not count).
    bool operator==(const JobFilter &other) const;

private:
    QSet<JobState> m_states;
    QString m_text;
    QStringList m_words; // m_text split at blanks
    // One case-insensitive matcher per word, made once: a filter is tried on 100,000 jobs.
    std::vector<QStringMatcher> m_matchers;
    QSet<QString> m_connections;
    TimeRange m_range = TimeRange::Any;
    bool m_byMe = false;
    QHash<QString, QString> m_users;
};

} // namespace JobDeck
