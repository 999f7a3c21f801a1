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
    LogLines lines(m_cli.output(), fromLine);
    if (m_parser.isSet(QStringLiteral("level"))) {
        const auto level = parseLineLevel(m_parser.value(QStringLiteral("level")));
        if (!level) {
            usageError(tr("--level needs one of fatal, error, warn, info, debug, trace"));
            exitWith(UsageError);
            return;
        }
        lines.setMinimumLevel(*level);
    }
    if (m_parser.isSet(QStringLiteral("grep"))) {
        QString error;
        if (!lines.setGrep(m_parser.value(QStringLiteral("grep")), &error)) {
            usageError(tr("--grep needs a regular expression: %1").arg(error));
            exitWith(UsageError);
            return;
        }
    }
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
