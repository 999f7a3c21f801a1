#include "cli/commands/loglines.h"

#include "cli/clioutput.h"
#include "logs/linefilter.h"

namespace JobDeck {

LogLines::LogLines(CliOutput &output, qint64 fromLine)
    : m_output(&output)
    , m_fromLine(fromLine)
    , m_filter(std::make_shared<LineFilter>())
{}

void LogLines::setMinimumLevel(LineLevel minimum)
{
    m_filter->setMinimumLevel(minimum);
}

bool LogLines::setGrep(const QString &pattern, QString *error)
{
    if (m_filter->setGrep(pattern))
        return true;
    *error = m_filter->errorString();
    return false;
}

void LogLines::print(const QString &jobId, qint64 first, const QStringList &lines) const
{
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const qint64 n = first + i;
        // Every line is read for its level, printed or not: a stack trace takes its record's.
        const LineLevel level = m_filter->level(lines.at(i));
        if (n < m_fromLine || !m_filter->passes(lines.at(i), level))
            continue;
        if (m_output->json()) {
            QJsonObject event{{QStringLiteral("event"), QStringLiteral("log")},
                              {QStringLiteral("job"), jobId},
                              {QStringLiteral("line"), lines.at(i)},
                              {QStringLiteral("n"), n}};
            if (level != LineLevel::None)
                event.insert(QStringLiteral("level"), lineLevelName(level));
            m_output->emitEvent(event);
        } else {
            m_output->out() << lines.at(i) << u'\n';
        }
    }
    m_output->out().flush();
}

} // namespace JobDeck
