#pragma once

#include <QHash>
#include <QMetaType>
#include <QString>

namespace JobDeck {

// One job among the jobs of every open connection: the same id can exist on two servers,
// so the console always names a job by its connection and its id together.
struct JobKey
{
    QString connection; // the connection's id (ConnectionId in console/), "local" for Local
    QString id;         // Job::id, as that connection's backend knows it

    bool isValid() const { return !id.isEmpty(); }
    bool operator==(const JobKey &) const = default;
};

inline size_t qHash(const JobKey &key, size_t seed = 0) noexcept
{
    return qHashMulti(seed, key.connection, key.id);
}

} // namespace JobDeck

Q_DECLARE_METATYPE(JobDeck::JobKey)
