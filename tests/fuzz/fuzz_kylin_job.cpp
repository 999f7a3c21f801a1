// A job answer (JobInstance of 2.x-4.x, 5.x ExecutableResponse) in every generation: state,
// progress, times, durations and steps from fields of any type (protocols.md 4.4, 4.5, 4.7).
#include "backends/kylin/kylinprotocol.h"
#include "fuzzinput.h"

using namespace JobDeck;

namespace {
void check(const Job &job)
{
    if (!(job.progress == -1 || (job.progress >= 0 && job.progress <= 1)))
        __builtin_trap(); // 0..1 or -1
    if (job.durationMs < -1)
        __builtin_trap();
    if (job.ended.isValid() && !job.isTerminal())
        __builtin_trap(); // only an ended job has an end
    for (const JobStep &step : job.steps) {
        (void)Kylin::stepSequence(step.id);
        (void)Kylin::stepHasEnded(step, job.isTerminal());
    }
    const JobActions actions = Kylin::actionsFor(job);
    if (actions.drop && actions.kill)
        __builtin_trap(); // droppable means ended: nothing left to discard
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const HttpResponse response = Fuzz::responseFrom(data, size);
    for (const Kylin::Generation generation :
         {Kylin::Generation::V2, Kylin::Generation::V1, Kylin::Generation::V5}) {
        const Result<Job> job = Kylin::decodeJob(response, generation);
        if (job) {
            if (job->id.isEmpty())
                __builtin_trap(); // a job answer without an id is an error
            check(*job);
        }
    }
    return 0;
}
