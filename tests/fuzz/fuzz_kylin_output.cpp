// A step's output (v2 envelope, v1 bare object, 5.x head and tail around a separator) split
// into log lines, and 5.x's job detail (a list of steps) (protocols.md 4.4, 4.7).
#include "backends/kylin/kylinprotocol.h"
#include "fuzzinput.h"

using namespace JobDeck;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const HttpResponse response = Fuzz::responseFrom(data, size);
    for (const Kylin::Generation generation : {Kylin::Generation::V2, Kylin::Generation::V1}) {
        const Result<QString> output = Kylin::decodeStepOutput(response, generation);
        if (!output)
            continue;
        for (const bool headAndTail : {false, true}) {
            for (const QString &line : Kylin::outputLines(*output, headAndTail)) {
                if (line.contains(u'\n'))
                    __builtin_trap(); // one line is one line
                if (headAndTail && Kylin::isHeadTailSeparator(line))
                    __builtin_trap(); // the separator became a note
            }
        }
    }
    QString failure;
    const Result<QList<JobStep>> steps = Kylin::decodeStepDetail(response, &failure);
    if (steps) {
        for (const JobStep &step : *steps)
            (void)Kylin::stepSequence(step.id);
    }
    // The raw bytes as an output text too: the splitter alone.
    (void)Kylin::outputLines(QString::fromUtf8(Fuzz::bytesFrom(data, size)), true);
    return 0;
}
