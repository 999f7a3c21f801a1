#include "cli/commands/list.h"

#include "jobs/jobstate.h"

#include <QJsonObject>
#include <QRegularExpression>

namespace JobDeck {

namespace {

// "30m", "2h", "7d", "90s" or a bare number of seconds.
std::optional<qint64> parseDurationMs(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("^(\\d+)([smhdw]?)$"));
    const auto match = pattern.match(text.trimmed().toLower());
    if (!match.hasMatch())
        return std::nullopt;
    if (match.captured(1).size() > 9)
        return std::nullopt; // more than a billion weeks: no, and no overflow either
    const qint64 value = match.captured(1).toLongLong();
    const QString unit = match.captured(2);
    const qint64 factor = unit == u"m"   ? 60
                          : unit == u"h" ? 3600
                          : unit == u"d" ? 86400
                          : unit == u"w" ? 604800
                                         : 1;
    return value * factor * 1000;
}

} // namespace

void ListCommand::run()
{
    ListQuery query;
    bool ok = true;
    if (m_parser.isSet(QStringLiteral("limit")))
        query.pageSize = m_parser.value(QStringLiteral("limit")).toInt(&ok);
    if (!ok || query.pageSize < 1) {
        usageError(tr("--limit needs a positive number"));
        exitWith(UsageError);
        return;
    }
    if (m_parser.isSet(QStringLiteral("page")))
        query.page = m_parser.value(QStringLiteral("page")).toInt(&ok);
    if (!ok || query.page < 1) {
        usageError(tr("--page needs a positive number"));
        exitWith(UsageError);
        return;
    }
    if (m_parser.isSet(QStringLiteral("since"))) {
        const auto ms = parseDurationMs(m_parser.value(QStringLiteral("since")));
        if (!ms) {
            usageError(tr("--since needs a duration such as 30m, 2h or 7d"));
            exitWith(UsageError);
            return;
        }
        query.since = QDateTime::currentDateTimeUtc().addMSecs(-*ms);
    }
    if (m_parser.isSet(QStringLiteral("status"))) {
        for (const QString &word : m_parser.value(QStringLiteral("status")).split(u',', Qt::SkipEmptyParts)) {
            JobState state;
            if (parseJobState(word.trimmed(), &state))
                query.states.append(state);
            else
                query.rawStatuses.append(word.trimmed());
        }
    }
    auto *listing = m_backend->list(query);
    onFinished(listing, this, [this](const Result<JobPage> &page) {
        if (!page) {
            fail(page.error());
            return;
        }
        if (json()) {
            for (const Job &job : page->jobs) {
                QJsonObject event{{QStringLiteral("event"), QStringLiteral("job")},
                                  {QStringLiteral("job"), job.id},
                                  {QStringLiteral("state"), jobStateName(job.state)},
                                  {QStringLiteral("raw"), job.rawStatus},
                                  {QStringLiteral("engine"), job.engine},
                                  {QStringLiteral("submitter"), job.submitter}};
                if (job.ids.linkisTaskId > 0)
                    event.insert(QStringLiteral("taskId"), job.ids.linkisTaskId);
                if (job.submitted.isValid())
                    event.insert(QStringLiteral("submitted"), job.submitted.toString(Qt::ISODateWithMs));
                if (job.durationMs >= 0)
                    event.insert(QStringLiteral("durationMs"), job.durationMs);
                if (!job.name.isEmpty())
                    event.insert(QStringLiteral("name"), job.name);
                if (!job.project.isEmpty())
                    event.insert(QStringLiteral("project"), job.project);
                if (job.progress >= 0)
                    event.insert(QStringLiteral("progress"), job.progress);
                emitEvent(event);
            }
            QJsonObject summary{{QStringLiteral("event"), QStringLiteral("page")},
                                {QStringLiteral("page"), page->page},
                                {QStringLiteral("pageSize"), page->pageSize},
                                {QStringLiteral("count"), int(page->jobs.size())}};
            if (page->totalRows >= 0)
                summary.insert(QStringLiteral("total"), page->totalRows);
            emitEvent(summary);
        } else if (profile().kind != u"linkis" && profile().kind != u"local") {
            // Backends without Linkis' task ids and engines: the job id and its name.
            printLine(tr(
                "STATE       SUBMITTED             DURATION   JOB                                   NAME"));
            for (const Job &job : page->jobs) {
                printLine(QStringLiteral("%1 %2 %3 %4 %5")
                              .arg(jobStateDisplayName(job.state).leftJustified(11),
                                   formatTime(job.submitted).leftJustified(21),
                                   (job.durationMs >= 0 ? formatDuration(job.durationMs) : QString())
                                       .leftJustified(10),
                                   job.id.leftJustified(37),
                                   job.name));
            }
        } else {
            printLine(tr("TASK      STATE       ENGINE        SUBMITTED             DURATION   JOB"));
            for (const Job &job : page->jobs) {
                printLine(QStringLiteral("%1 %2 %3 %4 %5 %6")
                              .arg(QString::number(job.ids.linkisTaskId).leftJustified(9),
                                   jobStateDisplayName(job.state).leftJustified(11),
                                   job.engine.leftJustified(13),
                                   formatTime(job.submitted).leftJustified(21),
                                   (job.durationMs >= 0 ? formatDuration(job.durationMs) : QString())
                                       .leftJustified(10),
                                   job.id));
            }
            if (page->totalRows >= 0) {
                const qint64 pages = (page->totalRows + page->pageSize - 1) / std::max(1, page->pageSize);
                diagnose(tr("page %1 of %2, %3 jobs in all").arg(page->page).arg(pages).arg(page->totalRows));
            }
        }
        exitWith(Done);
    });
}

} // namespace JobDeck
