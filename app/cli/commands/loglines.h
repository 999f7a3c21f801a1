#pragma once

#include "logs/loglevel.h"

#include <QString>
#include <QStringList>

#include <memory>

namespace JobDeck {

class CliOutput;
class LineFilter;

// Which lines of a job's log are printed, and how: as text on stdout, or as log events with
// --json (with each line's level). Lines are numbered from 1 for a job, whatever the
// backend's paging does; lines left out by --level or --grep keep the others' numbers.
// Copies share one reading of the log, so that a stack trace keeps its record's level.
class LogLines final
{
public:
    explicit LogLines(CliOutput &output, qint64 fromLine = 1);

    // Only lines of `minimum` and above (None: all).
    void setMinimumLevel(LineLevel minimum);
    // Only lines that match `pattern`; false (with `error`) when it is not a regular expression.
    bool setGrep(const QString &pattern, QString *error);

    // Prints `lines`, the first of which is line `first` of the job's log.
    void print(const QString &jobId, qint64 first, const QStringList &lines) const;

private:
    CliOutput *m_output;
    qint64 m_fromLine;
    std::shared_ptr<LineFilter> m_filter;
};

} // namespace JobDeck
