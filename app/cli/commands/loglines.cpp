#include "cli/commands/loglines.h"

#include "cli/clioutput.h"

namespace JobDeck {

LogLines::LogLines(CliOutput &output, qint64 fromLine)
    : m_output(&output)
    , m_fromLine(fromLine)
{}

void LogLines::print(const QString &jobId, qint64 first, const QStringList &lines) const
{
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const qint64 n = first + i;
        if (n < m_fromLine)
            continue;
        if (m_output->json())
            m_output->emitEvent({{QStringLiteral("event"), QStringLiteral("log")},
                                 {QStringLiteral("job"), jobId},
                                 {QStringLiteral("line"), lines.at(i)},
                                 {QStringLiteral("n"), n}});
        else
            m_output->out() << lines.at(i) << u'\n';
    }
    m_output->out().flush();
}

} // namespace JobDeck
