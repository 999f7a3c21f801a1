#pragma once

#include "localserver/jobrunner.h"

#include <QFile>
#include <QList>
#include <QString>
#include <QStringList>

namespace JobDeck::Local {

// One job's log: a text file of lines "yyyy-MM-dd HH:mm:ss.zzz LEVEL text" (the shape Linkis
// writes, so its level classification works) and an index of where each line starts, so a
// page anywhere in a 100,000-line log is one seek. Every line is flushed as it is appended:
// a restart loses nothing.
class JobLog final
{
public:
    struct Line
    {
        LogLevel level = LogLevel::Info;
        QString text; // the whole line, timestamp and level included
    };

    explicit JobLog(QString path);

    // Opens for appending, indexing what the file already holds.
    bool open(QString *error);
    void append(LogLevel level, QStringView text);
    qint64 lineCount() const { return m_offsets.size(); }
    // Lines [from, from + count), 0-based.
    QList<Line> read(qint64 from, qint64 count);
    QString path() const { return m_path; }

    static QString levelName(LogLevel level);

private:
    QString m_path;
    QFile m_file;
    QList<qint64> m_offsets; // where each line starts
    qint64 m_size = 0;
};

} // namespace JobDeck::Local
