// A job list: {jobs,size} (v2, 5.x v2-compat), {value,total_size} (v4) or a bare array (v1)
// (protocols.md 4.4, 4.6, 4.7).
#include "backends/kylin/kylinprotocol.h"
#include "fuzzinput.h"

using namespace JobDeck;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const HttpResponse response = Fuzz::responseFrom(data, size);
    for (const Kylin::Generation generation :
         {Kylin::Generation::V2, Kylin::Generation::V1, Kylin::Generation::V5}) {
        const Result<JobPage> page = Kylin::decodeJobList(response, generation);
        if (!page)
            continue;
        if (page->totalRows < -1)
            __builtin_trap();
        for (const Job &job : page->jobs) {
            if (job.id.isEmpty())
                __builtin_trap(); // rows without an id are left out
            if (!(job.progress == -1 || (job.progress >= 0 && job.progress <= 1)))
                __builtin_trap();
        }
    }
    return 0;
}
