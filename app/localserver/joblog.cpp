#include "localserver/joblog.h"

#include <QDateTime>

namespace JobDeck::Local {

JobLog::JobLog(QString path)
    : m_path(std::move(path))
    , m_file(m_path)
{}

QString JobLog::levelName(LogLevel level)
{
    switch (level) {
    case LogLevel::Warn:
        return QStringLiteral("WARN");
    case LogLevel::Error:
        return QStringLiteral("ERROR");
    case LogLevel::Info:
        break;
    }
    return QStringLiteral("INFO");
}

bool JobLog::open(QString *error)
{
    if (!m_file.open(QIODevice::ReadWrite | QIODevice::Append)) {
        if (error)
            *error = m_file.errorString();
        return false;
    }
    // Index what is there; a last line without its newline (a crash mid-write) is completed.
    m_offsets.clear();
    m_file.seek(0);
    qint64 position = 0;
    bool atLineStart = true;
    char buffer[64 * 1024];
    for (;;) {
        const qint64 n = m_file.read(buffer, sizeof buffer);
        if (n <= 0)
            break;
        for (qint64 i = 0; i < n; ++i) {
            if (atLineStart)
                m_offsets.append(position + i);
            atLineStart = buffer[i] == '\n';
        }
        position += n;
    }
    m_size = position;
    if (!atLineStart) {
        m_file.write("\n", 1);
        m_file.flush();
        ++m_size;
    }
    return true;
}

void JobLog::append(LogLevel level, QStringView text)
{
    // One log line is one line of the file: embedded line breaks become spaces.
    QString clean = text.toString();
    clean.replace(u'\n', u' ').replace(u'\r', u' ');
    const QByteArray line = (QDateTime::currentDateTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"))
                             + u' ' + levelName(level) + u' ' + clean + u'\n')
                                .toUtf8();
    m_offsets.append(m_size);
    m_file.write(line);
    m_file.flush();
    m_size += line.size();
}

QList<JobLog::Line> JobLog::read(qint64 from, qint64 count)
{
    QList<Line> lines;
    if (from < 0 || from >= m_offsets.size() || count <= 0)
        return lines;
    const qint64 to = std::min<qint64>(m_offsets.size(), from + count);
    const qint64 begin = m_offsets.at(from);
    const qint64 end = to < m_offsets.size() ? m_offsets.at(to) : m_size;
    m_file.seek(begin);
    const QByteArray bytes = m_file.read(end - begin);
    m_file.seek(m_size); // appends go on at the end
    lines.reserve(to - from);
    qsizetype start = 0;
    while (start < bytes.size()) {
        qsizetype newline = bytes.indexOf('\n', start);
        if (newline < 0)
            newline = bytes.size();
        const QByteArray raw = bytes.mid(start, newline - start);
        Line line;
        line.text = QString::fromUtf8(raw);
        // "yyyy-MM-dd HH:mm:ss.zzz LEVEL ..." : the level is the third word.
        const QByteArrayView level = QByteArrayView(raw).mid(24, 5);
        line.level = level.startsWith("ERROR")  ? LogLevel::Error
                     : level.startsWith("WARN") ? LogLevel::Warn
                                                : LogLevel::Info;
        lines.append(std::move(line));
        start = newline + 1;
    }
    return lines;
}

} // namespace JobDeck::Local
