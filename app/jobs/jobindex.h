#pragma once

#include "jobs/job.h"

#include <QString>

#include <optional>

namespace JobDeck {

// Remembers the ids of jobs this machine submitted or saw, so a user can name a job by the
// one id JobDeck printed while the client still knows the others the backend needs (the
// Linkis taskID behind an execID). A JSON file per user; the oldest entries go first.
class JobIndex final
{
public:
    // `path` defaults to jobindex.json in the application data folder.
    explicit JobIndex(QString path = {});

    // `connection` names the server and user, e.g. "linkis http://gw:9001 alice".
    void remember(const QString &connection, const Job &job);
    std::optional<JobIds> find(const QString &connection, const QString &jobId) const;
    QString path() const { return m_path; }

    static constexpr int MaxEntries = 5000;

private:
    QString m_path;
};

} // namespace JobDeck
