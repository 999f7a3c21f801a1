// A job-history task (QueryTaskVO) as a job: every field of any type (protocols.md 1.9).
#include "backends/linkis/linkisprotocol.h"
#include "fuzzinput.h"

#include <QJsonArray>

using namespace JobDeck;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const HttpResponse response = Fuzz::responseFrom(data, size);
    const Result<Linkis::Envelope> envelope = Linkis::decodeEnvelope(response);
    if (!envelope)
        return 0;
    const QJsonObject &payload = envelope->data;
    const Job job = Linkis::jobFromTask(payload.value(QLatin1StringView("task")).toObject());
    if (job.progress > 1.0)
        __builtin_trap();
    const QJsonValue tasks = payload.value(QLatin1StringView("tasks"));
    for (const QJsonValue &task : tasks.toArray())
        (void)Linkis::jobFromTask(task.toObject());
    return 0;
}
