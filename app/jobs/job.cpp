#include "jobs/job.h"

namespace JobDeck {

void mergeSubJobs(QList<SubJobProgress> &into, const QList<SubJobProgress> &update)
{
    for (const SubJobProgress &row : update) {
        if (row.id.isEmpty())
            continue;
        auto it = std::find_if(
            into.begin(), into.end(), [&](const SubJobProgress &existing) { return existing.id == row.id; });
        if (it != into.end())
            *it = row;
        else
            into.append(row);
    }
}

} // namespace JobDeck
