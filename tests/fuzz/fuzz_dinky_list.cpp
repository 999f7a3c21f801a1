// The job list's ProTableResult, or the Result envelope that replaces it on errors
// (protocols.md 2.1, 2.5).
#include "backends/dinky/dinkyprotocol.h"
#include "fuzzinput.h"

using namespace JobDeck;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const HttpResponse response = Fuzz::responseFrom(data, size);
    static const QTimeZone zone = Dinky::zoneFromSetting(u"UTC+08:00");
    const Result<JobPage> page = Dinky::decodeJobList(response, Dinky::Generation::V1, zone);
    if (!page) {
        if (page.error().message.isEmpty())
            __builtin_trap();
        return 0;
    }
    if (page->page < 1 || page->pageSize < 1 || page->totalRows < -1)
        __builtin_trap();
    for (const Job &job : page->jobs) {
        if (job.id.isEmpty())
            __builtin_trap();
    }
    return 0;
}
