// A job instance (getJobInstance, 0.7 and 1.x) and a submit's JobResult as jobs: every field
// of any type (protocols.md 2.3, 2.4).
#include "backends/dinky/dinkyprotocol.h"
#include "fuzzinput.h"

using namespace JobDeck;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const HttpResponse response = Fuzz::responseFrom(data, size);
    const Result<Dinky::Envelope> envelope = Dinky::decodeEnvelope(response);
    if (!envelope)
        return 0;
    static const QTimeZone zone = Dinky::zoneFromSetting(u"");
    const QDateTime now = Dinky::parseServerTime(envelope->time, zone);
    const QJsonObject object = envelope->data.toObject();
    const Result<Job> job = Dinky::jobFromInstance(object, envelope->generation, zone, now);
    if (job) {
        if (job->id.isEmpty() || job->ids.dinkyInstanceId <= 0)
            __builtin_trap();
        if (job->progress != -1 && (job->progress < 0 || job->progress > 1))
            __builtin_trap();
        if (job->ended.isValid() && !job->isTerminal())
            __builtin_trap();
        // A fresh FAILED is Retrying, never anything else.
        if (job->state == JobState::Retrying
            && job->rawStatus.trimmed().compare(u"FAILED", Qt::CaseInsensitive) != 0
            && job->rawStatus.trimmed().compare(u"RESTARTING", Qt::CaseInsensitive) != 0)
            __builtin_trap();
    }
    const Job submitted = Dinky::jobFromJobResult(object, 7, zone);
    if (submitted.id.isEmpty() || submitted.ids.dinkyTaskId <= 0)
        __builtin_trap();
    (void)Dinky::savepointPathFrom(envelope->data);
    const ProgressReport progress = Dinky::progressFromJobDetail(object);
    if (progress.progress != -1 && (progress.progress < 0 || progress.progress > 1))
        __builtin_trap();
    for (const SubJobProgress &row : progress.subJobs) {
        if (row.id.isEmpty() || row.total < 0 || row.succeeded < 0 || row.running < 0 || row.failed < 0)
            __builtin_trap();
    }
    return 0;
}
