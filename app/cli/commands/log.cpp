#include "cli/commands/log.h"

#include "cli/commands/loglines.h"

namespace JobDeck {

void LogCommand::run()
{
    qint64 fromLine = 1;
    if (m_parser.isSet(QStringLiteral("from"))) {
        bool ok = false;
        fromLine = m_parser.value(QStringLiteral("from")).toLongLong(&ok);
        if (!ok || fromLine < 1) {
            usageError(tr("--from needs a line number (counting from 1)"));
            exitWith(UsageError);
            return;
        }
    }
    const LogLines lines(m_cli.output(), fromLine);
    withJob([this, lines](const Job &job) {
        if (m_parser.isSet(QStringLiteral("follow"))) {
            follow(job, lines);
            return;
        }
        readLogOnce(job, {}, lines);
    });
}

void LogCommand::readLogOnce(const Job &job, LogCursor cursor, const LogLines &lines)
{
    auto *reading = m_backend->log(job, cursor, 10000);
    onFinished(reading, this, [this, job, lines, first = cursor.delivered + 1](const Result<LogPage> &page) {
        if (!page) {
            fail(page.error());
            return;
        }
        lines.print(job.id, first, page->lines);
        if (page->more && !page->complete)
            readLogOnce(job, page->next, lines);
        else
            exitWith(Done);
    });
}

} // namespace JobDeck
