// Job summaries in both documented shapes (the job itself, or the aggregate with jobDetails[])
// and the list of all jobs (protocols.md 3.2): any field of any type.
#include "backends/sqlflow/sqlflowprotocol.h"
#include "fuzzinput.h"

using namespace JobDeck;

namespace {
void checkJob(const Job &job)
{
    if (job.progress != -1) // SQLFlow has no progress figure
        __builtin_trap();
    if (job.state != Sqlflow::stateFromStatus(job.rawStatus))
        __builtin_trap();
    if (job.submitted.isValid() && job.submitted.timeSpec() != Qt::UTC)
        __builtin_trap();
    if (job.ids.sqlflowJobId != job.id)
        __builtin_trap();
    if (job.state == JobState::Failed && job.errorMessage.isEmpty())
        __builtin_trap();
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const HttpResponse response = Fuzz::responseFrom(data, size);
    static const QTimeZone shanghai = QTimeZone::fromSecondsAheadOfUtc(8 * 3600);
    const QString wanted = QStringLiteral("c359aef4bd9641d697732422debd8055");
    if (const Result<Job> job = Sqlflow::decodeJob(response, wanted, shanghai)) {
        checkJob(*job);
        if (job->id != wanted)
            __builtin_trap();
    }
    if (const Result<Job> submitted = Sqlflow::decodeJob(response, {}, QTimeZone::UTC)) {
        checkJob(*submitted);
        if (submitted->id.isEmpty())
            __builtin_trap();
    }
    if (const Result<Sqlflow::JobList> list = Sqlflow::decodeJobList(response, shanghai)) {
        if (list->total < list->jobs.size())
            __builtin_trap();
        for (qsizetype i = 0; i < list->jobs.size(); ++i) {
            const Job &job = list->jobs.at(i);
            checkJob(job);
            if (job.id.isEmpty())
                __builtin_trap();
            // Newest first; jobs without a time last.
            if (i > 0) {
                const Job &before = list->jobs.at(i - 1);
                if (job.submitted.isValid()
                    && (!before.submitted.isValid() || before.submitted < job.submitted))
                    __builtin_trap();
            }
        }
    }
    return 0;
}
