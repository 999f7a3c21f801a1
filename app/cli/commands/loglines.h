#pragma once

#include <QString>
#include <QStringList>

namespace JobDeck {

class CliOutput;

// Which lines of a job's log are printed, and how: as text on stdout, or as log events with
// --json. Lines are numbered from 1 for a job, whatever the backend's paging does.
class LogLines final
{
public:
    explicit LogLines(CliOutput &output, qint64 fromLine = 1);

    // Prints `lines`, the first of which is line `first` of the job's log.
    void print(const QString &jobId, qint64 first, const QStringList &lines) const;

private:
    CliOutput *m_output;
    qint64 m_fromLine;
};

} // namespace JobDeck
