#pragma once

#include "progress/progresshistory.h"

#include <QString>

#include <optional>

namespace JobDeck {

// Finished jobs' progress histories on disk, one small JSON file each in the cache directory
// (QStandardPaths::CacheLocation/progress), so a restarted console still charts how a job ran.
// It is a cache: the oldest files go once there are more than MaxFiles.
class ProgressStore
{
public:
    static constexpr int MaxFiles = 2000;

    // `directory` empty: the cache location.
    explicit ProgressStore(QString directory = {});

    QString directory() const { return m_directory; }
    // The key of a job: the connection it belongs to and its id.
    static QString key(const QString &connection, const QString &jobId);

    bool save(const QString &key, const ProgressHistory &history) const;
    // Nothing when there is no such file or it cannot be read.
    std::optional<ProgressHistory> load(const QString &key) const;

private:
    QString pathFor(const QString &key) const;
    void prune() const;

    QString m_directory;
};

} // namespace JobDeck
