#include "jobs/jobfilter.h"

#include <QSettings>

#include <algorithm>

namespace JobDeck {

namespace {

constexpr auto StatesKey = "states";
constexpr auto TextKey = "text";
constexpr auto ConnectionsKey = "connections";
constexpr auto RangeKey = "timeRange";
constexpr auto ByMeKey = "submittedByMe";

const char *rangeName(JobFilter::TimeRange range)
{
    switch (range) {
    case JobFilter::TimeRange::Any:
        return "any";
    case JobFilter::TimeRange::LastHour:
        return "1h";
    case JobFilter::TimeRange::Last24Hours:
        return "24h";
    case JobFilter::TimeRange::Last7Days:
        return "7d";
    case JobFilter::TimeRange::Last30Days:
        return "30d";
    }
    return "any";
}

bool contains(const QString &haystack, const QStringMatcher &word)
{
    return !haystack.isEmpty() && word.indexIn(haystack) >= 0;
}

// Whether the decimal digits of `number` contain `word`, without making a string per job.
bool numberContains(qint64 number, QStringView word)
{
    char16_t digits[24];
    qsizetype length = 0;
    for (qint64 n = number; n > 0 && length < 24; n /= 10)
        digits[length++] = char16_t(u'0' + n % 10);
    std::reverse(digits, digits + length);
    return QStringView(digits, length).contains(word);
}

} // namespace

void JobFilter::setText(const QString &text)
{
    m_text = text;
    m_words = text.split(u' ', Qt::SkipEmptyParts);
    for (QString &word : m_words)
        word = word.trimmed();
    m_words.removeAll(QString());
    m_matchers.clear();
    for (const QString &word : std::as_const(m_words))
        m_matchers.emplace_back(word, Qt::CaseInsensitive);
}

void JobFilter::setCurrentUser(const QString &connection, const QString &user)
{
    if (user.isEmpty())
        m_users.remove(connection);
    else
        m_users.insert(connection, user);
}

QDateTime JobFilter::since(const QDateTime &now) const
{
    switch (m_range) {
    case TimeRange::Any:
        return {};
    case TimeRange::LastHour:
        return now.addSecs(-3600);
    case TimeRange::Last24Hours:
        return now.addSecs(-24 * 3600);
    case TimeRange::Last7Days:
        return now.addDays(-7);
    case TimeRange::Last30Days:
        return now.addDays(-30);
    }
    return {};
}

bool JobFilter::acceptsAnyState(const Job &job, const QString &connection, const QDateTime &now) const
{
    if (!m_connections.isEmpty() && !m_connections.contains(connection))
        return false;
    if (m_range != TimeRange::Any) {
        // A job the server gave no time cannot be placed in a range: it stays visible.
        if (job.submitted.isValid() && job.submitted < since(now))
            return false;
    }
    if (m_byMe) {
        const QString me = m_users.value(connection);
        // On a connection whose user is not known, every job is "mine" rather than none.
        if (!me.isEmpty() && job.submitter.compare(me, Qt::CaseInsensitive) != 0)
            return false;
    }
    for (size_t i = 0; i < m_matchers.size(); ++i) {
        const QStringMatcher &word = m_matchers[i];
        if (contains(job.id, word) || contains(job.name, word) || contains(job.submitter, word)
            || contains(job.script, word))
            continue;
        if (job.ids.linkisTaskId > 0 && numberContains(job.ids.linkisTaskId, m_words.at(qsizetype(i))))
            continue;
        return false;
    }
    return true;
}

bool JobFilter::accepts(const Job &job, const QString &connection, const QDateTime &now) const
{
    if (!acceptsState(job.state))
        return false;
    return acceptsAnyState(job, connection, now);
}

bool JobFilter::isActive() const
{
    return !m_states.isEmpty() || !m_words.isEmpty() || !m_connections.isEmpty() || m_range != TimeRange::Any
           || m_byMe;
}

void JobFilter::clear()
{
    const QHash<QString, QString> users = m_users;
    *this = JobFilter();
    m_users = users;
}

void JobFilter::save(QSettings &settings) const
{
    QStringList states;
    for (JobState state : m_states)
        states << jobStateName(state);
    states.sort();
    settings.setValue(StatesKey, states);
    settings.setValue(TextKey, m_text);
    QStringList connections(m_connections.cbegin(), m_connections.cend());
    connections.sort();
    settings.setValue(ConnectionsKey, connections);
    settings.setValue(RangeKey, QString::fromLatin1(rangeName(m_range)));
    settings.setValue(ByMeKey, m_byMe);
}

void JobFilter::restore(const QSettings &settings)
{
    clear();
    const QStringList states = settings.value(StatesKey).toStringList();
    for (const QString &name : states) {
        JobState state;
        if (parseJobState(name, &state))
            m_states.insert(state);
    }
    setText(settings.value(TextKey).toString());
    const QStringList connections = settings.value(ConnectionsKey).toStringList();
    for (const QString &connection : connections) {
        if (!connection.isEmpty())
            m_connections.insert(connection);
    }
    const QString range = settings.value(RangeKey).toString();
    for (TimeRange known : {TimeRange::Any,
                            TimeRange::LastHour,
                            TimeRange::Last24Hours,
                            TimeRange::Last7Days,
                            TimeRange::Last30Days}) {
        if (range == QLatin1StringView(rangeName(known)))
            m_range = known;
    }
    m_byMe = settings.value(ByMeKey, false).toBool();
}

bool JobFilter::operator==(const JobFilter &other) const
{
    return m_states == other.m_states && m_words == other.m_words && m_connections == other.m_connections
           && m_range == other.m_range && m_byMe == other.m_byMe;
}

} // namespace JobDeck
